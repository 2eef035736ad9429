"""Builds: the real site builds strictly; small fixture sites with broken content fail with clear messages."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from tests.helpers import ROOT, mkdocs_build, mkdocs_build_in_process

pytestmark = pytest.mark.build


def test_real_site_has_every_exercise_rendered_and_no_macro_errors(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Macro Rendering Error" not in html and "Macro Syntax Error" not in html, page
    gallery = (site_dir / "authoring" / "exercise-kinds" / "index.html").read_text(encoding="utf-8")
    assert gallery.count("data-rs-widget=") >= 3


def test_built_pages_naming_a_death_carry_a_content_note_first(site_dir: Path) -> None:
    """Checked on the built pages, so text that macros add (quizzes, handouts) counts too."""
    names = ("Climbié", "Peter Connelly", "Greenop")
    checked = 0
    for page in site_dir.rglob("*.html"):
        if page.parent.name == "references":
            continue
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article"):]
        mentions = [article.find(name) for name in names if name in article]
        if mentions:
            checked += 1
            note = article.find("Content note")
            assert 0 <= note < min(mentions), f"{page.relative_to(site_dir)} names a death before any content note"
    assert checked >= 2


def test_section_links_in_exercises_land_on_an_id_of_the_built_page(site_dir: Path) -> None:
    """Links that exercise text makes to part of a page (each quiz question's "Read more", the Heron balance's
    link to the developmental reflection) are raw HTML, so MkDocs' anchor check does not see them: check here."""
    checked = 0
    for page in site_dir.rglob("*.html"):
        if "lab" in page.relative_to(site_dir).parts:
            continue
        html = page.read_text(encoding="utf-8")
        for form in re.findall(r'<form class="rs-exercise.*?</form>', html, flags=re.DOTALL):
            for path, anchor in re.findall(r'href="(?![a-z]+:|/)([^"#]*)#([^"]+)"', form):
                target = (page.parent / path).resolve() if path else page
                if target.is_dir():
                    target = target / "index.html"
                ids = set(re.findall(r'\bid="([^"]+)"', target.read_text(encoding="utf-8")))
                assert anchor in ids, f"{page.relative_to(site_dir)}: {path}#{anchor} has no such id"
                checked += 1
    assert checked >= 21  # the quizzes' section links and the Heron balance note, at least once each


def make_site(tmp_path: Path, page: str, exercises: dict[str, str] | None = None, references: str | None = None) -> Path:
    """Create a tiny project that uses the real macros, templates and schemas."""
    project = tmp_path / "mini"
    (project / "docs").mkdir(parents=True)
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    shutil.copytree(ROOT / "exercises" / "schema", project / "exercises" / "schema")
    (project / "data").mkdir()
    shutil.copy(ROOT / "data" / "references.schema.json", project / "data")
    shutil.copy(ROOT / "data" / "support.yaml", project / "data")
    shutil.copy(ROOT / "data" / "accessibility.yaml", project / "data")
    (project / "data" / "references.yaml").write_text(references or textwrap.dedent("""\
        proctor-1986:
          cite: Proctor
          year: "1986"
          text: "Proctor, B. (1986) Supervision: a co-operative exercise in accountability."
        """), encoding="utf-8")
    for name, text in (exercises or {}).items():
        path = project / "exercises" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (project / "docs" / "index.md").write_text(textwrap.dedent(page), encoding="utf-8")
    (project / "docs" / "privacy.md").write_text("# Privacy\n", encoding="utf-8")
    (project / "docs" / "references.md").write_text("# References\n\n{{ references_list() }}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Mini
        theme:
          name: material
          custom_dir: {ROOT / 'overrides'}
          font: false
        plugins:
          - macros:
              module_name: macros
              on_error_fail: true
              on_undefined: strict
        """), encoding="utf-8")
    return project


GOOD_EXERCISE = """\
    kind: reflection
    title: A reflection
    prompts:
      - id: first
        label: What happened?
    """


def test_fixture_site_builds(tmp_path: Path) -> None:
    project = make_site(tmp_path, '# Home\n\n{{ exercise("good-one") }}\n\nAs shown {{ cite("proctor-1986") }}.\n', {"demo/good-one.yaml": GOOD_EXERCISE})
    result = mkdocs_build_in_process(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert 'data-rs-exercise="good-one"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_broken_exercise_file_fails_naming_file_field_and_fix(tmp_path: Path) -> None:
    broken = "kind: reflection\ntitle: A reflection\nprompts:\n  - id: first\n    lable: What happened?\n"
    project = make_site(tmp_path, "# Home\n", {"demo/broken-one.yaml": broken})
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "exercises/demo/broken-one.yaml → prompts[0]" in output
    assert 'unknown field "lable"' in output and '"label" is missing' in output
    assert "Traceback" not in output


def test_unknown_exercise_id_fails_naming_page_and_close_matches(tmp_path: Path) -> None:
    project = make_site(tmp_path, '# Home\n\n{{ exercise("good-on") }}\n', {"demo/good-one.yaml": GOOD_EXERCISE})
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Pages name exercises or sources that do not exist (1)" in output
    assert 'index.md → exercise("good-on")' in output and "Did you mean: good-one?" in output
    assert "Traceback" not in output


def test_unknown_exercise_id_in_a_module_is_blamed_on_the_module_page_from_its_handouts(tmp_path: Path) -> None:
    project = make_site(tmp_path, '# Home\n\n{{ handouts("demo") }}\n', {"demo/good-one.yaml": GOOD_EXERCISE})
    (project / "docs" / "modules").mkdir()
    (project / "docs" / "modules" / "demo.md").write_text('# Demo\n\n{{ exercise("good-on") }}\n', encoding="utf-8")
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert 'modules/demo.md → exercise("good-on")' in output and "Did you mean: good-one?" in output
    assert "Traceback" not in output


def test_case_review_naming_an_unknown_source_fails_naming_file_and_field(tmp_path: Path) -> None:
    example = (ROOT / "exercises" / "_examples" / "case-review" / "default.yaml").read_text(encoding="utf-8")
    broken = re.sub(r"^source: .*$", "source: proctor-1968", example, flags=re.M)
    project = make_site(tmp_path, '# Home\n\n{{ exercise("review-one") }}\n', {"demo/review-one.yaml": broken})
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "exercises/demo/review-one.yaml → source" in output and "Did you mean: proctor-1986?" in output
    assert "Traceback" not in output


def test_missing_reference_fails_naming_page(tmp_path: Path) -> None:
    project = make_site(tmp_path, '# Home\n\nSee {{ cite("proctor-1968") }}.\n')
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert 'index.md → cite("proctor-1968")' in output and "Did you mean: proctor-1986?" in output
    assert "Traceback" not in output


def test_broken_link_in_exercise_text_fails(tmp_path: Path) -> None:
    exercise = GOOD_EXERCISE + "intro: See [the models](modules/nowhere.md).\n"
    project = make_site(tmp_path, '# Home\n\n{{ exercise("good-one") }}\n', {"demo/good-one.yaml": exercise})
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "link to modules/nowhere.md" in output


def test_unused_references_are_reported(tmp_path: Path) -> None:
    references = 'proctor-1986:\n  cite: Proctor\n  year: "1986"\n  text: "Proctor, B. (1986) Supervision."\nheron-2001:\n  cite: Heron\n  year: "2001"\n  text: "Heron, J. (2001) Helping the Client."\n'
    project = make_site(tmp_path, '# Home\n\nSee {{ cite("proctor-1986") }}.\n', references=references)
    result = mkdocs_build_in_process(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "References no page cites (1): heron-2001" in result.stdout + result.stderr
    listed = (tmp_path / "out" / "references" / "index.html").read_text(encoding="utf-8")
    assert "Supervision." in listed and "ref-heron-2001" not in listed and "Helping the Client" not in listed


def test_references_page_lists_exactly_the_cited_sources(site_dir: Path) -> None:
    cited: set[str] = set()
    for page in site_dir.rglob("*.html"):
        cited |= set(re.findall(r'href="[^"]*references/#(ref-[a-z0-9-]+)"', page.read_text(encoding="utf-8")))
    listed = set(re.findall(r'id="(ref-[a-z0-9-]+)"', (site_dir / "references" / "index.html").read_text(encoding="utf-8")))
    assert len(cited) > 50
    assert listed == cited


def test_every_unknown_id_and_key_on_every_page_is_reported_in_one_build(tmp_path: Path) -> None:
    page = '# Home\n\n{{ exercise("good-on") }}\n\nSee {{ cite("proctor-1968") }}.\n'
    project = make_site(tmp_path, page, {"demo/good-one.yaml": GOOD_EXERCISE})
    (project / "docs" / "other.md").write_text('# Other\n\n{{ exercise("one-good") }}\n\n<!-- {{ exercise("only-quoted") }} -->\n', encoding="utf-8")
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert 'index.md → exercise("good-on")' in output and 'index.md → cite("proctor-1968")' in output
    assert 'other.md → exercise("one-good")' in output and "Did you mean: good-one?" in output
    assert "only-quoted" not in output


# --- The strict build's guards, proven on OUR configuration -------------------------------------------------
# The fixture below INHERITs the real mkdocs.yml and overrides only where its pages are (docs_dir, nav) and where
# the theme's templates live; the privacy plugin (assets_fetch off: the guard against external assets), the
# link and anchor validation, the hooks and the macros all come from our file, so these tests fail if a change
# there turns a guard off.

ANSI = re.compile(r"\x1b\[[0-9;]*m")
BAD_PAGE = "modules/demo.md"
CLEAN_PAGE = """\
    # Demo

    ## First part

    See the [privacy page](../privacy.md), [what it stores](../privacy.md#what-is-stored) and the [first part](#first-part).

    ![A local picture](picture.svg)
    """


def make_inheriting_site(tmp_path: Path, extra: str = "") -> Path:
    """A tiny project whose mkdocs.yml INHERITs ours; ``extra`` is added to the end of modules/demo.md."""
    project = tmp_path / "inheriting"
    (project / "docs" / "modules").mkdir(parents=True)
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)  # our hooks: macros/hooks.py
    (project / "docs" / "index.md").write_text("# Home\n\nSee the [demo](modules/demo.md).\n", encoding="utf-8")
    (project / "docs" / "privacy.md").write_text("# Privacy\n\n## What is stored\n\nNothing.\n", encoding="utf-8")
    (project / "docs" / "modules" / "picture.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n', encoding="utf-8")
    (project / "docs" / BAD_PAGE).write_text(textwrap.dedent(CLEAN_PAGE) + extra, encoding="utf-8")
    (project / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        INHERIT: {ROOT / 'mkdocs.yml'}
        docs_dir: docs
        theme:
          custom_dir: {ROOT / 'overrides'}
        nav:
          - Home: index.md
          - Demo: {BAD_PAGE}
          - Privacy: privacy.md
        """), encoding="utf-8")
    return project


def strict_output(tmp_path: Path, extra: str = "") -> tuple[int, str]:
    """Build the inheriting fixture strictly; return the exit code and the log without colour codes."""
    result = mkdocs_build_in_process(make_inheriting_site(tmp_path, extra), tmp_path / "out")
    return result.returncode, ANSI.sub("", result.stdout + result.stderr)


def test_inheriting_fixture_site_builds_when_its_assets_links_and_anchors_are_good(tmp_path: Path) -> None:
    """The control for the three tests below: without the one bad line, the same fixture builds cleanly."""
    returncode, output = strict_output(tmp_path)
    assert returncode == 0, output
    assert "WARNING" not in output, output
    assert (tmp_path / "out" / "modules" / "demo" / "index.html").is_file()


@pytest.mark.parametrize("markup", [
    '<img src="https://example.com/x.png" alt="An external picture">',
    "![An external picture](https://example.com/x.png)",
], ids=["html-img", "markdown-image"])
def test_strict_build_fails_on_an_external_asset_naming_page_and_url(tmp_path: Path, markup: str) -> None:
    returncode, output = strict_output(tmp_path, f"\n{markup}\n")
    assert returncode != 0, output
    assert f"External file: https://example.com/x.png in '{BAD_PAGE}'" in output, output
    assert "in strict mode" in output and "Traceback" not in output


def test_strict_build_fails_on_a_link_to_a_missing_page_naming_page_and_target(tmp_path: Path) -> None:
    returncode, output = strict_output(tmp_path, "\nSee [a page that is not there](nowhere.md).\n")
    assert returncode != 0, output
    assert f"Doc file '{BAD_PAGE}' contains a link 'nowhere.md', but the target 'modules/nowhere.md' is not found" in output, output
    assert "in strict mode" in output and "Traceback" not in output


@pytest.mark.parametrize(("link", "message"), [
    ("../privacy.md#no-such-part", "contains a link '../privacy.md#no-such-part', but the doc 'privacy.md' does not contain an anchor '#no-such-part'"),
    ("#no-such-part", "contains a link '#no-such-part', but there is no such anchor on this page"),
], ids=["other-page", "same-page"])
def test_strict_build_fails_on_a_link_to_a_missing_anchor_naming_page_and_target(tmp_path: Path, link: str, message: str) -> None:
    returncode, output = strict_output(tmp_path, f"\nSee [a part that is not there]({link}).\n")
    assert returncode != 0, output
    assert f"Doc file '{BAD_PAGE}' {message}" in output, output
    assert "in strict mode" in output and "Traceback" not in output


def test_strict_build_fails_on_an_inline_script_or_event_handler_naming_page_and_fix(tmp_path: Path) -> None:
    """Raw HTML in a page is passed through by Markdown: the built page is checked (macros/csp.py), and the
    script is never allowed by its hash in _headers."""
    returncode, output = strict_output(tmp_path, '\n<script>alert("injected")</script>\n\n<p onmouseover="alert(2)">Hover</p>\n')
    assert returncode != 0, output
    assert "Inline code on 1 page(s); the site ships none outside lab/:" in output, output
    assert 'modules/demo/index.html → line' in output and 'inline <script> (alert("injected"))' in output
    assert "event-handler attribute onmouseover= on <p>" in output and "move the script into a file" in output
    assert "Traceback" not in output and not (tmp_path / "out" / "_headers").exists()


def test_a_script_pasted_into_exercise_markdown_fails_the_build_naming_file_and_field(tmp_path: Path) -> None:
    pasted = (ROOT / "tests" / "fixtures" / "hostile" / "exercise-with-script.yaml").read_text(encoding="utf-8")
    project = make_site(tmp_path, '# Home\n\n{{ exercise("pasted") }}\n', {"demo/pasted.yaml": pasted})
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "exercises/demo/pasted.yaml → intro: raw HTML (<script>) is not allowed in exercise text." in output
    assert "exercises/demo/pasted.yaml → model_answers: a javascript: link" in output


def test_the_accessibility_statement_is_built_linked_and_lists_the_known_issues(site_dir: Path) -> None:
    import yaml

    page = (site_dir / "accessibility" / "index.html").read_text(encoding="utf-8")
    for heading in ("How accessible this website is", "What to do if you cannot access parts of this website",
                    "Reporting accessibility problems with this website", "Enforcement procedure",
                    "Technical information about this website", "Non-accessible content", "How we test this website",
                    "Preparation of this accessibility statement"):
        assert heading in page, heading
    assert "run by the reflective-supervision project" in page
    assert "Equality Advisory and Support Service (EASS)" in page and "is not a public sector body" in page
    data = yaml.safe_load((ROOT / "data" / "accessibility.yaml").read_text(encoding="utf-8"))
    prepared = data["prepared"]
    assert f"This statement was prepared on {prepared.day} {prepared:%B %Y}." in page
    assert page.count("<strong>Who it affects:</strong>") == len(data["known_issues"]) > 0
    assert "partially compliant" in page
    privacy = (site_dir / "privacy" / "index.html").read_text(encoding="utf-8")
    assert 'href="../accessibility/"' in privacy
    assert re.search(r'<a href="[^"]*accessibility/"[^>]*class="md-nav__link"', privacy) or \
        re.search(r'class="md-nav__link"[^>]*href="[^"]*accessibility/"', privacy)
