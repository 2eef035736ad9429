"""The Content-Security-Policy the site runs under, and a check of the built site against it.

The site needs no third-party origin and no inline script: Material's two inline scripts are served as files
(overrides/partials/javascripts/), as is ours (assets/js/head.js). So the policy is the same for every build
and every host.

The data lab (JupyterLite, under ``lab/``) is the one exception, and only for its own files: Pyodide compiles
WebAssembly and evaluates code ('wasm-unsafe-eval', 'unsafe-eval') and JupyterLab sets inline styles
('unsafe-inline' for styles only). It still gets nothing from any other origin. The site's pages embed the
lab in a frame, so the lab's looser policy never applies to the site's own pages. If a page does carry an inline script (a theme upgrade, a new template), its sha256 hash is
added to the policy written to ``_headers`` and printed by ``python -m macros.csp SITE_DIR``, and the build
log names the page: move the script to a file, or copy the printed policy into your server configuration.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import sys
from pathlib import Path

LOG = logging.getLogger("mkdocs.plugins.reflective_supervision")

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
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
JS_TYPES = {"", "text/javascript", "module", "application/javascript"}


HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")


def hashed_assets(site: Path) -> list[str]:
    """Files whose names carry a content hash (Material's bundle, stylesheets and search worker)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and HASHED.search(p.name))


def policy(hashes: list[str] | None = None, lab: bool = False) -> str:
    """The policy as one header value, with any inline-script hashes added to script-src; ``lab=True`` gives
    the data lab's policy."""
    parts = []
    for directive, sources in POLICY.items():
        extra = [f"'{h}'" for h in hashes or []] if directive == "script-src" else []
        loosened = LAB_EXTRA.get(directive, []) if lab else []
        parts.append(" ".join([directive, *sources, *loosened, *extra]))
    return "; ".join(parts)


def lab_policy() -> str:
    """The policy for the data lab's files (``lab/``)."""
    return policy(lab=True)


def inline_scripts(site: Path) -> dict[str, list[str]]:
    """Every executable inline script in the built site: sha256 source expression -> pages holding it."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == LAB_DIR:
            continue  # JupyterLite's own pages, under the lab's policy
        for match in SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attributes, body = match.group(1), match.group(2)
            if re.search(r"\bsrc\s*=", attributes):
                continue
            kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attributes)
            if (kind.group(1).lower() if kind else "") not in JS_TYPES:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            found.setdefault(f"sha256-{digest}", []).append(page.relative_to(site).as_posix())
    return found


def site_policy(site: Path) -> str:
    """The policy the built site needs."""
    return policy(sorted(inline_scripts(site)))


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


def write_headers(site: Path) -> None:
    """Write ``_headers`` (Netlify, Cloudflare Pages): security headers, the policy for the site and for the
    data lab, and caching."""
    scripts = inline_scripts(site)
    for digest, pages in scripts.items():
        LOG.info("Inline script on %d page(s), e.g. %s: allowed by its hash (%s). Better: move it to a file.", len(pages), pages[0], digest)
    lines = ["/*", *[f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]]
    strict = policy(sorted(scripts))
    for pattern in strict_paths(site):
        lines += ["", pattern, f"  Content-Security-Policy: {strict}"]
    if (site / LAB_DIR).is_dir():
        lines += ["", f"/{LAB_DIR}/*", f"  Content-Security-Policy: {lab_policy()}"]
    # Only files whose names carry a content hash may be cached for a year (a new version gets a new name).
    for path in hashed_assets(site):
        lines += ["", "/" + path, "  Cache-Control: public, max-age=31536000, immutable"]
    lines.append("")
    (site / "_headers").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m macros.csp SITE_DIR   (prints the Content-Security-Policy the built site needs)")
    print(f"Site (everything but lab/):\n{site_policy(Path(sys.argv[1]))}\n\nData lab (lab/):\n{lab_policy()}")
