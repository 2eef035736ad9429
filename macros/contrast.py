"""Colour contrast as WCAG 2.x defines it: relative luminance and the contrast ratio of two colours."""

from __future__ import annotations

WHITE = "#ffffff"
# The WCAG 2.2 AA minimum contrast for normal text.
AA = 4.5

def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
