"""A session plan's materials as links: the module's handouts, its facilitator answer sheet, its activity
timers and the group pulse page, listed above the plan and linked from the plan's own materials column."""

from __future__ import annotations

from typing import Any, Callable

# Words in a plan step's material that name one of the session's materials (first match wins).
MATERIAL_WORDS = (("answer", "answers"), ("handout", "handouts"), ("pulse", "pulse"), ("timer", "timer"))


def session_materials(exercises: list[Any], link_to_page: Callable[[str], str], module: str,
                      words: dict[str, str]) -> dict[str, Any]:
    """The session's materials for a module whose page shows ``exercises`` (in page order): a list of
    {key, text, href} for the plan's materials list, and the href each kind of material links to."""
    timers = [found for found in exercises if found.kind == "activity-timer"]
    pulse = any(found.kind == "self-assessment" for found in exercises)
    links = [
        {"key": "handouts", "text": words["session_materials_handouts"], "href": link_to_page(f"handouts/{module}.md")},
        {
            "key": "answers",
            "text": words["session_materials_answers"],
            "href": link_to_page(f"handouts/{module}-answers.md"),
        },
    ]
    for timer in timers:
        title = timer.data["title"]
        # A title written for each role: the supervisors' wording (they run the session).
        links.append(
            {
                "key": "timer",
                "exercise": timer.id,
                "title": title["supervisor"] if isinstance(title, dict) else title,
                "href": f"?present#ex-{timer.id}",
            }
        )
    if pulse:
        links.append({"key": "pulse", "text": words["session_materials_pulse"], "href": link_to_page("pulse.md")})
    first = {}
    for link in links:
        first.setdefault(link["key"], link["href"])
    return {"links": links, "by_key": first}


def material_href(text: str, by_key: dict[str, str]) -> str | None:
    """The link for one material of a plan step, when its words name one of the session's materials."""
    lowered = str(text).lower()
    for word, key in MATERIAL_WORDS:
        if word in lowered and key in by_key:
            return by_key[key]
    return None
