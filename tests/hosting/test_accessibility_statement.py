"""The accessibility statement (docs/accessibility.md, macros/accessibility.py): an adapted copy must give its own
contact and date before it builds, with messages naming the key; its values are text and links the overlay's
schema checks; the known issues in data/accessibility.yaml render as a list, and a damaged data file is named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from macros.accessibility import known_issues_markdown, load_project_statement, statement_for
from macros.errors import ContentError
from macros.organisation import load_organisation
from tests.helpers import EXAMPLE, ROOT
from tests.hosting.test_overlay import copy_example


def problems_of(folder: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    return str(caught.value)


def test_a_copy_without_an_accessibility_section_is_refused_naming_the_key(tmp_path: Path) -> None:
    message = problems_of(copy_example(tmp_path, lambda data: data.pop("accessibility")))
    assert ("organisation.yaml → accessibility.contact: an adapted copy publishes its own accessibility statement, "
            "which needs your contact for accessibility problems and the date you prepared it.") in message
    assert "Traceback" not in message


def test_a_copy_without_its_own_contact_or_date_is_refused_naming_each_key(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["accessibility"] = {"enforcement": "ecni", "last_reviewed": "30 November"}
    message = problems_of(copy_example(tmp_path, change))
    assert "organisation.yaml → accessibility.contact: add how people report an accessibility problem to you" in message
    assert (
        "organisation.yaml → accessibility.prepared: add the date you prepared your accessibility statement" in message
    )
    assert (
        "organisation.yaml → accessibility.last_reviewed: '30 November' is not a date. Write it as YYYY-MM-DD"
        in message
    )


def test_the_contact_must_be_a_safe_link_and_the_body_one_we_know(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["accessibility"].update(contact="javascript:alert(1)", enforcement="ico")
    message = problems_of(copy_example(tmp_path, change))
    assert ("organisation.yaml → accessibility.contact: 'javascript:alert(1)' is not a link the site can use. "
            "Use an https:// address, or a mailto: or tel: link") in message
    assert "organisation.yaml → accessibility.enforcement:" in message and "ecni" in message


def test_the_example_copy_gives_its_own_statement() -> None:
    project, issues = load_project_statement(ROOT / "data" / "accessibility.yaml")
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    statement = statement_for(project, issues, organisation)
    assert statement.owner == "Glenbarra Council" and statement.enforcement == "ehrc"
    assert statement.contact == (
        "contact Glenbarra Council Digital Services: [digital\\.accessibility@glenbarra\\.example]"
        "(<mailto:digital.accessibility@glenbarra.example>)"
    )
    assert (statement.prepared, statement.last_reviewed) == (dt.date(2026, 11, 30), dt.date(2026, 12, 4))


def test_contact_words_in_the_overlay_are_text() -> None:
    project, issues = load_project_statement(ROOT / "data" / "accessibility.yaml")
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    organisation.data["accessibility"] = {"contact": "tel:01632960000", "contact_name": "<b>Web</b> [team](x)",
                                          "prepared": "2026-11-30"}
    statement = statement_for(project, issues, organisation)
    assert statement.contact == "contact &lt;b&gt;Web&lt;/b&gt; \\[team\\]\\(x\\): [01632960000](<tel:01632960000>)"
    assert statement.last_reviewed == dt.date(2026, 11, 30)


def test_known_issues_render_each_field_as_text() -> None:
    _, issues = load_project_statement(ROOT / "data" / "accessibility.yaml")
    assert issues, "data/accessibility.yaml lists the known issues"
    rendered = known_issues_markdown([{"what": "Charts <svg> lack text", "affects": "screen reader users",
                                       "criterion": "1.1.1 Non-text content", "plan": "Add tables by May 2027."}])
    assert rendered.split("\n") == ["- Charts &lt;svg&gt; lack text",
                                    "    - **Who it affects:** screen reader users.",
                                    "    - **WCAG 2.2 success criterion:** 1\\.1\\.1 Non\\-text content.",
                                    "    - **What we will do:** Add tables by May 2027\\."]
    assert known_issues_markdown([]) == "We know of no content that is not accessible."


def test_a_known_issue_without_its_fields_is_named(tmp_path: Path) -> None:
    data = tmp_path / "accessibility.yaml"
    data.write_text("prepared: 2026-12-06\nlast_reviewed: soon\ncontact: open an issue\n"
                    "known_issues:\n  - what: Something\n    plan: Fix it\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_project_statement(data)
    message = str(caught.value)
    assert "data/accessibility.yaml → last_reviewed: write the date as YYYY-MM-DD" in message
    assert "data/accessibility.yaml → known_issues[0]: add affects, criterion: every known issue says" in message


def test_the_testing_section_names_the_automated_and_the_manual_checks() -> None:
    text = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    testing = text.split("## How we test this website", 1)[1].split("\n## ", 1)[0]
    automated = testing.split("### Automated checks", 1)[1].split("### Manual checks", 1)[0]
    manual = testing.split("### Manual checks", 1)[1]
    for check in (
        "axe-core",
        "scrolls sideways",
        "text at 200%",
        "text spacing",
        "keyboard alone",
        "JavaScript switched off",
        "dark and high-contrast themes",
        "read-aloud",
    ):
        assert check in automated, check
    assert "390 by 844" in manual and "1280 by 720" in manual


def test_a_missing_statement_data_file_is_named_without_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_project_statement(tmp_path / "accessibility.yaml")
    assert "data/accessibility.yaml → (file): the file is missing." in str(caught.value)
