"""Lighthouse 12 (mobile, simulated throttling: its defaults) on module pages, ours beside plain Material's, both
served by hosting/nginx.conf with gzip (plain Material without the project's security headers, whose policy
would block its inline scripts). Service workers stay out of the trace: their script is blocked, so none
registers. Used by build_and_size.py (`make bench`); never by the test suite.

Lighthouse comes from npm, pinned (13 wants Node 22), through npx; Chromium from CHROME_PATH (or the one the tests
use). Where it cannot run, the figures say why instead.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from tests.helpers import chromium_path

LIGHTHOUSE = "lighthouse@12.2.3"
RUNS = int(os.environ.get("RS_LIGHTHOUSE_RUNS", "1"))  # per page and site; the median is shown
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def audit(url: str) -> tuple[float, float]:
    """One Lighthouse run on a URL: performance score (0-100) and first contentful paint (ms)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or chromium_path() or "/usr/bin/chromium"}
    command = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", "--output-path=stdout",
               "--only-categories=performance", f"--chrome-flags={CHROME_FLAGS}", "--blocked-url-patterns=*sw.js"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed: {result.stderr.strip()[-500:]}")
    report = json.loads(result.stdout)
    score = report["categories"]["performance"]["score"] * 100
    return score, report["audits"]["first-contentful-paint"]["numericValue"]


def print_lighthouse(sites: dict[str, Path], pages: list[str]) -> None:
    """Print the performance score and first contentful paint of each page on each site (median of RUNS)."""
    from tests.helpers import nginx, nginx_binary

    if nginx_binary() is None:
        print("Lighthouse: not run (nginx is not installed; Debian: apt-get install nginx)")
        return
    figures: dict[tuple[str, str], tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        no_headers = Path(tmp) / "no-headers.conf"
        no_headers.write_text("# plain Material: no security headers\n", encoding="utf-8")
        for label, site in sites.items():
            workdir = Path(tmp) / label
            workdir.mkdir()
            headers = {} if label == "ours" else {"headers": no_headers}
            with nginx(site, workdir, **headers) as base_url:
                for page in pages:
                    try:
                        runs = [audit(base_url + page.removesuffix("index.html")) for _ in range(RUNS)]
                    except (RuntimeError, OSError, subprocess.TimeoutExpired, ValueError, KeyError) as error:
                        print(f"Lighthouse: not run ({error})")
                        return
                    figures[(label, page)] = (statistics.median(score for score, _ in runs),
                                              statistics.median(fcp for _, fcp in runs))
    print(f"Lighthouse {LIGHTHOUSE.split('@')[1]} mobile, under hosting/nginx.conf with gzip "
          f"(targets: performance >= 95, FCP <= 1.1x plain's):")
    print(f"  {'page':<40} {'score ours':>10} {'plain':>6} {'FCP ours':>9} {'plain':>7} {'FCP ratio':>9}")
    for page in pages:
        (ours_score, ours_fcp), (plain_score, plain_fcp) = figures[("ours", page)], figures[("plain", page)]
        print(f"  {page:<40} {ours_score:>10.0f} {plain_score:>6.0f} {ours_fcp / 1000:>8.2f}s {plain_fcp / 1000:>6.2f}s"
              f" {ours_fcp / plain_fcp:>8.2f}x")
