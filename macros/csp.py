"""The Content-Security-Policy the site runs under, and a check of the built site against it.

The site needs no third-party origin and no inline script: Material's two inline scripts are served as files
(overrides/partials/javascripts/), as is ours (assets/js/head.js). So the policy is the same for every build
and every host. If a page does carry an inline script (a theme upgrade, a new template), its sha256 hash is
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


def policy(hashes: list[str] | None = None) -> str:
    """The policy as one header value, with any inline-script hashes added to script-src."""
    parts = []
    for directive, sources in POLICY.items():
        extra = [f"'{h}'" for h in hashes or []] if directive == "script-src" else []
        parts.append(" ".join([directive, *sources, *extra]))
    return "; ".join(parts)


def inline_scripts(site: Path) -> dict[str, list[str]]:
    """Every executable inline script in the built site: sha256 source expression -> pages holding it."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
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


def write_headers(site: Path) -> None:
    """Write ``_headers`` (Netlify, Cloudflare Pages) with the policy, other security headers and caching."""
    scripts = inline_scripts(site)
    for digest, pages in scripts.items():
        LOG.info("Inline script on %d page(s), e.g. %s: allowed by its hash (%s). Better: move it to a file.", len(pages), pages[0], digest)
    lines = ["/*", f"  Content-Security-Policy: {policy(sorted(scripts))}"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]
    # Only files whose names carry a content hash may be cached for a year (a new version gets a new name).
    for path in hashed_assets(site):
        lines += ["", "/" + path, "  Cache-Control: public, max-age=31536000, immutable"]
    lines.append("")
    (site / "_headers").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m macros.csp SITE_DIR   (prints the Content-Security-Policy the built site needs)")
    print(site_policy(Path(sys.argv[1])))
