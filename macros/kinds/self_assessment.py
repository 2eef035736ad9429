"""Self-assessment: statements rated on a labelled scale, grouped into dimensions, reported as a profile."""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "self-assessment"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check ids, the scale order and the bands against the scale."""
    problems = duplicate_ids(data["dimensions"], "dimensions")
    seen: dict[str, str] = {}
    for d_index, dimension in enumerate(data["dimensions"]):
        for i_index, item in enumerate(dimension["items"]):
            place = f"dimensions[{d_index}].items[{i_index}].id"
            if item["id"] in seen:
                problems.append((place, f"the id {item['id']!r} is already used at {seen[item['id']]}. "
                                        "Every statement needs its own id, across all groups."))
            seen.setdefault(item["id"], place)
    values = [point["value"] for point in data["scale"]]
    if values != sorted(set(values)):
        problems.append(("scale", "values must go up from the first point to the last, each different."))
    uptos = [band["upto"] for band in data["bands"]]
    if uptos != sorted(set(uptos)):
        problems.append(("bands", "each band's upto must be higher than the one before it."))
    elif uptos[-1] < values[-1]:
        problems.append(
            (f"bands[{len(uptos) - 1}].upto", f"the last band must reach the top of the scale ({values[-1]}).")
        )
    for index, dimension in enumerate(data["dimensions"]):
        if any(band.get("suggest") for band in data["bands"]) and not dimension.get("suggestions"):
            problems.append(
                (f"dimensions[{index}].suggestions", "a band has suggest: true, so every dimension needs suggestions.")
            )
    problems += _check_balance(data, values)
    return problems


def _check_balance(data: dict[str, Any], values: list[int]) -> list[tuple[str, str]]:
    """A balance adds ratings up, so 0 must mean none; its prompts name statements by their short names."""
    balance = data.get("balance")
    if not balance:
        return []
    problems = []
    if values[0] != 0:
        problems.append(
            (
                "balance",
                f"a balance adds ratings together, so the scale must start at 0 (meaning not at all), "
                f"not {values[0]}. Start the scale at 0, or remove the balance block.",
            )
        )
    if len(data["dimensions"]) < 2:
        problems.append(("balance", "a balance compares groups, so it needs at least two dimensions."))
    if "zero" in balance or "over" in balance:
        for d_index, dimension in enumerate(data["dimensions"]):
            for i_index, item in enumerate(dimension["items"]):
                if not item.get("name"):
                    problems.append(
                        (
                            f"dimensions[{d_index}].items[{i_index}].name",
                            f"the balance prompts name statements, so statement {item['id']!r} needs a short name, "
                            "for example name: Prescriptive.",
                        )
                    )
    return problems


def _balance_config(data: dict[str, Any]) -> dict[str, Any]:
    """What the script needs for the balance results: the prompts in use and each statement's short name."""
    balance = data["balance"]
    return {
        "zero": "zero" in balance,
        "zeroLabel": data["scale"][0]["label"],
        "over": balance["over"]["share"] if "over" in balance else None,
        "names": {item["id"]: item.get("name", item["text"]) for d in data["dimensions"] for item in d["items"]},
    }


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the data and the JSON the script needs."""
    scale = data["scale"]
    config = {
        "min": scale[0]["value"],
        "max": scale[-1]["value"],
        "dimensions": [
            {"id": d["id"], "title": d["title"], "items": [item["id"] for item in d["items"]]}
            for d in data["dimensions"]
        ],
        "bands": [{"upto": b["upto"], "label": b["label"], "suggest": bool(b.get("suggest"))} for b in data["bands"]],
        "spread": data.get("spread", {}).get("at_least"),
    }
    if "balance" in data:
        config["balance"] = _balance_config(data)
    return {"scale": scale, "config": config}


def pulse_entry(exercise_id: str, title: str, data: dict[str, Any]) -> dict[str, Any]:
    """What the group pulse page needs to read this exercise's pulse codes (lib/pulse.js).

    The scale's points and each group's number of statements let the page refuse a code whose averages no
    ratings could give (lib/pulse.js possibleScores).
    """
    config = context(exercise_id, data)["config"]
    return {"id": exercise_id, "title": title, "min": config["min"], "max": config["max"],
            "points": [point["value"] for point in data["scale"]],
            "dimensions": [{"id": d["id"], "title": d["title"], "statements": len(d["items"])}
                           for d in config["dimensions"]]}
