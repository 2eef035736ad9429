"""Reading on a phone: a module page's list of parts (macros/parts.py) and Markdown tables in a named, focusable
scrolling region (macros/tables.py)."""

from __future__ import annotations

import markdown
from mkdocs.structure.toc import get_toc

from macros.parts import add_parts
from macros.strings import default_strings, translator
from macros.tables import wrap_tables

TR = translator(default_strings())
PAGE = """# A module

Intro.

## Learning outcomes

Text.

## Why & how

| What | Where |
|---|---|
| a | b |

### A detail

More.

## Key points

End.
"""


def render(text: str) -> tuple[str, list]:
    md = markdown.Markdown(extensions=["toc", "tables"])
    html = md.convert(text)
    return html, get_toc(md.toc_tokens)


def test_module_page_lists_its_sections_near_the_top_and_links_back_after_each() -> None:
    html, toc = render(PAGE)
    out = add_parts(html, toc, TR)
    start = out.index('<nav class="rs-parts" id="rs-parts"')
    assert out.index("<p>Intro.</p>") < start < out.index('<h2 id="learning-outcomes"')
    nav = out[start:out.index("</nav>")]
    assert 'aria-labelledby="rs-parts-title"' in nav and ">On this page</p>" in nav
    assert ('<li><a href="#learning-outcomes">Learning outcomes</a></li>'
            '<li><a href="#why-how">Why &amp; how</a></li>'
            '<li><a href="#key-points">Key points</a></li>') in nav
    assert "a-detail" not in nav
    back = '<a href="#rs-parts">Back to the list of parts</a>'
    assert out.count(back) == 3
    # After each part, before the next one starts (and at the end of the last).
    assert out.index("<p>Text.</p>") < out.index(back) < out.index('<h2 id="why-how"')
    assert out.rstrip().endswith(back + "</p>")


def test_page_with_one_section_is_left_alone() -> None:
    html, toc = render("# Title\n\n## Only part\n\nText.\n")
    assert add_parts(html, toc, TR) == html


def test_markdown_table_scrolls_in_a_region_named_after_its_section() -> None:
    html, _ = render(PAGE)
    out = wrap_tables(html, TR)
    assert '<div class="rs-table-region" role="region" tabindex="0" aria-label="Table: Why &amp; how"><table>' in out
    assert out.count("<table>") == 1 and out.index("</table></div>") > out.index("<table>")


def test_table_before_any_heading_and_template_tables_are_handled() -> None:
    out = wrap_tables('<table>x</table><table class="rs-facilitator__plan">y</table>', TR)
    assert out == ('<div class="rs-table-region" role="region" tabindex="0" aria-label="Table"><table>x</table></div>'
                   '<table class="rs-facilitator__plan">y</table>')
