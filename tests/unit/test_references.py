"""The reference list: which keys the pages cite, and the references page built from them."""

from __future__ import annotations

from macros.references import Citations, Reference, cited_keys


def test_cited_keys_reads_every_quoted_key_before_keyword_arguments() -> None:
    markdown = [
        'As {{ cite("proctor-1986") }} and {{ cite("heron-2001", "morrison-2005", narrative=True) }} show.',
        "Quoted {{ cite('kolb-1984', page=\"12\") }}; not a call: recite the cite list.",
    ]
    assert cited_keys(markdown) == {"proctor-1986", "heron-2001", "morrison-2005", "kolb-1984"}


def test_full_list_shows_only_the_chosen_sources_with_anchors() -> None:
    references = {
        key: Reference(key=key, cite=key.title(), year="2000", text=f"{key.title()} (2000) A book.")
        for key in ("alpha", "beta", "gamma")
    }
    listed = Citations(references).full_list(only={"beta", "alpha"})
    assert "{: #ref-alpha .rs-reference }" in listed and "{: #ref-beta .rs-reference }" in listed
    assert "gamma" not in listed.lower()
    assert listed.index("Alpha") < listed.index("Beta")
