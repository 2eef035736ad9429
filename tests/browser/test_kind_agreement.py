"""agreement in Chromium: keyboard only, autosave and restore, completion summary, links to missing essentials,
the print button, the printed document with signature lines, and the no-JS blank agreement."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to, wait_saved

EXERCISE = "example-agreement-default"
FORM = form_selector(EXERCISE)
UID = f"ex-{EXERCISE}"
RECORD = "Decisions and actions.\nCase detail goes on the case file."


def missing(page) -> list[str]:
    """The labels in the missing-essentials list."""
    return page.locator(f"{FORM} [data-rs-missing] li").all_inner_texts()


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    count = page.locator(f"#{UID}-count")
    assert count.inner_text() == "0 of 5 fields filled."
    assert missing(page) == [
        "How often we will meet",
        "What goes in the supervision record",
        "Date of our first review",
    ]

    tab_to(page, f"#{UID}-frequency")
    page.keyboard.type("Every two weeks")
    tab_to(page, f"{FORM} input[name='{UID}-format']")
    page.keyboard.press("ArrowRight")  # to "By video", which checks it
    tab_to(page, f"#{UID}-record-content")
    page.keyboard.type(RECORD)
    entry = wait_saved(page, EXERCISE)
    assert entry["values"] == {"frequency": "Every two weeks", "format": "by-video", "record-content": RECORD}
    assert entry["kind"] == "agreement"
    assert count.inner_text() == "3 of 5 fields filled."
    assert page.locator(f"{FORM} [data-rs-missing] p").inner_text() == "Essential fields still empty (1 of 3):"
    assert missing(page) == ["Date of our first review"]

    tab_to(page, f"#{UID}-review-date")
    page.keyboard.type("06302026")  # month, day, year in the en-US date control
    assert page.input_value(f"#{UID}-review-date") == "2026-06-30"
    page.wait_for_function(
        "(id) => document.getElementById(id).textContent === '4 of 5 fields filled.'", arg=f"{UID}-count"
    )
    assert page.locator(f"{FORM} [data-rs-missing]").inner_text() == "All essential fields are filled."
    assert count.get_attribute("aria-live") == "polite"

    reload(page)
    enhanced(page, EXERCISE)
    assert page.input_value(f"#{UID}-frequency") == "Every two weeks"
    assert page.is_checked(f"#{UID}-format-by-video")
    assert page.input_value(f"#{UID}-record-content") == RECORD
    assert page.input_value(f"#{UID}-review-date") == "2026-06-30"
    assert page.input_value(f"#{UID}-record-storage") == ""
    assert count.inner_text() == "4 of 5 fields filled."


def test_missing_essential_links_move_focus_to_their_field(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    links = page.locator(f"{FORM} [data-rs-missing] a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        f"#{UID}-frequency", f"#{UID}-record-content", f"#{UID}-review-date"]
    tab_to(page, f"{FORM} [data-rs-missing] a[href='#{UID}-review-date']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"{UID}-review-date"
    tab_to(page, f"{FORM} [data-rs-missing] a[href='#{UID}-frequency']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"{UID}-frequency"
    page.keyboard.type("Weekly")
    page.wait_for_function(
        "(id) => document.getElementById(id).textContent === '1 of 5 fields filled.'", arg=f"{UID}-count"
    )
    assert missing(page) == ["What goes in the supervision record", "Date of our first review"]


def test_print_button_prints_the_agreement_alone(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    page.fill(f"#{UID}-frequency", "Every two weeks")
    page.evaluate("() => { window.rsPrinted = 0; window.print = () => { window.rsPrinted += 1; }; }")
    tab_to(page, f"{FORM} [data-rs-action='print']")
    page.keyboard.press("Enter")
    assert page.evaluate("window.rsPrinted") == 1
    page.emulate_media(media="print")
    body = page.locator("body").inner_text()
    page.emulate_media(media="screen")
    assert "Our supervision agreement" in body and "Every two weeks" in body and "Supervisee" in body
    assert "Gallery of exercise kinds" not in body           # the page heading
    assert "Plan one difficult conversation" not in body     # another exercise on the page
    assert "exercises/_examples/agreement/default.yaml" not in body  # the YAML under the exercise
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("[data-rs-print-hide]").count() == 0
    page.emulate_media(media="print")
    assert "Gallery of exercise kinds" in page.locator("body").inner_text()
    page.emulate_media(media="screen")


def test_printed_agreement_is_a_clean_document_with_signature_lines(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    signatures = page.locator(f"#{UID}-signatures")
    assert not signatures.is_visible()
    page.fill(f"#{UID}-frequency", "Every two weeks")
    page.check(f"#{UID}-format-in-person")
    page.fill(f"#{UID}-record-content", RECORD)
    text = printed_text(page, FORM)
    for expected in ["Our supervision agreement", "When we meet", "How often we will meet", "Every two weeks",
                     "How we will usually meet", "In person", "Records", RECORD, "Where the record is kept",
                     "Review", "Date of our first review"]:
        assert expected in text, expected
    assert text.index("Review") < text.index("Supervisor") < text.index("Supervisee")
    page.emulate_media(media="print")
    lines = [line.strip() for line in signatures.inner_text().splitlines() if line.strip()]
    page.emulate_media(media="screen")
    assert lines == ["Supervisor", "Signature", "Date", "Supervisee", "Signature", "Date"]
    for absent in [
        "By video",
        "A mix of both",
        "(essential)",
        "For example, every two weeks",  # unchosen, markers, answered hints
        "Print this agreement",
        "Clear my answers",
        "Your agreement so far",
        "fields filled",
        "Fill this in together",
        "Keep it anonymous",
        "Agreement builder",
    ]:
        assert absent not in text, absent
    assert "Follow your local recording policy." not in text  # hint of an answered field
    page.emulate_media(media="print")
    assert signatures.is_visible()
    assert page.locator(f"#{UID}-record-storage").is_visible()  # an empty box to write in
    page.emulate_media(media="screen")


def test_without_javascript_the_form_is_complete_and_prints_blank_with_signature_lines(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("fieldset.rs-agreement__section").count() == 3
    assert form.locator("fieldset.rs-agreement__section legend h4").all_inner_texts() == [
        "When we meet",
        "Records",
        "Review",
    ]
    assert form.locator("input:visible, textarea:visible").count() == 1 + 3 + 2 + 1
    for control in form.locator("input, textarea").all():
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1
    assert form.locator("button:visible").count() == 0
    assert form.locator(".rs-agreement__essential").all_inner_texts() == ["(essential)"] * 3
    assert "Print this page to get the agreement on paper" in form.inner_text()
    assert not form.locator(f"#{UID}-signatures").is_visible()
    text = printed_text(page, FORM)
    assert "Supervisor" in text and "Supervisee" in text and text.count("Signature") == 2
    assert (
        "How often we will meet" in text and "For example, every two weeks for ninety minutes." in text
    )  # blank: hints stay
    assert "In person" in text and "By video" in text and "A mix of both" in text
    assert "Print this page" not in text


WELLBEING = "wellbeing-support-agreement"
WELLBEING_FORM = form_selector(WELLBEING)
WELLBEING_UID = f"ex-{WELLBEING}"


def test_wellbeing_module_has_the_support_routes_part_of_the_agreement(visit) -> None:
    """E13's employee assistance and signposting fields on M7 (brief M7, §3.4 items 5 and 9): a short agreement in
    the signposting section, completed with the keyboard, with a link on to the full agreement builder."""
    page = visit.open("modules/wellbeing-and-resilience/")
    enhanced(page, WELLBEING)
    # It sits in "Signposting well", after the list of ways to signpost and before the journal.
    headings = page.locator("article h2, article h3").all_inner_texts()
    order = page.evaluate("""(form) => [...document.querySelectorAll('article h2, article h3, ' + form)]
        .map((el) => el.matches('form') ? 'FORM' : el.textContent.replace('¶', '').trim())""", WELLBEING_FORM)
    assert order[order.index("FORM") - 1] == "Signposting well", headings
    assert missing_in(page, WELLBEING_FORM) == [
        "How to contact the Employee Assistance Programme or other staff support service",
        "How the supervisee can use that service without going through anyone else, including anonymously",
        "What the supervisee would like the supervisor to do if those signs appear",
        "When the supervisor will suggest support beyond supervision, and how they will raise it",
        "Date to check these routes are still right"]
    tab_to(page, f"#{WELLBEING_UID}-eap-contact", limit=1000)
    page.keyboard.type("Staff support line: see the intranet page, open every day.")
    tab_to(page, f"{WELLBEING_FORM} input[name='{WELLBEING_UID}-support-information-copy']")
    page.keyboard.press("Space")
    entry = wait_saved(page, WELLBEING)
    assert entry["values"] == {
        "eap-contact": "Staff support line: see the intranet page, open every day.",
        "support-information-copy": "yes",
    }
    assert page.locator(f"#{WELLBEING_UID}-count").inner_text() == "2 of 12 fields filled."
    # Every text box points to the privacy reminder.
    for box in page.locator(f"{WELLBEING_FORM} textarea").all():
        assert f"{WELLBEING_UID}-reminder" in box.get_attribute("aria-describedby").split()
    link = page.locator(f"{WELLBEING_FORM} .rs-exercise__intro a", has_text="supervision agreement builder")
    assert link.get_attribute("href") == "../good-supervision/#ex-supervision-agreement"


def missing_in(page, form: str) -> list[str]:
    """The labels in an agreement's missing-essentials list."""
    return page.locator(f"{form} [data-rs-missing] li").all_inner_texts()
