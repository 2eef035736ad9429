"""No leftovers: a copy under another name than the example's that still carries the example's name, contacts,
helplines, logo or pages, or that shows our home page, is warned about (a strict build stops), unless its
overlay keeps them on purpose (keeps:). The example is not a leftover of itself."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.leftovers import find_leftovers, report_leftovers
from macros.organisation import load_organisation
from tests.helpers import EXAMPLE, ROOT, mkdocs_build_in_process
from tests.hosting.test_overlay import copy_example

SETTINGS = {"site_name": "Glenbarra Council – Reflective supervision", "copyright": "adapted by Glenbarra Council.",
            "extra.storage_name": "glenbarra-reflective-supervision"}


def renamed(data: dict) -> None:
    data["name"] = "Loch Arden Council"


def leftovers_of(folder: Path, settings: dict | None = None) -> list[str]:
    organisation = load_organisation(folder / "organisation.yaml", ROOT)
    return [str(problem) for problem in find_leftovers(organisation, settings or {})]


def test_the_example_is_not_a_leftover_of_itself() -> None:
    assert find_leftovers(load_organisation(EXAMPLE / "organisation.yaml", ROOT), SETTINGS) == []


def test_a_renamed_copy_of_the_example_lists_each_leftover(tmp_path: Path) -> None:
    found = leftovers_of(copy_example(tmp_path, renamed), SETTINGS)
    example = "the example copy (Glenbarra Council)"
    for line in (f"mkdocs.yml → copyright: still names 'Glenbarra', from {example}. Write your own.",
                 f"mkdocs.yml → extra.storage_name: still names 'Glenbarra', from {example}. Write your own.",
                 f"organisation.yaml → contacts[0].phone: (01632 960 123) is a contact of {example}. Write your own.",
                 f"organisation.yaml → accessibility.contact_name: still names 'Glenbarra', from {example}. "
                 "Write your own.",
                 f"organisation.yaml → helplines[1]: is a helpline of {example}. Write your own support routes, "
                 "or remove helplines: to show ours.",
                 f"organisation.yaml → logo: is the logo of {example}. Put your own logo in assets/ and name it "
                 "here, or remove logo:.",
                 f"pages/glenbarra/support.md → (the file): is a page of {example}. Delete it, or write your own.",
                 f"pages/index.md → (the file): is a page of {example}. Delete it, or write your own."):
        assert line in found, line
    # Helplines the example repeats from ours (data/support.yaml) are not the example's own.
    assert not [line for line in found if line.startswith("organisation.yaml → helplines[3]")]


def test_an_edited_page_still_naming_the_example_is_named_by_line(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, renamed)
    page = folder / "pages" / "glenbarra" / "support.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Social work can be hard.", "Work is hard."), encoding="utf-8")
    assert ("pages/glenbarra/support.md → line 3: still names 'Glenbarra', from the example copy "
            "(Glenbarra Council). "
            "Write your own.") in leftovers_of(folder)


def test_our_home_page_is_a_leftover_unless_kept_on_purpose(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    (folder / "pages" / "index.md").unlink()
    assert leftovers_of(folder) == [
        "organisation.yaml → keeps: the copy shows our home page, which is about the whole project, hosting a copy "
        "and the authoring guide. Write your own as pages/index.md, or add our-home-page to keeps: to keep ours "
        "on purpose."]
    kept = copy_example(tmp_path / "kept", lambda data: data.update(keeps=["our-home-page"]))
    (kept / "pages" / "index.md").unlink()
    assert leftovers_of(kept) == []
    def demonstration_copy(data: dict) -> None:
        renamed(data)
        data["keeps"] = ["example-material"]
    demonstration = copy_example(tmp_path / "demo", demonstration_copy)
    assert leftovers_of(demonstration, SETTINGS) == []


def test_keeps_can_keep_our_guides_in_a_copy() -> None:
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    pages = ["hosting.md", "authoring/index.md", "index.md"]
    assert organisation.removed_pages(pages) >= {"hosting.md", "authoring/index.md"}
    organisation.data["keeps"] = ["hosting-guide"]
    removed = organisation.removed_pages(pages)
    assert "hosting.md" not in removed and "authoring/index.md" in removed


def test_leftovers_are_warnings_in_a_build_and_stop_a_strict_one(caplog: pytest.LogCaptureFixture) -> None:
    from macros.errors import Problem
    problems = [Problem("organisation.yaml", "logo", "is the logo of the example copy (Glenbarra Council).")]
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.reflective_supervision"):
        report_leftovers(problems, False, logging.getLogger("mkdocs.plugins.reflective_supervision"))
    assert caplog.messages == ["organisation.yaml → logo: is the logo of the example copy (Glenbarra Council)."]
    with pytest.raises(ContentError):
        report_leftovers(problems, True, logging.getLogger("mkdocs.plugins.reflective_supervision"))


@pytest.mark.build
def test_a_renamed_copy_of_the_example_fails_its_strict_build_with_the_leftovers_listed(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, renamed)
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("../..", str(ROOT))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build_in_process(folder, tmp_path / "out")
    assert result.returncode == 1
    assert "This copy still carries" in result.stdout
    assert "mkdocs.yml → copyright: still names 'Glenbarra'" in result.stdout
    assert "organisation.yaml → contacts[0].email: (nqsw.support@glenbarra.example) is a contact" in result.stdout
