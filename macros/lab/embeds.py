"""The lab's macros (like jupyterlite-sphinx's directives): ``notebook(name)`` and ``repl(code=...)``.

Their words are interface strings (lab_embed_*, data/strings/pages.yaml): an organisation may change them.
Their HTML is in overrides/partials/lab-embed.html and lab-offline.html.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..errors import ContentError, Problem
from ..project import PACKAGE_ROOT
from ..render import make_environment
from ..strings import default_strings, fill
from ..suggest import did_you_mean
from .project import Lab, load_lab

PARTIALS = PACKAGE_ROOT / "overrides" / "partials"


def notebook_title(path: Path) -> str:
    """The notebook's first Markdown heading, or its file name."""
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def embed_html(kind: str, url: str, title: str, link_text: str, height: int,
               strings: dict[str, str] | None = None) -> str:
    """An embed: title, privacy statement, a button that loads the lab in a frame, and a plain link.

    Without JavaScript only the link shows. The frame loads on request, not with the page: each one
    starts a Python of its own, which is too heavy to start unasked (jupyterlite-sphinx's "prompt" option).
    ``title`` and ``link_text`` are plain text; the other words come from ``strings`` (or the defaults).
    """
    template = make_environment(PARTIALS, strings or default_strings()).get_template("lab-embed.html")
    return template.render(kind=kind, url=url, title=title, link_text=link_text, height=height)


def offline_build(conf: Any) -> bool:
    """Is this the offline copy (file://)? The lab needs a web server (workers, a service worker), so it is left out."""
    for name, plugin in conf["plugins"].items():
        if name.endswith("offline") and getattr(plugin, "config", {}).get("enabled"):
            return True
    return False


def offline_note(title: str, strings: dict[str, str] | None = None) -> str:
    """In the offline copy, in place of an embed: its title and why the lab is not there."""
    template = make_environment(PARTIALS, strings or default_strings()).get_template("lab-offline.html")
    return template.render(title=title)


def register_macros(env: Any, root: Path, current_page: Callable[[], str], relative_to_page: Callable[[str], str],
                    strings: dict[str, str] | None = None) -> Lab | None:
    """Register ``notebook(name)`` and ``repl(code=...)``; return the project's lab (None without one).

    ``strings`` are the interface strings (an organisation's, else the defaults).
    """
    words = strings or default_strings()
    lab = load_lab(root)
    offline = offline_build(env.conf)

    def need_lab(call: str) -> Lab:
        if lab is None:
            raise ContentError("This project has no data lab.", [Problem(
                current_page(), call, "add lab/lab.json and lab/files/ (see docs/data-lab.md).")])
        return lab

    @env.macro
    def notebook(name: str, height: int = 640) -> Markup:
        """Embed a notebook from lab/files/<name>.ipynb, opened in the lab's Notebook app."""
        call = f'notebook("{name}")'
        found = need_lab(call).notebooks()
        if name not in found:
            hint = did_you_mean(name, found, f" Notebooks: {', '.join(found) or 'none'}.")
            raise ContentError(f"Unknown notebook {name!r}.", [Problem(
                current_page(), call, f"there is no lab/files/{name}.ipynb.{hint}")])
        title = notebook_title(found[name])
        if offline:
            return Markup(offline_note(fill(words["lab_embed_notebook_title"], title=title), words))
        url = relative_to_page(lab.notebook_url(name))
        return Markup(embed_html("notebook", url, fill(words["lab_embed_notebook_title"], title=title),
                                 fill(words["lab_embed_notebook_link"], title=title), height, words))

    @env.macro
    def repl(code: str = "", title: str | None = None, height: int = 360) -> Markup:
        """Embed the lab's REPL (a Python console), optionally running some code first. Without a title, the
        interface string lab_embed_repl_title names it."""
        title = title or words["lab_embed_repl_title"]
        url = relative_to_page(need_lab("repl()").repl_url(code))
        if offline:
            return Markup(offline_note(title, words))
        return Markup(embed_html("repl", url, title, words["lab_embed_repl_link"], height, words))

    return lab
