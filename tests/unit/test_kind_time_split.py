"""time-split: golden HTML, a labelled percentage field per category and session, the no-JavaScript guide, and its
rules."""

from __future__ import annotations

import re

from macros.kinds import time_split
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-time-split-default"
UID = f"ex-{EXAMPLE}"


def test_golden_html() -> None:
    check_golden("time-split")


def test_a_fieldset_per_session_with_a_labelled_percentage_field_per_category() -> None:
    example = catalogue().examples[EXAMPLE]
    html = render(example)
    sessions = example.data["sessions"]
    categories = example.data["categories"]
    assert html.count('<fieldset class="rs-time-split__session"') == sessions
    assert html.count('type="number"') == sessions * len(categories)
    for n in range(1, sessions + 1):
        assert (
            f'<legend class="rs-time-split__legend">Session {n} <span class="rs-time-split__unit">(% of the '
            'time)</span></legend>' in html
        )
        assert f'<p class="rs-time-split__total" id="{UID}-s{n}-total" data-rs-total="{n}" hidden></p>' in html
        for category in categories:
            control = f"{UID}-s{n}-{category['id']}"
            assert f'<label class="rs-time-split__label" for="{control}">{category["label"]}</label>' in html
            tag = re.search(rf'<input [^>]*id="{control}"[^>]*>', html).group(0)
            for attribute in (
                'min="0"',
                'max="100"',
                'step="5"',
                'inputmode="numeric"',
                f'data-rs-field="s{n}-{category["id"]}"',
            ):
                assert attribute in tag
            described = re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
            assert described[-1] == f"{UID}-s{n}-total"
            if "hint" in category:
                assert described[0] == f"{UID}-{category['id']}-hint"
            else:
                assert len(described) == 1
    assert html.count('<span class="rs-time-split__suffix" aria-hidden="true">%</span>') == sessions * len(categories)


def test_category_hints_are_listed_once_and_referenced() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert html.count(f'<dd id="{UID}-cases-hint">Going through pieces of work and agreeing actions.</dd>') == 1
    assert f'{UID}-admin-hint' not in html  # admin has no hint


def test_without_javascript_the_form_says_to_reach_100_and_how_to_work_it_out() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert (
        '<p class="rs-time-split__instructions rs-no-js">Give each category a rough percentage of the '
        'session&#39;s time. Make each session add up to 100%.</p>' in html
    )
    guide = html.split('<details class="rs-print-open rs-guidance rs-time-split__guidance rs-no-js">', 1)[1].split(
        "</details>", 1
    )[0]
    assert "<summary>Working out your split by hand</summary>" in guide
    assert "divide by the number of sessions" in guide
    assert '<p class="rs-time-split__advice-when">Cases and decisions: more than 60%</p>' in guide
    assert (
        '<div data-rs-advice-text="0"><p>Cases took most of the time. Could one session a month start with '
        '<strong>ten minutes</strong>' in guide
    )
    assert '<p class="rs-time-split__advice-when">Admin and news: more than 30%</p>' in guide


def test_context_note_always_shows_and_results_are_javascript_only() -> None:
    html = render(catalogue().examples[EXAMPLE])
    context = html.split('<div role="note" class="rs-time-split__context" aria-label="For context">', 1)[1].split(
        "</div>", 1
    )[0]
    assert "<strong>For context, not as a target.</strong>" in context
    results = html.split('<div role="group" class="rs-results rs-time-split__results rs-js-only"', 1)[1].split(
        '<div role="note"', 1
    )[0]
    assert results.split(">", 1)[0].endswith(" hidden")
    assert '<div class="rs-time-split__output" data-rs-split aria-live="polite"></div>' in results


def test_config_for_the_script() -> None:
    data = catalogue().examples[EXAMPLE].data
    config = time_split.context(EXAMPLE, data)["config"]
    assert config == {
        "sessions": 2,
        "categories": [{"id": "cases", "label": "Cases and decisions"}, {"id": "learning", "label": "Learning"},
                       {"id": "admin", "label": "Admin and news"}],
        "advice": [{"category": "cases", "above": 60}, {"category": "admin", "above": 30}],
    }


def test_sessions_default_to_three() -> None:
    data = {k: v for k, v in catalogue().examples[EXAMPLE].data.items() if k != "sessions"}
    assert time_split.context("x", data)["sessions"] == 3
    assert time_split.field_id(2, "learning") == "s2-learning"


def test_module_audit_validates_and_renders_three_sessions() -> None:
    audit = catalogue().exercises["supervision-balance-audit"]
    assert audit.kind == "time-split"
    html = render(audit)
    assert html.count('<fieldset class="rs-time-split__session"') == 3
    assert html.count('type="number"') == 12
    assert "76% of NQSWs" in html


def base() -> dict:
    return {
        "kind": "time-split", "title": "T",
        "categories": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        "advice": [{"category": "a", "above": 70, "text": "t"}],
    }


def test_rules_accept_a_good_definition() -> None:
    assert time_split.check(base()) == []
    data = base()
    del data["advice"]
    assert time_split.check(data) == []


def test_category_ids_must_be_unique() -> None:
    data = base()
    data["categories"][1]["id"] = "a"
    assert time_split.check(data) == [
        ("categories[1].id", "the id 'a' is used twice. Every id in a file must be different.")
    ]


def test_advice_must_name_a_category() -> None:
    data = base()
    data["advice"][0]["category"] = "c"
    assert time_split.check(data) == [("advice[0].category", "there is no category with the id 'c'. Use one of: a, b.")]


def test_schema_names_a_threshold_out_of_range_and_an_unknown_field(tmp_path) -> None:
    from pathlib import Path

    from macros.catalogue import check_file, load_schemas
    from tests.helpers import ROOT

    path = Path(tmp_path) / "broken.yaml"
    path.write_text(
        "kind: time-split\ntitle: A split\nsessions: 9\n"
        "categories:\n  - {id: a, label: A}\n  - {id: b, label: B, hnit: typo}\n"
        "advice:\n  - {category: a, above: 120, text: t}\n", encoding="utf-8")
    data, problems = check_file(path, "broken.yaml", load_schemas(ROOT / "exercises" / "schema"))
    assert data is None
    found = {problem.place: problem.message for problem in problems}
    assert found["sessions"] == "9 is out of range (maximum 6)."
    assert found["advice[0].above"] == "120 is out of range (maximum 99)."
    assert 'unknown field "hnit"' in found["categories[1]"]
