"""Finished HTML kept out of Markdown (macros/html_slots.py): a placeholder that Markdown passes through, then
the same HTML back in its place, with its anchors known to MkDocs' link checks."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
from markupsafe import Markup

from macros import html_slots

FORM = ('<section class="rs-exercise" id="ex-one" aria-labelledby="ex-one-title">\n'
        '<h3 id="ex-one-title">One &amp; two</h3>\n<a name="top"></a><p data-id="not-an-anchor">x</p>\n'
        '<label for="ex-one-q1">Q</label><textarea id="ex-one-q1"></textarea>\n</section>')


def convert(text: str) -> str:
    """Markdown as the site converts raw HTML blocks."""
    return markdown.Markdown(extensions=["md_in_html", "attr_list"]).convert(text)


def test_markdown_passes_the_placeholder_through_and_fill_puts_the_html_back() -> None:
    page_text = "# Title\n\nBefore.\n\n{}\n\nAfter *this*.\n"
    held = html_slots.HeldHtml()
    placeholder = held.hold(FORM)
    assert "\n" not in placeholder and FORM not in placeholder
    html = convert(page_text.format(placeholder))
    page = SimpleNamespace(present_anchor_ids={"title"})
    filled = held.fill(html, page)
    assert FORM in filled and filled == convert(page_text.format(FORM))  # as if Markdown had parsed the form
    assert page.present_anchor_ids == {"title", "ex-one", "ex-one-title", "ex-one-q1", "top"}
    assert held.waiting == {}  # given back once: nothing kept after its page


def test_anchor_ids_decode_entities_like_an_html_parser() -> None:
    assert html_slots.anchor_ids('<div id="a&amp;b" data-id="no"><span class="x" id="c"></span></div>') == {
        "a&b", "c"}


def test_a_page_without_placeholders_is_left_as_it_is() -> None:
    page = SimpleNamespace(present_anchor_ids={"x"})
    assert html_slots.HeldHtml().fill("<p>plain</p>", page) == "<p>plain</p>"
    assert page.present_anchor_ids == {"x"}


def test_a_held_macro_keeps_its_name_and_returns_markup() -> None:
    def exercise(state: object, exercise_id: str) -> str:
        """Insert an exercise."""
        return f'<div id="{exercise_id}"></div>'

    placed = html_slots.held(exercise)
    assert placed.__name__ == "exercise" and placed.__doc__ == "Insert an exercise."
    state = SimpleNamespace(held_html=html_slots.HeldHtml())  # the build state's part that holds HTML
    slot = placed(state, "e1")
    assert isinstance(slot, Markup)
    assert state.held_html.fill(str(slot), SimpleNamespace(present_anchor_ids=set())) == '<div id="e1"></div>'


def test_only_a_build_whose_hooks_fill_holds_html() -> None:
    extra: dict = {}
    assert not html_slots.will_fill(extra)  # the macros plugin without our hooks: macros give their HTML
    html_slots.promise_to_fill(extra)
    assert html_slots.will_fill(extra)
