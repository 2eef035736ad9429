"""The data lab's Python modules (lab/files/runchart.py, groupscores.py): the same files the notebooks import
in the browser, tested here on the host. Also the example data and the notebooks themselves."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

FILES = ROOT / "lab" / "files"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"lab_{name}", FILES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


runchart = load("runchart")
groupscores = load("groupscores")


# ---------------------------------------------------------------- run rules
def test_median_odd_and_even() -> None:
    assert runchart.median([3, 1, 2]) == 2
    assert runchart.median([4, 1, 3, 2]) == 2.5
    with pytest.raises(ValueError):
        runchart.median([])


def test_shift_needs_six_points_on_one_side() -> None:
    values = [5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1]
    assert runchart.shifts([1, 1, 1, 1, 1, 9, 9], 5) == []  # five below: not a shift
    found = runchart.shifts(values, 3)
    assert [(r.direction, r.start, r.end, r.points) for r in found] == [("below", 5, 10, 6)]


def test_points_on_the_median_neither_add_to_nor_break_a_shift() -> None:
    values = [4, 4, 4, 3, 4, 4, 4, 1]
    found = runchart.shifts(values, 3)
    assert [(r.direction, r.start, r.end, r.points) for r in found] == [("above", 0, 6, 6)]


def test_trend_needs_five_points_going_one_way() -> None:
    assert runchart.trends([1, 2, 3, 4, 3]) == []  # four points up
    found = runchart.trends([1, 2, 3, 4, 5, 4, 3, 2, 1, 0])
    assert [(r.direction, r.start, r.end, r.points) for r in found] == [("up", 0, 4, 5), ("down", 4, 9, 6)]


def test_repeated_values_neither_add_to_nor_break_a_trend() -> None:
    found = runchart.trends([1, 2, 2, 3, 4, 4, 5])
    assert [(r.direction, r.start, r.end, r.points) for r in found] == [("up", 0, 6, 5)]
    assert runchart.trends([1, 2, 2, 2, 3, 4]) == []  # only four different points


def test_audit_csv_errors_are_plain() -> None:
    with pytest.raises(ValueError, match="missing: sessions"):
        runchart.parse_audit("month,supervisees\n2024-01,3\n2024-02,3\n")
    with pytest.raises(ValueError, match="data row 2: supervisees and sessions must be whole numbers"):
        runchart.parse_audit("# note\nmonth,supervisees,sessions\n2024-01,3,3\n2024-02,three,3\n")
    with pytest.raises(ValueError, match="at least two months"):
        runchart.parse_audit("month,supervisees,sessions\n2024-01,3,3\n")


def test_invented_audit_gives_the_figures_the_notebook_shows() -> None:
    audit = runchart.analyse(runchart.read_audit(FILES / "INVENTED-supervision-audit.csv"), standard=1.0)
    assert audit.summary() == [
        "Months: 24 (2023-04 to 2025-03).",
        "Median: 0.81 sessions per supervisee per month.",
        "Standard: at least 1 session(s) per supervisee per month; met in 6 of 24 months.",
        "Shift: 6 points below the median, 2023-10 to 2024-03.",
        "Trend: 7 points going up, 2024-02 to 2024-08.",
        "Shift: 8 points above the median, 2024-04 to 2024-11.",
    ]
    spec = runchart.vega_spec(audit)
    assert spec["$schema"].endswith("/v5.json") and len(spec["data"]["values"]) == 24
    json.dumps(spec)  # plain JSON, as the notebook displays it


# ---------------------------------------------------------------- group scores
def test_invented_group_gives_the_figures_the_notebook_shows() -> None:
    dimensions = groupscores.read_scores(FILES / "INVENTED-group-self-assessment.csv")
    assert [d.line() for d in dimensions] == [
        "normative: 12 people, median 4.13, middle half 3.94 to 4.5, lowest 3.25, highest 4.75",
        "formative: 12 people, median 3.25, middle half 2.94 to 3.5, lowest 2.5, highest 4",
        "restorative: 12 people, median 2.5, middle half 2.25 to 3.06, lowest 1.75, highest 4",
    ]
    prompts = groupscores.prompts(dimensions)
    assert prompts[0].startswith("Restorative has the lowest median (2.5).")
    assert groupscores.privacy_note(dimensions) is None
    assert "circle" in json.dumps(groupscores.vega_spec(dimensions))


def test_scores_outside_the_scale_or_not_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="data row 1, a: 6 is outside the scale 1 to 5"):
        groupscores.parse_scores("participant,a\nP1,6\n")
    with pytest.raises(ValueError, match="'x' is not a number"):
        groupscores.parse_scores("participant,a\nP1,x\n")
    with pytest.raises(ValueError, match="participant"):
        groupscores.parse_scores("name,a\nAnn,3\n")


def test_small_groups_get_a_privacy_note() -> None:
    dimensions = groupscores.parse_scores("participant,a\nP1,3\nP2,4\nP3,2\n")
    assert "Only 3 people" in groupscores.privacy_note(dimensions)


def test_the_page_and_the_notebook_give_the_same_median_for_the_same_codes() -> None:
    """Averages 3.6 and 3.7 have the median 3.65: the notebook said 3.65, the Group pulse page 3.6. Both now
    show at most two decimals, halves rounded up (groupscores._num, formatFigure in lib/pulse.js)."""
    values = [3.6, 3.7, 2.5, 4.1, 3.0, 2.75, 3.625, 1.005, 4.0, 3.9375]
    script = ("import('./overrides/assets/js/lib/pulse.js').then(m => console.log(JSON.stringify("
              f"{json.dumps(values)}.map(m.formatFigure).concat([m.formatFigure(m.median([3.6, 3.7, 3.5, 3.8]))]))))")
    made = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    page = json.loads(made.stdout)
    dimension = groupscores.Dimension("d", [3.6, 3.7, 3.5, 3.8])
    assert page == [groupscores._num(v) for v in values] + [groupscores._num(dimension.median)]
    assert page[-1] == "3.65"


def test_every_chart_menu_offers_only_to_save_the_chart() -> None:
    """vega-embed's "Open in Vega Editor" would send the chart's spec and data to vega.github.io: off in every
    chart the lab's modules make, as are the source views; export (saved on this device) stays."""
    audit = runchart.analyse(runchart.read_audit(FILES / "INVENTED-supervision-audit.csv"), standard=1.0)
    dimensions = groupscores.read_scores(FILES / "INVENTED-group-self-assessment.csv")
    for spec in (runchart.vega_spec(audit), groupscores.vega_spec(dimensions)):
        actions = spec["usermeta"]["embedOptions"]["actions"]
        assert actions == {"export": True, "source": False, "compiled": False, "editor": False}
    for module in (runchart, groupscores):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert source.count('"$schema"') == source.count('"usermeta": {"embedOptions": EMBED_OPTIONS}'), module.__name__


# ---------------------------------------------------------------- files shipped
@pytest.mark.parametrize("name", ["INVENTED-supervision-audit.csv", "INVENTED-group-self-assessment.csv"])
def test_example_data_is_marked_as_invented(name: str) -> None:
    first = (FILES / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# INVENTED EXAMPLE DATA")


@pytest.mark.parametrize("path", sorted(FILES.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_clean_and_use_only_what_the_offline_lab_has(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python"
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "ship notebooks without outputs"
    for banned in ("numpy", "pandas", "matplotlib", "requests", "%pip", "pyodide.http", "js.fetch"):
        assert banned not in code, f"{path.name} uses {banned}, which the offline lab does not have"
    text = json.dumps(notebook)
    assert "invented" in text.lower() and "leaves this device" in text
