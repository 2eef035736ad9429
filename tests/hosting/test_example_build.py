"""The example adapted copy (examples/glenbarra-council) builds strictly with its branding, its choice of
modules and its own pages; modules it leaves out are nowhere: not in navigation, search, sitemap or links."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.handouts import module_source
from macros.organisation import load_organisation
from macros.upgrade_report import main as upgrade_main
from macros.upgrade_report import report
from tests.helpers import EXAMPLE, ROOT, mkdocs_build_in_process

pytestmark = pytest.mark.build

EXCLUDED = ("learning-from-reviews", "seven-eyed-model")
HREF = re.compile(r'href="([^"]+)"')
# A copy like the reviewer's: six modules in an order of its own, kept outside the upstream folder.
SIX = ["supervision-models", "what-is-supervision", "wellbeing-and-resilience", "good-supervision",
       "managing-boundaries", "diversity-and-power"]
PATHS_COMMENT = "# Paths into the upstream repository"
# The tests of the six-module copy share its build (a module fixture): in parallel runs, one worker runs them all.
SIX_MODULE_GROUP = pytest.mark.xdist_group("six-module-copy")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_example_has_a_home_page_of_its_own(example_site_dir: Path) -> None:
    home = article(example_site_dir / "index.html")
    assert "Reflective supervision at Glenbarra" in home and "in twelve short modules" not in home
    assert "authoring" not in home.lower() and "adapted copy" not in home


def test_the_accessibility_statement_is_the_councils_own(example_site_dir: Path) -> None:
    page = (example_site_dir / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "run by Glenbarra Council." in page
    assert ('Glenbarra Council Digital Services: <a href="mailto:digital.accessibility@glenbarra.example">'
            "digital.accessibility@glenbarra.example</a>") in page
    assert "This statement was prepared on 30 November 2026. It was last reviewed on 4 December 2026." in page
    assert "Equality and Human Rights Commission (EHRC)" in page and "is not a public sector body" not in page
    assert "issue tracker" not in page
    assert "<strong>Who it affects:</strong>" in page


def test_branding_shows(example_site_dir: Path) -> None:
    home = (example_site_dir / "index.html").read_text(encoding="utf-8")
    assert "Glenbarra Council – Reflective supervision</title>" in home
    assert 'src="assets/organisation/logo.svg"' in home
    assert 'href="assets/organisation/brand.css"' in home
    assert "Hosted by Glenbarra Council." in home
    css = (example_site_dir / "assets" / "organisation" / "brand.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b5d50;" in css and "--md-accent-fg-color: #9c4a1a;" in css
    assert (example_site_dir / "assets" / "organisation" / "logo.svg").read_bytes() == (
        EXAMPLE / "assets" / "glenbarra-logo.svg"
    ).read_bytes()
    assert '<meta name="rs-storage" content="glenbarra-reflective-supervision">' in home
    # The home page describes the copy in the copy's words (search results, shared links), not ours.
    head = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8").split("\nextra:", 1)[0]
    description = yaml.safe_load(head)["site_description"]
    assert f'<meta name="description" content="{description}">' in home


def test_the_copys_support_routes_and_policy_links_replace_ours(example_site_dir: Path) -> None:
    overlay = yaml.safe_load((EXAMPLE / "organisation.yaml").read_text(encoding="utf-8"))
    wellbeing = article(example_site_dir / "modules" / "wellbeing-and-resilience" / "index.html")
    assert (
        "Glenbarra Council&rsquo;s Employee Assistance Programme" in wellbeing
        or "Glenbarra Council's Employee Assistance Programme" in wellbeing
    )
    assert (
        "Your employer's Employee Assistance Programme" not in wellbeing
        and "Your employer&rsquo;s Employee Assistance Programme" not in wellbeing
    )
    boundaries = article(example_site_dir / "modules" / "managing-boundaries" / "index.html")
    assert f'href="{overlay["local_links"]["data_protection"]}"' in boundaries


def test_excluded_modules_are_absent_from_pages_navigation_search_and_sitemap(example_site_dir: Path) -> None:
    sitemap = (example_site_dir / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((example_site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    for module in EXCLUDED:
        assert not (example_site_dir / "modules" / module).exists()
        assert not (example_site_dir / "handouts" / module).exists()
        assert module not in sitemap
        assert not [loc for loc in locations if module in loc]
    assert not (example_site_dir / "authoring").exists() and "authoring/" not in sitemap
    assert "modules/good-supervision/" in sitemap


def test_no_page_links_to_a_left_out_page(example_site_dir: Path) -> None:
    bad = []
    for page in html_pages(example_site_dir):
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            if (
                any(f"{module}/" in href or f"{module}.md" in href for module in EXCLUDED)
                or "authoring/" in href
                or "hosting/" in href
            ):
                bad.append(f"{page.relative_to(example_site_dir)}: {href}")
    assert bad == []
    # The text of a link to a left-out module stays, as plain words.
    supporting = (example_site_dir / "modules" / "supporting-supervisors" / "index.html").read_text(encoding="utf-8")
    assert "seven-eyed" in supporting.lower()
    # A bracketed pointer that was only a link, "(see <left-out module>)", goes whole.
    left_out = [title for module, title in titles().items() if module in EXCLUDED]
    pointers = [f"{page.relative_to(example_site_dir)}: (see {title})" for page in html_pages(example_site_dir)
                for title in left_out if f"(see {title})" in page.read_text(encoding="utf-8")]
    assert len(left_out) == len(EXCLUDED) and pointers == []


def test_navigation_has_the_chosen_modules_in_order_and_own_pages(example_site_dir: Path) -> None:
    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    home = (example_site_dir / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    positions = [nav.index(f'href="modules/{module}/"') for module in organisation.modules]
    assert positions == sorted(positions)
    assert "At Glenbarra" in nav and 'href="glenbarra/"' in nav and 'href="glenbarra/support/"' in nav


def test_own_pages_use_the_overlay(example_site_dir: Path) -> None:
    page = (example_site_dir / "glenbarra" / "index.html").read_text(encoding="utf-8")
    assert "Workforce Development Team" in page and 'href="mailto:nqsw.support@glenbarra.example"' in page
    assert 'href="https://intranet.glenbarra.example/policies/social-work-supervision"' in page
    index = json.loads((example_site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "glenbarra/" for doc in index["docs"])


def test_local_links_point_to_the_organisation_and_helplines_replace_the_defaults(example_site_dir: Path) -> None:
    module = (example_site_dir / "modules" / "what-is-supervision" / "index.html").read_text(encoding="utf-8")
    assert (
        (
            '<a href="https://intranet.glenbarra.example/policies/social-work-supervision">'
            "your organisation&rsquo;s supervision policy</a>"
        )
        in module
        or '<a href="https://intranet.glenbarra.example/policies/social-work-supervision">your organisation\'s '
        'supervision policy</a>'
        in module
    )
    assert 'href="../../glenbarra/support/#employee-assistance"' in module
    wellbeing = (example_site_dir / "modules" / "wellbeing-and-resilience" / "index.html").read_text(encoding="utf-8")
    assert (
        "Glenbarra Council&#39;s Employee Assistance Programme" in wellbeing
        or "Glenbarra Council's Employee Assistance Programme" in wellbeing
    )
    assert "Bring this to my next supervision session" in wellbeing


def test_without_an_overlay_local_links_are_neutral_words(site_dir: Path) -> None:
    module = (site_dir / "modules" / "what-is-supervision" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Look at your organisation(&rsquo;|'|&#39;)s supervision policy\.", module)
    assert "Bring this to my next supervision</label>" in (
        site_dir / "modules" / "wellbeing-and-resilience" / "index.html"
    ).read_text(encoding="utf-8")


def test_a_bad_overlay_stops_the_build_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(EXAMPLE, folder)
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("../..", str(ROOT))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    overlay = folder / "organisation.yaml"
    overlay.write_text(
        overlay.read_text(encoding="utf-8").replace('primary: "#0b5d50"', 'primary: "#7fb8b0"') + "\nhelpline: []\n",
        encoding="utf-8",
    )
    result = mkdocs_build_in_process(folder, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert 'organisation.yaml → (top level): unknown key "helpline"' in output
    assert "Traceback" not in output


def upstream_path_lines(config: str) -> list[int]:
    """Indexes of the lines docs/hosting.md says to change for a copy kept elsewhere: the block under the
    *Paths into the upstream repository* comment, and lines whose comment names a path into it."""
    lines = config.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(PATHS_COMMENT))
    block = []
    for index in range(start + 1, len(lines)):
        if not lines[index].strip():
            break
        block.append(index)
    return block + [i for i, line in enumerate(lines) if "path into the upstream repository" in line and i not in block]


def follow_the_guide(folder: Path) -> None:
    """Make an adapted copy as docs/hosting.md says: paths, the example's own material removed, an overlay."""
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    upstream = os.path.relpath(ROOT, folder)
    for index in upstream_path_lines("\n".join(config)):
        config[index] = config[index].replace("../..", upstream)
    # Its own names in the settings the guide lists (site_name, copyright, storage_name and the others).
    config_text = "\n".join(config).replace("Glenbarra Council", "Loch Arden Care Trust")
    config_text = config_text.replace("glenbarra", "loch-arden")
    (folder / "mkdocs.yml").write_text(config_text.replace("Glenbarra", "Loch Arden"), encoding="utf-8")
    shutil.rmtree(folder / "pages" / "glenbarra")
    (folder / "pages" / "index.md").unlink()
    (folder / "assets" / "glenbarra-logo.svg").unlink()
    # It keeps our home page on purpose: its tests read how that page follows the copy's modules.
    overlay = {"name": "Loch Arden Care Trust", "colours": {"primary": "#1b5962"}, "keeps": ["our-home-page"],
               "local_links": {"lone_working": "https://intranet.lochand.example/lone-working"}, "modules": SIX,
               "accessibility": {"contact": "https://lochand.example/accessibility", "enforcement": "ecni",
                                 "prepared": "2026-10-01"}}
    (folder / "organisation.yaml").write_text(yaml.safe_dump(overlay, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def six_module_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example kept outside the upstream folder, made by following the guide."""
    folder = tmp_path_factory.mktemp("elsewhere") / "organisations" / "loch-arden"
    shutil.copytree(EXAMPLE, folder)
    follow_the_guide(folder)
    return folder


@pytest.fixture(scope="module")
def six_module_site(six_module_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The six-module copy, built strictly."""
    out = tmp_path_factory.mktemp("six-module-site")
    result = mkdocs_build_in_process(six_module_copy, out)
    assert result.returncode == 0, f"the copy kept elsewhere failed to build:\n{result.stdout}\n{result.stderr}"
    return out


def article(page: Path) -> str:
    """The page's content, without navigation."""
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def titles() -> dict[str, str]:
    """Every upstream module's title, by id."""
    return {p.stem: module_source(p)[0] for p in (ROOT / "docs" / "modules").glob("*.md") if p.name != "index.md"}


def test_every_upstream_path_in_the_example_config_is_under_the_paths_comment() -> None:
    config = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")
    named = upstream_path_lines(config)
    lines = config.split("\n")
    settings = [i for i, line in enumerate(lines) if "../.." in line and not line.lstrip().startswith("#")]
    assert [lines[i] for i in settings if i not in named] == []
    assert any(lines[i].startswith("INHERIT: ../../mkdocs.yml") for i in named)


@SIX_MODULE_GROUP
def test_a_copy_kept_elsewhere_builds_after_changing_the_named_paths(
    six_module_copy: Path, six_module_site: Path
) -> None:
    assert not six_module_copy.is_relative_to(ROOT)
    assert (six_module_site / "modules" / "supervision-models" / "index.html").is_file()
    assert upgrade_main([str(six_module_copy), "--record"]) == 0
    text, changed = report(six_module_copy, ROOT)
    assert not changed, text


@SIX_MODULE_GROUP
def test_the_module_list_follows_the_copys_order(six_module_site: Path) -> None:
    page = article(six_module_site / "modules" / "index.html")
    cards = re.findall(r'<li class="rs-module-card">(.*?)</li>', page, flags=re.S)
    numbers = [re.search(r'rs-module-card__number">(.*?)</span>', card).group(1) for card in cards]
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert [HREF.search(card).group(1) for card in cards] == [f"{module}/" for module in SIX]
    # Each card names its source from the module page's own front matter.
    for module, card in zip(SIX, cards, strict=True):
        meta = yaml.safe_load((ROOT / "docs" / "modules" / f"{module}.md").read_text(encoding="utf-8").split("---")[1])
        expected = (
            "Written for this site" if meta.get("site_authored") else f"SSSC supervisor resource {meta['resource']}"
        )
        assert expected in card, (module, card)


@SIX_MODULE_GROUP
def test_the_handouts_index_lists_only_the_copys_modules_in_its_order(six_module_site: Path) -> None:
    page = article(six_module_site / "handouts" / "index.html")
    choices = page.split("Choose a module")[1].split("</ul>")[0]
    items = re.findall(r"<li>(.*?)</li>", choices, flags=re.S)
    assert [HREF.findall(item) for item in items] == [[f"{module}/"] for module in SIX]
    left_out = [title for module, title in titles().items() if module not in SIX]
    assert [title for title in left_out if title in page] == []


@SIX_MODULE_GROUP
def test_the_home_page_counts_and_lists_only_the_copys_modules(six_module_site: Path, site_dir: Path) -> None:
    page = article(six_module_site / "index.html")
    assert "in six short modules" in page
    items = " ".join(re.findall(r"<li>(.*?)</li>", page, flags=re.S))
    left_out = {module: title for module, title in titles().items() if module not in SIX}
    assert [title for title in left_out.values() if title in items] == []
    assert "in fourteen short modules" in article(site_dir / "index.html")


def test_the_wellbeing_module_links_the_lone_working_policy(example_site_dir: Path) -> None:
    page = (example_site_dir / "modules" / "wellbeing-and-resilience" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://intranet.glenbarra.example/policies/lone-working"' in page


def test_pages_are_british_english_unless_a_copy_sets_another_language(example_site_dir: Path, tmp_path: Path) -> None:
    home = (example_site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in home and "Skip to content" in home
    folder = tmp_path / "welsh"
    shutil.copytree(EXAMPLE, folder)
    follow_the_guide(folder)
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  language: cy\n", 1), encoding="utf-8"
    )
    result = mkdocs_build_in_process(folder, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    welsh = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cy"' in welsh and "Neidio i&#39;r cynnwys" in welsh.replace("'", "&#39;")
