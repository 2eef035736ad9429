"""What a module page fetches at load stays small: the head scripts are minified; the group pulse page's, a data
lab embed's, each exercise kind's and the reading settings' effects' styles, the calendar file writer and the
theme's content-tabs script are fetched only where (or when) they are used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.search_scope import EXERCISE_FORM
from tests.build.test_build import make_site
from tests.helpers import mkdocs_build_in_process

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


def test_a_module_page_stylesheet_holds_its_own_kinds_only(site_dir: Path) -> None:
    """supervision-models holds a checklist, a knowledge check, reflections and self-assessments: their styles
    and no other kind's."""
    css = linked_stylesheet(site_dir, "modules/supervision-models/index.html")
    for kind in ("checklist", "knowledge-check", "reflection", "self-assessment"):
        assert f"/*! assets/css/widgets/{kind}.css */" in css, kind
    for kind in ("time-split", "seven-eyed", "case-review", "activity-timer", "smart-goal", "agreement",
                 "desc-planner"):
        assert f"/*! assets/css/widgets/{kind}.css */" not in css, kind
    # Pages without exercises (My learning, an answer sheet) may show any kind's markup: every kind's styles.
    for page in ("my-learning/index.html", "handouts/learning-from-reviews-answers/index.html"):
        assert "/*! assets/css/widgets/time-split.css */" in linked_stylesheet(site_dir, page), page


def top_level_selectors(selectors: str) -> list[str]:
    """A rule's selector list split at its own commas (not those inside :is(), :where() or :not())."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(selectors):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(selectors[start:index])
            start = index + 1
    return [part.strip() for part in [*parts, selectors[start:]]]


def test_every_kind_stylesheet_styles_only_its_own_markup() -> None:
    """Every kind's stylesheet joins only the pages holding that kind, so each of its selectors names the kind
    (its own classes, or its exercise's ``rs-exercise--<kind>``): no other page's markup loses a style when it is
    left out. What kinds and applications share (fields, choices, scales, charts) is in widgets/_exercise.css."""
    from macros.page_assets import PACKAGE_ROOT

    widgets = PACKAGE_ROOT / "overrides" / "assets" / "css" / "widgets"
    sheets = sorted(widgets.glob("[a-z]*.css"))
    assert len(sheets) == 11
    unscoped = []
    for sheet in sheets:
        code = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selectors in re.findall(r"([^{}]+)\{", code):
            for selector in top_level_selectors(selectors):
                if selector.startswith("@") or re.fullmatch(r"from|to|[0-9.]+%", selector):
                    continue
                if not re.search(rf'rs-(exercise--)?{sheet.stem}(?![a-z0-9])|"{sheet.stem}"', selector):
                    unscoped.append(f"{sheet.name}: {selector}")
    assert unscoped == []


def test_a_module_page_stylesheet_holds_no_rules_of_kinds_it_does_not_hold(site_dir: Path) -> None:
    """supervision-models holds a checklist, a knowledge check, reflections and self-assessments: none of the
    agreement's, the DESC planner's or the SMART goal's rules (which every page used to carry), while the shared
    scale and chart rules are there."""
    css = linked_stylesheet(site_dir, "modules/supervision-models/index.html")
    for selector in (".rs-agreement__", ".rs-desc-planner__", ".rs-goal", ".rs-check--", ".rs-exercise--smart-goal"):
        assert selector not in css, selector
    for selector in (".rs-scale__options", ".rs-chart-figure", ".rs-tally__table", ".rs-balance__title"):
        assert selector in css, selector


@pytest.mark.parametrize(("selector", "page_with"), [
    (".rs-lab-embed", "data-lab/index.html"),  # lab.css: only on pages with a data lab embed
    (".rs-handouts__sheet", "handouts/supervision-models/index.html"),  # handouts.css: only on handouts pages
])
def test_styles_of_an_application_only_some_pages_hold_are_only_in_their_stylesheet(site_dir: Path, selector: str,
                                                                                     page_with: str) -> None:
    """A stylesheet whose opening comment says "Only on pages with: ..." joins only the pages holding one of those
    applications: not a module page, nor the home page."""
    assert selector in linked_stylesheet(site_dir, page_with)
    for page in ("modules/supervision-models/index.html", "index.html"):
        assert selector not in linked_stylesheet(site_dir, page), page


def test_the_reading_settings_effects_are_a_file_of_their_own_no_page_links(site_dir: Path) -> None:
    """A learner with the standard settings fetches none of the settings' effects: no page's stylesheet holds
    them; head.js links the minified reading-effects.css only when a setting is on
    (tests/browser/test_reading_settings.py checks it in a browser)."""
    css = site_dir / "assets" / "css"
    effects = (css / "reading-effects.css").read_text(encoding="utf-8")
    assert '[data-rs-theme="dark"]' in effects.replace("=dark]", '="dark"]') and "\n  " not in effects
    for sheet in css.glob("rs*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert "data-rs-theme" not in text and "data-rs-text-size" not in text, sheet.name
        assert ".rs-reading-tools" in text, sheet.name  # the settings panel itself stays
    assert "reading-effects.css" in (site_dir / "assets" / "js" / "head.js").read_text(encoding="utf-8")


def test_the_pulse_code_picture_loads_when_a_learner_first_opens_the_pulse(site_dir: Path) -> None:
    bundle = page_bundle(site_dir, "modules/supervision-models/index.html")  # self-assessments with a pulse
    assert 'import("./lib/pulse-share.js")' in bundle
    assert "shape-rendering" not in bundle  # the QR picture is drawn by lib/pulse-share.js
    assert "shape-rendering" in (site_dir / "assets" / "js" / "lib" / "pulse-share.js").read_text(encoding="utf-8")


def test_the_content_tabs_script_is_only_on_pages_of_a_site_with_content_tabs(site_dir: Path, tmp_path: Path) -> None:
    """Material's content script (assets/js/theme-content.js) only works on content tabs (pymdownx.tabbed): the
    site has none, so no page fetches it; a copy that configures content tabs gets it on its pages."""
    linking = [page.relative_to(site_dir).as_posix() for page in site_dir.rglob("*.html")
               if "theme-content.js" in page.read_text(encoding="utf-8")]
    assert linking == []
    project = make_site(tmp_path, '# Home\n\n=== "One"\n\n    First tab.\n\n=== "Two"\n\n    Second tab.\n')
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("markdown_extensions:\n  - pymdownx.tabbed:\n      alternate_style: true\n")
    result = mkdocs_build_in_process(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'class="tabbed-set' in home and 'assets/js/theme-content.js"></script>' in home


def test_pages_search_leaves_out_whole_carry_no_search_marks_in_their_exercises(site_dir: Path) -> None:
    """The handouts pages repeat the modules' exercises but are not indexed at all: marking their exercises' parts
    for the index (the mark goes right after the tag's name) would only add bytes to the page and time to the
    build. Marks the templates write themselves (the other role's wording) stay."""
    inserted = re.compile(r"<[a-z][a-z0-9]* data-search-exclude")
    module = EXERCISE_FORM.findall((site_dir / "modules/supervision-models/index.html").read_text(encoding="utf-8"))
    handouts = EXERCISE_FORM.findall((site_dir / "handouts/supervision-models/index.html").read_text(encoding="utf-8"))
    assert module and handouts
    assert all(inserted.search(form) for form in module)
    assert not any(inserted.search(form) for form in handouts)
