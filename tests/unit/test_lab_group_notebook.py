"""The data lab's group notebook (lab/files/group-self-assessment.ipynb and groupscores.py) on the codes of every
self-assessment that offers a group pulse, as the site's build gives the lab their definitions
(macros/lab/exercises.py), and on a learner's slips: each is explained in words, never as a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.lab.exercises import PULSE_EXERCISES_FILE, pulse_exercises, pulse_exercises_json
from tests.helpers import ROOT
from tests.unit.test_lab_files import FILES, load

groupscores = load("groupscores")
EXERCISES = pulse_exercises(ROOT / "exercises")
OFFERED = [entry for entry in EXERCISES if not entry.get("example")]
NOTEBOOK = "group-self-assessment.ipynb"


def by_id(exercise_id: str) -> dict:
    return next(entry for entry in EXERCISES if entry["id"] == exercise_id)


def averages_for(exercise: dict, person: int) -> list[float]:
    """Averages a participant could give: each group's statements rated on points of the scale, averaged and
    rounded to one decimal place with halves up, as the self-assessment's page does."""
    points = exercise["points"]
    found = []
    for index, dimension in enumerate(exercise["dimensions"]):
        ratings = [points[(person * 3 + index * 2 + item) % len(points)] for item in range(dimension["statements"])]
        found.append(groupscores._round_half_up(sum(ratings) / len(ratings) * 10) / 10)
    return found


def site_codes(exercise: dict, rows: list[list[float | None]]) -> list[str]:
    """Codes as the site's own encoder makes them (overrides/assets/js/lib/pulse.js, run by node)."""
    script = ("import('./overrides/assets/js/lib/pulse.js').then(m => console.log(JSON.stringify("
              f"{json.dumps(rows)}.map(averages => m.encodePulse({{exercise: {json.dumps(exercise['id'])}, "
              f"min: {exercise['min']}, max: {exercise['max']}, averages}})))))")
    made = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return json.loads(made.stdout)


def test_every_self_assessment_with_a_pulse_reaches_the_lab() -> None:
    ids = {entry["id"] for entry in OFFERED}
    assert {"proctor-function-balance", "heron-intervention-balance", "supervisor-phase-sort"} <= ids
    assert json.loads(pulse_exercises_json(ROOT / "exercises")) == EXERCISES
    assert pulse_exercises(ROOT / "no-such-folder") == []


@pytest.mark.parametrize("exercise", OFFERED, ids=lambda entry: entry["id"])
def test_the_notebook_reads_each_self_assessments_codes_and_names_it(exercise: dict) -> None:
    rows = [averages_for(exercise, person) for person in range(6)]
    codes = site_codes(exercise, rows)
    assert codes == [groupscores.encode_pulse(exercise, row) for row in rows], "the lab encodes as the site does"
    group = groupscores.load_group("\n".join(codes), exercises=EXERCISES)
    report = "\n".join(group.report())
    assert f'Self-assessment: "{exercise["title"]}" (scale {exercise["min"]} to {exercise["max"]}).' in report
    assert "Pulse codes used: 6." in report and "Left out" not in report
    assert [d.name for d in group.dimensions] == [d["title"] for d in exercise["dimensions"]]
    assert [d.scores for d in group.dimensions] == [[row[i] for row in rows] for i in range(len(rows[0]))]
    assert group.scale == (exercise["min"], exercise["max"]) and exercise["title"] in group.title
    assert len(groupscores.prompts(group.dimensions)) >= 3


def test_heron_codes_are_read_with_heron_s_scale_and_groups() -> None:
    heron = by_id("heron-intervention-balance")
    codes = site_codes(heron, [[0, 4], [1.3, 2.7], [2, 0.3]])
    group = groupscores.load_group(" ".join(codes), scale=(1, 5), exercises=EXERCISES)
    assert [(d.name, d.scores) for d in group.dimensions] == [
        ("Authoritative (supervisor leads)", [0.0, 1.3, 2.0]), ("Facilitative (supervisee leads)", [4.0, 2.7, 0.3])]
    report = "\n".join(group.report())
    assert "SCALE (1, 5) is not used: the codes carry their self-assessment's own scale, 0 to 4." in report
    assert "another self-assessment" not in report


def test_codes_of_two_self_assessments_show_one_and_say_how_to_show_the_other() -> None:
    proctor, heron = by_id("proctor-function-balance"), by_id("heron-intervention-balance")
    text = "\n".join([*site_codes(proctor, [[4, 3, 2], [5, 3.5, 2.5]]), *site_codes(heron, [[1, 2]])])
    report = "\n".join(groupscores.load_group(text, exercises=EXERCISES).report())
    assert f'Self-assessment: "{proctor["title"]}"' in report and "Pulse codes used: 2." in report
    assert (f'1 code comes from another self-assessment, "{heron["title"]}": one self-assessment is shown at a '
            'time. To show that one, set EXERCISE = "heron-intervention-balance"') in report
    chosen = groupscores.load_group(text, exercise="heron-intervention-balance", exercises=EXERCISES)
    assert chosen.dimensions[0].name == "Authoritative (supervisor leads)"
    wrong = "\n".join(groupscores.load_group(text, exercise="heron-interventions", exercises=EXERCISES).report())
    assert "EXERCISE is 'heron-interventions', which is not a self-assessment this lab knows." in wrong
    assert "Did you mean 'heron-intervention-balance'?" in wrong


def test_a_wrong_code_is_left_out_in_words_and_the_others_used() -> None:
    proctor = by_id("proctor-function-balance")
    good = site_codes(proctor, [[4, 3, 2], [5, 3.5, 2.5], [4, 3, 2]])
    typo = good[1][:-1] + ("0" if good[1][-1] != "0" else "1")
    gallery = next(e for e in EXERCISES if e.get("example"))
    example = site_codes(gallery, [averages_for(gallery, 0)])[0]
    result = groupscores.read_pulse_codes("\n".join([good[0], typo, "RS1-HELLO", good[1], good[2], example]),
                                          EXERCISES)
    assert result.used == 3 and result.repeats == 1
    assert [d.scores for d in result.dimensions] == [[4.0, 5.0, 4.0], [3.0, 3.5, 3.0], [2.0, 2.5, 2.0]]
    report = "\n".join(result.report())
    assert "Left out 3 codes:" in report and "typing mistake" in report
    assert "in the exercise gallery, which only shows how a self-assessment works" in report
    assert "1 of them is the same as another code. All are counted" in report
    nothing = groupscores.load_group("RS1-HELLO\nhello", exercises=EXERCISES)
    assert nothing.dimensions == [] and "No code could be used" in "\n".join(nothing.report())
    unknown = groupscores.encode_pulse({"id": "not-on-this-site", "min": 1, "max": 5}, [3])
    assert "a self-assessment this lab does not know" in "\n".join(
        groupscores.load_group(unknown, exercises=EXERCISES).report())


def test_a_wrong_file_name_is_explained_with_the_files_that_are_there(tmp_path: Path) -> None:
    folder, top = tmp_path / "data-lab-1234abcd", tmp_path
    folder.mkdir()
    shutil.copy(FILES / "INVENTED-group-self-assessment.csv", folder)
    (top / "our-group.csv").write_text("participant,a\nP01,3\n", encoding="utf-8")

    def report(name: object, **settings: object) -> str:
        group = groupscores.load_group("", name, folder=folder, top=top, exercises=EXERCISES, **settings)
        assert group.dimensions == []
        return "\n".join(group.report())

    missing = report("our-group.csv")
    assert missing.startswith('Nothing to show yet. There is no file "our-group.csv". There is one with that name: '
                              f'DATA_FILE = "{top.as_posix()}/our-group.csv".')
    assert "Check DATA_FILE in the settings cell" in missing and "Traceback" not in missing
    assert 'Did you mean "INVENTED-group-self-assessment.csv"?' in report("INVENTED-group-self-asessment.csv")
    assert "is a folder, not a file" in report(str(folder))
    (folder / "scores.xlsx").write_bytes(b"PK\x03\x04\xff\xfe\x00binary")
    assert '"scores.xlsx" is not a CSV text file. If it is a spreadsheet, save it as CSV' in report("scores.xlsx")
    assert "no codes in PULSE_CODES and no file in DATA_FILE" in report("")


def test_wrong_settings_are_explained_in_words() -> None:
    def report(**settings: object) -> str:
        group = groupscores.load_group(folder=FILES, exercises=EXERCISES, **settings)
        assert group.dimensions == []
        return "\n".join(group.report())

    proctor = by_id("proctor-function-balance")
    file = "INVENTED-group-self-assessment.csv"
    assert (f'SCALE is (0, 4), but the columns of "{file}" are the groups of "{proctor["title"]}", whose scale is '
            "1 to 5. Set SCALE = (1, 5)") in report(data_file=file, scale=(0, 4))
    assert "SCALE is '1-5', but it must be the lowest and highest score in brackets" in report(data_file=file,
                                                                                                scale="1-5")
    assert "the lowest score comes first" in report(data_file=file, scale=(5, 1))
    assert "PULSE_CODES must be text between the triple quotes" in report(pulse_codes=None, data_file=file)
    assert "EXERCISE must be an exercise id in quotes" in report(pulse_codes="RS1", exercise=3)

def test_a_score_outside_the_scale_is_explained_in_words(tmp_path: Path) -> None:
    (tmp_path / "own.csv").write_text("participant,a,b\nP01,3,4.25\n", encoding="utf-8")
    group = groupscores.load_group("", "own.csv", scale=(1, 4), folder=tmp_path, exercises=EXERCISES)
    assert group.dimensions == [] and group.report()[0] == (
        'Nothing to show yet. In "own.csv": data row 1, b: 4.25 is outside the scale 1 to 4. Check the file, or '
        "SCALE in the settings cell.")


def test_a_file_of_a_known_self_assessment_names_it_and_uses_its_scale(tmp_path: Path) -> None:
    group = groupscores.load_group("", "INVENTED-group-self-assessment.csv", folder=FILES, exercises=EXERCISES)
    proctor = by_id("proctor-function-balance")
    assert group.report()[0] == (f'File: "INVENTED-group-self-assessment.csv", the self-assessment '
                                 f'"{proctor["title"]}" (scale 1 to 5).')
    heron = by_id("heron-intervention-balance")
    titles = ",".join(d["title"] for d in heron["dimensions"])
    (tmp_path / "pulse.csv").write_text(f"# note\nparticipant,{titles}\nP01,0,4\nP02,2,1.3\nP03,1,3\n",
                                        encoding="utf-8")
    pulse_csv = groupscores.load_group("", "pulse.csv", folder=tmp_path, exercises=EXERCISES)
    assert pulse_csv.scale == (0, 4) and heron["title"] in pulse_csv.report()[0]
    (tmp_path / "own.csv").write_text("participant,a\nP01,3\n", encoding="utf-8")
    own = "\n".join(groupscores.load_group("", "own.csv", folder=tmp_path, exercises=EXERCISES).report())
    assert "so it cannot tell the scale. Set SCALE to the lowest and highest possible score" in own
    assert groupscores.load_group("", "own.csv", scale=(1, 5), folder=tmp_path, exercises=EXERCISES).dimensions


# ---------------------------------------------------------------- ties, counts and labels
def test_equal_medians_are_described_as_a_tie() -> None:
    """Heron codes whose two groups have the same median gave "Authoritative has the lowest median (2)... the
    highest median (2)"."""
    heron = by_id("heron-intervention-balance")
    codes = site_codes(heron, [[2, 2], [1, 3], [3, 1], [2, 2]])
    group = groupscores.load_group("\n".join(codes), exercises=EXERCISES)
    text = "\n".join(groupscores.prompts(group.dimensions))
    assert "Both groups of statements have the same median (2): Authoritative (supervisor leads) and " in text
    assert "lowest median" not in text and "highest median" not in text
    three = [groupscores.Dimension(name, scores) for name, scores in
             (("normative", [2, 3, 4]), ("formative", [2, 3, 3]), ("restorative", [4, 4, 5]))]
    prompts = groupscores.prompts(three)
    assert prompts[0].startswith("Normative and formative share the lowest median (3). What gets in the way of "
                                 "them in supervision here?")
    assert prompts[1].startswith("Restorative has the highest median (4). What helps it happen")
    assert prompts[2].startswith("Scores for normative range from 2 to 4.")
    same = [groupscores.Dimension(n, [3, 3]) for n in ("a", "b", "c")]
    assert groupscores.prompts(same)[:2] == [
        "All 3 groups of statements have the same median (3): a, b and c. Does supervision here really give each "
        "of them the same room, or does the median hide differences?",
        "Everyone gave the same score in each group of statements. What might make a group agree so closely, and "
        "is there anything people found hard to say?"]
    tied_spread = [groupscores.Dimension("a", [1, 3]), groupscores.Dimension("b", [2.1, 4.1])]
    assert "Scores range just as widely (2 points) for a and b: a from 1 to 3; b from 2.1 to 4.1." in (
        groupscores.prompts(tied_spread)[2])


def test_the_chart_counts_whole_people_and_its_labels_fit() -> None:
    """The size legend showed "0.5 people", and a long group name was cut off beside the chart."""
    proctor = by_id("proctor-function-balance")
    codes = site_codes(proctor, [[4, 3, 2], [5, 3.5, 2.5], [4, 3, 2], [3, 4, 2]])
    group = groupscores.load_group("\n".join(codes), exercises=EXERCISES)
    spec = groupscores.vega_spec(group.dimensions, group.scale, group.title)
    dots, medians = spec["layer"]
    size = dots["encoding"]["size"]
    assert size["legend"]["values"] == [1, 2, 3] and size["legend"]["format"] == "d"
    assert all(isinstance(value, int) for value in size["legend"]["values"])
    assert dots["encoding"]["x"]["axis"]["values"] == [1, 2, 3, 4, 5] and "format" not in dots["encoding"]["x"]["axis"]
    y = dots["encoding"]["y"]
    assert y["axis"]["labelLimit"] == 0 and y["axis"]["labelExpr"] == "split(datum.label, '\\n')"
    longest = "Restorative (emotional support and replenishment)"
    label = next(dot["dimension"] for dot in dots["data"]["values"] if dot["name"] == longest)
    assert label.replace("\n", " ") == longest
    assert max(len(line) for line in label.split("\n")) <= groupscores.LABEL_WIDTH
    assert y["sort"] == [dot["dimension"] for dot in medians["data"]["values"]]
    assert all(max(map(len, line.split("\n"))) <= groupscores.LABEL_WIDTH for line in y["sort"])
    assert all(len(line) <= 60 for line in spec["title"]["text"]) and proctor["title"] in " ".join(
        spec["title"]["text"])
    # The lab's kernel hands None to the chart as undefined, which shows the default title ("dimension").
    assert "null" not in json.dumps(spec) and y["title"] == "" and y["axis"]["title"] == ""


# ---------------------------------------------------------------- the notebook itself
def run_notebook(tmp_path: Path, settings: dict[str, str]) -> str:
    """Run the notebook's code cells on the host, in a copy of the lab's files with the exercise definitions
    the build publishes beside them (display() prints its text), and return what they printed."""
    folder = tmp_path / "release"
    shutil.copytree(FILES, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / PULSE_EXERCISES_FILE).write_bytes(pulse_exercises_json(ROOT / "exercises"))
    notebook = json.loads((folder / NOTEBOOK).read_text(encoding="utf-8"))
    out = io.StringIO()
    namespace = {"display": lambda data, raw=False: print(data.get("text/plain", ""))}
    sys.path.insert(0, str(folder))
    cwd = os.getcwd()
    try:
        os.chdir(folder)
        with contextlib.redirect_stdout(out):
            for number, cell in enumerate(c for c in notebook["cells"] if c["cell_type"] == "code"):
                code = "".join(cell["source"])
                if number == 0:
                    code += "\n" + "\n".join(f"{name} = {value}" for name, value in settings.items())
                exec(compile(code, NOTEBOOK, "exec"), namespace)
    finally:
        os.chdir(cwd)
        sys.path.remove(str(folder))
        sys.modules.pop("groupscores", None)
    return out.getvalue()


def test_the_notebook_shows_heron_codes_named_and_reports_a_bad_code_in_words(tmp_path: Path) -> None:
    heron = by_id("heron-intervention-balance")
    codes = site_codes(heron, [[2, 3], [1.3, 2.7], [3, 1], [2.3, 2], [4, 3.3]])
    typo = codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1")
    printed = run_notebook(tmp_path, {"PULSE_CODES": json.dumps("\n".join([*codes, typo]))})
    assert f'Self-assessment: "{heron["title"]}" (scale 0 to 4).' in printed
    assert "Pulse codes used: 5." in printed and "Left out 1 code:" in printed and "typing mistake" in printed
    assert "Authoritative (supervisor leads): 5 people, median 2.3," in printed
    assert "Dot plot of scores per dimension." in printed and "1. " in printed


def test_the_notebook_explains_a_wrong_file_name_and_shows_nothing_else(tmp_path: Path) -> None:
    printed = run_notebook(tmp_path, {"DATA_FILE": '"INVENTED-group-selfassessment.csv"'})
    assert printed.startswith('Nothing to show yet. There is no file "INVENTED-group-selfassessment.csv". Did you '
                              'mean "INVENTED-group-self-assessment.csv"')
    assert "Dot plot" not in printed and "1. " not in printed


def test_the_notebook_runs_on_its_invented_example(tmp_path: Path) -> None:
    printed = run_notebook(tmp_path, {})
    assert "normative: 12 people, median 4.13, middle half 3.94 to 4.5, lowest 3.25, highest 4.75" in printed
    assert "1. Restorative has the lowest median (2.5)." in printed
    assert "2. Normative has the highest median (4.13)." in printed
