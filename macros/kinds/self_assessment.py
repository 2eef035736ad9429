"""Self-assessment: statements rated on a labelled scale, grouped into dimensions, reported as a profile."""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "self-assessment"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check ids, the scale order and the bands against the scale."""
    problems = duplicate_ids(data["dimensions"], "dimensions")
    items = [item for dimension in data["dimensions"] for item in dimension["items"]]
    problems += duplicate_ids(items, "items (across all dimensions)")
    values = [point["value"] for point in data["scale"]]
    if values != sorted(set(values)):
        problems.append(("scale", "values must go up from the first point to the last, each different."))
    uptos = [band["upto"] for band in data["bands"]]
    if uptos != sorted(set(uptos)):
        problems.append(("bands", "each band's upto must be higher than the one before it."))
    elif uptos[-1] < values[-1]:
        problems.append((f"bands[{len(uptos) - 1}].upto", f"the last band must reach the top of the scale ({values[-1]})."))
    for index, dimension in enumerate(data["dimensions"]):
        if any(band.get("suggest") for band in data["bands"]) and not dimension.get("suggestions"):
            problems.append((f"dimensions[{index}].suggestions", "a band has suggest: true, so every dimension needs suggestions."))
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the data and the JSON the script needs."""
    scale = data["scale"]
    return {
        "scale": scale,
        "config": {
            "min": scale[0]["value"],
            "max": scale[-1]["value"],
            "dimensions": [
                {"id": d["id"], "title": d["title"], "items": [item["id"] for item in d["items"]]}
                for d in data["dimensions"]
            ],
            "bands": [{"upto": b["upto"], "label": b["label"], "suggest": bool(b.get("suggest"))} for b in data["bands"]],
            "spread": data.get("spread", {}).get("at_least"),
        },
    }
