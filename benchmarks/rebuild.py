"""Benchmark: how long `mkdocs serve` takes to rebuild after an author edits one module page.

Serve builds once, then, after each edit, loads the configuration again and builds the whole site again in the
same process (MkDocs 1.6: ``mkdocs.commands.serve``). This does the same without a server: in a fresh process, a
first build, an edit to one module page, then the rebuild, which is timed. The project it builds is a folder of
links to this one's files with copies of the docs (the page edited is a copy: the checkout is never touched),
mkdocs.yml and macros/. Used by build_and_size.py (`make bench`); prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import ROOT, VENV_BIN

EDITED_PAGE = "modules/supervision-models.md"

# Run in a child process (the figures are of a fresh interpreter, as `make serve` starts one). argv: the project
# (a copy), the page to edit (in its docs folder), the site folder. Prints the two times as JSON.
CHILD = """
import json, logging, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, page, site = sys.argv[1:]
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")  # a failed build says why

def config():
    return load_config(config_file=str(Path(project) / "mkdocs.yml"), site_dir=site, strict=True)

first_config = config()
first_config.plugins.on_startup(command="serve", dirty=False)
start = time.perf_counter()
build(first_config)
first = time.perf_counter() - start
edited = Path(project) / "docs" / page
edited.write_text(edited.read_text(encoding="utf-8") + "\\nAn author's edit.\\n", encoding="utf-8")
start = time.perf_counter()
build(config())
print(json.dumps({"first": first, "rebuild": time.perf_counter() - start}))
"""


def linked_project(target: Path) -> None:
    """A folder holding a link to each of the project's files and folders, and copies of what must sit beside the
    docs it builds (through a link, each would name the project's own folder): the docs, mkdocs.yml and the
    build's code (macros/, which finds the project from where it is)."""
    copied = {"docs", "mkdocs.yml", "macros"}
    target.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in copied | {"site", ".git"}:
            (target / entry.name).symlink_to(entry)
    for name in copied:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, target / name)


def serve_rebuild(runs: int = 3) -> tuple[float, float]:
    """Median seconds of a first build and of the rebuild after editing one module page, in one process."""
    firsts, rebuilds = [], []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for run in range(runs):
            shutil.rmtree(project, ignore_errors=True)
            linked_project(project)
            result = subprocess.run([str(VENV_BIN / "python"), "-c", CHILD, str(project), EDITED_PAGE,
                                     str(Path(tmp) / f"site-{run}")],
                                    cwd=project, capture_output=True, text=True, timeout=600, check=False,
                                    env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(VENV_BIN) + ":/usr/bin:/bin"})
            if result.returncode != 0:
                raise RuntimeError(f"the rebuild benchmark failed:\n{result.stderr[-2000:]}")
            times = json.loads(result.stdout.strip().splitlines()[-1])
            firsts.append(times["first"])
            rebuilds.append(times["rebuild"])
    return statistics.median(firsts), statistics.median(rebuilds)


def print_rebuild() -> None:
    """Print serve's rebuild time after an edit to one module page."""
    try:
        first, rebuild = serve_rebuild()
    except (RuntimeError, OSError, subprocess.TimeoutExpired, ValueError, KeyError) as error:
        print(f"mkdocs serve's rebuild: not measured ({error})")
        return
    print(f"mkdocs serve's rebuild after editing {EDITED_PAGE}, median of 3: {rebuild:.2f} s "
          f"(its first build in that process: {first:.2f} s)")


if __name__ == "__main__":
    print_rebuild()
