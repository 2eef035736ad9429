"""checklist: golden HTML for both response types, labelled controls, the no-JavaScript tips list, and its rules."""

from __future__ import annotations

import re

from macros.catalogue import Exercise
from macros.kinds import checklist
from macros.strings import default_strings
from tests.unit.render_helpers import catalogue, check_golden, render

TICK = "example-checklist-default"
YPN = "example-checklist-yes-partly-no"


def test_golden_html() -> None:
    check_golden("checklist")


def test_golden_html_yes_partly_no() -> None:
    check_golden("checklist", "yes-partly-no")


def test_tick_gives_a_fieldset_per_group_and_a_labelled_checkbox_per_item() -> None:
    example = catalogue().examples[TICK]
    html = render(example)
    groups = example.data["groups"]
    assert html.count('<fieldset class="rs-checklist__group"') == len(groups)
    for group in groups:
        assert f'<legend class="rs-checklist__legend">{group["title"]}</legend>' in html
        for item in group["items"]:
            control = f"ex-{TICK}-{item['id']}"
            assert f'type="checkbox" id="{control}"' in html
            assert f'data-rs-field="{item["id"]}"' in html
            assert f'<label class="rs-checklist__label" for="{control}">{item["text"]}</label>' in html
    assert html.count('class="rs-checklist__checkbox" type="checkbox"') == sum(len(group["items"]) for group in groups)
    assert 'type="radio"' in html and html.count('type="radio"') == len(example.data["perspectives"])


def test_yes_partly_no_gives_a_fieldset_per_item_with_four_labelled_answers() -> None:
    example = catalogue().examples[YPN]
    html = render(example)
    items = [item for group in example.data["groups"] for item in group["items"]]
    assert html.count('<fieldset class="rs-checklist__item"') == len(items)
    assert html.count('type="radio"') == 4 * len(items)
    for item in items:
        assert f'<legend class="rs-checklist__statement">{item["text"]}</legend>' in html
        for answer, label in [("yes", "Yes"), ("partly", "Partly"), ("no", "No"), ("not-sure", "Not sure")]:
            control = f"ex-{YPN}-{item['id']}-{answer}"
            assert f'id="{control}" name="ex-{YPN}-{item["id"]}" value="{answer}"' in html
            assert f'for="{control}">{label}</label>' in html
    # Groups are sections with a heading one level below the exercise title.
    assert (
        '<h4 class="rs-checklist__group-title" id="ex-example-checklist-yes-partly-no-heard-title">Being heard</h4>'
        in html
    )


def test_every_control_has_exactly_one_label() -> None:
    for exercise_id in (TICK, YPN):
        html = render(catalogue().examples[exercise_id])
        ids = re.findall(r'<input [^>]*id="([^"]+)"', html)
        assert ids
        for control in ids:
            assert html.count(f'for="{control}"') == 1, control


def test_without_javascript_every_tip_and_the_all_done_text_are_listed() -> None:
    example = catalogue().examples[TICK]
    html = render(example)
    details = html.split('<details class="rs-print-open rs-checklist__tips rs-no-js" data-rs-tip-source>', 1)[1].split(
        "</details>", 1
    )[0]
    assert "<summary>Tips for each item</summary>" in details
    assert "Each tip is for an item you have not ticked." in details
    for group in example.data["groups"]:
        for item in group["items"]:
            assert f'<dt data-rs-tip-item="{item["id"]}">{item["text"]}</dt>' in details
            assert f'<dd data-rs-tip="{item["id"]}"><p>' in details
    assert "time to talk: <strong>no rush</strong>." in details  # tips are Markdown
    assert "When every item is ticked" in details and "Enjoy the session." in details
    ypn = render(catalogue().examples[YPN])
    assert "Each tip is for a statement you answered Partly or No." in ypn
    assert "When every statement is answered Yes" in ypn


def test_results_are_javascript_only_and_live_and_never_a_score() -> None:
    html = render(catalogue().examples[TICK])
    results = html.split('<div role="group" class="rs-results rs-checklist__results rs-js-only"', 1)[1].split(
        "</form>", 1
    )[0]
    assert html.count("rs-checklist__results rs-js-only") == 1
    assert results.split(">", 1)[0].endswith(" hidden")
    assert '<div class="rs-checklist__summary" data-rs-summary aria-live="polite">' in results
    assert ">Things to try</h5>" in results
    assert "score" not in html.lower() and "rating" not in html.lower()
    assert ">Conversation starters</h5>" in render(catalogue().examples[YPN])


def test_context_label_and_perspectives() -> None:
    ypn = render(catalogue().examples[YPN])
    assert (
        '<p class="rs-checklist__context"><span class="rs-checklist__context-label">Context:</span> Scotland, '
        'adult social work</p>' in ypn
    )
    tick = render(catalogue().examples[TICK])
    assert "rs-checklist__context" not in tick
    assert '<legend class="rs-choice__legend">I am answering</legend>' in tick
    assert 'data-rs-field="perspective"' in tick


def test_config_tells_the_script_the_groups_and_answers() -> None:
    example = catalogue().examples[YPN]
    config = checklist.context(YPN, example.data)["config"]
    assert config["responses"] == "yes-partly-no"
    assert config["answers"] == ["yes", "partly", "no", "not-sure"]
    assert config["tipAnswers"] == ["partly", "no"]
    assert config["groups"][0] == {"id": "heard", "title": "Being heard", "items": ["time-to-talk", "listened-to"]}


def test_tips_title_can_be_changed() -> None:
    data = dict(catalogue().examples[TICK].data, tips_title="Ideas for next time")
    assert checklist.context("x", data)["tips_title"] == "Ideas for next time"
    assert ">Ideas for next time</h5>" in render(Exercise("x", "checklist", data, "x.yaml"))
    default = checklist.context("x", catalogue().examples[TICK].data)
    assert default["tips_title"] is None and default_strings()[default["tips_title_key"]] == "Things to try"


def test_answers_and_their_labels_are_interface_strings() -> None:
    """The kind holds no words: the template and the script show the strings, which an organisation may change."""
    strings = default_strings()
    assert [strings[answer["label_key"]] for answer in checklist.ANSWERS] == ["Yes", "Partly", "No", "Not sure"]
    config = checklist.context(YPN, catalogue().examples[YPN].data)["config"]
    assert config["labels"] == {answer["id"]: answer["label_key"] for answer in checklist.ANSWERS}
    assert {strings[key] for key in checklist.TIPS_TITLES.values()} == {"Things to try", "Conversation starters"}


def test_module_checklists_validate() -> None:
    for exercise_id in ("four-by-four-check", "supervision-feels-checklist", "virtual-supervision-checklist"):
        exercise = catalogue().exercises.get(exercise_id)
        if exercise is not None:  # a module writer may still be creating it
            assert exercise.kind == "checklist"
            assert "<form" in render(exercise)


def base() -> dict:
    return {
        "kind": "checklist",
        "title": "T",
        "responses": "tick",
        "all_done": "Done.",
        "groups": [
            {
                "id": "one",
                "title": "One",
                "items": [{"id": "a", "text": "A", "tip": "ta"}, {"id": "b", "text": "B", "tip": "tb"}],
            },
            {"id": "two", "title": "Two", "items": [{"id": "c", "text": "C", "tip": "tc"}]},
        ],
    }


def test_rules_accept_a_good_definition() -> None:
    assert checklist.check(base()) == []


def test_item_ids_must_be_unique_across_groups() -> None:
    data = base()
    data["groups"][1]["items"][0]["id"] = "a"
    assert checklist.check(data) == [
        ("items (across all groups)[2].id", "the id 'a' is used twice. Every id in a file must be different.")
    ]


def test_group_ids_must_be_unique() -> None:
    data = base()
    data["groups"][1]["id"] = "one"
    assert checklist.check(data) == [
        ("groups[1].id", "the id 'one' is used twice. Every id in a file must be different.")
    ]


def test_an_item_may_not_share_a_group_id() -> None:
    data = base()
    data["groups"][1]["items"][0]["id"] = "one"
    assert checklist.check(data) == [
        ("groups[1].items[0].id", "the id 'one' is also a group id. Give the item its own id.")
    ]


def test_perspective_is_a_reserved_item_id() -> None:
    data = base()
    data["groups"][0]["items"][1]["id"] = "perspective"
    assert checklist.check(data) == [
        ("groups[0].items[1].id", "the id 'perspective' is kept for the 'I am answering' choice. Use another id.")
    ]


def test_schema_names_a_wrong_response_type_and_a_missing_tip(tmp_path) -> None:
    from pathlib import Path

    from macros.catalogue import check_file, load_schemas
    from tests.helpers import ROOT

    path = Path(tmp_path) / "broken.yaml"
    path.write_text(
        "kind: checklist\ntitle: A checklist\nresponses: ticks\nall_done: Done.\n"
        "groups:\n  - id: one\n    title: One\n    items:\n      - {id: a, text: A}\n", encoding="utf-8")
    data, problems = check_file(path, "broken.yaml", load_schemas(ROOT / "exercises" / "schema"))
    assert data is None
    found = {problem.place: problem.message for problem in problems}
    assert set(found) == {"responses", "groups[0].items[0]"}
    assert "'ticks' is not one of ['tick', 'yes-partly-no']" in found["responses"]
    assert found["groups[0].items[0]"].startswith('"tip" is missing. Add it.')
