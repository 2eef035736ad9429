"""Benchmark: build time against plain Material, and page weight against a plain Material page.

Prints figures; asserts nothing. Run with `make bench`. Both builds run in this one process, alternating,
so the ratio is fair on a noisy machine.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.first_visit import print_figures  # noqa: E402
from tests.helpers import ROOT, mkdocs_build  # noqa: E402

RUNS = 3
MODULE_PAGE = "modules/supervision-models/index.html"
PLAIN_CONFIG = """\
site_name: Plain
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions: [abbr, admonition, attr_list, def_list, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences]
"""


def plain_copy(target: Path) -> Path:
    """Copy the docs with every macro call removed, for a plain Material build of the same Markdown."""
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"\{%.*?%\}", "", text, flags=re.S)
        text = re.sub(r"\{\{.*?\}\}", "", text, flags=re.S)
        page.write_text(text, encoding="utf-8")
    (target / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return target


def timed_build(project: Path, out: Path, strict: bool = True) -> float:
    """Build once and return the wall time in seconds."""
    start = time.perf_counter()
    result = mkdocs_build(project, out) if strict else None
    elapsed = time.perf_counter() - start
    if result is not None and result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-2000:]}")
    return elapsed


def plain_build(project: Path, out: Path) -> float:
    """Build the plain copy (not strict: its links to macro-made anchors are gone)."""
    import subprocess

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=project, check=True,
                   capture_output=True)
    return time.perf_counter() - start


# Static imports (import ... from "x"; import "x") in our scripts.
STATIC_IMPORT = re.compile(r"""^\s*import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+\.js)["']""", re.M)


def with_imports(scripts: list[Path]) -> list[Path]:
    """The given scripts and every script they import, directly or through others (each file once)."""
    found: list[Path] = []
    queue = list(scripts)
    while queue:
        script = queue.pop(0)
        if script in found or not script.is_file():
            continue
        found.append(script)
        queue += [(script.parent / target).resolve() for target in STATIC_IMPORT.findall(script.read_text(encoding="utf-8"))]
    return found


def page_assets(site: Path, page: str) -> list[Path]:
    """The HTML, CSS and JS files a page loads (local files only): what it links, and the modules our app.js
    loads for it at run time (each exercise kind and page application on it, progress) with their imports."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    linked = [(html_path.parent / ref).resolve() for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)]
    files = [html_path] + [path for path in linked if path.is_file() and path.suffix == ".css"]
    scripts = [path for path in linked if path.is_file() and path.suffix == ".js"]
    folder = site / "assets" / "js"
    if folder.is_dir():
        scripts += [folder / "widgets" / f"{kind}.js" for kind in sorted(set(re.findall(r'data-rs-widget="([a-z-]+)"', html)))]
        scripts += [folder / "apps" / f"{app}.js" for app in sorted(set(re.findall(r'data-rs-app="([a-z-]+)"', html)))]
        scripts.append(folder / "apps" / "progress.js")
    return files + with_imports([path.resolve() for path in scripts])


def weigh(files: list[Path]) -> tuple[int, int]:
    """Raw and gzip (level 6) bytes of some files."""
    raw = sum(path.stat().st_size for path in files)
    packed = sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)
    return raw, packed


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        plain = plain_copy(tmp_path / "plain")
        ours_times, plain_times = [], []
        for run in range(RUNS):
            ours_times.append(timed_build(ROOT, tmp_path / f"ours-{run}"))
            plain_times.append(plain_build(plain, tmp_path / f"plain-{run}"))
        ours_med, plain_med = statistics.median(ours_times), statistics.median(plain_times)
        print(f"Full build, median of {RUNS}: ours {ours_med:.2f} s, plain Material {plain_med:.2f} s, ratio {ours_med / plain_med:.2f}x")
        print(f"  ours:  {', '.join(f'{t:.2f}' for t in ours_times)} s")
        print(f"  plain: {', '.join(f'{t:.2f}' for t in plain_times)} s")

        ours_site, plain_site = tmp_path / "ours-0", tmp_path / "plain-0"
        ours_raw, ours_gz = weigh(page_assets(ours_site, MODULE_PAGE))
        plain_raw, plain_gz = weigh(page_assets(plain_site, MODULE_PAGE))
        print(f"Module page {MODULE_PAGE} (HTML + CSS + JS it links):")
        print(f"  ours:  {ours_raw:,} B raw, {ours_gz:,} B gzip")
        print(f"  plain: {plain_raw:,} B raw, {plain_gz:,} B gzip  (ours is {ours_raw / plain_raw:.2f}x raw, {ours_gz / plain_gz:.2f}x gzip)")
        assets = ours_site / "assets"
        kinds_js = sorted((assets / "js" / "widgets").glob("*.js"))
        kinds_css = sorted((assets / "css" / "widgets").glob("*.css"))
        shared = [path for path in with_imports([p.resolve() for p in kinds_js]) if path not in {p.resolve() for p in kinds_js}]
        for label, files in ((f"Widget scripts, {len(kinds_js)} kinds", kinds_js), (f"Widget styles, {len(kinds_css)} files", kinds_css),
                             (f"Shared modules the widget scripts import, {len(shared)} files", shared)):
            raw, packed = weigh(files)
            print(f"{label}: {raw:,} B raw, {packed:,} B gzip")
        raw, packed = weigh(kinds_js + kinds_css + shared)
        print(f"Widget JS + CSS alone (all of the above): {raw:,} B raw, {packed:,} B gzip")
        print_figures(ours_site)


if __name__ == "__main__":
    main()
