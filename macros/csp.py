"""The Content-Security-Policy the site runs under, and a check of the built site against it.

The site needs no third-party origin and no inline script: Material's two inline scripts run from files
(overrides/partials/javascripts/: the head one inside ours, assets/js/head.js). So the policy is the same for
every build and every host.

The data lab (JupyterLite, under ``lab/``) is the one exception, and only for its own files: Pyodide compiles
WebAssembly and evaluates code ('wasm-unsafe-eval', 'unsafe-eval') and JupyterLab sets inline styles
('unsafe-inline' for styles only). It still gets nothing from any other origin. The site's pages embed the
lab in a frame, so the lab's looser policy never applies to the site's own pages.

The project ships no inline script outside ``lab/``. So the build stops if a page outside ``lab/`` carries an
executable inline script (a ``<script>`` without ``src`` whose type is JavaScript or a module; JSON data blocks
are fine) or an event-handler attribute (``onclick=`` and the like), naming the page and the fix; such code
is never allowed by adding its hash to the policy, which would let an injected script run on hosts that read
``_headers``. ``python -m macros.csp SITE_DIR`` prints the policy and runs the same check.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .clean_pages import CleanPages
from .errors import ContentError, Problem

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# What the data lab's files need on top of the site's policy (measured: tests/hosting/test_nginx.py runs a
# notebook through nginx under exactly this policy and fails on any violation).
LAB_EXTRA = {
    "script-src": ["'unsafe-eval'", "'wasm-unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
}
LAB_DIR = "lab"
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Powerful features no page uses. The group pulse page alone may use the camera, to read participants' QR
# codes on the facilitator's device (apps/pulse.js: frames are read in the browser, never sent or kept). A
# MediaStream shown in a <video> is not fetched, so the Content-Security-Policy needs nothing more for it.
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
CAMERA_PERMISSIONS = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"
CAMERA_DIRS = ("pulse",)
JS_TYPES = {"", "text/javascript", "module", "application/javascript", "application/ecmascript", "text/ecmascript",
            "text/jscript", "text/livescript", "application/x-javascript", "application/x-ecmascript"}
# An event-handler attribute: on and an event's name (a stray word "on" in a broken attribute is no handler).
EVENT_HANDLER = re.compile(r"on[a-z]+")
FIX = ("move the script into a file under overrides/assets/js/ (loaded with <script src=...>) and attach event "
       "handlers there with addEventListener; the site's Content-Security-Policy allows no inline code")


@dataclass(frozen=True)
class InlineCode:
    """One piece of inline code on a built page: an inline script or an event-handler attribute."""

    page: str
    line: int
    what: str

    def __str__(self) -> str:
        """Format as `page → line N: what`, like the build's other problems."""
        return f"{self.page} → line {self.line}: {self.what}"


class _InlineCodeFinder(HTMLParser):
    """Collect executable inline scripts and event-handler attributes of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._script: tuple[int, str] | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, _ in attrs:
            if EVENT_HANDLER.fullmatch(name.lower()):
                self.found.append((line, f"event-handler attribute {name}= on <{tag}>"))
        if tag == "script":
            values = {name.lower(): (value or "") for name, value in attrs}
            kind = values.get("type", "").split(";")[0].strip().lower()
            if "src" not in values and kind in JS_TYPES:
                self._script, self._body = (line, kind), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            line, kind = self._script
            body = " ".join("".join(self._body).split())
            shown = body[:60] + ("…" if len(body) > 60 else "")
            self.found.append((line, f"inline <script{f' type={kind}' if kind else ''}> ({shown or 'empty'})"))
            self._script = None


def page_inline_code(html: str, page: str) -> list[InlineCode]:
    """Every executable inline script and event-handler attribute in one page's HTML."""
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    if finder._script is not None:  # a <script> never closed: the rest of the page is its body
        finder.handle_endtag("script")
    return [InlineCode(page, line, what) for line, what in finder.found]


def inline_scripts(site: Path, clean: CleanPages | None = None) -> dict[str, list[InlineCode]]:
    """Every executable inline script and event-handler attribute in the built site outside ``lab/``, by page.
    With ``clean``, a page whose very text passed this check before is not read again (macros/clean_pages.py)."""
    found: dict[str, list[InlineCode]] = {}
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        if page.split("/", 1)[0] == LAB_DIR:
            continue  # JupyterLite's own pages, under the lab's policy
        html = path.read_text(encoding="utf-8", errors="replace")
        if clean is not None and clean.has_passed(html):
            continue
        code = page_inline_code(html, page)
        if code:
            found[page] = code
        elif clean is not None:
            clean.add(html)
    if clean is not None:
        clean.save()
    return found


def check_no_inline_code(site: Path) -> None:
    """Stop the build if a page outside ``lab/`` carries inline code, naming each page and the fix."""
    found = inline_scripts(site, CleanPages("inline-code", [Path(__file__)]))
    if found:
        problems = [Problem(item.page, f"line {item.line}", f"{item.what}: {FIX}.")
                    for items in found.values() for item in items]
        raise ContentError(f"Inline code on {len(found)} page(s); the site ships none outside lab/:", problems)


HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")


def hashed_assets(site: Path) -> list[str]:
    """Files whose names carry a content hash (Material's bundle, stylesheets and search worker)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and HASHED.search(p.name))


def policy(lab: bool = False) -> str:
    """The policy as one header value; ``lab=True`` gives the data lab's policy. It never lists script hashes."""
    parts = []
    for directive, sources in POLICY.items():
        loosened = LAB_EXTRA.get(directive, []) if lab else []
        parts.append(" ".join([directive, *sources, *loosened]))
    return "; ".join(parts)


def lab_policy() -> str:
    """The policy for the data lab's files (``lab/``)."""
    return policy(lab=True)


def strict_paths(site: Path) -> list[str]:
    """``_headers`` path patterns covering everything but the data lab: one per top-level file or folder.
    (Netlify and Cloudflare Pages combine every rule that matches a path, so a site-wide rule could not be
    loosened for lab/ alone.)"""
    patterns = ["/"]
    for entry in sorted(site.iterdir()):
        if entry.name in (LAB_DIR, "_headers"):
            continue
        patterns.append(f"/{entry.name}/*" if entry.is_dir() else f"/{entry.name}")
    return patterns


def permissions_policy(top: str) -> str:
    """The Permissions-Policy for a top-level file or folder of the site: the camera only for the pulse page."""
    return CAMERA_PERMISSIONS if top in CAMERA_DIRS else PERMISSIONS


def write_headers(site: Path) -> None:
    """Write ``_headers`` (Netlify, Cloudflare Pages): security headers, the policy for the site and for the
    data lab, and caching. Stops first if a page outside ``lab/`` carries inline code (check_no_inline_code)."""
    check_no_inline_code(site)
    lines = ["/*", *[f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]]
    strict = policy()
    # The service worker, its file list and the manifest: always checked for a newer release.
    fresh = {"/sw.js", "/offline-files.json", "/manifest.webmanifest"}
    for pattern in strict_paths(site):
        lines += ["", pattern, f"  Content-Security-Policy: {strict}",
                  f"  Permissions-Policy: {permissions_policy(pattern.strip('/').split('/')[0])}"]
        if pattern in fresh:
            lines.append("  Cache-Control: no-cache")
    if (site / LAB_DIR).is_dir():
        lines += ["", f"/{LAB_DIR}/*", f"  Content-Security-Policy: {lab_policy()}",
                  f"  Permissions-Policy: {PERMISSIONS}"]
    # Only files whose names carry a content hash may be cached for a year (a new version gets a new name).
    for path in hashed_assets(site):
        lines += ["", "/" + path, "  Cache-Control: public, max-age=31536000, immutable"]
    lines.append("")
    (site / "_headers").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m macros.csp SITE_DIR   "
                 "(checks the built site has no inline code; prints its Content-Security-Policy)")
    try:
        check_no_inline_code(Path(sys.argv[1]))
    except ContentError as error:
        sys.exit(str(error))
    print(f"Site (everything but lab/):\n{policy()}\n\nData lab (lab/):\n{lab_policy()}")
