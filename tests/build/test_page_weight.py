"""What a module page fetches at load stays small: the head scripts are minified, the group pulse page's styles
and the calendar file writer are fetched only where (or when) they are used."""

from __future__ import annotations

import re
from pathlib import Path

SMART_GOAL_PAGE = "modules/managing-boundaries/index.html"  # a SMART goal worksheet with a calendar button


def page_bundle(site_dir: Path, page: str) -> str:
    html = (site_dir / page).read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="module" src="((?:\.\./)*assets/js/[^"]+)"', html)
    return (site_dir / page).parent.joinpath(script).resolve().read_text(encoding="utf-8")


def test_the_head_scripts_are_minified_and_keep_their_licence(site_dir: Path) -> None:
    for name in ("head.js", "theme-content.js"):
        code = (site_dir / "assets" / "js" / name).read_text(encoding="utf-8")
        assert "\n  " not in code and "\n// " not in code, name  # minified
        assert "Martin Donath, MIT licence" in code, name


def test_the_pulse_page_styles_are_only_in_the_pulse_page_stylesheet(site_dir: Path) -> None:
    css = site_dir / "assets" / "css"
    assert ".rs-pulse__board" not in (css / "rs.css").read_text(encoding="utf-8")
    pulse = (css / "rs-pulse.css").read_text(encoding="utf-8")
    assert ".rs-pulse__board" in pulse and ".rs-nav-badge" in pulse  # the shared styles too
    [sheet] = re.findall(r'<link rel="stylesheet" href="((?:\.\./)*assets/css/[^"]+)"',
                         (site_dir / "pulse" / "index.html").read_text(encoding="utf-8"))
    assert sheet.endswith("assets/css/rs-pulse.css")


def test_the_calendar_file_writer_loads_when_a_learner_first_asks_for_a_file(site_dir: Path) -> None:
    bundle = page_bundle(site_dir, SMART_GOAL_PAGE)
    assert 'import("./lib/ics.js")' in bundle
    assert "BEGIN:VCALENDAR" not in bundle  # the writer is not in the page's bundle
    assert "BEGIN:VCALENDAR" in (site_dir / "assets" / "js" / "lib" / "ics.js").read_text(encoding="utf-8")


def linked_stylesheet(site_dir: Path, page: str) -> str:
    [sheet] = re.findall(r'<link rel="stylesheet" href="((?:\.\./)*assets/css/[^"]+)"',
                         (site_dir / page).read_text(encoding="utf-8"))
    return (site_dir / page).parent.joinpath(sheet).resolve().read_text(encoding="utf-8")


def test_a_module_page_stylesheet_holds_its_own_kinds_and_the_shared_ones_only(site_dir: Path) -> None:
    """supervision-models holds a checklist, a knowledge check, reflections and self-assessments: no time split,
    seven-eyed, case review or activity timer styles; the kinds whose styles others borrow are there."""
    css = linked_stylesheet(site_dir, "modules/supervision-models/index.html")
    for kind in ("checklist", "knowledge-check", "reflection", "self-assessment", "smart-goal", "agreement"):
        assert f"/*! assets/css/widgets/{kind}.css */" in css, kind
    for kind in ("time-split", "seven-eyed", "case-review", "activity-timer"):
        assert f"/*! assets/css/widgets/{kind}.css */" not in css, kind
    # Pages without exercises (My learning, an answer sheet) may show any kind's markup: every kind's styles.
    for page in ("my-learning/index.html", "handouts/learning-from-reviews-answers/index.html"):
        assert "/*! assets/css/widgets/time-split.css */" in linked_stylesheet(site_dir, page), page


def test_a_kind_stylesheet_left_out_of_other_pages_styles_only_its_own_markup() -> None:
    """A kind's stylesheet that joins only the pages holding that kind names the kind in every selector, so no
    other page's markup loses a style when it is left out (SHARED_KIND_STYLESHEETS are in every page's)."""
    from macros.page_assets import PACKAGE_ROOT, SHARED_KIND_STYLESHEETS

    widgets = PACKAGE_ROOT / "overrides" / "assets" / "css" / "widgets"
    unscoped = []
    for sheet in sorted(widgets.glob("[a-z]*.css")):
        if sheet.stem in SHARED_KIND_STYLESHEETS:
            continue
        code = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selectors in re.findall(r"([^{}]+)\{", code):
            for selector in selectors.split(","):
                selector = selector.strip()
                if selector.startswith("@") or re.fullmatch(r"from|to|[0-9.]+%", selector):
                    continue
                if f"rs-{sheet.stem}" not in selector and f'"{sheet.stem}"' not in selector:
                    unscoped.append(f"{sheet.name}: {selector}")
    assert unscoped == []


def test_the_pulse_code_picture_loads_when_a_learner_first_opens_the_pulse(site_dir: Path) -> None:
    bundle = page_bundle(site_dir, "modules/supervision-models/index.html")  # self-assessments with a pulse
    assert 'import("./lib/pulse-share.js")' in bundle
    assert "shape-rendering" not in bundle  # the QR picture is drawn by lib/pulse-share.js
    assert "shape-rendering" in (site_dir / "assets" / "js" / "lib" / "pulse-share.js").read_text(encoding="utf-8")
