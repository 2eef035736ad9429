"""seven-eyed: golden HTML, one labelled section per eye, the no-JavaScript guide, and its own rules."""

from __future__ import annotations

import copy
import re

import pytest
from markupsafe import escape

from macros.kinds import seven_eyed
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-seven-eyed-default"
UID = f"ex-{EXAMPLE}"
QUESTION = "How much attention does this eye usually get in your supervision?"


def test_golden_html() -> None:
    check_golden("seven-eyed")


def test_each_eye_is_a_headed_section_with_a_labelled_prompt_and_rating() -> None:
    example = catalogue().examples[EXAMPLE]
    html = render(example)
    assert html.count('<div role="group" class="rs-seven-eyed__eye"') == 7
    for mode, eye in enumerate(example.data["eyes"], start=1):
        heading = (
            f'id="{UID}-{eye["id"]}-title"><span class="rs-seven-eyed__mode">Eye {mode}:</span> '
            f'{escape(eye["title"])}</h4>'
        )
        assert heading in html
        label = (
            '<label class="rs-field__label rs-seven-eyed__prompt" '
            f'for="{UID}-{eye["id"]}">{escape(eye["prompt"])}</label>'
        )
        assert label in html
        legend = f'{QUESTION}<span class="rs-seven-eyed__hidden"> (Eye {mode}: {escape(eye["title"])})</span></legend>'
        assert legend in html
        for point in example.data["attention_scale"]:
            radio = (
                f'id="{UID}-{eye["id"]}-attention-{point["value"]}" name="{UID}-{eye["id"]}-attention" '
                f'value="{point["value"]}" data-rs-field="{eye["id"]}-attention"'
            )
            assert radio in html
            assert (
                f'for="{UID}-{eye["id"]}-attention-{point["value"]}"><span '
                f'class="rs-scale__value">{point["value"]}</span> {point["label"]}</label>' in html
            )
    assert html.count('type="radio"') == 7 * 4
    assert html.count("<textarea") == 7


def test_hints_and_the_privacy_reminder_are_linked_to_the_text_boxes() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert html.count(f'id="{UID}-reminder"') == 1
    assert html.count(f'{UID}-reminder"></textarea>') == 7
    assert f'aria-describedby="{UID}-person-hint {UID}-reminder"' in html
    assert f'aria-describedby="{UID}-interventions-hint' not in html  # no hint, no dangling reference


def test_sections_come_in_mode_order_before_the_results() -> None:
    html = render(catalogue().examples[EXAMPLE])
    positions = [html.index(f"Eye {mode}:</span>") for mode in range(1, 8)]
    assert positions == sorted(positions)
    assert positions[-1] < html.index("Where your supervision&#39;s attention goes")


def test_without_javascript_the_ratings_can_be_read_by_hand() -> None:
    example = catalogue().examples[EXAMPLE]
    html = render(example)
    assert '<p class="rs-no-js">Your ratings are not added up into a score.' in html
    assert "every one of eyes 4, 5, 6 and 7 is rated lower than both of them" in html
    assert "choose the lowest-numbered one among eyes 4 to 7; if none of eyes 4 to 7 is among them" in html
    assert "It is not the supervisor giving advice." in html
    # The casework text is readable in the guide; the results area and try_next text wait for the script.
    assert (
        "<div class=\"rs-seven-eyed__casework\" data-rs-casework-text><p>Most of your supervision seems to go on"
        in html
    )
    assert '<div class="rs-seven-eyed__summary" data-rs-attention hidden>' in html
    assert (
        '<div class="rs-seven-eyed__template" data-rs-try-next-text hidden><p><strong>{eye}</strong> gets the least'
        in html
    )
    assert 'data-rs-feedback aria-live="polite"' in html


def test_the_script_gets_eyes_in_mode_order_and_the_scale() -> None:
    example = catalogue().examples[EXAMPLE]
    html = render(example)
    config = re.search(r"<script type=\"application/json\" data-rs-config>(.*?)</script>", html).group(1)
    assert '"mode": 6' in config and '"title": "The supervisor\\u0027s own process"' in config
    context = seven_eyed.context(EXAMPLE, example.data)
    assert [eye["mode"] for eye in context["config"]["eyes"]] == [1, 2, 3, 4, 5, 6, 7]
    assert context["config"]["scale"][-1] == {"value": 3, "label": "Almost every session"}


def test_mode_six_is_the_supervisors_own_process_in_the_example_and_the_module() -> None:
    for exercise in (catalogue().examples[EXAMPLE], catalogue().exercises["seven-eyed-case-reflection"]):
        sixth = exercise.data["eyes"][5]
        assert sixth["title"] == "The supervisor's own process"
        assert "advice" not in sixth["prompt"].lower()


def test_the_module_exercise_renders_with_mode_numbers_from_its_positions() -> None:
    html = render(catalogue().exercises["seven-eyed-case-reflection"])
    assert "Eye 6:</span> The supervisor&#39;s own process</h4>" in html
    assert html.count('<div role="group" class="rs-seven-eyed__eye"') == 7


def base() -> dict:
    return copy.deepcopy(catalogue().examples[EXAMPLE].data)


def test_rules_accept_the_example_and_the_module_file() -> None:
    assert seven_eyed.check(base()) == []
    assert seven_eyed.check(catalogue().exercises["seven-eyed-case-reflection"].data) == []


def test_mode_is_optional_but_must_match_the_position() -> None:
    data = base()
    for eye in data["eyes"]:
        del eye["mode"]
    assert seven_eyed.check(data) == []
    data = base()
    data["eyes"][3], data["eyes"][4] = data["eyes"][4], data["eyes"][3]
    assert seven_eyed.check(data) == [
        (
            "eyes[3].mode",
            "this is eye number 4 in the list, so its mode must be 4. List the eyes in mode order, 1 to 7.",
        ),
        (
            "eyes[4].mode",
            "this is eye number 5 in the list, so its mode must be 5. List the eyes in mode order, 1 to 7.",
        ),
    ]


def test_exactly_seven_eyes() -> None:
    data = base()
    data["eyes"].pop()
    assert seven_eyed.check(data) == [("eyes", "list exactly 7 eyes, one per mode from 1 to 7 (this file has 6).")]


def test_eye_ids_must_be_unique() -> None:
    data = base()
    data["eyes"][6]["id"] = "person"
    assert seven_eyed.check(data) == [
        ("eyes[6].id", "the id 'person' is used twice. Every id in a file must be different.")
    ]


def test_mode_six_must_not_be_titled_as_advice() -> None:
    data = base()
    data["eyes"][5]["title"] = "The supervisor offering support and advice"
    problems = seven_eyed.check(data)
    assert [place for place, _ in problems] == ["eyes[5].title"]
    assert "mode 6 is the supervisor's own process" in problems[0][1]
    data = base()
    data["eyes"][1]["title"] = "Advice and interventions"  # other modes may mention advice
    assert seven_eyed.check(data) == []


def test_attention_scale_must_go_up() -> None:
    data = base()
    data["attention_scale"][1], data["attention_scale"][2] = data["attention_scale"][2], data["attention_scale"][1]
    assert seven_eyed.check(data) == [
        (
            "attention_scale",
            "values must go up from the first point to the last, each different, for example 0, 1, 2, 3.",
        )
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("Try {eye} next.", []),
    ("Try **{eye}**; then {eye} again.", []),
    ("Try the quiet eye next.", [("try_next", "write {eye} where the least-attended eye's title should appear.")]),
    ("Try {Eye} next.", [("try_next", "write {eye} where the least-attended eye's title should appear."),
                         ("try_next", "{Eye} is not replaced: the only placeholder is {eye}.")]),
    ("Try {eye} with {mode}.", [("try_next", "{mode} is not replaced: the only placeholder is {eye}.")]),
])
def test_try_next_needs_the_eye_placeholder(text: str, expected: list) -> None:
    data = base()
    data["try_next"] = text
    assert seven_eyed.check(data) == expected
