"""Benchmark: build time against plain Material, and page weight against a plain Material page.

Prints figures; asserts nothing. Run with `make bench`. Both builds run in this one process, alternating,
so the ratio is fair on a noisy machine.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.first_visit import print_figures
from benchmarks.rebuild import print_rebuild
from tests.helpers import ROOT, mkdocs_build

RUNS = int(os.environ.get("RS_BENCH_RUNS", "3"))  # builds of each site, alternating
MODULE_PAGE = "modules/supervision-models/index.html"
PLAIN_CONFIG = """\
site_name: Plain
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions: [abbr, admonition, attr_list, def_list, md_in_html, tables, toc,
                      pymdownx.details, pymdownx.superfences]
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
        targets = STATIC_IMPORT.findall(script.read_text(encoding="utf-8"))
        queue += [(script.parent / target).resolve() for target in targets]
    return found


def page_assets(site: Path, page: str) -> list[Path]:
    """The HTML, CSS and JS files a page links (local files only) and the scripts they import statically."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    linked = [(html_path.parent / ref).resolve() for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)]
    files = [html_path] + [path for path in linked if path.is_file() and path.suffix == ".css"]
    return files + with_imports([path for path in linked if path.is_file() and path.suffix == ".js"])


def weigh(files: list[Path]) -> tuple[int, int]:
    """Raw and gzip (level 6) bytes of some files."""
    raw = sum(path.stat().st_size for path in files)
    packed = sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)
    return raw, packed


def search_index_gzip(site: Path) -> int:
    """The search index's size, gzip."""
    return len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6))


def print_loads(ours_site: Path, plain_site: Path) -> None:
    """What a browser fetches at load on the three heaviest module pages, ours beside plain Material's."""
    from benchmarks.page_load import heaviest_module_pages, measure_loads

    pages = heaviest_module_pages(ours_site)
    loads = measure_loads({"ours": ours_site, "plain": plain_site}, pages)
    print("At load, measured in Chromium (gzip bytes; targets: our CSS + JS <= 25 KB, requests <= plain + 8):")
    print(f"  {'page':<40} {'our CSS+JS':>10} {'requests':>14} {'HTML ratio':>10} {'total ratio':>11}")
    for page in pages:
        ours, plain = loads[("ours", page)], loads[("plain", page)]
        html_ratio = ours.gzip_bytes("html") / plain.gzip_bytes("html")
        total_ratio = ours.gzip_bytes() / plain.gzip_bytes()
        print(f"  {page:<40} {ours.gzip_bytes('ours'):>10,} {ours.requests():>6} vs {plain.requests():<5}"
              f" {html_ratio:>9.2f}x {total_ratio:>10.2f}x")
    print("  (total: everything fetched, including the HTML, Material's files and the search index)")
    if os.environ.get("RS_LIGHTHOUSE", "1") != "0":  # RS_LIGHTHOUSE=0 leaves Lighthouse out
        from benchmarks.lighthouse import print_lighthouse

        print_lighthouse({"ours": ours_site, "plain": plain_site}, pages)


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
        print(f"Full build, median of {RUNS}: ours {ours_med:.2f} s, plain Material {plain_med:.2f} s, "
              f"ratio {ours_med / plain_med:.2f}x (target <= 2x)")
        print(f"  ours:  {', '.join(f'{t:.2f}' for t in ours_times)} s")
        print(f"  plain: {', '.join(f'{t:.2f}' for t in plain_times)} s")
        print_rebuild()

        ours_site, plain_site = tmp_path / "ours-0", tmp_path / "plain-0"
        ours_index, plain_index = search_index_gzip(ours_site), search_index_gzip(plain_site)
        print(f"Search index, gzip: ours {ours_index:,} B, plain {plain_index:,} B, "
              f"ratio {ours_index / plain_index:.2f}x (target <= 1.6x)")
        print_loads(ours_site, plain_site)
        ours_raw, ours_gz = weigh(page_assets(ours_site, MODULE_PAGE))
        plain_raw, plain_gz = weigh(page_assets(plain_site, MODULE_PAGE))
        print(f"Module page {MODULE_PAGE} (HTML + the CSS and JS it links):")
        print(f"  ours:  {ours_raw:,} B raw, {ours_gz:,} B gzip")
        print(f"  plain: {plain_raw:,} B raw, {plain_gz:,} B gzip  "
              f"(ours is {ours_raw / plain_raw:.2f}x raw, {ours_gz / plain_gz:.2f}x gzip)")
        print_figures(ours_site)


if __name__ == "__main__":
    main()
