"""A training group's anonymised self-assessment scores: distributions per dimension and prompts for discussion.

Standard library only, so it runs in the browser's offline Python (the data lab) and in the site's tests.
Input, either:
- group pulse codes from the site's Group pulse page (``RS1-...``) of any self-assessment that offers a
  pulse, which hold only each participant's average per dimension, rounded to one decimal place (format:
  overrides/assets/js/lib/pulse.js). The codes name their exercise; its definition (title, groups of
  statements, scale) comes from ``pulse-exercises.json``, which the site's build puts beside the notebooks
  (macros/lab/exercises.py); or
- a CSV with one row per participant (an anonymous label, never a name) and one column per dimension,
  each holding that participant's score for the dimension (the mean of its items, on the exercise's scale).

``load_group`` is what the notebook calls: a learner's slip (a wrong file name, a mistyped code, a setting
that cannot be right) comes back as sentences saying what to change, never as a traceback.
"""

from __future__ import annotations

import csv
import decimal
import difflib
import io
import json
import statistics
import textwrap
from dataclasses import dataclass
from pathlib import Path

ID_COLUMN = "participant"
EXERCISES_FILE = "pulse-exercises.json"
TOP_FOLDER = Path("/drive")  # the lab's top folder, where uploaded files go


class Slip(ValueError):
    """A learner's slip (a wrong file, code or setting), with a message saying what to change."""


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
    reader, columns = _csv_columns(text)
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
                raise Slip(f"data row {number}, {name}: {cell!r} is not a number") from None
            if not low <= value <= high:
                raise Slip(f"data row {number}, {name}: {value:g} is outside the scale {low:g} to {high:g}")
            scores[name].append(value)
    return [Dimension(name, values) for name, values in scores.items() if values]


def _csv_columns(text: str) -> tuple[csv.DictReader, list[str]]:
    """A reader over the data rows (notes left out) and the names of the score columns."""
    rows = [line for line in io.StringIO(text) if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(rows)
    columns = [name for name in (reader.fieldnames or []) if name != ID_COLUMN]
    if ID_COLUMN not in (reader.fieldnames or []) or not columns:
        raise Slip(f"the CSV needs a '{ID_COLUMN}' column and one column per dimension")
    return reader, columns


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


# ---------------------------------------------------------------- discussion prompts
def _names(dimensions: list[Dimension]) -> str:
    """Names in a sentence: "a", "a and b", "a, b and c"."""
    names = [d.name for d in dimensions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _sentence(text: str) -> str:
    """Text with its first letter a capital (the rest kept: names may hold capitals of their own)."""
    return text[:1].upper() + text[1:]


def _same(a: float, b: float) -> bool:
    """Two figures that show the same (no float noise: 4.3 - 2.1 and 2.2 are the same spread)."""
    return _num(a) == _num(b)


def prompts(dimensions: list[Dimension]) -> list[str]:
    """Questions for the group, drawn from the pattern in the scores (never from any one person's row).

    Groups of statements with the same median, or the same spread, are described together as a tie: one
    group is never called both the lowest and the highest."""
    if not dimensions:
        return []
    found = _median_prompts(dimensions) + [_spread_prompt(dimensions)]
    found.append("Which of these patterns would you expect to change if you asked again in three months' time, "
                 "and why?")
    return found


def _median_prompts(dimensions: list[Dimension]) -> list[str]:
    """The lowest and highest medians, or one sentence when they are the same."""
    if len(dimensions) == 1:
        only = dimensions[0]
        return [f"{_sentence(only.name)} has a median of {_num(only.median)}. What helps it happen in supervision "
                "here, and what gets in its way?"]
    low = min(d.median for d in dimensions)
    high = max(d.median for d in dimensions)
    if _same(low, high):
        every = "Both groups" if len(dimensions) == 2 else f"All {len(dimensions)} groups"
        return [f"{every} of statements have the same median ({_num(low)}): {_names(dimensions)}. Does supervision "
                "here really give each of them the same room, or does the median hide differences?"]
    lowest = [d for d in dimensions if _same(d.median, low)]
    highest = [d for d in dimensions if _same(d.median, high)]
    return [
        (f"{_sentence(lowest[0].name)} has the lowest median ({_num(low)})." if len(lowest) == 1 else
         f"{_sentence(_names(lowest))} share the lowest median ({_num(low)}).")
        + f" What gets in the way of {'it' if len(lowest) == 1 else 'them'} in supervision here?",
        (f"{_sentence(highest[0].name)} has the highest median ({_num(high)})." if len(highest) == 1 else
         f"{_sentence(_names(highest))} share the highest median ({_num(high)}).")
        + f" What helps {'it' if len(highest) == 1 else 'them'} happen, and could that help elsewhere?",
    ]


def _spread_prompt(dimensions: list[Dimension]) -> str:
    """Where scores differ most, or a sentence on agreement when everyone gave the same scores."""
    widest = max(d.spread for d in dimensions)
    if _same(widest, 0):
        return ("Everyone gave the same score in each group of statements. What might make a group agree so "
                "closely, and is there anything people found hard to say?")
    spread = [d for d in dimensions if _same(d.spread, widest)]
    question = "What might make the same kind of supervision feel so different to different people?"
    if len(spread) == 1:
        d = spread[0]
        return f"Scores for {d.name} range from {_num(min(d.scores))} to {_num(max(d.scores))}. {question}"
    ranges = "; ".join(f"{d.name} from {_num(min(d.scores))} to {_num(max(d.scores))}" for d in spread)
    return f"Scores range just as widely ({_num(widest)} points) for {_names(spread)}: {ranges}. {question}"


# ---------------------------------------------------------------- the chart
# The chart's "..." menu: keep only the export actions (an SVG or PNG saved on this device). "Open in Vega
# Editor" would send the chart's spec, and the data in it, to vega.github.io; "View Source" and "View
# Compiled" only lead there. Nothing in the lab may leave the browser.
EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}}
LABEL_WIDTH = 22  # characters per line of a group's name beside the chart: a long name wraps, never cut off
LINE = "\n"
ROW_HEIGHT = 52  # pixels per group of statements: room for a name of three lines beside its dots


def _label(name: str, width: int = LABEL_WIDTH) -> str:
    """A name wrapped into lines (joined by LINE; the chart's labelExpr splits them)."""
    return LINE.join(textwrap.wrap(name, width, break_long_words=True)) or name


def vega_spec(dimensions: list[Dimension], scale: tuple[float, float] = (1, 5),
              title: str = "Group scores per dimension") -> dict:
    """A Vega-Lite v5 dot plot: one row per dimension, dot size = how many people gave that score, a bar at the
    median. Counts show as whole numbers (the legend lists only counts that occur); long names and titles
    wrap onto more lines instead of being cut off."""
    labels = {d.name: _label(d.name) for d in dimensions}
    dots = [
        {"dimension": labels[d.name], "name": d.name, "score": score, "people": count}
        for d in dimensions
        for score, count in d.counts().items()
    ]
    medians = [{"dimension": labels[d.name], "name": d.name, "median": d.median} for d in dimensions]
    # Titles are "" rather than None: the lab's kernel passes None to the chart as undefined, not null, and the
    # chart then shows its own title ("dimension").
    axis = {"title": "", "labelExpr": "split(datum.label, '\\n')", "labelLimit": 0}
    y = {"field": "dimension", "type": "nominal", "title": "", "sort": [labels[d.name] for d in dimensions],
         "axis": axis}
    x_scale = {"domain": list(scale)}
    low, high = scale
    x_axis: dict = {"title": f"Score ({_num(low)} to {_num(high)})"}
    if float(low).is_integer() and float(high).is_integer() and high - low <= 10:
        # Every point of the scale (no format: with "d" the chart drops every other tick).
        x_axis.update(values=list(range(int(low), int(high) + 1)), labelOverlap=False)
    counts = sorted({count for d in dimensions for count in d.counts().values()})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "usermeta": {"embedOptions": EMBED_OPTIONS},
        "title": {"text": textwrap.wrap(title, 60) or [title], "anchor": "start"},
        "description": "; ".join(d.line() for d in dimensions),
        "width": 480,
        "height": {"step": ROW_HEIGHT},
        "layer": [
            {"data": {"values": dots}, "mark": {"type": "circle", "opacity": 0.8, "color": "#005a9c"},
             "encoding": {"x": {"field": "score", "type": "quantitative", "scale": x_scale, "axis": x_axis},
                          "y": y,
                          "size": {"field": "people", "type": "quantitative", "title": "People",
                                   "scale": {"zero": True},
                                   "legend": {"values": counts, "format": "d", "tickMinStep": 1}},
                          "tooltip": [{"field": "name", "title": "Group"}, {"field": "score", "title": "Score"},
                                      {"field": "people", "title": "People", "format": "d"}]}},
            {"data": {"values": medians}, "mark": {"type": "tick", "color": "#b3003b", "thickness": 3, "size": 26},
             "encoding": {"x": {"field": "median", "type": "quantitative", "scale": x_scale, "axis": x_axis},
                          "y": y,
                          "tooltip": [{"field": "name", "title": "Group"}, {"field": "median", "title": "Median"}]}},
        ],
    }


# ---------------------------------------------------------------- the self-assessments that offer a pulse
def load_exercises(path: str | Path = EXERCISES_FILE) -> list[dict]:
    """The self-assessments whose codes the lab reads (written by the site's build beside the notebooks).
    An empty list when the file is missing or damaged: codes are then reported as unknown, in words."""
    try:
        found = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [entry for entry in found if isinstance(entry, dict) and {"id", "min", "max", "dimensions"} <= set(entry)]


def _title(exercise: dict) -> str:
    return str(exercise.get("title") or exercise["id"])


def _dimension_names(exercise: dict) -> list[str]:
    return [str(d.get("title") or d.get("id")) for d in exercise["dimensions"]]


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    return f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


# ---------------------------------------------------------------- group pulse codes (format version 1)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
HASH_CHARS, SCORE_CHARS, CHECK_CHARS = 4, 2, 2


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


def exercise_hash(exercise_id: str) -> str:
    """The four characters that stand for an exercise in its codes."""
    return _chars(_fnv1a(str(exercise_id)) & 0xFFFFF, HASH_CHARS)


def encode_pulse(exercise: dict, averages: list[float | None]) -> str:
    """A participant's pulse code, as the site makes it (lib/pulse.js encodePulse; used for examples and tests).
    ``exercise`` is an entry of ``pulse-exercises.json`` (id, min, max, dimensions)."""
    low = exercise["min"]
    scores = "".join(_chars(0 if a is None else _round_half_up((a - low) * 10) + 1, SCORE_CHARS) for a in averages)
    body = f"RS1{exercise_hash(exercise['id'])}{scores}"
    rest = scores + _chars(_fnv1a(body) & 0x3FF, CHECK_CHARS)
    return "-".join(["RS1", body[3:7]] + [rest[i:i + 4] for i in range(0, len(rest), 4)])


def _compact(code: str) -> str:
    """A code in its canonical form: capitals, no gaps, O as 0 and I or L as 1."""
    compact = code.upper()
    for gap in " -\u2013\u2014_.\t":
        compact = compact.replace(gap, "")
    return compact.replace("O", "0").replace("I", "1").replace("L", "1")


def _possible_scores(exercise: dict, dimension: dict) -> set[int]:
    """Every score (as a code holds it) that ratings of one group of statements can give (lib/pulse.js
    possibleScores): averages of 1 to ``statements`` ratings, each a point of the scale."""
    points, statements, low = exercise.get("points"), dimension.get("statements"), exercise["min"]
    if not points or not isinstance(statements, int) or statements < 1:
        return set(range(1, round((exercise["max"] - low) * 10) + 2))
    scores: set[int] = set()
    sums = {0}
    for count in range(1, statements + 1):
        sums = {total + point for total in sums for point in points}
        scores |= {_round_half_up((total / count - low) * 10) + 1 for total in sums}
    return scores


def _round_half_up(value: float) -> int:
    """Math.round in JavaScript: halves go up."""
    return int(decimal.Decimal(repr(value)).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def decode_pulse(code: str, exercises: list[dict]) -> tuple[dict, list[float | None]]:
    """The exercise a code comes from and one participant's averages; Slip says what is wrong with it."""
    shown = f'"{code.strip()[:40]}"'
    if not _compact(code).startswith("RS"):
        raise Slip(f"{shown} is not a group pulse code: codes start with RS.")
    compact = _compact(code)
    wrong = next((char for char in compact if char not in ALPHABET), None)
    if wrong is not None:
        raise Slip(f'{shown}: "{wrong}" is not used in pulse codes, which have only letters and digits. '
                   "Check the code against the participant's screen.")
    if compact[2:3] != "1":
        raise Slip(f"{shown} is not a version 1 group pulse code: RS is followed by 1.")
    if len(compact) < 3 + HASH_CHARS + SCORE_CHARS + CHECK_CHARS or len(compact) % 2 == 0:
        raise Slip(f"{shown} is too short or too long to be a pulse code. Check for a missing or extra character.")
    body, check = compact[:-CHECK_CHARS], compact[-CHECK_CHARS:]
    if _chars(_fnv1a(body) & 0x3FF, CHECK_CHARS) != check:
        raise Slip(f"{shown} has a typing mistake somewhere: its check characters do not match. Compare it with "
                   "the participant's screen.")
    exercise = next((e for e in exercises if exercise_hash(e["id"]) == body[3:7]), None)
    if exercise is None:
        raise Slip(f"{shown} comes from a self-assessment this lab does not know. It may come from another site, "
                   "or another version of this one.")
    if exercise.get("example"):
        raise Slip(f'{shown} comes from the example "{_title(exercise)}" in the exercise gallery, which only shows '
                   "how a self-assessment works, so it is left out. Ask for codes from a self-assessment in a module.")
    scores = body[3 + HASH_CHARS:]
    count, groups = len(scores) // SCORE_CHARS, len(exercise["dimensions"])
    if count != groups:
        raise Slip(f'{shown} holds {count} score{"" if count == 1 else "s"}, but "{_title(exercise)}" has {groups} '
                   "groups of statements. It may come from another version of the site.")
    return exercise, _averages(shown, exercise, scores)


def _averages(shown: str, exercise: dict, scores: str) -> list[float | None]:
    """A code's averages, refused in words when they are above the scale, impossible, or all missing."""
    low, high = exercise["min"], exercise["max"]
    averages: list[float | None] = []
    for index, dimension in enumerate(exercise["dimensions"]):
        value = _value(scores[index * SCORE_CHARS:(index + 1) * SCORE_CHARS])
        average = None if value == 0 else round(low + (value - 1) / 10, 1)
        if average is not None and average > high + 1e-9:
            raise Slip(f"{shown} holds a score above the top of the scale. Check the code.")
        if average is not None and value not in _possible_scores(exercise, dimension):
            raise Slip(f'{shown} holds an average that no ratings of "{_title(exercise)}" can give, so it did not '
                       "come from the self-assessment. Check the code against the participant's screen.")
        averages.append(average)
    if all(average is None for average in averages):
        raise Slip(f"{shown} rates no group of statements, and a self-assessment never shows such a code, so it is "
                   "left out.")
    return averages


def _expected_length(piece: str, exercises: list[dict]) -> int | None:
    """How many characters a code starting like this has, or None when that cannot be told yet."""
    code = _compact(piece)
    exercise = next((e for e in exercises if exercise_hash(e["id"]) == code[3:7]), None)
    if len(code) < 3 + HASH_CHARS or exercise is None:
        return None
    return 3 + HASH_CHARS + SCORE_CHARS * len(exercise["dimensions"]) + CHECK_CHARS


def split_codes(text: str, exercises: list[dict]) -> list[str]:
    """Codes from pasted text (lib/pulse.js splitCodes): separated by new lines, commas, semicolons or spaces;
    a code may hold spaces or hyphens, since each one starts with RS. Once a code of a known self-assessment is
    complete, words after it (names copied from a group chat) are not part of it."""
    tokens = text.replace(",", " ").replace(";", " ").split()
    any_code = any(token.upper().startswith("RS") for token in tokens)
    pieces: list[str] = []
    complete = True
    for token in tokens:
        if token.upper().startswith("RS") or (not any_code and not pieces):
            pieces.append(token)
        elif not complete or not any_code:
            pieces[-1] += token
        else:
            continue
        need = _expected_length(pieces[-1], exercises)
        complete = need is not None and len(_compact(pieces[-1])) >= need
    return pieces


@dataclass(frozen=True)
class PulseCodes:
    """What pasted pulse codes gave: the exercise they come from, the group's scores, how many codes were used,
    and why any were left out."""

    exercise: dict | None
    dimensions: list[Dimension]
    used: int
    problems: list[str]  # one sentence for each code left out
    repeats: int  # codes the same as one before them: counted all the same

    def report(self) -> list[str]:
        """The outcome in words: the exercise, codes used, codes the same as another, codes left out and why."""
        lines = []
        if self.exercise is not None:
            lines.append(f'Self-assessment: "{_title(self.exercise)}" (scale {_num(self.exercise["min"])} to '
                         f'{_num(self.exercise["max"])}).')
        lines.append(f"Pulse codes used: {self.used}.")
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


def read_pulse_codes(text: str, exercises: list[dict], choose: str | None = None) -> PulseCodes:
    """The group's scores from pasted pulse codes, of whichever self-assessment they come from.

    Codes of one exercise are shown together: ``choose`` (an exercise id) picks it when the codes come from
    more than one, else the one most codes come from. A code that cannot be read, or that comes from another
    exercise, is left out with a sentence saying why; the others are used. Never raises for a bad code."""
    decoded: list[tuple[dict, list[float | None]]] = []
    problems: list[str] = []
    for piece in split_codes(text, exercises):
        try:
            decoded.append(decode_pulse(piece, exercises))
        except Slip as error:
            problems.append(str(error))
    tally: dict[str, int] = {}
    for exercise, _ in decoded:
        tally[exercise["id"]] = tally.get(exercise["id"], 0) + 1
    chosen_id = choose if choose in tally else max(tally, key=lambda key: tally[key], default=None)
    if chosen_id is None:
        return PulseCodes(None, [], 0, problems, 0)
    chosen = next(exercise for exercise, _ in decoded if exercise["id"] == chosen_id)
    for other_id, count in tally.items():
        if other_id != chosen_id:
            other = next(exercise for exercise, _ in decoded if exercise["id"] == other_id)
            problems.append(f'{count} code{" comes" if count == 1 else "s come"} from another self-assessment, '
                            f'"{_title(other)}": one self-assessment is shown at a time. To show that one, set '
                            f'EXERCISE = "{other_id}" in the settings cell and run all cells again.')
    columns: list[list[float]] = [[] for _ in chosen["dimensions"]]
    seen: set[str] = set()
    used = repeats = 0
    for exercise, averages in decoded:
        if exercise["id"] != chosen_id:
            continue
        canonical = encode_pulse(exercise, averages)
        repeats += canonical in seen
        seen.add(canonical)
        used += 1
        for column, average in zip(columns, averages, strict=True):
            if average is not None:
                column.append(average)
    dimensions = [Dimension(name, values) for name, values in zip(_dimension_names(chosen), columns, strict=True)
                  if values]
    return PulseCodes(chosen, dimensions, used, problems, repeats)


def from_pulse_codes(text: str, exercises: list[dict]) -> list[Dimension]:
    """The group's scores from pasted pulse codes; Slip names the first code that cannot be used
    (the notebook uses ``load_group``, which leaves bad codes out and says why)."""
    result = read_pulse_codes(text, exercises)
    if result.problems:
        raise Slip(result.problems[0])
    if not result.used:
        raise Slip("no pulse codes given")
    return result.dimensions


# ---------------------------------------------------------------- what the notebook calls
@dataclass(frozen=True)
class Group:
    """What the notebook shows: the group's scores, the scale, a title, and the outcome in words."""

    dimensions: list[Dimension]
    scale: tuple[float, float]
    title: str
    lines: list[str]

    def report(self) -> list[str]:
        """Everything to print above the chart: what was read, each group's spread, and any note."""
        found = list(self.lines)
        if self.dimensions:
            found += [d.line() for d in self.dimensions]
            warning = privacy_note(self.dimensions)
            if warning:
                found += ["", f"Note: {warning}"]
        return found


def load_group(pulse_codes: object = "", data_file: object = "", scale: object = None, exercise: object = None,
               folder: str | Path = ".", top: Path = TOP_FOLDER, exercises: list[dict] | None = None) -> Group:
    """The group's scores from the notebook's settings: pasted pulse codes when there are any, else the CSV
    file ``data_file``. Never raises for a learner's slip: a wrong file name, a code that cannot be read or a
    setting that cannot be right comes back as sentences in ``Group.lines`` saying what to change.

    ``scale`` is (lowest, highest), or None for the self-assessment's own (codes, or a file whose columns are
    the groups of statements of a known self-assessment). ``exercise`` picks one self-assessment when pasted
    codes come from more than one. ``folder`` is where a file name without a folder is looked for; ``top``
    is the lab's top folder, where uploaded files go."""
    folder = Path(folder)
    known = load_exercises(folder / EXERCISES_FILE) if exercises is None else exercises
    try:
        chosen_scale = _check_scale(scale)
        if not isinstance(pulse_codes, str):
            raise Slip('PULSE_CODES must be text between the triple quotes: PULSE_CODES = """ ... """.')
        if exercise is not None and not isinstance(exercise, str):
            raise Slip('EXERCISE must be an exercise id in quotes, such as EXERCISE = "proctor-function-balance", '
                       "or None.")
        if exercise and exercise not in {e["id"] for e in known}:
            ids = [e["id"] for e in known if not e.get("example")]
            raise Slip(f"EXERCISE is {exercise!r}, which is not a self-assessment this lab knows."
                       f"{_did_you_mean(exercise, ids)} The ones it knows: {', '.join(ids) or 'none'}.")
        if pulse_codes.strip():
            return _from_codes(pulse_codes, known, exercise or None, chosen_scale)
        return _from_file(data_file, chosen_scale, folder, top, known)
    except Slip as slip:
        return Group([], (1, 5), "", [f"Nothing to show yet. {slip}", "Change the settings cell, then run all "
                                                                         "cells again."])


def _check_scale(scale: object) -> tuple[float, float] | None:
    """SCALE as two numbers, lowest first, or None; Slip in words for anything else."""
    if scale is None:
        return None
    numbers = isinstance(scale, tuple | list) and len(scale) == 2
    if not numbers or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in scale):
        raise Slip(f"SCALE is {scale!r}, but it must be the lowest and highest score in brackets, such as "
                   "SCALE = (1, 5), or None to use the self-assessment's own.")
    low, high = scale
    if low >= high:
        raise Slip(f"SCALE is {scale!r}: the lowest score comes first, then a higher one, such as SCALE = (1, 5).")
    return float(low), float(high)


def _from_codes(text: str, known: list[dict], exercise: str | None, scale: tuple[float, float] | None) -> Group:
    pulse = read_pulse_codes(text, known, exercise)
    lines = pulse.report()
    if pulse.exercise is None:
        return Group([], (1, 5), "", lines)
    own = (pulse.exercise["min"], pulse.exercise["max"])
    if scale is not None and tuple(scale) != tuple(float(v) for v in own):
        lines.append(f"SCALE ({_num(scale[0])}, {_num(scale[1])}) is not used: the codes carry their "
                     f"self-assessment's own scale, {_num(own[0])} to {_num(own[1])}.")
    if exercise and exercise != pulse.exercise["id"]:
        lines.append(f'No code comes from EXERCISE "{exercise}", so the codes of "{_title(pulse.exercise)}" are '
                     "shown.")
    return Group(pulse.dimensions, own, f"{_title(pulse.exercise)}: the group's scores", lines)


def _from_file(name: object, scale: tuple[float, float] | None, folder: Path, top: Path,
               known: list[dict]) -> Group:
    if not isinstance(name, str | Path) or not str(name).strip():
        raise Slip("There are no codes in PULSE_CODES and no file in DATA_FILE. Paste the codes between the "
                   'triple quotes, or name a CSV file, such as DATA_FILE = "/drive/our-group.csv".')
    text = _read_text(str(name).strip(), folder, top)
    shown = f'"{name}"'
    try:
        _, columns = _csv_columns(text)
    except Slip as slip:
        raise Slip(f"In {shown}: {slip}.") from None
    match = _exercise_of_columns(columns, known)
    if match is not None and scale is not None and scale != (float(match["min"]), float(match["max"])):
        raise Slip(f'SCALE is ({_num(scale[0])}, {_num(scale[1])}), but the columns of {shown} are the groups of '
                   f'"{_title(match)}", whose scale is {_num(match["min"])} to {_num(match["max"])}. Set SCALE = '
                   f'({_num(match["min"])}, {_num(match["max"])}), or SCALE = None to use the exercise\'s own.')
    if scale is None and match is None:
        raise Slip(f"The columns of {shown} are not the groups of statements of a self-assessment this lab knows, "
                   "so it cannot tell the scale. Set SCALE to the lowest and highest possible score, such as "
                   "SCALE = (1, 5).")
    chosen = scale or (float(match["min"]), float(match["max"]))
    try:
        dimensions = parse_scores(text, chosen)
    except Slip as slip:
        hint = " Check the file, or SCALE in the settings cell." if "outside the scale" in str(slip) else ""
        raise Slip(f"In {shown}: {slip}.{hint}") from None
    if not dimensions:
        raise Slip(f"{shown} has no scores in it: add one row per participant under the column names.")
    lines = [f'File: {shown}' + (f', the self-assessment "{_title(match)}"' if match else "")
             + f" (scale {_num(chosen[0])} to {_num(chosen[1])})."]
    title = f"{_title(match)}: the group's scores" if match else "Group scores per dimension"
    return Group(dimensions, chosen, title, lines)


def _exercise_of_columns(columns: list[str], known: list[dict]) -> dict | None:
    """The self-assessment whose groups of statements the columns are (by title, as the Group pulse page writes
    them, or by id), if exactly one matches."""
    wanted = [c.strip().casefold() for c in columns]
    found = [e for e in known if not e.get("example") and (
        wanted == [n.casefold() for n in _dimension_names(e)]
        or wanted == [str(d.get("id")).casefold() for d in e["dimensions"]])]
    return found[0] if len(found) == 1 else None


def _read_text(name: str, folder: Path, top: Path) -> str:
    """A file's text, found as Python would find it from the notebook's folder; Slip in words when it is not
    there, is a folder, or is not a text file (a spreadsheet uploaded as it is)."""
    path = Path(name) if Path(name).is_absolute() else folder / name
    shown = f'"{name}"'
    if path.is_dir():
        raise Slip(f"{shown} is a folder, not a file. Set DATA_FILE to the CSV file inside it.")
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise Slip(f"There is no file {shown}.{_nearby(name, folder, top)} Check DATA_FILE in the settings cell: "
                   'a file you uploaded is "/drive/" followed by its name, such as "/drive/our-group.csv".') from None
    except UnicodeDecodeError:
        raise Slip(f"{shown} is not a CSV text file. If it is a spreadsheet, save it as CSV (File, Save as, CSV), "
                   "upload that file and name it in DATA_FILE.") from None
    except OSError as error:
        raise Slip(f"{shown} cannot be read ({error.strerror or error}).") from None


def _nearby(name: str, folder: Path, top: Path) -> str:
    """Files with a name like ``name`` in the notebook's folder and the lab's top folder, as DATA_FILE would
    name them."""
    candidates: dict[str, str] = {}
    for place, prefix in ((folder, ""), (top, f"{top.as_posix().rstrip('/')}/")):
        try:
            for path in sorted(place.iterdir()) if place.is_dir() else []:
                if path.is_file() and path.suffix.lower() in {".csv", ".txt", ".xlsx", ".xls", ".ods"}:
                    candidates.setdefault(path.name.casefold(), prefix + path.name)
        except OSError:
            continue
    key = Path(name).name.casefold()
    if key in candidates:
        return f' There is one with that name: DATA_FILE = "{candidates[key]}".'
    close = difflib.get_close_matches(key, list(candidates), n=3, cutoff=0.5)
    if close:
        return " Did you mean " + " or ".join(f'"{candidates[c]}"' for c in close) + "?"
    return ""
