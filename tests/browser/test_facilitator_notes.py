"""Facilitator notes in Chromium: absent from the learner view (screen, accessibility tree, print), shown by the
facilitator view, remembered on the device, printed only in that view; axe stays clean in both views."""

from __future__ import annotations

import re

from tests.browser.axe import run_axe
from tests.browser.kit import printed_text, reload, runs_groups, tab_to
from tests.helpers import registry_modules

MODULE = "modules/supervision-models/"
NOTES = "[data-rs-facilitator]"
TOGGLE = '[data-rs-tool="facilitator"]'
TITLE = "Facilitator notes: session plan"
VIGNETTE_WORDS = "Lewis is an NQSW"  # from facilitator/supervision-models.yaml


def notes_heading(page: object) -> object:
    return page.get_by_role("heading", name=TITLE)


def test_the_learner_view_never_shows_the_notes_on_screen_to_assistive_technology_or_in_print(
    visit, no_js_visit
) -> None:
    runs_groups(visit.context)
    page = visit.open(MODULE)
    page.wait_for_selector(f"{TOGGLE}:visible")
    assert page.locator(NOTES).count() == 1
    assert page.locator(NOTES).get_attribute("hidden") == ""
    assert not page.locator(NOTES).is_visible()
    assert notes_heading(page).count() == 0
    tree = page.locator("article").aria_snapshot()
    assert "Facilitator notes" not in tree and VIGNETTE_WORDS not in tree and "Session plan" not in tree
    assert page.locator(TOGGLE).get_attribute("aria-pressed") == "false"
    text = printed_text(page, "article")
    assert "Facilitator notes" not in text and VIGNETTE_WORDS not in text and "Supervision models" in text
    assert "Facilitator view" not in text and "Present this page" not in text

    # Without JavaScript the notes stay hidden and the tools never appear.
    plain = no_js_visit.open(MODULE)
    assert not plain.locator(NOTES).is_visible() and notes_heading(plain).count() == 0
    assert not plain.locator(".rs-page-tools").is_visible()
    assert VIGNETTE_WORDS not in printed_text(plain, "article")


def test_the_facilitator_view_shows_prints_and_remembers_the_notes(visit) -> None:
    runs_groups(visit.context)
    page = visit.open(MODULE)
    tab_to(page, TOGGLE)
    page.keyboard.press("Enter")
    assert page.locator(TOGGLE).get_attribute("aria-pressed") == "true"
    assert page.locator(NOTES).is_visible() and notes_heading(page).count() == 1
    notes = page.locator(NOTES)
    for heading in ("Aims", "Before the session", "Session plan", "Discussion prompts", "After the session"):
        assert notes.get_by_role("heading", name=heading, exact=True).count() == 1, heading
    assert notes.get_by_role("heading", name="Fictional vignette: The request for approval").count() == 1
    assert "Everyone in this vignette is invented." in notes.inner_text()
    assert notes.locator("table caption").inner_text() == "Activities and timings (90 minutes in all)"
    assert notes.locator("tbody tr").first.locator("td").first.inner_text() == "0 to 5 min"
    assert notes.locator("tbody tr").last.locator("td").first.inner_text() == "80 to 90 min"
    assert VIGNETTE_WORDS in page.locator("article").aria_snapshot()
    text = printed_text(page, "article")
    assert TITLE in text and VIGNETTE_WORDS in text and "Discussion prompts" in text

    stored = page.evaluate("() => Object.entries(localStorage).filter(([k]) => k.endsWith(':data:preferences'))")
    assert [value for _, value in stored] == ['{"groups":true,"facilitator":true}']

    # Remembered: after a reload, and on another module page.
    reload(page)
    page.wait_for_selector(f"{NOTES}:visible")
    assert page.locator(TOGGLE).get_attribute("aria-pressed") == "true"
    other = visit.open("modules/managing-boundaries/")
    other.wait_for_selector(f"{NOTES}:visible")
    assert "DESC role-play" in other.locator(NOTES).inner_text()

    # Off again: hidden, and forgotten on the next visit.
    other.click(TOGGLE)
    assert not other.locator(NOTES).is_visible() and notes_heading(other).count() == 0
    page = visit.open(MODULE)
    page.wait_for_selector(f"{TOGGLE}:visible")
    assert page.locator(NOTES).get_attribute("hidden") == ""


def test_axe_finds_nothing_in_the_facilitator_view(visit) -> None:
    runs_groups(visit.context)
    page = visit.open(MODULE)
    page.click(TOGGLE)
    page.wait_for_selector(f"{NOTES}:visible")
    problems = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in run_axe(page)]
    assert problems == []
    assert visit.console_errors == []


def test_every_module_page_has_notes_and_tools(visit, site_dir) -> None:
    modules = sorted(p.parent.name for p in (site_dir / "modules").glob("*/index.html"))
    assert modules == sorted(registry_modules())
    for name in modules:
        html = (site_dir / "modules" / name / "index.html").read_text(encoding="utf-8")
        assert html.count('data-rs-facilitator data-search-exclude hidden') == 1, name
        assert 'data-rs-app="page-tools" hidden' in html, name


def test_every_session_plan_links_its_handouts_answer_sheet_timers_and_pulse(site_dir) -> None:
    """The materials of each module's session plan are links (read from the built pages, no browser)."""
    for module in registry_modules():
        html = (site_dir / "modules" / module / "index.html").read_text(encoding="utf-8")
        notes = html[html.index("data-rs-facilitator"):html.index("</section>", html.index("data-rs-facilitator"))]
        materials = re.findall(r'<a href="([^"]+)" data-rs-material="([a-z]+)"', notes)
        kinds = {kind: href for href, kind in reversed(materials)}
        assert kinds["handouts"] == f"../../handouts/{module}/", module
        assert kinds["answers"] == f"../../handouts/{module}-answers/", module
        assert ("pulse" in kinds) == ('data-rs-widget="self-assessment"' in html), module
        timers = re.findall(r'data-rs-widget="activity-timer" data-rs-exercise="([^"]+)"', html)
        assert [href.split("#")[1] for href, kind in materials if kind == "timer"] == [f"ex-{t}" for t in timers], (
            module
        )
    # A plan step's own material that names a handout or the pulse page links to it.
    html = (site_dir / "modules" / "supervision-models" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../pulse/">Group pulse page on the projector</a>' in html
    assert '<a href="../../handouts/supervision-models/">Blank handout of the 4x4x4 check</a>' in html


def test_the_session_plan_prints_on_its_own(visit) -> None:
    runs_groups(visit.context)
    page = visit.open(MODULE)
    page.locator(TOGGLE).click()
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="Print the session plan").click()
    assert page.evaluate("() => window.printed")
    text = printed_text(page, "article")
    assert text.lstrip().startswith("FOR FACILITATORS ONLY") and VIGNETTE_WORDS in text
    assert "Print the session plan" not in text and "Learning outcomes" not in text
    page.emulate_media(media="print")
    assert not page.locator("article h1").is_visible()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("article h1").is_visible()
