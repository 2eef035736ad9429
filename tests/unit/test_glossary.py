"""Glossary: abbreviation tooltips come from the glossary file, for the singular and the plural."""

from __future__ import annotations

import markdown

from macros.glossary import Term, abbreviation_lines


def test_capitalised_abbreviations_get_a_tooltip_in_the_plural_too() -> None:
    terms = [Term("Newly qualified social worker", "A social worker in their first year.", "NQSW"),
             Term("Continuous professional learning", "Learning after qualifying.", "CPL"),
             Term("Supervision", "A regular, planned conversation.")]
    lines = abbreviation_lines(terms)
    html = markdown.markdown("Two NQSWs and one NQSW keep a CPL log.\n\n" + lines, extensions=["abbr"])
    assert html.count('<abbr title="Newly qualified social worker. A social worker in their first year.">') == 2
    assert "<abbr" in html.split("NQSW</abbr>")[0] and ">NQSWs</abbr>" in html and ">CPL</abbr>" in html
    assert "Supervision" not in lines
