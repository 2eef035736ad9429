"""Right blame: a link in the overlay's own text or pages to a page the copy leaves out is reported against the
overlay (file and key, or page and line), however it is written, with the exit code of every overlay error;
nothing becomes plain text without a line in the build output."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.organisation import load_organisation
from macros.overlay_links import site_sources, unlink_left_out
from tests.helpers import ROOT, mkdocs_build_in_process
from tests.hosting.test_overlay import copy_example

LEFT_OUT = ("which this copy leaves out; remove the link, or include the module by adding seven-eyed-model to "
            "modules: in organisation.yaml.")


def helpline_problems(tmp_path: Path, *routes: str) -> str:
    folder = copy_example(tmp_path, lambda data: data["helplines"].extend(routes))
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    return str(caught.value)


def test_site_sources_read_every_form_from_the_sites_root() -> None:
    for written in ("modules/seven-eyed-model.md", "../modules/seven-eyed-model.md#modes", "/modules/seven-eyed-model/",
                    "modules/seven-eyed-model/", "../../modules/seven-eyed-model/index.html"):
        assert "modules/seven-eyed-model.md" in site_sources(written), written
    assert site_sources("https://example.org/modules/x.md") == [] and site_sources("#top") == []


def test_helpline_links_to_a_left_out_module_are_blamed_on_the_overlay_key_in_every_form(tmp_path: Path) -> None:
    message = helpline_problems(tmp_path, "See [eyes](modules/seven-eyed-model.md).",
                                "See [eyes](../modules/seven-eyed-model.md#modes).",
                                "See [eyes](/modules/seven-eyed-model/) and [reviews](modules/learning-from-reviews/).")
    assert ("organisation.yaml → helplines[5]: the link modules/seven-eyed-model.md goes to "
            f"modules/seven-eyed-model.md, {LEFT_OUT}") in message
    assert ("organisation.yaml → helplines[6]: the link ../modules/seven-eyed-model.md#modes goes to "
            f"modules/seven-eyed-model.md, {LEFT_OUT}") in message
    assert ("organisation.yaml → helplines[7]: the link /modules/seven-eyed-model/ goes to "
            f"modules/seven-eyed-model.md, {LEFT_OUT}") in message
    assert ("organisation.yaml → helplines[7]: the link modules/learning-from-reviews/ goes to "
            "modules/learning-from-reviews.md") in message
    assert "exercises/" not in message


def test_helpline_links_to_kept_pages_are_written_from_the_docs_folder(tmp_path: Path) -> None:
    message = helpline_problems(tmp_path, "See [good supervision](modules/good-supervision.md#x) and "
                                          "[our support](glenbarra/support.md).",
                                "See [good supervision](../modules/good-supervision.md#x).",
                                "See [nowhere](modules/no-such-module.md).")
    assert "helplines[5]" not in message
    assert ("organisation.yaml → helplines[6]: write the link ../modules/good-supervision.md#x as "
            "modules/good-supervision.md#x: helplines show on pages in many folders") in message
    assert "organisation.yaml → helplines[7]: the link modules/no-such-module.md goes to no page of the site." \
        in message


def test_an_own_page_link_from_the_sites_root_to_a_left_out_module_fails(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    page = folder / "pages" / "glenbarra" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nSee [the seven eyes](/modules/seven-eyed-model/).\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    assert "pages/glenbarra/index.md → line" in str(caught.value)
    assert ("link /modules/seven-eyed-model/: links to modules/seven-eyed-model.md, which this copy leaves out"
            in str(caught.value))


def test_exercise_links_that_become_plain_text_say_so_in_the_build_output(caplog: pytest.LogCaptureFixture) -> None:
    html = '<p>See <a href="modules/seven-eyed-model.md#modes">the seven eyes</a> and <a href="modules/x.md">x</a>.</p>'
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.reflective_supervision"):
        out = unlink_left_out(html, {"modules/seven-eyed-model.md"}, "exercises/a/b.yaml", "modules/a.md")
    assert out == '<p>See the seven eyes and <a href="modules/x.md">x</a>.</p>'
    assert caplog.messages == ["exercises/a/b.yaml (on modules/a.md): 1 link(s) to pages this copy leaves out became "
                               "plain text (modules/seven-eyed-model.md)"]


@pytest.mark.build
def test_every_overlay_error_stops_the_build_with_one_exit_code(tmp_path: Path) -> None:
    codes = {}
    changes = (("schema", lambda data: data.update(helpline=[])),
               ("helpline link", lambda data: data["helplines"].append("See [x](../modules/seven-eyed-model.md).")))
    for name, change in changes:
        folder = copy_example(tmp_path / name.replace(" ", "-"), change)
        config = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("../..", str(ROOT))
        (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
        result = mkdocs_build_in_process(folder, tmp_path / "out")
        codes[name] = result.returncode
        assert ("organisation.yaml → (top level): unknown key" in result.stdout
                or "organisation.yaml → helplines[5]" in result.stdout)
        assert "Traceback" not in result.stdout and "exercises/" not in result.stdout
    assert codes == {"schema": 1, "helpline link": 1}
