"""A training group's anonymised self-assessment scores: distributions per dimension and prompts for discussion.

Standard library only, so it runs in the browser's offline Python (the data lab) and in the site's tests.
Input, either:
- group pulse codes from the site's Group pulse page (``RS1-...``), which hold only each participant's
  average per dimension, rounded to one decimal place (format: overrides/assets/js/lib/pulse.js); or
- a CSV with one row per participant (an anonymous label, never a name) and one column per dimension,
  each holding that participant's score for the dimension (the mean of its items, on the exercise's scale).
"""

from __future__ import annotations

import csv
import decimal
import io
import statistics
from dataclasses import dataclass
from pathlib import Path

ID_COLUMN = "participant"


@dataclass(frozen=True)
class Dimension:
    """The group's scores for one dimension."""

    name: str
    scores: list[float]

    @property
    def median(self) -> float:
        """The middle score."""
        return statistics.median(self.scores)

    @property
    def spread(self) -> float:
        """Highest minus lowest score."""
        return max(self.scores) - min(self.scores)

    def quartiles(self) -> tuple[float, float, float]:
        """Lower quartile, median, upper quartile (inclusive method, as spreadsheets compute them)."""
        if len(self.scores) < 2:
            return (self.scores[0],) * 3
        q1, q2, q3 = statistics.quantiles(self.scores, n=4, method="inclusive")
        return q1, q2, q3

    def counts(self) -> dict[float, int]:
        """How many people gave each score."""
        found: dict[float, int] = {}
        for score in sorted(self.scores):
            found[score] = found.get(score, 0) + 1
        return found

    def line(self) -> str:
        """The dimension's spread in one sentence."""
        q1, q2, q3 = self.quartiles()
        return (f"{self.name}: {len(self.scores)} people, median {_num(q2)}, middle half {_num(q1)} to {_num(q3)}, "
                f"lowest {_num(min(self.scores))}, highest {_num(max(self.scores))}")


def _num(value: float) -> str:
    """A score with at most two decimals, halves rounded up, and no trailing zeros (3.9375 -> 3.94, 3.625 -> 3.63,
    4.0 -> 4). The Group pulse page rounds its medians by the same rule (overrides/assets/js/lib/pulse.js), so
    the same codes give the same median in both."""
    rounded = decimal.Decimal(str(value)).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    return f"{rounded}".rstrip("0").rstrip(".") if "." in f"{rounded}" else f"{rounded}"


def read_scores(path: str | Path, scale: tuple[float, float] = (1, 5)) -> list[Dimension]:
    """Read a scores CSV file (see ``parse_scores``)."""
    return parse_scores(Path(path).read_text(encoding="utf-8-sig"), scale)


def parse_scores(text: str, scale: tuple[float, float] = (1, 5)) -> list[Dimension]:
    """Parse a CSV of scores; lines starting with # are notes. Blank cells are left out, not counted as 0."""
    rows = [line for line in io.StringIO(text) if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(rows)
    columns = [name for name in (reader.fieldnames or []) if name != ID_COLUMN]
    if ID_COLUMN not in (reader.fieldnames or []) or not columns:
        raise ValueError(f"the CSV needs a '{ID_COLUMN}' column and one column per dimension")
    scores: dict[str, list[float]] = {name: [] for name in columns}
    low, high = scale
    for number, row in enumerate(reader, start=1):
        for name in columns:
            cell = (row.get(name) or "").strip()
            if not cell:
                continue
            try:
                value = float(cell)
            except ValueError:
                raise ValueError(f"data row {number}, {name}: {cell!r} is not a number") from None
            if not low <= value <= high:
                raise ValueError(f"data row {number}, {name}: {value:g} is outside the scale {low:g} to {high:g}")
            scores[name].append(value)
    return [Dimension(name, values) for name, values in scores.items() if values]


SMALL_GROUP = 5


def privacy_note(dimensions: list[Dimension]) -> str | None:
    """A warning when the group is so small that people could recognise each other's scores."""
    if not dimensions:
        return None
    people = max(len(d.scores) for d in dimensions)
    if people < SMALL_GROUP:
        return (f"Only {people} people: in a group this small, people may recognise each other's scores. "
                "Show the pattern in words rather than the chart, or wait until more people have answered.")
    return None


def prompts(dimensions: list[Dimension]) -> list[str]:
    """Questions for the group, drawn from the pattern in the scores (never from any one person's row)."""
    if not dimensions:
        return []
    lowest = min(dimensions, key=lambda d: d.median)
    highest = max(dimensions, key=lambda d: d.median)
    widest = max(dimensions, key=lambda d: d.spread)
    found = [
        f"{lowest.name.capitalize()} has the lowest median ({_num(lowest.median)}). What gets in the way of it "
        "in supervision here?",
        f"{highest.name.capitalize()} has the highest median ({_num(highest.median)}). What helps it happen, "
        "and could that help elsewhere?",
        f"Scores for {widest.name} range from {_num(min(widest.scores))} to {_num(max(widest.scores))}. "
        "What might make the same kind of supervision feel so different to different people?",
        "Which of these patterns would you expect to change if you asked again in three months' time, and why?",
    ]
    return found


# The chart's "..." menu: keep only the export actions (an SVG or PNG saved on this device). "Open in Vega
# Editor" would send the chart's spec, and the data in it, to vega.github.io; "View Source" and "View
# Compiled" only lead there. Nothing in the lab may leave the browser.
EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}}


def vega_spec(dimensions: list[Dimension], scale: tuple[float, float] = (1, 5),
              title: str = "Group scores per dimension") -> dict:
    """A Vega-Lite v5 dot plot: one row per dimension, dot size = how many people gave that score, a bar at the
    median."""
    dots = [
        {"dimension": d.name, "score": score, "people": count}
        for d in dimensions
        for score, count in d.counts().items()
    ]
    medians = [{"dimension": d.name, "median": d.median} for d in dimensions]
    y = {"field": "dimension", "type": "nominal", "title": None, "sort": [d.name for d in dimensions]}
    x_scale = {"domain": list(scale)}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "usermeta": {"embedOptions": EMBED_OPTIONS},
        "title": title,
        "description": "; ".join(d.line() for d in dimensions),
        "width": 520,
        "layer": [
            {"data": {"values": dots}, "mark": {"type": "circle", "opacity": 0.8, "color": "#005a9c"},
             "encoding": {"x": {"field": "score", "type": "quantitative", "title": "Score", "scale": x_scale},
                          "y": y, "size": {"field": "people", "type": "quantitative", "title": "People"},
                          "tooltip": [{"field": "dimension"}, {"field": "score"}, {"field": "people"}]}},
            {"data": {"values": medians}, "mark": {"type": "tick", "color": "#b3003b", "thickness": 3, "size": 26},
             "encoding": {"x": {"field": "median", "type": "quantitative", "scale": x_scale}, "y": y,
                          "tooltip": [{"field": "dimension"}, {"field": "median", "title": "Median"}]}},
        ],
    }


# ---------------------------------------------------------------- group pulse codes (format version 1)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32

# The self-assessment the example uses: "How balanced are Proctor's three functions in your supervision?"
# (exercises/supervision-models/proctor-function-balance.yaml). For another one, give its id, its dimension
# names in the exercise's order and its scale.
PROCTOR = {"id": "proctor-function-balance", "dimensions": ["normative", "formative", "restorative"], "scale": (1, 5)}


def _fnv1a(text: str) -> int:
    value = 0x811C9DC5
    data = text.encode("utf-16-le")
    for unit in (int.from_bytes(data[i:i + 2], "little") for i in range(0, len(data), 2)):
        value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
    return value


def _chars(value: int, width: int) -> str:
    out = ""
    for _ in range(width):
        out = ALPHABET[value % 32] + out
        value //= 32
    return out


def _value(chars: str) -> int:
    value = 0
    for char in chars:
        value = value * 32 + ALPHABET.index(char)
    return value


def encode_pulse(exercise: dict, averages: list[float | None]) -> str:
    """A participant's pulse code (as the site makes it; used to make examples and tests)."""
    low = exercise["scale"][0]
    scores = "".join(_chars(0 if a is None else round((a - low) * 10) + 1, 2) for a in averages)
    body = f"RS1{_chars(_fnv1a(exercise['id']) & 0xFFFFF, 4)}{scores}"
    rest = scores + _chars(_fnv1a(body) & 0x3FF, 2)
    return "-".join(["RS1", body[3:7]] + [rest[i:i + 4] for i in range(0, len(rest), 4)])


def decode_pulse(code: str, exercise: dict) -> list[float | None]:
    """One participant's averages from a pulse code; ValueError says what is wrong with a bad code."""
    shown = code.strip()[:40]
    compact = code.upper()
    for gap in " -\u2013\u2014_.\t":
        compact = compact.replace(gap, "")
    compact = compact.replace("O", "0").replace("I", "1").replace("L", "1")
    if not compact.startswith("RS"):
        raise ValueError(f"{shown!r} is not a group pulse code: codes start with RS.")
    if any(char not in ALPHABET for char in compact[2:]) or compact[2:3] != "1":
        raise ValueError(f"{shown!r} is not a version 1 group pulse code.")
    body, check = compact[:-2], compact[-2:]
    if _chars(_fnv1a(body) & 0x3FF, 2) != check:
        raise ValueError(f"{shown!r} has a typing mistake somewhere: its check characters do not match.")
    if body[3:7] != _chars(_fnv1a(exercise["id"]) & 0xFFFFF, 4):
        raise ValueError(f"{shown!r} comes from another self-assessment than {exercise['id']!r}.")
    scores = body[7:]
    if len(scores) != 2 * len(exercise["dimensions"]):
        raise ValueError(
            f"{shown!r} holds {len(scores) // 2} scores, but {exercise['id']!r} has "
            f"{len(exercise['dimensions'])} dimensions."
        )
    low, high = exercise["scale"]
    averages = []
    for index in range(0, len(scores), 2):
        value = _value(scores[index:index + 2])
        average = None if value == 0 else round(low + (value - 1) / 10, 1)
        if average is not None and average > high + 1e-9:
            raise ValueError(f"{shown!r} holds a score above the top of the scale.")
        averages.append(average)
    return averages


@dataclass(frozen=True)
class PulseCodes:
    """What pasted pulse codes gave: the group's scores, how many codes were used, and why any were left out."""

    dimensions: list[Dimension]
    used: int
    problems: list[str]  # one sentence for each code left out
    repeats: int  # codes the same as one before them: counted all the same

    def report(self) -> list[str]:
        """The outcome in words: codes used, codes the same as another, and each code left out and why."""
        lines = [f"Pulse codes used: {self.used}."]
        if self.repeats:
            same = "1 of them is" if self.repeats == 1 else f"{self.repeats} of them are"
            lines.append(f"{same} the same as another code. All are counted, because two people can give the same "
                         "answers; if a code was pasted twice by mistake, delete the copy and run all cells again.")
        if self.problems:
            lines.append(f"Left out {len(self.problems)} code{'' if len(self.problems) == 1 else 's'}:")
            lines += [f"- {problem}" for problem in self.problems]
        if not self.dimensions:
            lines.append("No code could be used, so there is nothing to show. Correct the codes in PULSE_CODES "
                         "(settings cell) and run all cells again.")
        return lines


def _split_codes(text: str) -> list[str]:
    """Codes from pasted text: one per line, or separated by commas, semicolons or spaces (a code may itself
    hold spaces or hyphens, since each one starts with RS)."""
    pieces: list[str] = []
    for token in text.replace(",", " ").replace(";", " ").split():
        if token.upper().startswith("RS") or not pieces:
            pieces.append(token)
        else:
            pieces[-1] += token
    return pieces


def read_pulse_codes(text: str, exercise: dict = PROCTOR) -> PulseCodes:
    """The group's scores from pasted pulse codes. A code that cannot be read is left out with a sentence
    saying why (``problems``); the others are used. Never raises for a bad code."""
    columns: list[list[float]] = [[] for _ in exercise["dimensions"]]
    problems: list[str] = []
    seen: set[str] = set()
    used = repeats = 0
    for piece in _split_codes(text):
        try:
            averages = decode_pulse(piece, exercise)
        except ValueError as error:
            problems.append(str(error))
            continue
        canonical = encode_pulse(exercise, averages)
        repeats += canonical in seen
        seen.add(canonical)
        used += 1
        for column, average in zip(columns, averages, strict=False):
            if average is not None:
                column.append(average)
    dimensions = [
        Dimension(name, values) for name, values in zip(exercise["dimensions"], columns, strict=False) if values
    ]
    return PulseCodes(dimensions, used, problems, repeats)


def from_pulse_codes(text: str, exercise: dict = PROCTOR) -> list[Dimension]:
    """The group's scores from pasted pulse codes; ValueError names the first code that cannot be read
    (the notebook uses ``read_pulse_codes``, which leaves bad codes out and says why)."""
    result = read_pulse_codes(text, exercise)
    if result.problems:
        raise ValueError(result.problems[0])
    if not result.used:
        raise ValueError("no pulse codes given")
    return result.dimensions
