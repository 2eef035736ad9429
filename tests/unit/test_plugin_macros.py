"""The macros as plain functions over a build state, called directly: no MkDocs build."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from macros import exercise_macros, module_macros, plugin, site_macros
from macros.build_state import BuildState
from macros.errors import ContentError
from macros.page_exercises import page_exercises
from tests.helpers import ROOT

MODULE = "what-is-supervision"


class Page:
    """The page being rendered, as mkdocs-macros' env.page shows it; a test moves it between pages."""

    def __init__(self, src_uri: str, meta: dict[str, Any] | None = None) -> None:
        self.file = SimpleNamespace(src_uri=src_uri)
        self.meta = meta or {}


@pytest.fixture(scope="module")
def env() -> SimpleNamespace:
    return SimpleNamespace(conf={"extra": {}, "use_directory_urls": True}, project_dir=str(ROOT), variables={},
                           page=Page("index.md"))


@pytest.fixture(scope="module")
def loaded(env: SimpleNamespace) -> BuildState:
    return plugin.make_state(env)


@pytest.fixture
def state(loaded: BuildState, env: SimpleNamespace) -> BuildState:
    """A fresh state over the content loaded once: nothing rendered yet."""
    loaded.modules.clear()
    loaded.content.exercise_pages.clear()
    env.page = Page("index.md")
    return loaded


def front_matter(module: str) -> dict[str, Any]:
    text = (ROOT / "docs" / "modules" / f"{module}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


def test_every_registered_macro_takes_the_state_first_and_keeps_its_name_and_docstring(loaded) -> None:
    registered = {}
    env = SimpleNamespace(macro=lambda function, name: registered.setdefault(name, function))
    for macro in plugin.MACROS:
        env.macro(plugin.bind(macro, loaded), macro.__name__)
    assert len(registered) == len(plugin.MACROS), "two macros with one name"
    assert registered["module_count"](words=False) == str(len(loaded.site_modules))
    assert registered["exercise_kinds"]() == exercise_macros.exercise_kinds(loaded)
    assert registered["module_intro"].__doc__ == module_macros.module_intro.__doc__


def test_module_count_is_in_words_up_to_twenty(state) -> None:
    assert module_macros.module_count(state) == "fourteen"
    assert module_macros.in_words(21) == "21"


def test_a_module_page_lists_the_exercises_that_keep_answers_and_not_an_activity_timer(state, env) -> None:
    env.page = Page("modules/diversity-and-power.md", front_matter("diversity-and-power"))
    module_macros.module_intro(state)
    assert state.modules == {"modules/diversity-and-power.md": []}
    exercise_macros.exercise(state, "reflective-case-discussion")  # an activity timer: keeps no answers
    exercise_macros.exercise(state, "learning-from-reviews-journal")
    assert state.modules["modules/diversity-and-power.md"] == ["learning-from-reviews-journal"]
    with pytest.raises(ContentError, match="used twice on one page"):
        exercise_macros.exercise(state, "learning-from-reviews-journal")


def test_an_unknown_exercise_names_the_page_the_call_and_a_close_id(state, env) -> None:
    env.page = Page("modules/supervision-models.md")
    with pytest.raises(ContentError) as raised:
        exercise_macros.exercise(state, "proctor-function-balanse")
    message = str(raised.value)
    assert "modules/supervision-models.md" in message and 'exercise("proctor-function-balanse")' in message
    assert "Did you mean: proctor-function-balance" in message


def test_module_intro_shows_the_front_matter_and_links_the_handouts_page(state, env) -> None:
    meta = front_matter(MODULE)
    env.page = Page(f"modules/{MODULE}.md", meta)
    html = str(module_macros.module_intro(state))
    assert html.startswith('<div class="rs-module-intro">\n<p><strong>')
    assert f"{meta['time']} minutes" in html
    assert f'<a href="../../handouts/{MODULE}/">' in html
    assert 'class="rs-path-actions"' in html  # where to go next on the path, then the page's tools


def test_module_intro_names_the_missing_front_matter(state, env) -> None:
    env.page = Page(f"modules/{MODULE}.md", {"title": "No time"})
    with pytest.raises(ContentError, match="add time, audience"):
        module_macros.module_intro(state)


def test_path_actions_lead_from_a_step_to_the_next_one(state) -> None:
    steps = [step.module for step in state.site_paths["nqsw"]]
    where, link = module_macros.next_on_path(state, steps, steps[0])
    assert where["number"] == 1 and where["total"] == len(steps)
    assert link["label"].startswith("Next")
    where, link = module_macros.next_on_path(state, steps, None)  # a page that is no module: start the path
    assert where is None and link["url"].endswith(f"{steps[0]}/")


def test_the_group_pulse_knows_only_kinds_that_make_pulse_codes(state) -> None:
    html = str(exercise_macros.pulse_collector(state))
    assert "proctor-function-balance" in html
    assert "learning-from-reviews-journal" not in html  # a reflection makes no pulse code


def test_local_link_without_an_overlay_is_the_neutral_words_and_an_unknown_key_is_refused(state) -> None:
    assert site_macros.local_link(state, "supervision_policy") == state.strings["local_link_supervision_policy"]
    with pytest.raises(ContentError, match="use one of: data_protection"):
        site_macros.local_link(state, "policy")


def test_page_exercises_leaves_out_calls_that_are_only_quoted() -> None:
    text = (
        '{{ exercise("used") }}\n<!-- {{ exercise("in-a-comment") }} -->\n'
        '{% raw %}{{ exercise("in-raw") }}{% endraw %}\n'
        '```\n{{ exercise("in-code") }}\n```\n'
        "{{ exercise('second', heading=2) }}\n"
    )
    assert page_exercises(text) == ["used", "second"]
