"""The readers' search index: exercise titles and prompts stay searchable, the forms' machinery does not."""

from __future__ import annotations

from macros.search_scope import (
    index_only_what_readers_search,
    leave_out_of_search,
    left_out_of_search,
    marked_and_indexed,
)

FORM = """<p>Module text.</p>
<form class="rs-exercise" data-rs-widget="reflection" data-rs-exercise="x">
<div class="rs-exercise__header"><p class="rs-exercise__kind">Reflection</p>
<h3 class="rs-exercise__title" id="ex-x-title">What helps you think?</h3></div>
<p class="rs-exercise__privacy">Your answers save automatically.</p>
<div class="rs-prompt"><label class="rs-prompt__label" for="a">Describe a <strong>good</strong> session</label>
<p class="rs-field__hint">A hint</p><textarea id="a"></textarea><br></div>
<div class="rs-choice__options"><div class="rs-choice__option"><input id="b"><label for="b">Yes</label></div>
<div class="rs-choice__option"><input id="c"><label for="c">No</label></div></div>
<details class="rs-answers" data-search-exclude><summary>Answers</summary><p>The key</p></details>
<button type="button">Clear</button>
</form>
<p>More module text.</p>"""


def test_only_the_title_and_prompts_of_an_exercise_are_left_in_the_index() -> None:
    html = index_only_what_readers_search(FORM)
    assert '<p data-search-exclude class="rs-exercise__kind">' in html
    assert '<p data-search-exclude class="rs-exercise__privacy">' in html
    assert '<p data-search-exclude class="rs-field__hint">' in html
    assert '<textarea data-search-exclude id="a">' in html
    assert '<button data-search-exclude type="button">' in html
    # What readers search for, and the parts holding it, stay as they were; nothing is marked twice.
    assert '<h3 class="rs-exercise__title" id="ex-x-title">' in html
    assert '<div class="rs-exercise__header">' in html and '<div class="rs-prompt">' in html
    assert '<label class="rs-prompt__label" for="a">Describe a <strong>good</strong>' in html
    # A part holding an element of its own tag is marked part by part (the theme compares elements by tag).
    assert '<div class="rs-choice__options">' in html
    assert html.count('<div data-search-exclude class="rs-choice__option">') == 2
    assert html.count("data-search-exclude") == 9
    assert "<p>Module text.</p>" in html and "<p>More module text.</p>" in html
    # Only attributes are added: without them the HTML is what it was.
    assert html.replace(" data-search-exclude", "") == FORM.replace(" data-search-exclude", "")


def test_a_page_without_exercises_is_unchanged() -> None:
    assert index_only_what_readers_search("<form><p>x</p></form>") == "<form><p>x</p></form>"


def test_authoring_and_handouts_pages_leave_the_readers_index() -> None:
    for page in ("authoring/index.md", "authoring/exercise-kinds.md", "handouts/supervision-models.md"):
        meta: dict = {"title": "x"}
        leave_out_of_search(page, meta)
        assert meta == {"title": "x", "search": {"exclude": True}}
        assert left_out_of_search(meta)
    meta = {"search": {"boost": 2}}
    leave_out_of_search("modules/supervision-models.md", meta)
    assert meta == {"search": {"boost": 2}}
    assert not left_out_of_search(meta)
    assert not left_out_of_search({}) and not left_out_of_search({"search": "exclude"})


def indexed_text(html: str) -> str:
    """The words the theme's search plugin indexes from some HTML."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(section.title + section.text) for section in parser.data if not section.is_excluded())


def test_the_theme_indexes_the_title_prompt_and_module_text_only() -> None:
    text = indexed_text(index_only_what_readers_search(FORM))
    for kept in ("Module text.", "What helps you think?", "Describe a", "More module text."):
        assert kept in text
    for machinery in ("Reflection", "save automatically", "A hint", "Yes", "No", "The key", "Clear"):
        assert machinery not in text, machinery


def indexed_sections(html: str) -> list[tuple[str | None, str, str]]:
    """Each section the theme's search plugin indexes: its id, title and text."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(section.id, "".join(section.title), "".join(section.text)) for section in parser.data
            if not section.is_excluded()]


def test_the_search_plugin_reads_a_lighter_page_and_indexes_the_same() -> None:
    page = f"<h2 id='before'>Before</h2>\n{FORM}\n<h2 id='after'>After</h2>\n<p>End.</p>"
    marked, lighter = marked_and_indexed(page)
    assert marked == index_only_what_readers_search(page)
    assert len(lighter) < len(marked) and "A hint" not in lighter and "Clear" not in lighter
    assert indexed_sections(lighter) == indexed_sections(marked)


def test_a_left_out_part_holding_a_heading_keeps_its_content_for_the_plugin() -> None:
    form = ('<form data-rs-widget="x"><div class="rs-exercise">'
            '<h3 class="rs-exercise__title" id="t">Title</h3>'
            '<div class="rs-result"><h4 id="r">Your result</h4><p>Score</p></div><p class="rs-note">Note</p>'
            '</div></form>')
    marked, lighter = marked_and_indexed(form)
    assert '<div data-search-exclude class="rs-result"><h4 id="r">Your result</h4><p>Score</p></div>' in lighter
    assert '<p data-search-exclude class="rs-note"></p>' in lighter
    assert indexed_sections(lighter) == indexed_sections(marked)
