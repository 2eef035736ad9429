"""Exercise Markdown holds no raw HTML, event handlers or javascript:/data:/vbscript: links: a copy-paste mistake
stops the build naming the file and the field (macros/safe_markdown.py, checked by macros/catalogue.py).
Checked in process; one real build in test_build.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.errors import ContentError
from macros.render import markdown_to_html
from macros.safe_markdown import EXERCISE_LINKS, OVERLAY_LINKS, markdown_problems
from tests.helpers import ROOT

PASTED = ROOT / "tests" / "fixtures" / "hostile" / "exercise-with-script.yaml"


def catalogue_error(tmp_path: Path) -> str:
    """The message loading an exercises folder holding only the pasted fixture gives."""
    folder = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises" / "schema", folder / "schema")
    (folder / "demo").mkdir()
    shutil.copy(PASTED, folder / "demo" / "pasted.yaml")
    with pytest.raises(ContentError) as caught:
        load_catalogue(folder)
    return str(caught.value)


def test_a_pasted_script_and_dangerous_links_stop_the_build_naming_file_and_field(tmp_path: Path) -> None:
    message = catalogue_error(tmp_path)
    where = "exercises/demo/pasted.yaml → "
    assert f"{where}intro: raw HTML (<script>) is not allowed in exercise text. Write it in Markdown instead" in message
    assert f"{where}model_answers: raw HTML (<iframe>, <a>) is not allowed in exercise text." in message
    assert f"{where}model_answers: a javascript: link (javascript:alert(document.domain)) is not allowed" in message
    assert f"{where}model_answers: a data: link (data:image/svg+xml;base64," in message
    assert f"{where}model_answers: a vbscript: link (vbscript:msgbox(1))" in message
    assert f"{where}model_answers: an event-handler attribute (onclick=) on <p> is not allowed in exercise text. Remove it" in message
    assert "prompts[0].hint" not in message  # plain text fields are escaped, so angle brackets there are fine


@pytest.mark.parametrize("text", [
    "<style>body{display:none}</style>", "<object data=x></object>", "<embed src=x>", "Hi <b>there</b>",
    "<img src=x onerror=alert(1)>", "[a](JaVaScRiPt:alert(1))", "[a](java\tscript:alert(1))", "[a]( javascript:x)",
    "[a](&#106;avascript:alert(1))", "[a][r]\n\n[r]: data:text/html,x", "[a](//attacker.example/)",
])
def test_each_kind_of_unsafe_markdown_is_refused(text: str) -> None:
    assert markdown_problems(text, EXERCISE_LINKS) != []


@pytest.mark.parametrize("text", [
    "**Bold**, *italics* and [a module](modules/good-supervision.md#part).", "Costs < 3 hours & more.",
    "[Mind](https://www.mind.org.uk/) or <https://www.samaritans.org/>", "Call [116 123](tel:116123).",
    "| a | b |\n|---|---|\n| 1 | 2 |", "Ampersands &amp; entities &rsquo; are text.",
])
def test_ordinary_exercise_markdown_is_allowed(text: str) -> None:
    assert markdown_problems(text, EXERCISE_LINKS) == []


def test_every_real_exercise_and_example_passes() -> None:
    catalogue = load_catalogue(ROOT / "exercises")
    assert len(catalogue.exercises) > 30 and catalogue.examples


def test_overlay_markdown_allows_only_https_mail_phone_and_site_links() -> None:
    assert markdown_problems("[EAP](https://eap.example/) [mail](mailto:a@b.example) [us](../x/)", OVERLAY_LINKS) == []
    assert markdown_problems("[old](http://eap.example/)", OVERLAY_LINKS) == [
        "a http: link (http://eap.example/) is not allowed in this text. Use https:// addresses, mailto: and tel: "
        "links and pages of the site"]


def test_markdown_reaching_a_page_another_way_is_refused_too() -> None:
    with pytest.raises(ContentError) as caught:
        markdown_to_html("See <script>alert(1)</script>")
    assert "raw HTML (<script>) is not allowed in text shown on a page" in str(caught.value)
    assert str(markdown_to_html("**fine**")) == "<p><strong>fine</strong></p>"
