"""The overlay is configuration, not code: its values are text (escaped wherever they land) unless documented
as Markdown, its links are https:, mailto:, tel: or the site's own pages, and every file it publishes (the logo,
the pages folder and the files in it) is really inside the copy's folder, with an SVG logo free of code and of
references to other files or hosts. Attack inputs: tests/fixtures/hostile/."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.errors import ContentError
from macros.organisation import load_organisation
from macros.overlay_nav import own_nav
from macros.safe_markdown import html_text, markdown_fill, markdown_text
from tests.helpers import EXAMPLE, ROOT, mkdocs_build
from tests.hosting.test_overlay import copy_example

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def hostile(name: str) -> dict:
    return yaml.safe_load((HOSTILE / name).read_text(encoding="utf-8"))


def merged(name: str):
    """A change for copy_example: the fixture's keys replace the example overlay's."""
    return lambda data: data.update(hostile(name))


def problems_of(folder: Path, **options) -> str:
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT, **options)
    return str(caught.value)


# --- 14. Values are text; links are https:, mailto:, tel: or the site's own pages --------------------------------

def test_text_values_become_characters_in_markdown_and_html() -> None:
    import markdown
    value = '<script>alert(1)</script> & [Co](javascript:alert(1)) *Ltd* {: onclick="x"}'
    rendered = markdown.markdown(f"Hello {markdown_text(value)}", extensions=["attr_list", "tables", "md_in_html"])
    assert rendered == f"<p>Hello {html.escape(value, quote=False)}</p>"
    assert "<" not in html_text(value) and '"' not in html_text(value) and "&lt;script&gt;" in html_text(value)
    assert markdown_fill("<b>email</b> {address}", address="[a](mailto:a@b.example)") == \
        "&lt;b&gt;email&lt;/b&gt; [a](mailto:a@b.example)"


def test_the_navigation_heading_for_own_pages_is_text() -> None:
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    organisation.data["pages_section"] = hostile("organisation-injection.yaml")["pages_section"]
    section = own_nav(organisation, [{"Home": "index.md"}])[1]
    assert list(section) == ["&lt;img src=x onerror=alert(&#34;nav&#34;)&gt;Our pages"]


def test_links_and_markdown_fields_allow_only_safe_targets_and_no_html(tmp_path: Path) -> None:
    message = problems_of(copy_example(tmp_path, merged("organisation-refused.yaml")))
    assert ("organisation.yaml → contacts[0].url: 'javascript:alert(document.domain)' is not a link the site can use. "
            "Use an https:// address, or a mailto: or tel: link, with no spaces, quotes or brackets.") in message
    assert "organisation.yaml → contacts[0].email: 'a@b.example)<script>' is not an e-mail address." in message
    assert "organisation.yaml → contacts[1].url: 'https://ok.example/a page\" onclick=\"x' is not a link" in message
    assert ("organisation.yaml → helplines[0]: holds raw HTML, which is not shown. Write it in Markdown instead: "
            "**bold**, [words](https://…), and no <tags>.") in message
    assert ("organisation.yaml → local_links.supervision_policy: 'javascript:alert(1)' is not a link the site can use. "
            "Use an https:// address, a mailto: or tel: link, or the path of one of your own pages") in message
    assert "organisation.yaml → local_links.lone_working: '//attacker.example/lone-working' is not a link" in message
    assert (
        "organisation.yaml → local_links.data_protection: 'https://intranet.example/a\" onmouseover=\"x' is not a link"
        in message
    )


def test_markdown_fields_are_checked_for_what_a_pattern_cannot_see(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["helplines"] = hostile("organisation-refused.yaml")["helplines"][1:]
    message = problems_of(copy_example(tmp_path, change))
    assert ("organisation.yaml → helplines[0]: a javascript: link (javascript:alert(1)) is not allowed in a helpline. "
            "Use https:// addresses, mailto: and tel: links and pages of the site.") in message
    assert (
        "organisation.yaml → helplines[1]: a http: link (http://eap.example/) is not allowed in a helpline." in message
    )
    assert (
        "organisation.yaml → helplines[2]: an event-handler attribute (onclick=) on <a> is not allowed in a helpline."
        in message
    )
    assert "helplines[3]" not in message  # tel:, mailto: and https: links are fine


def test_the_schema_documents_which_values_are_text_and_which_markdown() -> None:
    schema = (ROOT / "data" / "organisation.schema.json").read_text(encoding="utf-8")
    assert "Every value is text unless its description says Markdown" in schema
    assert "Markdown is allowed (**bold**, [words](https://…)) but no raw HTML" in schema


@pytest.mark.build
def test_hostile_text_in_the_overlay_is_shown_as_text_on_every_page(tmp_path: Path) -> None:
    """One build of the example copy with the hostile text merged in: it builds (the build refuses any inline
    code, macros/csp.py), and the name, contacts, navigation heading and strings show as written."""
    # A demonstration copy under another name: it keeps the example's material on purpose (keeps:).
    folder = copy_example(tmp_path, lambda data: (merged("organisation-injection.yaml")(data),
                                                  data.update(keeps=["example-material"])))
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("../..", str(ROOT))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    page = folder / "pages" / "glenbarra" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWelcome to {{ organisation_name() }}.\n", encoding="utf-8")
    result = mkdocs_build(folder, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "out"
    own = (site / "glenbarra" / "index.html").read_text(encoding="utf-8")
    values = hostile("organisation-injection.yaml")
    contact = values["contacts"][0]
    for text in (values["name"], contact["name"], contact["role"], contact["phone"]):
        assert html.escape(text, quote=False) in own, text
    assert "<b onmouseover" not in own and "<iframe" not in own and not re.search(r'<a\b[^>]*href="javascript:', own)
    assert "&lt;img src=x onerror=alert(3)&gt;web page</a>" in own and "&lt;svg onload=alert(5)&gt; email" in own
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;hosted&#34;)&lt;/script&gt; Hosted by Evil &lt;script&gt;" in home
    assert "&lt;img src=x onerror=alert(&#34;nav&#34;)&gt;Our pages" in home
    module = (site / "modules" / "what-is-supervision" / "index.html").read_text(encoding="utf-8")
    assert (
        '<a href="https://intranet.glenbarra.example/policies/social-work-supervision">&lt;a '
        'href="javascript:alert(1)" '
        'onclick="alert(2)"&gt;policy&lt;/a&gt;</a>'
    ) in module
    scripts = [s for p in site.rglob("*.html") if p.parts[len(site.parts)] != "lab"
               for s in re.findall(r"<script[^>]*>[^<]*alert", p.read_text(encoding="utf-8"))]
    assert scripts == []


# --- 15. Every published file is inside the copy's folder ----------------------------------------------------

def test_paths_outside_the_copys_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "secret-logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    folder = copy_example(tmp_path / "organisations", merged("organisation-escape.yaml"))
    message = problems_of(folder)
    assert (f"organisation.yaml → logo: ../../secret-logo.svg is {tmp_path / 'secret-logo.svg'}, outside the copy's "
            f"folder ({folder}). Copy the logo file into the folder (for example assets/logo.svg)") in message
    assert (
        f"organisation.yaml → pages_dir: /etc is /etc, outside the copy's folder ({folder}). Move your pages into a "
        "folder inside it (for example pages/)"
    ) in message
    assert "the build publishes only files from the copy's own folder." in message
    assert (f"organisation.yaml → upstream_manifest: ../../../manifest.json is {tmp_path.parent / 'manifest.json'}, "
            "outside the copy's folder") in message


def test_a_symlinked_logo_pointing_at_a_secret_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    folder = copy_example(tmp_path, lambda data: data.update(logo="assets/logo.png"))
    (folder / "assets" / "logo.png").symlink_to(secret)
    message = problems_of(folder)
    assert (
        f"organisation.yaml → logo: assets/logo.png is a symbolic link to {secret}, outside the copy's folder"
        in message
    )


def test_a_symlinked_page_or_pages_folder_pointing_outside_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n", encoding="utf-8")
    folder = copy_example(tmp_path)
    (folder / "pages" / "glenbarra" / "leak.md").symlink_to(secret)
    message = problems_of(folder)
    assert (
        f"pages/glenbarra/leak.md → (the file): is a symbolic link to {secret}, outside the copy's folder ({folder}). "
        "Copy the file into the pages folder instead of linking to it"
    ) in message
    (folder / "pages" / "glenbarra" / "leak.md").unlink()
    shutil.move(folder / "pages", tmp_path / "elsewhere")
    (folder / "pages").symlink_to(tmp_path / "elsewhere")
    message = problems_of(folder)
    assert (
        f"organisation.yaml → pages_dir: pages is a symbolic link to {tmp_path / 'elsewhere'}, outside the "
        "copy's folder" in message
    )


def test_links_inside_the_copys_folder_and_hidden_files_are_fine(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    (folder / "pages" / "glenbarra" / "again.md").symlink_to(folder / "pages" / "glenbarra" / "index.md")
    (folder / "pages" / ".env").write_text("TOKEN=not-published\n", encoding="utf-8")
    organisation = load_organisation(folder / "organisation.yaml", ROOT)
    assert "glenbarra/again.md" in organisation.own_files and ".env" not in organisation.own_files


def test_the_copys_folder_is_where_its_mkdocs_yml_is(tmp_path: Path) -> None:
    """An overlay kept in a subfolder may use files anywhere in the copy's folder, and nothing above it."""
    folder = copy_example(tmp_path)
    (folder / "settings").mkdir()
    data = yaml.safe_load((folder / "organisation.yaml").read_text(encoding="utf-8"))
    data.update(logo="../assets/glenbarra-logo.svg", pages_dir="../pages")
    (folder / "settings" / "ours.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_organisation(folder / "settings" / "ours.yaml", ROOT, folder=folder).logo is not None
    with pytest.raises(ContentError, match="outside the copy's folder"):
        load_organisation(folder / "settings" / "ours.yaml", ROOT)


def test_an_svg_logo_with_code_or_outside_references_is_refused(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    shutil.copy(HOSTILE / "evil-logo.svg", folder / "assets" / "glenbarra-logo.svg")
    message = problems_of(folder)
    logo = "organisation.yaml → logo: assets/glenbarra-logo.svg: "
    for problem in ("it loads a stylesheet from another file (<?xml-stylesheet?>)",
                    "<svg> has an event-handler attribute (onload=), which runs code",
                    "it holds a <script> element, which can run code or show another document",
                    "<a href=...> holds a javascript: link, which runs code",
                    '<image href="file:///etc/passwd"> refers to another file or host',
                    '<use href="other.svg#shape"> refers to another file or host',
                    "it holds a <foreignObject> element", "it holds an HTML element (<div>)",
                    "<set> animates the onmouseover attribute",
                    "<rect style=...> refers to another file or host (url('//attacker.example/x'))",
                    "its <style> refers to another file or host (@import)"):
        assert logo + problem in message, problem
    assert "Save the logo again as a plain SVG" in message
    assert 'fill="url(#ok)"' not in message and "#ok" not in message


@pytest.mark.parametrize(("svg", "problem"), [
    ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "it declares a document type or an entity"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "it declares a document type or an entity"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><g>', "it is not well-formed XML"),
    ("<html><body>Logo</body></html>", "the file is not an SVG image (its first element is <html>)"),
])
def test_an_svg_logo_with_entities_or_not_an_svg_is_refused(tmp_path: Path, svg: str, problem: str) -> None:
    folder = copy_example(tmp_path)
    (folder / "assets" / "glenbarra-logo.svg").write_text(svg, encoding="utf-8")
    assert f"organisation.yaml → logo: assets/glenbarra-logo.svg: {problem}" in problems_of(folder)


def test_a_png_logo_must_be_a_png(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, lambda data: data.update(logo="assets/logo.png"))
    (folder / "assets" / "logo.png").write_text("<script>alert(1)</script>", encoding="utf-8")
    assert "organisation.yaml → logo: assets/logo.png is not a PNG image." in problems_of(folder)
    (folder / "assets" / "logo.png").write_bytes(PNG)
    assert load_organisation(folder / "organisation.yaml", ROOT).logo.name == "logo.png"
