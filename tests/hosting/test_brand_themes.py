"""An adapted copy's brand colours in the reading settings' themes: the light theme uses them all (checked as
before), the dark theme keeps only the header's pair (checked, and said so in the message) and draws the page in
its own colours, and the high-contrast theme sets them all aside."""

from __future__ import annotations

import re
from pathlib import Path

from macros.organisation import contrast, load_organisation
from tests.helpers import EXAMPLE, ROOT
from tests.hosting.test_overlay import problems

READING_CSS = (ROOT / "overrides" / "assets" / "css" / "reading-effects.css").read_text(encoding="utf-8")


def theme_block(theme: str) -> str:
    """The declarations of a theme's main rule in reading-effects.css."""
    found = re.search(
        r'html\[data-rs-theme="' + theme + r'"\]:not\(\.rs-presenting\) body \{(.*?)\n  \}', READING_CSS, re.S
    )
    assert found, f"no {theme} theme rule in reading-effects.css"
    return found.group(1)


def test_the_header_pair_carries_into_the_dark_theme_and_nothing_into_high_contrast() -> None:
    css = load_organisation(EXAMPLE / "organisation.yaml", ROOT).brand_css()
    assert "--rs-brand-header-bg: #0b5d50;" in css and "--rs-brand-header-fg: #ffffff;" in css
    dark, high = theme_block("dark"), theme_block("contrast")
    assert "--rs-header-bg: var(--rs-brand-header-bg, #123f45);" in dark
    assert "--rs-header-fg: var(--rs-brand-header-fg, #ffffff);" in dark
    assert "brand" not in high
    # Every brand-set colour other than the header's is the theme's own in both dark themes.
    for block in (dark, high):
        for variable in (
            "--md-primary-fg-color",
            "--md-accent-fg-color",
            "--md-typeset-a-color",
            "--md-primary-bg-color",
        ):
            assert re.search(rf"\n    {variable}: #[0-9a-f]{{6}};", block), variable


def test_the_dark_themes_own_colours_meet_aa_on_their_page() -> None:
    for theme in ("dark", "contrast"):
        block = theme_block(theme)
        colour = dict(re.findall(r"\n    (--[a-z-]+): (#[0-9a-f]{6});", block))
        page = colour["--md-default-bg-color"]
        for text in (
            "--md-default-fg-color",
            "--md-default-fg-color--light",
            "--md-typeset-a-color",
            "--md-primary-fg-color",
            "--md-accent-fg-color",
        ):
            assert contrast(colour[text], page) >= 4.5, (theme, text)
        assert contrast(colour["--md-primary-bg-color"], colour["--md-primary-fg-color"]) >= 4.5, theme


def test_a_failing_header_pair_is_reported_for_the_light_and_dark_themes(tmp_path: Path) -> None:
    message = problems(tmp_path, lambda d: d.update(colours={"primary": "#ffcc00", "primary_text": "#ffffff"}))
    assert "colours.primary: #ffcc00 against colours.primary_text (#ffffff) has contrast 1.51:1" in message
    assert "in the light and the dark theme" in message
