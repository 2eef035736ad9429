"""Every free-text control in every rendered exercise points to the privacy reminder (brief §3.1 and §6.3):
a screen reader user hears "Keep it anonymous..." on every text box and one-line text field, not only once."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.unit.render_helpers import catalogue, render

# Input types that take free text; a date, number, radio or checkbox cannot hold a name.
FREE_TEXT_TYPES = {"text", "search", "email", "tel", "url", ""}


class _FreeTextAudit(HTMLParser):
    """Collect the reminders' ids and every free-text control with its aria-describedby (template copies too)."""

    def __init__(self) -> None:
        super().__init__()
        self.reminders: set[str] = set()
        self.controls: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "rs-reminder" in values.get("class", "").split() and values.get("id"):
            self.reminders.add(values["id"])
        free_text = tag == "textarea" or (tag == "input" and values.get("type", "").lower() in FREE_TEXT_TYPES)
        if free_text:
            self.controls.append((values.get("id", "(no id)"), values.get("aria-describedby", "").split()))


@pytest.mark.parametrize("exercise_id", sorted(catalogue().exercises) + sorted(catalogue().examples))
def test_every_free_text_control_is_described_by_the_reminder(exercise_id: str) -> None:
    audit = _FreeTextAudit()
    audit.feed(render(catalogue().get(exercise_id)))
    if not audit.controls:
        return
    assert audit.reminders, f"{exercise_id} has free-text controls but no privacy reminder"
    missing = [control for control, described in audit.controls if not audit.reminders & set(described)]
    assert not missing, (
        f"{exercise_id}: these free-text controls are not linked to the reminder with aria-describedby: {missing}"
    )


def test_the_audit_finds_one_line_fields_and_notices_a_missing_link() -> None:
    audit = _FreeTextAudit()
    audit.feed('<p class="rs-reminder" id="r">Keep it anonymous.</p><input type="text" id="a" aria-describedby="h r">'
               '<input id="b"><input type="date" id="c"><textarea id="d" aria-describedby="h"></textarea>')
    assert audit.reminders == {"r"}
    assert [(c, bool(audit.reminders & set(d))) for c, d in audit.controls] == [("a", True), ("b", False), ("d", False)]


def test_the_smart_goal_partner_and_record_fields_point_to_the_reminder() -> None:
    """The accountability partner field is where a name is most likely to be typed."""
    html = render(catalogue().exercises["supervision-smart-goals"])
    for field in ("partner", "record"):
        assert (
            f'data-rs-field="{field}" aria-describedby="ex-supervision-smart-goals-g1-{field}-hint '
            'ex-supervision-smart-goals-reminder"' in html
        )
