"""What lasts for one build lives on that build's state (macros/build_state.py), never in a module's globals:
two builds in one process (``mkdocs serve`` rebuilding, tests building twice) each start with nothing held."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from macros import build_state, hooks, html_slots, plugin
from tests.helpers import ROOT

EXERCISE = "proctor-function-balance"
PAGE = "modules/supervision-models.md"


class MacrosEnv:
    """mkdocs-macros' env as plugin.register uses it: its config, variables, the page being rendered, macros."""

    def __init__(self) -> None:
        self.conf: dict[str, Any] = {"extra": {}, "use_directory_urls": True, "plugins": {}}
        self.project_dir = str(ROOT)
        self.variables: dict[str, Any] = {}
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=PAGE), meta={})
        self.macros: dict[str, Any] = {}
        html_slots.promise_to_fill(self.conf["extra"])  # as hooks.py on_config does: the hooks fill placeholders

    def macro(self, function: Any, name: str | None = None) -> Any:
        """Register a macro (also usable as a decorator)."""
        self.macros[name or function.__name__] = function
        return function


def start_build() -> tuple[MacrosEnv, Any]:
    """What a build does first: register the macros (plugin.register), which publishes its state."""
    env = MacrosEnv()
    plugin.register(env)
    return env, build_state.published(env.conf["extra"])


def filled(state: Any, html: str) -> str:
    """A page's HTML with its placeholders filled from ``state`` (as hooks.py on_page_content does)."""
    return state.held_html.fill(html, SimpleNamespace(present_anchor_ids=None))


@pytest.fixture(scope="module")
def builds() -> list[tuple[MacrosEnv, Any]]:
    """Two builds in one process: the first stops part way, with an exercise's HTML held and never filled."""
    first_env, first = start_build()
    first_env.macros["exercise"](EXERCISE)
    second_env, second = start_build()
    return [(first_env, first), (second_env, second)]


def test_each_build_publishes_its_own_state_for_the_hooks(builds) -> None:
    (first_env, first), (second_env, second) = builds
    assert first is not None and second is not None and first is not second
    assert first_env.conf["extra"]["rs_modules"] is first.modules
    assert second.held_html is not first.held_html and second.search_input is not first.search_input


def test_a_build_starts_with_nothing_held_from_the_one_before(builds) -> None:
    (_, first), (second_env, second) = builds
    assert len(first.held_html.waiting) == 1  # the first build stopped before its page was filled
    assert second.held_html.waiting == {}
    placeholder = str(second_env.macros["exercise"](EXERCISE))
    assert placeholder.startswith("<div data-rs-html-slot=")
    html = filled(second, f"<h1>Models</h1>\n{placeholder}\n")
    assert f'id="ex-{EXERCISE}"' in html and "data-rs-html-slot" not in html
    assert second.held_html.waiting == {}  # all given back: nothing outlives the page


def test_the_search_plugin_of_each_build_reads_that_builds_pages(builds) -> None:
    (first_env, first), (second_env, second) = builds
    first.search_input.keep("a.md", "<p>whole</p>", "<p>first build</p>")  # never read: that build stopped
    read: list[str] = []
    index = SimpleNamespace(add_entry_from_context=lambda page: read.append(page.content))
    hooks.on_pre_build(SimpleNamespace(extra=second_env.conf["extra"],
                                       plugins={"material/search": SimpleNamespace(search_index=index)}))
    second.search_input.keep("b.md", "<p>whole</p>", "<p>second build</p>")
    for src_uri in ("a.md", "b.md"):
        index.add_entry_from_context(SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), content="<p>whole</p>"))
    assert read == ["<p>whole</p>", "<p>second build</p>"]
