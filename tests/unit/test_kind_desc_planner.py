"""desc-planner: golden HTML, a complete printable plan without JavaScript, the checklist in words, and its rules."""

from __future__ import annotations

import re

from markupsafe import escape

from macros.kinds import desc_planner
from macros.strings import default_strings
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-desc-planner-default"
UID = f"ex-{EXAMPLE}"


def test_golden_html() -> None:
    check_golden("desc-planner")


def test_every_field_of_the_plan_is_labelled_in_order_inside_four_fieldsets() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert html.count('<fieldset class="rs-desc-planner__group" data-rs-part>') == 4
    legends = re.findall(r'<legend class="rs-desc-planner__legend">([^<]+)</legend>', html)
    assert legends == ["Before you start", "Your DESC script", "Getting ready", "Follow-up"]
    positions = []
    strings = default_strings()
    assert legends == [strings[legend_key] for legend_key, _ in desc_planner.GROUPS]
    for _, fields in desc_planner.GROUPS:
        for name, label_key, control in fields:
            label = escape(strings[label_key])
            if control == "stance":
                marker = f'<legend class="rs-choice__legend">{label}</legend>'
            else:
                marker = f'<label class="rs-field__label" for="{UID}-{name}">{label}</label>'
            assert marker in html, name
            positions.append(html.index(marker))
    assert positions == sorted(positions)
    assert html.count("<textarea") == 8
    assert f'type="date" id="{UID}-follow_up" name="{UID}-follow_up" data-rs-field="follow_up"' in html


def test_hints_are_linked_and_every_text_box_points_to_the_privacy_reminder() -> None:
    example = catalogue().examples[EXAMPLE]
    html = render(example)
    for name, hint in example.data["hints"].items():
        assert f'<p class="rs-field__hint" id="{UID}-{name}-hint">{escape(hint)}</p>' in html, name
    assert f'aria-describedby="{UID}-describe-hint {UID}-reminder"' in html
    assert f'aria-describedby="{UID}-follow_up-hint"' in html
    assert html.count(f'{UID}-reminder"></textarea>') == 8
    assert html.count(f'id="{UID}-reminder"') == 1


def test_stance_is_a_radio_choice_of_personal_or_managerial() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert html.count(f'name="{UID}-stance"') == 2
    assert 'value="personal" data-rs-field="stance">' in html
    assert (
        f'<label class="rs-choice__label" for="{UID}-stance-managerial">A managerial view: something my '
        'supervisee needs to act on</label>' in html
    )


def test_without_javascript_the_checklist_states_each_rule_and_the_live_checks_wait_hidden() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert "such as always, never, lazy, unprofessional, attitude, careless." in html
    assert "it uses I, I&#39;m, I&#39;ve, me or my." in html
    assert "Specify asks for no more than two things." in html
    assert "You have a follow-up date." in html
    assert '<div class="rs-desc-planner__live rs-js-only" data-rs-checks aria-live="polite" hidden></div>' in html


def test_config_gives_the_script_its_rules_and_defaults_the_word_list() -> None:
    example = catalogue().examples[EXAMPLE]
    config = desc_planner.context(EXAMPLE, example.data)["config"]
    assert config == {"words": example.data["judgemental_words"], "maxRequests": 2}
    assert desc_planner.FIELDS == ["context", "stance", "stance_note", "describe", "express", "specify",
                                   "consequences", "reactions", "awkwardness", "follow_up"]
    default = desc_planner.context("x", {"hints": {}})["config"]
    assert default["words"] == ["always", "never", "lazy", "unprofessional", "attitude"]


def test_the_module_planner_validates_and_renders_every_hint() -> None:
    exercise = catalogue().exercises["desc-planner"]
    html = render(exercise)
    assert len(exercise.data["hints"]) == 9
    assert html.count('class="rs-field__hint"') == 9
    assert "sloppy, disorganised, incompetent, constantly." in html


def test_a_word_listed_twice_in_different_capitals_is_reported() -> None:
    assert desc_planner.check({"judgemental_words": ["always", "Never", "lazy"]}) == []
    assert desc_planner.check({"judgemental_words": ["always", "Never", "never ", "ALWAYS"]}) == [
        ("judgemental_words[2]", "'never ' is already in the list (capitals are ignored). Remove one."),
        ("judgemental_words[3]", "'ALWAYS' is already in the list (capitals are ignored). Remove one."),
    ]
    assert desc_planner.check({"hints": {}}) == []
