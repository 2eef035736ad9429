"""Links in an overlay's own text (``helplines``) to pages of the site: checked against the copy, blamed on the
overlay file and key.

A helpline is shown inside exercises on many pages, so its links to the site's pages are written from the docs
folder (``modules/wellbeing-and-resilience.md``), as in exercise text. However a link is written
(``modules/x.md``, ``../modules/x.md``, ``/modules/x/``, ``modules/x/``), one that goes to a page the copy
leaves out, or to no page at all, stops the build with the overlay file, the key and the fix, rather than
failing later in an upstream exercise file or silently becoming plain text.
"""

from __future__ import annotations

import logging
import posixpath
import re
from typing import Any

from .errors import Problem

LOG = logging.getLogger("mkdocs.plugins.reflective_supervision")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# A rendered link to a docs page, as exercise text writes them (href="modules/x.md#anchor").
MD_ANCHOR = re.compile(r'<a href="(?![a-z]+:|/|#)([^"#]+\.md)(?:#[^"]*)?"[^>]*>(.*?)</a>', re.DOTALL)


def site_sources(target: str) -> list[str]:
    """The docs pages (src_uri) a link written in overlay text may mean, read from the site's root: leading
    ``/``, ``./`` and ``../`` are dropped, and a built address (``modules/x/``, ``modules/x.html``) names its
    page. An external link, an anchor alone or an empty path means none."""
    if EXTERNAL.match(target) or target.startswith(("#", "//")):
        return []
    path = target.split("#", 1)[0].split("?", 1)[0]
    path = re.sub(r"^(?:/|\./|\.\./)+", "", path)
    if not path:
        return ["index.md"]
    if path.endswith(".md"):
        return [posixpath.normpath(path)]
    stem = path.removesuffix("index.html").removesuffix(".html").rstrip("/")
    return ["index.md"] if stem in ("", ".") else [f"{stem}.md", f"{stem}/index.md"]


def text_link_problems(links: list[tuple[int, str]], place: str, shown: str, pages: set[str], removed: set[str],
                       excluded_modules: list[str]) -> list[Problem]:
    """Problems with the site links written in one overlay text (``links`` as macros.organisation.written_links
    finds them): a link to a page the copy leaves out, to no page, or written in a form that only works from
    one folder or at the host's root."""
    problems = []
    for _, written in links:
        sources = site_sources(written)
        if not sources:
            continue
        left_out = next((source for source in sources if source in removed), None)
        if left_out:
            module = posixpath.basename(left_out).removesuffix(".md")
            fix = (f"remove the link, or include the module by adding {module} to modules: in {shown}"
                   if module in excluded_modules else "remove the link: adapted copies do not include this page")
            problems.append(Problem(shown, place, f"the link {written} goes to {left_out}, which this copy leaves out; "
                                                  f"{fix}."))
            continue
        page = next((source for source in sources if source in pages), None)
        if page is None:
            problems.append(Problem(shown, place, f"the link {written} goes to no page of the site. Write links to "
                                                  "the site's pages from the docs folder, for example "
                                                  "modules/wellbeing-and-resilience.md."))
        elif written.split("#", 1)[0] != page:
            anchor = "#" + written.split("#", 1)[1] if "#" in written else ""
            problems.append(Problem(shown, place, f"write the link {written} as {page}{anchor}: helplines show on "
                                                  "pages in many folders, so links to the site's pages are written "
                                                  "from the docs folder."))
    return problems


def unlink_left_out(html: str, removed: set[str], where: str, page: str) -> str:
    """Rendered exercise HTML with its links to pages the copy leaves out turned into their words, saying so in
    the build output (a line per exercise and page)."""
    unlinked: list[str] = []

    def words(match: re.Match[str]) -> str:
        if match.group(1) not in removed:
            return match.group(0)
        unlinked.append(match.group(1))
        return match.group(2)

    html = MD_ANCHOR.sub(words, html)
    if unlinked:
        LOG.info("%s (on %s): %d link(s) to pages this copy leaves out became plain text (%s)", where, page,
                 len(unlinked), ", ".join(sorted(set(unlinked))))
    return html


def overlay_text_problems(data: dict[str, Any], shown: str, pages: set[str], removed: set[str],
                          excluded_modules: list[str], find_links: Any) -> list[Problem]:
    """Every site link in the overlay's Markdown fields (``helplines``), checked by text_link_problems;
    ``pages`` are the pages the copy builds, ``find_links`` lists the links a text holds."""
    problems = []
    for index, route in enumerate(data.get("helplines") or []):
        problems += text_link_problems(find_links(route), f"helplines[{index}]", shown, pages, removed,
                                       excluded_modules)
    return problems
