"""Who am I, and role wording, in Chromium: the learner's role shows from the first paint (set in the head, before
the body is parsed); without JavaScript the NQSW wording shows with the supervisors' in a labelled disclosure;
group-session tools stay hidden until the learner says they run groups; an answer records its role; handouts print
the NQSW wording unless asked; only the NQSW wording is in the search index."""

from __future__ import annotations

import json

from tests.browser.kit import wait_saved

MODULE = "modules/what-is-supervision/"
EXERCISE = "working-definition"
NQSW_LABEL = "In one to three sentences, what is supervision for in my first year of practice?"
SUPERVISOR_LABEL = "In one to three sentences, what is supervision for in your practice as a supervisor?"
PREFERENCES = "reflective-supervision:/:data:preferences"
LABEL = f'label[for="ex-{EXERCISE}-my-definition"]'


def preset(context: object, preferences: dict) -> None:
    """Start every page of the context with these preferences saved, as if chosen on an earlier visit."""
    context.add_init_script(f"localStorage.setItem({json.dumps(PREFERENCES)}, {json.dumps(json.dumps(preferences))});")


def shown(page: object, selector: str) -> str:
    """The text a reader sees in an element (hidden wording left out)."""
    return " ".join(page.locator(selector).inner_text().split())


def test_the_saved_role_is_applied_in_the_head_before_the_body_is_parsed(visit) -> None:
    preset(visit.context, {"role": "supervisor"})
    # Note the role and the label's computed style at the moment the parser first inserts the label, long
    # before the page's modules run; and keep the module scripts away, so only the head script and CSS act.
    visit.context.add_init_script("""(() => {
      window.rsFirstSeen = null;
      new MutationObserver((records, observer) => {
        const label = document.querySelector('[data-rs-variant="nqsw"]');
        if (!label || window.rsFirstSeen) return;
        window.rsFirstSeen = { role: document.documentElement.dataset.rsRole, bodyStarted: Boolean(document.body),
                               nqswDisplay: getComputedStyle(label).display };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    })();""")
    visit.context.route("**/assets/js/page-*.js", lambda route: route.abort())
    page = visit.page
    page.goto(visit.base_url + MODULE, wait_until="domcontentloaded")
    first = page.evaluate("window.rsFirstSeen")
    assert first == {"role": "supervisor", "bodyStarted": True, "nqswDisplay": "none"}
    assert shown(page, LABEL) == SUPERVISOR_LABEL
    assert not page.get_by_text("Wording for supervisors").first.is_visible()


def test_without_javascript_the_nqsw_wording_shows_with_the_supervisors_in_a_labelled_disclosure(no_js_visit) -> None:
    page = no_js_visit.open(MODULE)
    assert shown(page, LABEL) == f"{NQSW_LABEL} Wording for supervisors: {SUPERVISOR_LABEL}"
    intro = page.locator(f'form[data-rs-exercise="{EXERCISE}"] .rs-exercise__intro')
    disclosure = intro.locator("details.rs-role-alt")
    assert disclosure.locator("summary").inner_text() == "Wording for supervisors"
    assert "what you bring to it" in shown(page, f'form[data-rs-exercise="{EXERCISE}"] .rs-exercise__intro')
    assert not disclosure.get_by_text("Draft a working definition you could share with your NQSW").is_visible()
    disclosure.locator("summary").click()
    assert disclosure.get_by_text("Draft a working definition you could share with your NQSW").is_visible()


def test_group_tools_stay_hidden_until_the_learner_says_they_run_groups(visit) -> None:
    page = visit.open(MODULE)
    assert not page.locator('[data-rs-tool="present"]').is_visible()
    assert not page.locator('[data-rs-tool="facilitator"]').is_visible()
    ask = page.locator("[data-rs-role-ask]")
    assert ask.is_visible()
    # The gentle question: answering shows the wording at once and says where to change it.
    ask.get_by_role("button", name="I'm a supervisor").click()
    assert shown(page, LABEL) == SUPERVISOR_LABEL
    assert page.locator("[data-rs-role-saved]").is_visible() and not ask.is_visible()
    assert json.loads(page.evaluate(f"localStorage.getItem({json.dumps(PREFERENCES)})")) == {"role": "supervisor"}

    mine = visit.open("my-learning/")
    about = mine.locator("[data-rs-about-you]")
    assert about.get_by_label("A supervisor").is_checked()
    about.get_by_label("I run group sessions").check()
    about.get_by_label("A newly qualified social worker (NQSW)").check()
    assert json.loads(mine.evaluate(f"localStorage.getItem({json.dumps(PREFERENCES)})")) == {
        "role": "nqsw",
        "groups": True,
    }

    page = visit.open(MODULE)
    assert (
        page.locator('[data-rs-tool="present"]').is_visible()
        and page.locator('[data-rs-tool="facilitator"]').is_visible()
    )
    assert not page.locator("[data-rs-role-ask]").is_visible()
    assert shown(page, LABEL) == NQSW_LABEL


def test_an_answer_records_the_role_it_was_written_in_and_my_learning_says_so(visit) -> None:
    preset(visit.context, {"role": "supervisor"})
    page = visit.open(MODULE)
    page.fill(f"#ex-{EXERCISE}-my-definition", "Protected time to think together.")
    entry = wait_saved(page, EXERCISE)
    assert entry["role"] == "supervisor"
    assert {"label": SUPERVISOR_LABEL, "text": "Protected time to think together."} in entry["readable"]
    mine = visit.open("my-learning/")
    saved = mine.locator(f"[data-rs-saved-entry='{EXERCISE}']")
    assert saved.locator("[data-rs-written-as]").inner_text() == "Written as a supervisor"


def test_handouts_print_the_nqsw_wording_unless_the_supervisors_is_asked_for(visit) -> None:
    preset(visit.context, {"role": "supervisor"})
    page = visit.open("handouts/what-is-supervision/")
    assert shown(page, LABEL) == NQSW_LABEL
    page.get_by_role("link", name="For supervisors").click()
    page.wait_for_url("**/?role=supervisor")
    assert shown(page, LABEL) == SUPERVISOR_LABEL


def test_only_the_nqsw_wording_is_in_the_search_index(site_dir) -> None:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    module = " ".join(doc["text"] for doc in docs if doc["location"].startswith(MODULE))
    assert "what is supervision for in my first year of practice?" in module
    assert "what is supervision for in your practice as a supervisor?" not in module
    assert "Draft a working definition you could share with your NQSW" not in module
    assert "Wording for supervisors" not in module


def test_presenter_mode_shows_the_nqsw_wording_until_the_supervisors_is_asked_for(visit) -> None:
    preset(visit.context, {"role": "supervisor", "groups": True})
    page = visit.open(MODULE)
    page.click('[data-rs-tool="present"]')
    wording = page.locator("[data-rs-presenter-role]")
    assert wording.get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.documentElement.dataset.rsRole") == "nqsw"
    wording.click()
    assert wording.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.documentElement.dataset.rsRole") == "supervisor"
    wording.click()
    page.keyboard.press("Escape")
    # Leaving gives back the learner's own choice.
    assert page.evaluate("document.documentElement.dataset.rsRole") == "supervisor"
