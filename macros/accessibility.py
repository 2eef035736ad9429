"""The accessibility statement (docs/accessibility.md), in the format of the UK's model statement for public
sector websites.

Its facts are data: ``data/accessibility.yaml`` holds this site's dates, contact and known issues; an adapted
copy gives its own contact, enforcement body and dates under ``accessibility:`` in its overlay
(organisation.yaml), which it must do before its copy builds. Overlay values are text: they are escaped with
``markdown_text``, and the contact is a link the overlay's schema has checked (https:, mailto: or tel:).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogue import read_yaml
from .errors import ContentError, Problem
from .safe_markdown import markdown_text

ENFORCEMENT_BODIES = ("ehrc", "ecni")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISSUE_KEYS = ("what", "affects", "criterion", "plan")
EXAMPLE_CONTACT = "mailto:web.accessibility@your-organisation.example"
REGULATIONS = ("the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 "
               "(the ‘accessibility regulations’)")
EASS = "[Equality Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/)"
ECNI = "[Equality Commission for Northern Ireland (ECNI)](https://www.equalityni.org/)"
PROJECT_NOTE = ("The reflective-supervision project is not a public sector body. A council or other public body that "
                "publishes its own copy of this site publishes its own statement, with its own contact.")
ENFORCEMENT = {
    "ehrc": (f"The Equality and Human Rights Commission (EHRC) is responsible for enforcing {REGULATIONS}. "
             f"If you are not happy with how we respond to your complaint, contact the {EASS}."),
    "ecni": (f"In Northern Ireland, the {ECNI} is responsible for enforcing {REGULATIONS}. "
             "If you are not happy with how we respond to your complaint, contact the Equality Commission "
             "for Northern Ireland."),
}


@dataclass(frozen=True)
class Statement:
    """What the statement says that changes from one copy to another."""

    owner: str                      # who runs the site, as Markdown text
    contact: str                    # how to report a problem, as Markdown
    enforcement: str                # ehrc or ecni
    prepared: dt.date
    last_reviewed: dt.date
    known_issues: list[dict[str, str]]


def as_date(value: Any) -> dt.date | None:
    """A date written as YYYY-MM-DD (YAML reads it as a date, or as text when quoted), else None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def long_date(day: dt.date) -> str:
    """A date as the style guide writes it: 6 December 2026."""
    return f"{day.day} {day:%B %Y}"


def load_project_statement(path: Path) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """Read data/accessibility.yaml: this site's dates, contact and known issues; raise one ContentError
    listing every problem."""
    shown = f"data/{path.name}"
    if not path.is_file():
        raise ContentError("The accessibility statement's data cannot be read:", [Problem(
            shown, "(file)", "the file is missing. Restore it from the project: it holds the statement's dates, "
                             "contact and known issues.")])
    data, problems = read_yaml(path, shown)
    if not problems and not isinstance(data, dict):
        problems.append(
            Problem(shown, "(top level)", "the file must be a set of named fields (prepared:, contact:, ...).")
        )
    if problems:
        raise ContentError("The accessibility statement's data cannot be read:", problems)
    for key in ("prepared", "last_reviewed"):
        if as_date(data.get(key)) is None:
            problems.append(Problem(shown, key, "write the date as YYYY-MM-DD, for example 2026-12-06."))
    if not isinstance(data.get("contact"), str) or not data["contact"].strip():
        problems.append(Problem(shown, "contact", "say how to report an accessibility problem (Markdown)."))
    issues = data.get("known_issues", [])
    if not isinstance(issues, list):
        problems.append(Problem(shown, "known_issues", "make it a list of issues, each with what, affects, "
                                                      "criterion and plan (or [] for none)."))
        issues = []
    for index, issue in enumerate(issues):
        missing = [key for key in ISSUE_KEYS if not isinstance(issue, dict) or not str(issue.get(key) or "").strip()]
        if missing:
            problems.append(Problem(shown, f"known_issues[{index}]", f"add {', '.join(missing)}: every known issue "
                                                                    "says what it is, who it affects, the WCAG "
                                                                    "criterion and the plan."))
    if problems:
        raise ContentError("Problems in the accessibility statement's data. Fix each one and build again:", problems)
    return data, issues


def overlay_problems(data: dict[str, Any], shown: str) -> list[Problem]:
    """An adapted copy publishes its own statement: its overlay must give the contact and the date it was
    prepared (the schema has checked the form of the values that are there)."""
    section = data.get("accessibility")
    if not isinstance(section, dict):
        return [Problem(shown, "accessibility.contact",
                        "an adapted copy publishes its own accessibility statement, which needs your contact for "
                        "accessibility problems and the date you prepared it. Add accessibility: with contact: (an "
                        f"https:// address, or a mailto: or tel: link, for example {EXAMPLE_CONTACT}) and prepared: "
                        "(the date, YYYY-MM-DD); enforcement: ecni if you are in Northern Ireland.")]
    problems = []
    if not section.get("contact"):
        problems.append(Problem(shown, "accessibility.contact",
                                "add how people report an accessibility problem to you: an https:// address, or a "
                                f"mailto: or tel: link, for example {EXAMPLE_CONTACT}."))
    for key in ("prepared", "last_reviewed"):
        if key in section and as_date(section[key]) is None:
            problems.append(Problem(shown, f"accessibility.{key}", f"{section[key]!r} is not a date. Write it as "
                                                                   "YYYY-MM-DD, for example 2026-12-06."))
    if "prepared" not in section:
        problems.append(Problem(shown, "accessibility.prepared", "add the date you prepared your accessibility "
                                                                 "statement, as YYYY-MM-DD."))
    return problems


def contact_markdown(section: dict[str, Any]) -> str:
    """An overlay's contact as Markdown: a link whose words are the address itself, as text."""
    link = str(section["contact"])
    words = re.sub(r"^(mailto:|tel:)", "", link)
    name = f"{markdown_text(section['contact_name'])}: " if section.get("contact_name") else ""
    return f"contact {name}[{markdown_text(words)}](<{link}>)"


def statement_for(project: dict[str, Any], issues: list[dict[str, str]], organisation: Any | None) -> Statement:
    """The statement for this site, or for an adapted copy (``organisation``, a checked overlay)."""
    if organisation is None:
        return Statement("the reflective-supervision project", project["contact"], "ehrc",
                         as_date(project["prepared"]), as_date(project["last_reviewed"]), issues)
    section = organisation.data["accessibility"]
    prepared = as_date(section["prepared"])
    reviewed = as_date(section.get("last_reviewed")) or prepared
    return Statement(markdown_text(organisation.name), contact_markdown(section),
                     section.get("enforcement", "ehrc"), prepared, reviewed, issues)


def known_issues_markdown(issues: list[dict[str, str]]) -> str:
    """The known issues as a Markdown list; each value is text."""
    if not issues:
        return "We know of no content that is not accessible."
    lines = []
    for issue in issues:
        lines.append(f"- {markdown_text(issue['what'])}")
        lines.append(f"    - **Who it affects:** {markdown_text(issue['affects'])}.")
        lines.append(f"    - **WCAG 2.2 success criterion:** {markdown_text(issue['criterion'])}.")
        lines.append(f"    - **What we will do:** {markdown_text(issue['plan'])}")
    return "\n".join(lines)


def register_macros(env: Any, root: Path, organisation: Any | None) -> None:
    """Register the statement's macros: accessibility_owner, accessibility_contact, accessibility_enforcement,
    accessibility_compliance, accessibility_dates and accessibility_known_issues."""
    project, issues = load_project_statement(root / "data" / "accessibility.yaml")
    statement = statement_for(project, issues, organisation)

    @env.macro
    def accessibility_owner() -> str:
        """Who runs this site, as text."""
        return statement.owner

    @env.macro
    def accessibility_contact() -> str:
        """How to report an accessibility problem, as Markdown (after "please")."""
        return statement.contact

    @env.macro
    def accessibility_enforcement() -> str:
        """The enforcement procedure: the EHRC, or in Northern Ireland the ECNI."""
        if organisation is None:
            return PROJECT_NOTE + " " + ENFORCEMENT[statement.enforcement]
        return ENFORCEMENT[statement.enforcement]

    @env.macro
    def accessibility_compliance() -> str:
        """The compliance status with WCAG 2.2 AA, from the known issues."""
        if statement.known_issues:
            return ("This website is partially compliant with the [Web Content Accessibility Guidelines version 2.2]"
                    "(https://www.w3.org/TR/WCAG22/) AA standard, because of the known issues listed below.")
        return ("This website is fully compliant with the [Web Content Accessibility Guidelines version 2.2]"
                "(https://www.w3.org/TR/WCAG22/) AA standard.")

    @env.macro
    def accessibility_dates() -> str:
        """When the statement was prepared and last reviewed."""
        return (f"This statement was prepared on {long_date(statement.prepared)}. "
                f"It was last reviewed on {long_date(statement.last_reviewed)}.")

    @env.macro
    def accessibility_known_issues() -> str:
        """The known issues, from data/accessibility.yaml."""
        return known_issues_markdown(statement.known_issues)
