"""What the lab's built files need before they go into the site: no inline scripts (the site's CSP), the early
kernel start, and a cheap copy (hard links)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..errors import ContentError, Problem
from .settings import EARLY_KERNEL_APPS, EARLY_KERNEL_START

INLINE_SCRIPT = re.compile(r'<script( type="module")?>(.*?)</script>', re.DOTALL)


def externalise_inline_scripts(folder: Path) -> None:
    """Move JupyterLite's inline start-up scripts into files beside their pages, so the site's
    Content-Security-Policy needs no script hashes (macros/csp.py). A classic script's import() resolves
    against the script's own URL, which is in the page's folder, so nothing else changes."""
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        scripts = INLINE_SCRIPT.findall(html)
        for number, (module, body) in enumerate(scripts):
            name = f"{page.stem}.start{number or ''}.js"
            (page.parent / name).write_text(body.strip() + "\n", encoding="utf-8")
            html = html.replace(f"<script{module}>{body}</script>", f'<script{module} src="{name}"></script>', 1)
        if scripts:
            page.write_text(html, encoding="utf-8")


def add_early_kernel_start(folder: Path, script: Path) -> None:
    """Copy the early kernel start script to the lab's top folder and load it first in the apps that open
    notebooks (before JupyterLite's own start-up script, so it is ready when the app starts)."""
    shutil.copy2(script, folder / script.name)
    for app in EARLY_KERNEL_APPS:
        page = folder / app / "index.html"
        html = page.read_text(encoding="utf-8")
        start = '<script src="index.start.js"></script>'
        if start not in html:
            raise ContentError("The data lab's pages changed shape.", [Problem(
                f"lab/{app}/index.html", EARLY_KERNEL_START,
                f"no {start} to load the early kernel start before: check macros/lab/site_files.py.")])
        page.write_text(html.replace(start, f'<script src="../{script.name}"></script>\n    {start}', 1),
                        encoding="utf-8")


def link_or_copy(source: str, target: str) -> None:
    """Hard-link a file (the lab is large), or copy it where links are not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
