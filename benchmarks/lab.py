"""Benchmark the data lab: time from opening a notebook to its first cell output (cold and warm), against a
plain offline JupyterLite build of the same notebook measured in the same run; the lab's payload; and the
site's build time with and without a lab rebuild.

Prints figures; asserts nothing. Run with `make bench-lab` (after `make lab-setup`).

- "Plain" is the recipe of the offline notes (shared/notes/jupyterlite-offline.md, Route 1): Pyodide and the
  kernel's wheels served by the site, PyPI fallback off, nothing else changed.
- "Ours" is the site's lab (lab/lab.json "kernel"): Python's standard library and the wheels precompiled to
  bytecode at build time (lab/kernel/precompile.mjs), the kernel's packages preloaded in one parallel step,
  jedi left out, and the notebook's folder searched last on import (lab/kernel/sitecustomize.py).
- Cold: a new browser profile (empty HTTP cache, no service worker). Warm: the same profile, second visit.
- The two builds are measured alternately, ROUNDS times each, and medians compared, because this machine is
  shared and noisy.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.lab import Lab
from tests.browser import lab_kit
from tests.helpers import CHROMIUM_FLAGS, ROOT, chromium_path, mkdocs_build, serve

ROUNDS = int(os.environ.get("RS_BENCH_ROUNDS", "3"))
NOTEBOOK = "audit-run-chart"
LAST_LINE = "Shift: 8 points above the median"


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def mib(n: int) -> str:
    return f"{n / 1048576:.1f} MiB"


def build_figures() -> None:
    """Site build time with a lab rebuild (empty lab cache) and without (cached lab)."""
    lab = Lab(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "lab-cache"
        cache.mkdir()
        (cache / "downloads").symlink_to(lab.downloads, target_is_directory=True)
        env = {"RS_LAB_CACHE": str(cache)}
        times = []
        for label in ("with a lab rebuild (empty lab cache)", "without (lab cached; as after a Markdown change)",
                      "without, again"):
            start = time.perf_counter()
            result = mkdocs_build(ROOT, Path(tmp) / "site", extra_env=env)
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                raise SystemExit(result.stderr[-2000:])
            times.append(elapsed)
            print(f"  site build {label}: {elapsed:.1f} s")
        os.environ["RS_LAB_CACHE"] = str(cache)
        start = time.perf_counter()
        Lab(ROOT).built("plain")
        print(f"  plain lab build alone (jupyter lite build + lock): {time.perf_counter() - start:.1f} s")
        del os.environ["RS_LAB_CACHE"]


def payload_figures(site_lab: Path, plain_lab: Path) -> None:
    ours, ours_files = size(site_lab)
    plain, plain_files = size(plain_lab)
    pyodide, _ = size(site_lab / "static" / "pyodide")
    print(
        f"  lab folder: {ours:,} B ({mib(ours)}, {ours_files} files); plain build {plain:,} B ({mib(plain)}, "
        f"{plain_files} files)"
    )
    print(f"  of which Pyodide and wheels (static/pyodide): {pyodide:,} B ({mib(pyodide)})")


def timings(browser: object, builds: dict[str, Path]) -> dict[str, dict[str, list[float]]]:
    results = {name: {"cold": [], "warm": [], "ui": [], "bytes": []} for name in builds}
    for round_number in range(ROUNDS):
        for name, folder in builds.items():
            release = next((folder / "files").iterdir()).name
            with serve(folder) as base:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                fetched = []
                context.on(
                    "requestfinished",
                    lambda request, fetched=fetched: fetched.append(request.sizes()["responseBodySize"]),
                )
                for kind in ("cold", "warm"):
                    page = context.new_page()
                    figures = lab_kit.open_and_run(page, lab_kit.notebook_path(base, release, NOTEBOOK))
                    lab_kit.wait_for_text(page, LAST_LINE)
                    page.close()
                    results[name][kind].append(figures["first_output"])
                    if kind == "cold":
                        results[name]["ui"].append(figures["ui"])
                        results[name]["bytes"].append(sum(fetched))
                    print(
                        f"  round {round_number + 1} {name:5} {kind}: notebook UI {figures['ui']:.1f} s, first "
                        f"output {figures['first_output']:.1f} s",
                        flush=True,
                    )
                context.close()
    return results


def main() -> None:
    from playwright.sync_api import sync_playwright

    lab = Lab(ROOT)
    print("Build")
    build_figures()
    builds = {"plain": lab.built("plain"), "ours": lab.built("site")}
    print("Payload")
    payload_figures(builds["ours"], builds["plain"])
    print(f"Time from opening the notebook ({NOTEBOOK}) to its first cell output, {ROUNDS} rounds, alternating")
    with sync_playwright() as playwright:
        launch = {
            "args": CHROMIUM_FLAGS + ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
        }
        if chromium_path():
            launch["executable_path"] = chromium_path()
        browser = playwright.chromium.launch(**launch)
        results = timings(browser, builds)
        browser.close()
    print("Summary (medians)")
    for kind in ("cold", "warm"):
        plain, ours = statistics.median(results["plain"][kind]), statistics.median(results["ours"][kind])
        print(f"  {kind}: ours {ours:.1f} s, plain {plain:.1f} s, ratio {ours / plain:.2f}x (goal: at most 0.6x)")
    for name in builds:
        print(f"  {name}: notebook UI ready {statistics.median(results[name]['ui']):.1f} s; "
              f"fetched on a cold open {statistics.median(results[name]['bytes']):,.0f} B")


if __name__ == "__main__":
    main()
