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


def test_each_definition_is_a_block_of_its_own_with_the_same_result() -> None:
    terms = [Term(f"Term {n}", f"A long definition of term {n}, " * 20, f"TERM{chr(65 + n)}") for n in range(20)]
    blocks = abbreviation_lines(terms).split("\n\n")
    assert len(blocks) == 40 and all("\n" not in block and block.startswith("*[TERM") for block in blocks)
    text = "Every TERMA and TERMTs here.\n\n"
    one_block = "\n".join(blocks)
    assert (markdown.markdown(text + abbreviation_lines(terms), extensions=["abbr", "def_list"])
            == markdown.markdown(text + one_block, extensions=["abbr", "def_list"]))
