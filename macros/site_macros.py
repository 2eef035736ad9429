"""Macros for citations, the glossary and an organisation's own words and links.

Each macro is a plain function whose first argument is the build state (macros/build_state.py); plugin.py
registers them all from one list.
"""

from __future__ import annotations

from .build_state import BuildState
from .errors import ContentError, Problem
from .markdown_links import EXTERNAL
from .organisation import LOCAL_LINK_KEYS
from .safe_markdown import markdown_fill, markdown_text
from .site_content import site_markdown, used_reference_keys
from .site_paths import relative_source


def cite(state: BuildState, *keys: str, narrative: bool = False, page: str | None = None) -> str:
    """Cite one or more sources by key, linked to the references page."""
    target = relative_source(state.current_page(), "references.md")
    return state.content.citations.cite(keys, state.current_page(), target, narrative, page)


def page_references(state: BuildState) -> str:
    """List the sources cited on this page."""
    here = state.current_page()
    return state.content.citations.page_list(here, relative_source(here, "references.md"))


def references_list(state: BuildState) -> str:
    """List every source the site's pages cite, or an exercise they use names (for the references page)."""
    markdown = list(site_markdown(state.content.root, state.organisation, state.removed).values())
    return state.content.citations.full_list(state.strings, only=used_reference_keys(markdown, state.content))


def glossary_list(state: BuildState) -> str:
    """List every glossary term (for the glossary page)."""
    return state.content.glossary_markdown


def local_link(state: BuildState, key: str) -> str:
    """Name an organisation's own resource: a link with an overlay that sets it, else neutral words."""
    if key not in LOCAL_LINK_KEYS:
        known = ", ".join(sorted(LOCAL_LINK_KEYS))
        raise ContentError(f"Unknown local link {key!r}.",
                           [Problem(state.current_page(), f'local_link("{key}")', f"use one of: {known}.")])
    label = markdown_text(state.strings[f"local_link_{key}"])  # an interface string: text, never Markdown or HTML
    organisation = state.organisation
    target = organisation.local_links.get(key) if organisation else None
    if not target:
        return label
    if not EXTERNAL.match(target):
        page, _, anchor = target.partition("#")
        page = page.removeprefix(organisation.pages_dir.name + "/")
        target = relative_source(state.current_page(), page) + (f"#{anchor}" if anchor else "")
    return f"[{label}]({target})"


def organisation_name(state: BuildState, default: str | None = None) -> str:
    """The organisation's name in an adapted copy, else the given neutral words (by default the interface
    string organisation_name_default, "your organisation")."""
    if state.organisation:
        return markdown_text(state.organisation.name)
    return markdown_text(state.strings["organisation_name_default"]) if default is None else default


def contact_line(strings: dict[str, str], contact: dict[str, str]) -> str:
    """One contact as a Markdown list item: name, role, then email, phone and web page as given.

    Every value is text (markdown_text); addresses are checked by the overlay's schema (https:, mailto:, tel:).
    """
    role = f", {markdown_text(contact['role'])}" if contact.get("role") else ""
    head = f"**{markdown_text(contact['name'])}**{role}"
    parts = []
    if contact.get("email"):
        address = f"[{markdown_text(contact['email'])}](mailto:{contact['email']})"
        parts.append(markdown_fill(strings["organisation_contacts_email"], address=address))
    if contact.get("phone"):
        number = markdown_text(contact["phone"])
        parts.append(markdown_fill(strings["organisation_contacts_phone"], number=number))
    if contact.get("url"):
        parts.append(f"[{markdown_text(strings['organisation_contacts_web_page'])}](<{contact['url']}>)")
    return f"- {head}" + (": " + "; ".join(parts) if parts else "")


def organisation_contacts(state: BuildState) -> str:
    """The organisation's contacts as a Markdown list (for its own pages)."""
    if not state.organisation or not state.organisation.contacts:
        raise ContentError("organisation_contacts() needs contacts.", [Problem(
            state.current_page(), "organisation_contacts()",
            "add contacts: to the organisation file, or remove the call.")])
    return "\n".join(contact_line(state.strings, contact) for contact in state.organisation.contacts)
