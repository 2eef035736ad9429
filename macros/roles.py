"""Role wording: an exercise's text written twice, once for NQSWs and once for supervisors.

Any author-facing text field of an exercise (a prompt, an item, a hint, guidance, a feedback band, model
answers, an intro) may be a plain string or a mapping ``{nqsw: "...", supervisor: "..."}``
(``common.schema.json#/$defs/roleText``). Both variants go into the HTML, so the page reads and prints
without JavaScript:

- the NQSW wording (``data-rs-variant="nqsw"``) shows unless the learner chose "supervisor";
- the supervisor wording (``data-rs-variant="supervisor"``) shows only when the learner chose "supervisor";
- with no role chosen, the supervisor wording is also reachable as a labelled note or disclosure
  ("Wording for supervisors", ``data-rs-variant="alt"``), hidden once a role is chosen.

The head script (assets/js/head.js) sets ``<html data-rs-role>`` from the saved preferences before the first
paint, and widgets/_exercise.css shows and hides the variants by it. Everything but the NQSW wording carries
``data-search-exclude``, so only the NQSW wording goes into the search index. The search plugin forgets an
excluded element when any nested element of the same tag closes, so an excluded element never holds its own tag.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from .project import PACKAGE_ROOT

ROLES = ("nqsw", "supervisor")
TEMPLATE = "role-text.html"


@cache
def _templates() -> Any:
    """The two wordings' HTML (overrides/partials/role-text.html): its ``inline`` and ``block`` macros."""
    env = Environment(loader=FileSystemLoader(str(PACKAGE_ROOT / "overrides" / "partials")), autoescape=True)
    return env.get_template(TEMPLATE).module


def is_role_text(value: Any) -> bool:
    """Is this value a role-wording mapping (exactly the keys nqsw and supervisor, both text)?"""
    return (isinstance(value, dict) and set(value) == set(ROLES)
            and all(isinstance(value[role], str) for role in ROLES))


def wordings(value: Any) -> list[str]:
    """Every wording of a text field, for rules that check the text itself: one, or the NQSW's and the supervisor's."""
    return [value[role] for role in ROLES] if is_role_text(value) else [value]


def nqsw_text(value: Any) -> Any:
    """The NQSW wording of a text field (a plain string is returned as it is)."""
    return value["nqsw"] if is_role_text(value) else value


class RoleText:
    """A text field with two wordings. In a template, ``{{ value }}`` writes both as inline HTML; the ``md``
    and ``md_inline`` filters call ``block()`` and ``inline()``. ``str()`` gives the NQSW wording as plain text."""

    def __init__(self, nqsw: str, supervisor: str, alt_label: str) -> None:
        """Keep both wordings and the words that name the other one."""
        self.nqsw = nqsw
        self.supervisor = supervisor
        self.alt_label = alt_label

    def __str__(self) -> str:
        return self.nqsw

    def __bool__(self) -> bool:
        return True

    def __html__(self) -> str:
        return str(self.inline(escape))

    def inline(self, convert: Callable[[str], Any]) -> Markup:
        """Both wordings for a line of text (a label, a legend, a table cell): the NQSW wording, then the
        supervisor wording twice: as the chosen wording, and as a labelled note for when no role is chosen."""
        return Markup(_templates().inline(convert(self.nqsw), convert(self.supervisor), self.alt_label))

    def block(self, convert: Callable[[str], Any]) -> Markup:
        """Both wordings for Markdown blocks (an intro, guidance, model answers): the NQSW wording, the
        supervisor wording as the chosen wording, and a disclosure that opens out in print."""
        return Markup(_templates().block(convert(self.nqsw), convert(self.supervisor), self.alt_label))


def with_role_text(value: Any, alt_label: str) -> Any:
    """A copy of exercise data (or a template value) in which every role-wording mapping is a RoleText."""
    if is_role_text(value):
        return RoleText(value["nqsw"], value["supervisor"], alt_label)
    if isinstance(value, dict):
        return {key: with_role_text(item, alt_label) for key, item in value.items()}
    if isinstance(value, list):
        return [with_role_text(item, alt_label) for item in value]
    return value
