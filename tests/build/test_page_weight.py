"""What a module page fetches at load stays small: the head scripts are minified, the group pulse page's styles
and the calendar file writer are fetched only where (or when) they are used."""

from __future__ import annotations

import re
from pathlib import Path

SMART_GOAL_PAGE = "modules/managing-boundaries/index.html"  # a SMART goal worksheet with a calendar button


def page_bundle(site_dir: Path, page: str) -> str:
    html = (site_dir / page).read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="module" src="((?:\.\./)*assets/js/[^"]+)"', html)
    return (site_dir / page).parent.joinpath(script).resolve().read_text(encoding="utf-8")


def test_the_head_scripts_are_minified_and_keep_their_licence(site_dir: Path) -> None:
    for name in ("head.js", "theme-content.js"):
        code = (site_dir / "assets" / "js" / name).read_text(encoding="utf-8")
        assert "\n  " not in code and "\n// " not in code, name  # minified
        assert "Martin Donath, MIT licence" in code, name


def test_the_pulse_page_styles_are_only_in_the_pulse_page_stylesheet(site_dir: Path) -> None:
    css = site_dir / "assets" / "css"
    assert ".rs-pulse__board" not in (css / "rs.css").read_text(encoding="utf-8")
    pulse = (css / "rs-pulse.css").read_text(encoding="utf-8")
    assert ".rs-pulse__board" in pulse and ".rs-nav-badge" in pulse  # the shared styles too
    [sheet] = re.findall(r'<link rel="stylesheet" href="((?:\.\./)*assets/css/[^"]+)"',
                         (site_dir / "pulse" / "index.html").read_text(encoding="utf-8"))
    assert sheet.endswith("assets/css/rs-pulse.css")


def test_the_calendar_file_writer_loads_when_a_learner_first_asks_for_a_file(site_dir: Path) -> None:
    bundle = page_bundle(site_dir, SMART_GOAL_PAGE)
    assert 'import("./lib/ics.js")' in bundle
    assert "BEGIN:VCALENDAR" not in bundle  # the writer is not in the page's bundle
    assert "BEGIN:VCALENDAR" in (site_dir / "assets" / "js" / "lib" / "ics.js").read_text(encoding="utf-8")
