// Precompile the lab kernel's Python to bytecode at build time, with the same Pyodide the browser runs
// (so the bytecode matches its Python exactly), run by Node. Pyodide's npm package ships the standard
// library and PyPI's wheels ship Python source, which the browser would otherwise compile on every start.
//
// Usage: node lab/kernel/precompile.mjs DIR   (DIR holds pyodide.mjs, python_stdlib.zip and the *.whl files;
// each is rewritten in place with every .py replaced by its .pyc, as Pyodide's own "py-compile" does).
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.argv[2]);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: dir + "/" });
pyodide.FS.mkdirTree("/out");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: dir }, "/out");
const archives = ["python_stdlib.zip", ...readdirSync(dir).filter((name) => name.endsWith(".whl"))];
pyodide.globals.set("archives", pyodide.toPy(archives));
pyodide.runPython(`
import importlib.util, io, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
SITE = f"/lib/python{sys.version_info.major}.{sys.version_info.minor}/site-packages"

def entry(member):
    info = zipfile.ZipInfo(member, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info

def sourceless(name):
    source = zipfile.ZipFile(f"/out/{name}")
    buffer = io.BytesIO()
    members = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            member = info.filename
            if member.endswith(".py"):
                where = f"{STDLIB}/{member}" if name == "python_stdlib.zip" else f"{SITE}/{member}"
                try:
                    code = compile(data, where, "exec", dont_inherit=True, optimize=0)
                except SyntaxError:
                    target.writestr(entry(member), data)  # keep as source: Python decides what to do with it
                    members.append(member)
                    continue
                data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
                member += "c"
            elif member.endswith(".dist-info/RECORD"):
                continue
            target.writestr(entry(member), data)
            members.append(member)
        records = [m for m in source.namelist() if m.endswith(".dist-info/RECORD")]
        if records:
            record = records[0]
            target.writestr(entry(record),
                            "".join(f"{m},,\\n" for m in members + [record]))
    source.close()
    with open(f"/out/{name}", "wb") as out:
        out.write(buffer.getvalue())

for name in archives:
    sourceless(name)
`);
console.log(`precompiled ${archives.length} archives`);
