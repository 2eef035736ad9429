"""Run chart of supervision frequency, with the median and two simple run rules.

Standard library only, so it runs in the browser's offline Python (the data lab) and in the site's tests.

The rules are the run chart rules described by Perla, Provost and Murray (2011), "The run chart: a simple
analytical tool for learning from variation in healthcare processes", BMJ Quality & Safety 20(1): 46-51,
and used in NHS and Healthcare Improvement Scotland quality improvement guidance:

- Shift: six or more points in a row, all above or all below the median. A point exactly on the median
  is skipped: it neither adds to a shift nor breaks it.
- Trend: five or more points in a row, each higher than the one before (or each lower). When two or more
  points in a row have the same value, only the first is counted: repeats neither add to a trend nor
  break it.

Either is a sign that something other than month-to-month chance is at work: worth asking what changed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

SHIFT_POINTS = 6
TREND_POINTS = 5


@dataclass(frozen=True)
class Month:
    """One row of an audit: how many supervisees were due supervision and how many sessions took place."""

    month: str
    supervisees: int
    sessions: int

    @property
    def rate(self) -> float:
        """Sessions per supervisee in the month (1.0 = on average once a month each)."""
        return self.sessions / self.supervisees


@dataclass(frozen=True)
class Run:
    """A signal on the chart: points ``start`` to ``end`` (0-based, inclusive) and which way it goes."""

    rule: str  # "shift" or "trend"
    start: int
    end: int
    direction: str  # shift: "above" or "below"; trend: "up" or "down"
    points: int  # how many points count towards the rule

    def describe(self, labels: list[str]) -> str:
        """One plain sentence naming the months."""
        words = {"above": "above the median", "below": "below the median", "up": "going up", "down": "going down"}
        what = words[self.direction]
        return f"{self.rule.capitalize()}: {self.points} points {what}, {labels[self.start]} to {labels[self.end]}."


def median(values: list[float]) -> float:
    """The middle value (the mean of the two middle values for an even count)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def shifts(values: list[float], centre: float, min_points: int = SHIFT_POINTS) -> list[Run]:
    """Runs of ``min_points`` or more points on one side of ``centre``; points on it are skipped."""
    found: list[Run] = []
    side, members = None, []

    def close() -> None:
        if side and len(members) >= min_points:
            found.append(Run("shift", members[0], members[-1], side, len(members)))

    for index, value in enumerate(values):
        if value == centre:
            continue
        here = "above" if value > centre else "below"
        if here != side:
            close()
            side, members = here, []
        members.append(index)
    close()
    return found


def trends(values: list[float], min_points: int = TREND_POINTS) -> list[Run]:
    """Runs of ``min_points`` or more points each higher (or lower) than the last; repeats are skipped."""
    kept = [index for index, value in enumerate(values) if index == 0 or value != values[index - 1]]
    found: list[Run] = []
    start = 0  # position in `kept` where the current run begins
    direction = None
    for position in range(1, len(kept) + 1):
        step = None
        if position < len(kept):
            step = "up" if values[kept[position]] > values[kept[position - 1]] else "down"
        if step != direction or step is None:
            if direction is not None and position - start >= min_points:
                found.append(Run("trend", kept[start], kept[position - 1], direction, position - start))
            start = position - 1
            direction = step
    return found


def read_audit(path: str | Path) -> list[Month]:
    """Read an audit CSV file (see ``parse_audit``)."""
    return parse_audit(Path(path).read_text(encoding="utf-8-sig"))


def parse_audit(text: str) -> list[Month]:
    """Parse an audit CSV: columns month, supervisees, sessions; lines starting with # are notes."""
    rows = [line for line in io.StringIO(text) if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(rows)
    missing = {"month", "supervisees", "sessions"} - set(reader.fieldnames or [])
    if missing:
        raise ValueError(
            f"the CSV needs the columns month, supervisees, sessions; missing: {', '.join(sorted(missing))}"
        )
    months = []
    for number, row in enumerate(reader, start=2):
        try:
            month = Month(row["month"].strip(), int(row["supervisees"]), int(row["sessions"]))
        except (TypeError, ValueError):
            raise ValueError(f"data row {number - 1}: supervisees and sessions must be whole numbers") from None
        if month.supervisees <= 0 or month.sessions < 0:
            raise ValueError(f"data row {number - 1}: supervisees must be above 0 and sessions 0 or more")
        months.append(month)
    if len(months) < 2:
        raise ValueError("the CSV needs at least two months")
    return months


@dataclass
class Audit:
    """Everything the notebook shows about one audit."""

    months: list[Month]
    standard: float
    median: float
    signals: list[Run]

    @property
    def labels(self) -> list[str]:
        """The months, in order."""
        return [m.month for m in self.months]

    @property
    def rates(self) -> list[float]:
        """The monthly rates, in order."""
        return [m.rate for m in self.months]

    def meeting_standard(self) -> list[Month]:
        """The months whose rate meets the standard."""
        return [m for m in self.months if m.rate >= self.standard - 1e-9]

    def summary(self) -> list[str]:
        """Plain sentences for the notebook and for people who do not see the chart."""
        lines = [
            f"Months: {len(self.months)} ({self.labels[0]} to {self.labels[-1]}).",
            f"Median: {self.median:.2f} sessions per supervisee per month.",
            f"Standard: at least {self.standard:g} session(s) per supervisee per month; met in "
            f"{len(self.meeting_standard())} of {len(self.months)} months.",
        ]
        if self.signals:
            lines += [run.describe(self.labels) for run in self.signals]
        else:
            lines.append("No shift or trend: the variation looks like month-to-month chance.")
        return lines


def analyse(months: list[Month], standard: float = 1.0) -> Audit:
    """Median, shifts and trends of the monthly rate."""
    rates = [m.rate for m in months]
    centre = median(rates)
    signals = sorted(shifts(rates, centre) + trends(rates), key=lambda run: (run.start, run.rule))
    return Audit(months, standard, centre, signals)


# The chart's "..." menu: keep only the export actions (an SVG or PNG saved on this device). "Open in Vega
# Editor" would send the chart's spec, and the data in it, to vega.github.io; "View Source" and "View
# Compiled" only lead there. Nothing in the lab may leave the browser.
EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}}


def vega_spec(audit: Audit, title: str = "Supervision sessions per supervisee, by month") -> dict:
    """A Vega-Lite v5 run chart: the monthly rate, its median, the standard, and the signals marked."""
    flagged = {index: run for run in audit.signals for index in range(run.start, run.end + 1)}
    values = []
    for index, month in enumerate(audit.months):
        run = flagged.get(index)
        values.append({
            "month": month.month, "rate": round(month.rate, 3),
            "signal": f"{run.rule} ({run.direction})" if run else "none",
        })
    x = {"field": "month", "type": "ordinal", "title": "Month", "axis": {"labelAngle": -45}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "usermeta": {"embedOptions": EMBED_OPTIONS},
        "title": title,
        "description": " ".join(audit.summary()),
        "width": 560,
        "height": 260,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "line", "color": "#4d4d4d"},
                "encoding": {
                    "x": x,
                    "y": {"field": "rate", "type": "quantitative", "title": "Sessions per supervisee"},
                },
            },
            {
                "mark": {"type": "point", "filled": True, "size": 60},
                "encoding": {
                    "x": x,
                    "y": {"field": "rate", "type": "quantitative"},
                    "shape": {"field": "signal", "type": "nominal", "title": "Run rule"},
                    "color": {
                        "field": "signal",
                        "type": "nominal",
                        "title": "Run rule",
                        "scale": {"range": ["#5a5a5a", "#b3003b", "#005a9c", "#6b4c00", "#2f6b2f"]},
                    },
                    "tooltip": [{"field": "month"}, {"field": "rate", "format": ".2f"}, {"field": "signal"}],
                },
            },
            {
                "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#005a9c"},
                "encoding": {"y": {"datum": round(audit.median, 3)}},
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "color": "#005a9c"},
                "encoding": {
                    "x": {"value": 0},
                    "y": {"datum": round(audit.median, 3)},
                    "text": {"value": f"median {audit.median:.2f}"},
                },
            },
            {
                "mark": {"type": "rule", "color": "#2f6b2f", "strokeWidth": 2},
                "encoding": {"y": {"datum": audit.standard}},
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "color": "#2f6b2f"},
                "encoding": {
                    "x": {"value": 0},
                    "y": {"datum": audit.standard},
                    "text": {"value": f"standard {audit.standard:g}"},
                },
            },
        ],
    }
