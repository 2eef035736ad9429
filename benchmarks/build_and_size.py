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


def page_assets(site: Path, page: str) -> list[Path]:
    """The HTML, CSS and JS files a page loads (local files only)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    files = [html_path]
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        path = (html_path.parent / ref).resolve()
        if path.is_file():
            files.append(path)
    # Modules our app.js imports at run time: the shared library, progress, and each kind on the page.
    scripts = site / "assets" / "js"
    if scripts.is_dir():
        files += sorted((scripts / "lib").glob("*.js")) + [scripts / "apps" / "progress.js"]
        files += [scripts / "widgets" / f"{kind}.js" for kind in sorted(set(re.findall(r'data-rs-widget="([a-z-]+)"', html)))]
    return files


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
        print(f"  plain: {plain_raw:,} B raw, {plain_gz:,} B gzip  (ours is {ours_gz / plain_gz:.2f}x gzip)")
        widget_files = [p for p in (ours_site / "assets").rglob("*") if p.is_file() and p.suffix in {".js", ".css"}
                        and ("assets/js" in p.as_posix() or "assets/css" in p.as_posix())]
        w_raw, w_gz = weigh(widget_files)
        print(f"Widget JS + CSS alone ({len(widget_files)} files, all kinds): {w_raw:,} B raw, {w_gz:,} B gzip")


if __name__ == "__main__":
    main()
