"""Which pages the page sweep visits, and how: every page of a built site, cut into parts that parallel workers
share, and the samples axe-core checks on a desktop screen and on the phone. tests/browser/test_site_pages.py runs
the sweep; tests/hosting/test_nginx.py opens the same template sample of the example copy."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import MODULES_WITH_EVERY_KIND


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to its root (not the data lab's JupyterLite
    app pages under lab/: tests/browser/test_data_lab.py tests those). Pages are folders' index.html, plus
    the not-found page, 404.html, which a server shows for any unknown address: it is visited at its own URL."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative == "lab" or relative.startswith("lab/"):
            continue
        pages.append("" if relative == "." else relative + "/")
    if (site / "404.html").is_file():
        pages.append("404.html")
    return pages


# The page sweep is cut into parts so parallel workers (pytest-xdist) share it; each part visits its pages once
# in each of the ways below, and every check of that way runs on that one visit.
PARTS = 6


def part_of(pages: list[str], part: int, parts: int = PARTS) -> list[str]:
    """Every ``parts``-th page, starting at ``part``: the parts together are every page, each once."""
    return pages[part::parts]


# axe-core runs once on every page, on the phone (the first user's screen, where layouts are tightest). On a
# desktop screen it runs on every page except the module pages and handouts beyond the first of each: those share
# one template each, and a run of axe on a module page costs seconds. (tests/browser/test_presenter.py checks
# a module page in presenter mode at projector size.)
REPEATED_TEMPLATES = ("modules/", "handouts/")


def template_sample(pages: list[str]) -> set[str]:
    """One page of each template: every page, but only the first module page, the first handouts page and the
    first answer sheet (the modules' and handouts' folder indexes are kept). axe-core checks these on a desktop
    screen too, and tests/hosting/test_nginx.py opens these of the example copy."""
    chosen: set[str] = set()
    firsts: set[str] = set()
    for path in pages:
        folder = next((prefix for prefix in REPEATED_TEMPLATES if path.startswith(prefix) and path != prefix), None)
        if folder is None:
            chosen.add(path)
            continue
        kind = folder + ("answers" if path.endswith("-answers/") else "")
        if kind not in firsts:
            firsts.add(kind)
            chosen.add(path)
    return chosen


def phone_axe_sample(pages: list[str], modules: list[str] = MODULES_WITH_EVERY_KIND) -> set[str]:
    """The pages axe-core checks on the phone: every page but the handouts of most modules. A module's handouts
    (blank and with answers) are its exercises in one template, printed by each kind's template and styles, so
    the handouts of the modules that between them hold every kind of exercise stand for all (their reflow and
    policy are still checked on every page)."""
    return {path for path in pages if not path.startswith("handouts/") or path == "handouts/"
            or path.removeprefix("handouts/").removesuffix("/").removesuffix("-answers") in modules}
