"""Organisation overlays without a build: every check names the key and the fix; links, navigation, upgrades."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from macros.contrast import contrast
from macros.errors import ContentError
from macros.handouts import module_source
from macros.markdown_links import reorder_rows, unlink_removed
from macros.organisation import LOCAL_LINK_KEYS, load_organisation
from macros.overlay_nav import own_nav
from macros.strings import default_strings
from macros.upgrade_report import main as upgrade_main
from macros.upgrade_report import report, write_manifest
from tests.helpers import EXAMPLE, ROOT


def copy_example(tmp_path: Path, change=None) -> Path:
    """A copy of the example's overlay folder, with its organisation.yaml changed by `change(data)`."""
    folder = tmp_path / "copy"
    shutil.copytree(EXAMPLE, folder)
    if change:
        path = folder / "organisation.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def problems(tmp_path: Path, change) -> str:
    folder = copy_example(tmp_path, change)
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    return str(caught.value)


def test_the_example_overlay_loads() -> None:
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    assert organisation.name == "Glenbarra Council"
    assert {"learning-from-reviews", "seven-eyed-model"} <= set(organisation.excluded_modules)
    assert organisation.modules[1] == "good-supervision"
    assert organisation.strings["flag_for_supervision"] == "Bring this to my next supervision session"
    assert organisation.strings["clear_answers"] == default_strings()["clear_answers"]


def test_wcag_contrast_ratios() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
    assert contrast("#1b5962", "#ffffff") >= 4.5


def test_unknown_key_is_named_with_a_suggestion(tmp_path: Path) -> None:
    message = problems(tmp_path, lambda d: d.update(helpline=["x"]))
    assert 'organisation.yaml → (top level): unknown key "helpline" (did you mean "helplines"?)' in message


def test_unknown_nested_key_and_bad_colour(tmp_path: Path) -> None:
    message = problems(tmp_path, lambda d: d["colours"].update(primry="#000000", accent="blue"))
    assert 'organisation.yaml → colours: unknown field "primry"' in message
    assert "organisation.yaml → colours.accent: 'blue' is not a colour" in message


def test_missing_logo_and_page_files_are_named(tmp_path: Path) -> None:
    def change(d):
        d["logo"] = "assets/nowhere.svg"
        d["pages"].append("glenbarra/missing.md")
    message = problems(tmp_path, change)
    assert "organisation.yaml → logo: the file assets/nowhere.svg does not exist" in message
    assert "organisation.yaml → pages[2]: the page pages/glenbarra/missing.md does not exist" in message


def test_unknown_module_suggests_the_right_name(tmp_path: Path) -> None:
    message = problems(tmp_path, lambda d: d["modules"].append("seven-eyed"))
    assert "modules[12]: there is no module 'seven-eyed'" in message and "Did you mean: seven-eyed-model?" in message


def test_brand_colours_failing_wcag_aa_are_errors_with_the_fix(tmp_path: Path) -> None:
    def change(d):
        d["colours"] = {"primary": "#ffcc00", "primary_text": "#ffffff", "accent": "#999999"}
    message = problems(tmp_path, change)
    assert (
        "colours.primary: #ffcc00 against colours.primary_text (#ffffff) has contrast 1.51:1, below the WCAG AA "
        "minimum of 4.5:1" in message
    )
    assert "colours.accent: #999999 against the white page" in message and "Fix: choose a darker colour." in message


def test_a_pale_primary_fails_even_with_dark_header_text_and_its_own_link_colour(tmp_path: Path) -> None:
    """The primary colour is also text on white (exercise labels, secondary buttons): a pale one fails."""
    def change(d):
        d["colours"] = {"primary": "#ffcc00", "primary_text": "#000000", "link": "#0b5d50"}
    message = problems(tmp_path, change)
    assert "colours.primary: #ffcc00 against the white page (#ffffff) has contrast 1.51:1" in message
    assert "colours.link" not in message and "primary_text" not in message


def test_own_page_linking_to_an_excluded_module_fails(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    page = folder / "pages" / "glenbarra" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nSee [the seven eyes](../modules/seven-eyed-model.md#x).\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    message = str(caught.value)
    assert "pages/glenbarra/index.md → line" in message
    assert (
        "links to modules/seven-eyed-model.md, which this copy leaves out; remove the link, or include the "
        "module by adding seven-eyed-model to modules:" in message
    )


def own_page_problems(tmp_path: Path, markdown: str, page: str = "index.md") -> tuple[str, int]:
    """The message for a copy of the example whose page pages/glenbarra/<page> ends with the given Markdown,
    and the line number where that Markdown starts."""
    folder = copy_example(tmp_path)
    path = folder / "pages" / "glenbarra" / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n" + markdown, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    return str(caught.value), text.count("\n") + 2


def test_own_page_raw_html_link_to_an_excluded_module_fails(tmp_path: Path) -> None:
    message, line = own_page_problems(
        tmp_path, 'See <a class="x" href="../modules/seven-eyed-model/">the seven eyes</a>.\n'
    )
    assert (
        f"pages/glenbarra/index.md → line {line}, link ../modules/seven-eyed-model/: links to "
        "modules/seven-eyed-model.md, "
        "which this copy leaves out; remove the link, or include the module by adding seven-eyed-model to modules:"
    ) in message


def test_own_page_reference_style_link_to_an_excluded_module_fails(tmp_path: Path) -> None:
    message, line = own_page_problems(
        tmp_path, "See [the seven eyes][eyes].\n\n[eyes]: ../modules/seven-eyed-model.md#modes \"Seven eyes\"\n"
    )
    assert (
        f"pages/glenbarra/index.md → line {line + 2}, link ../modules/seven-eyed-model.md#modes: links to "
        "modules/seven-eyed-model.md" in message
    )


def test_own_page_folder_style_links_to_excluded_pages_fail(tmp_path: Path) -> None:
    message, line = own_page_problems(
        tmp_path,
        "See [reviews](../../modules/learning-from-reviews/) and "
        "[its handouts](../handouts/learning-from-reviews/index.html).\n",
        page="support.md",
    )
    assert (f"pages/glenbarra/support.md → line {line}, link ../../modules/learning-from-reviews/: links to "
            "modules/learning-from-reviews.md, which this copy leaves out") in message
    assert (
        "link ../handouts/learning-from-reviews/index.html: links to handouts/learning-from-reviews.md, which "
        "this copy "
        "leaves out; remove the link, or include the module by adding learning-from-reviews to modules:"
    ) in message


def test_own_page_links_to_kept_pages_and_code_examples_pass(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    page = folder / "pages" / "glenbarra" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<a href="../modules/supervision-models/">Models</a>\n\n'
        "[models]: ../modules/supervision-models.md\n\n```html\n<a href=\"../modules/seven-eyed-model/\">x</a>\n```\n",
        encoding="utf-8",
    )
    assert load_organisation(folder / "organisation.yaml", ROOT).name == "Glenbarra Council"


def guide_section(heading: str) -> str:
    """A section of docs/hosting.md, from its heading to the next heading of the same level."""
    guide = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    level = heading.split(" ")[0]
    return guide.split(f"\n{heading}\n", 1)[1].split(f"\n{level} ", 1)[0]


def leaf_keys(data: dict, prefix: str = "") -> list[str]:
    """Dotted names of a mapping's settings (theme.custom_dir); a list counts as one setting."""
    keys = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        keys += leaf_keys(value, f"{name}.") if isinstance(value, dict) else [name]
    return keys


def test_the_guide_names_every_setting_of_the_examples_mkdocs_yml() -> None:
    steps = guide_section("## Make an adapted copy")
    settings = leaf_keys(yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")))
    assert "copyright" in settings and "INHERIT" in settings
    assert [name for name in settings if f"`{name}`" not in steps] == []
    assert "adapted by Glenbarra Council" in steps


def test_the_guide_starts_from_the_template_and_says_how_to_start_from_the_example() -> None:
    steps = guide_section("## Make an adapted copy").split("### The overlay file")[0]
    start = steps.index('make new-copy DIR=examples/my-council NAME="My Council"')
    assert start < steps.index("mkdocs build --strict") and "a strict build stops until every field is filled" in steps
    removal = steps.index("rm -r examples/my-council/pages/glenbarra examples/my-council/pages/index.md "
                          "examples/my-council/assets/glenbarra-logo.svg")
    assert removal < steps.index("macros.upgrade_report examples/my-council --record")
    assert "NO_MKDOCS_2_WARNING=1" in steps
    assert "We recommend a home page of your own (`pages/index.md`)" in guide_section("### Your own pages")


def test_the_guide_serves_the_copys_site_and_replaces_it_on_each_publish() -> None:
    publish = guide_section("## Publish the site")
    assert "cp -r site" not in publish and "macros.csp site/" not in publish
    assert "sudo rsync -a --delete examples/my-council/site/ /var/www/reflective-supervision/site/" in publish
    assert ".venv/bin/python -m macros.csp examples/my-council/site/" in publish
    assert "root /var/www/reflective-supervision/site;" in (ROOT / "hosting" / "nginx.conf").read_text(encoding="utf-8")


def test_local_links_must_be_web_addresses_or_own_pages(tmp_path: Path) -> None:
    message = problems(tmp_path, lambda d: d["local_links"].update(lone_working="glenbarra/nowhere.md"))
    assert "local_links.lone_working: 'glenbarra/nowhere.md' is not one of your pages" in message


def test_unknown_interface_string_is_an_error(tmp_path: Path) -> None:
    message = problems(tmp_path, lambda d: d["strings"].update(clear_answer="Wipe"))
    assert "strings.clear_answer: unknown string. Did you mean: clear_answers," in message


def test_links_to_left_out_pages_become_plain_text() -> None:
    removed = {"modules/seven-eyed-model.md"}
    text, unlinked = unlink_removed("See [the model](seven-eyed-model.md#modes) and [models](supervision-models.md).\n"
                                    "```\n[code](seven-eyed-model.md)\n```", "modules/x.md", removed)
    assert text.startswith("See the model and [models](supervision-models.md).")
    assert "[code](seven-eyed-model.md)" in text and unlinked == ["modules/seven-eyed-model.md"]
    pointer = "The model builds on this (see [The seven-eyed model](seven-eyed-model.md)). Also (see [B](b.md))."
    text, unlinked = unlink_removed(pointer, "modules/x.md", removed)
    assert text == "The model builds on this. Also (see [B](b.md))." and unlinked == ["modules/seven-eyed-model.md"]
    table = "| 1 | [A](a.md) | x |\n| 2 | [Seven](seven-eyed-model.md) | y |"
    assert unlink_removed(table, "modules/index.md", removed, drop_rows=True)[0] == "| 1 | [A](a.md) | x |"


def test_lists_of_modules_drop_left_out_items_and_follow_the_copys_order() -> None:
    removed = {"handouts/seven-eyed-model.md"}
    listing = ("Choose a module:\n\n- [Alpha](alpha.md)\n- [Seven](seven-eyed-model.md)\n- [Beta](beta.md)\n"
               "- [Gamma](gamma.md)\n\nAfter.")
    text, unlinked = unlink_removed(listing, "handouts/index.md", removed, drop_rows=True)
    assert unlinked == ["handouts/seven-eyed-model.md"]
    assert reorder_rows(text, "handouts/index.md", ["gamma", "alpha", "beta"]) == (
        "Choose a module:\n\n- [Gamma](gamma.md)\n- [Alpha](alpha.md)\n- [Beta](beta.md)\n\nAfter.")


def test_module_table_follows_the_copys_order_and_renumbers_positions_only() -> None:
    table = ("| # | Module | SSSC resource |\n|---|---|---|\n| 1 | [Alpha](alpha.md) | 1 |\n"
             "| 2 | [Beta](beta.md) | ours |\n| 3 | [Gamma](gamma.md) | 3 |")
    assert reorder_rows(table, "modules/index.md", ["gamma", "alpha", "beta"]).split("\n")[2:] == [
        "| 1 | [Gamma](gamma.md) | 3 |", "| 2 | [Alpha](alpha.md) | 1 |", "| 3 | [Beta](beta.md) | ours |"]


def test_upstream_lists_of_modules_have_no_self_link() -> None:
    handouts = (ROOT / "docs" / "handouts" / "index.md").read_text(encoding="utf-8")
    assert "](index.md)" not in handouts and "](../modules/index.md)" in handouts


def test_every_local_link_key_is_used_by_a_module() -> None:
    modules = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "modules").glob("*.md"))
    assert [key for key in LOCAL_LINK_KEYS if f'local_link("{key}")' not in modules] == []


def test_interface_strings_name_no_module_a_copy_may_leave_out() -> None:
    titles = [module_source(p)[0] for p in (ROOT / "docs" / "modules").glob("*.md") if p.name != "index.md"]
    assert [
        (key, title) for key, text in default_strings().items() for title in titles if title.lower() in text.lower()
    ] == []


def test_navigation_follows_the_organisations_choice_and_order() -> None:
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    nav = own_nav(organisation, [{"Home": "index.md"}, {"Modules": ["modules/index.md", "modules/seven-eyed-model.md"]},
                                 {"Authoring": ["authoring/index.md"]}, {"Privacy": "privacy.md"}])
    assert nav[0] == {"Home": "index.md"}
    assert nav[1] == {"At Glenbarra": ["glenbarra/index.md", "glenbarra/support.md"]}
    assert nav[2]["Modules"][:3] == [
        "modules/index.md",
        "modules/what-is-supervision.md",
        "modules/good-supervision.md",
    ]
    assert "modules/seven-eyed-model.md" not in nav[2]["Modules"]
    assert nav[3:] == [{"Privacy": "privacy.md"}]


def make_upstream(root: Path) -> Path:
    upstream = root / "upstream"
    for path, text in {
        "docs/modules/index.md": "# Modules\n",
        "docs/modules/alpha.md": '# Alpha\n{{ exercise("alpha-journal") }}\n',
        "docs/modules/beta.md": "# Beta\n",
        "docs/index.md": "# Home\n",
        "exercises/alpha/alpha-journal.yaml": "kind: reflection\n",
        "data/support.yaml": "- x\n",
    }.items():
        (upstream / path).parent.mkdir(parents=True, exist_ok=True)
        (upstream / path).write_text(text, encoding="utf-8")
    return upstream


def test_upgrade_report_lists_what_changed_since_the_recorded_version(tmp_path: Path, capsys) -> None:
    upstream = make_upstream(tmp_path)
    copy = tmp_path / "copy"
    (copy / "pages").mkdir(parents=True)
    (copy / "organisation.yaml").write_text("name: Test\nmodules: [alpha]\n", encoding="utf-8")
    (copy / "pages" / "index.md").write_text("# Our home\n", encoding="utf-8")
    assert upgrade_main([str(copy), "--upstream", str(upstream), "--record"]) == 0
    manifest = json.loads((copy / "upstream-manifest.json").read_text(encoding="utf-8"))
    assert "docs/modules/alpha.md" in manifest["files"] and len(manifest["files"]) == 6
    assert report(copy, upstream)[1] is False

    (upstream / "docs/modules/alpha.md").write_text(
        '# Alpha, revised\n{{ exercise("alpha-journal") }}\n{{ exercise("alpha-quiz") }}\n', encoding="utf-8"
    )
    (upstream / "docs/modules/beta.md").write_text("# Beta, revised\n", encoding="utf-8")
    (upstream / "exercises/alpha/alpha-journal.yaml").write_text("kind: reflection\ntitle: New\n", encoding="utf-8")
    (upstream / "exercises/alpha/alpha-quiz.yaml").write_text("kind: knowledge-check\n", encoding="utf-8")
    (upstream / "docs/index.md").write_text("# Home, revised\n", encoding="utf-8")
    assert upgrade_main([str(copy), "--upstream", str(upstream), "--check"]) == 1
    text = capsys.readouterr().out
    assert "changed  alpha  [in your copy]" in text
    assert "changed  beta  [not in your copy]" in text
    assert "changed  alpha-journal (module alpha)  [in your copy]" in text
    assert "added    alpha-quiz (module alpha)  [in your copy]" in text
    assert "changed  index.md  [YOU REPLACE THIS PAGE" in text
    assert "make example" not in text and "build your copy (mkdocs build --strict in " in text
    write_manifest(copy / "upstream-manifest.json", upstream)
    assert report(copy, upstream)[1] is False


def test_upgrade_report_without_a_manifest_says_how_to_record(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "organisation.yaml").write_text("name: Test\n", encoding="utf-8")
    text, changed = report(copy, make_upstream(tmp_path))
    assert changed and "--record" in text


def test_upgrade_report_places_an_exercise_by_the_pages_that_use_it(tmp_path: Path, capsys) -> None:
    upstream = make_upstream(tmp_path)
    (upstream / "exercises/beta/beta-balance.yaml").parent.mkdir(parents=True)
    (upstream / "exercises/beta/beta-balance.yaml").write_text("kind: reflection\n", encoding="utf-8")
    (upstream / "docs/modules/beta.md").write_text('# Beta\n{{ exercise("alpha-journal") }}\n', encoding="utf-8")
    (upstream / "docs/modules/alpha.md").write_text('# Alpha\n{{ exercise("beta-balance") }}\n', encoding="utf-8")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "organisation.yaml").write_text("name: Test\nmodules: [alpha]\n", encoding="utf-8")
    assert upgrade_main([str(copy), "--upstream", str(upstream), "--record"]) == 0
    for path in ("exercises/beta/beta-balance.yaml", "exercises/alpha/alpha-journal.yaml"):
        (upstream / path).write_text("kind: reflection\ntitle: Revised\n", encoding="utf-8")
    upgrade_main([str(copy), "--upstream", str(upstream)])
    text = capsys.readouterr().out
    assert "changed  beta-balance (module beta)  [in your copy]" in text
    assert "changed  alpha-journal (module alpha)  [not in your copy]" in text


def test_upgrade_report_finds_the_overlay_the_copys_mkdocs_yml_names(tmp_path: Path, capsys, monkeypatch) -> None:
    upstream = make_upstream(tmp_path)
    (upstream / "mkdocs.yml").write_text(
        "plugins:\n  - offline:\n      enabled: !ENV [RS_OFFLINE, false]\nextra:\n  generator: false\n",
        encoding="utf-8",
    )
    copy = tmp_path / "copy"
    (copy / "settings").mkdir(parents=True)
    (copy / "mkdocs.yml").write_text(
        "INHERIT: ../upstream/mkdocs.yml\nextra:\n"
        "  organisation_file: !ENV [RS_TEST_OVERLAY, settings/our-council.yaml]\n",
        encoding="utf-8",
    )
    (copy / "settings" / "our-council.yaml").write_text(
        "name: Test\nmodules: [beta]\nupstream_manifest: recorded.json\n", encoding="utf-8"
    )
    (copy / "organisation.yaml").write_text("name: Not used\nmodules: [alpha]\n", encoding="utf-8")
    monkeypatch.delenv("RS_TEST_OVERLAY", raising=False)
    assert upgrade_main([str(copy), "--upstream", str(upstream), "--record"]) == 0
    assert (copy / "settings" / "recorded.json").is_file() and not (copy / "upstream-manifest.json").exists()
    assert report(copy, upstream)[1] is False

    for name in ("alpha", "beta"):
        (upstream / f"docs/modules/{name}.md").write_text(f"# {name}, revised\n", encoding="utf-8")
    assert upgrade_main([str(copy), "--upstream", str(upstream)]) == 0
    text = capsys.readouterr().out
    assert "(manifest recorded.json," in text
    assert "changed  beta  [in your copy]" in text and "changed  alpha  [not in your copy]" in text


def test_upgrade_report_names_a_missing_organisation_file_and_the_fix(tmp_path: Path, capsys) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "mkdocs.yml").write_text("extra:\n  organisation_file: settings/gone.yaml\n", encoding="utf-8")
    assert upgrade_main([str(copy), "--upstream", str(make_upstream(tmp_path))]) == 2
    message = capsys.readouterr().err
    assert "mkdocs.yml → extra.organisation_file: there is no file settings/gone.yaml" in message
    assert "Fix the path, or remove the setting" in message and "Traceback" not in message
