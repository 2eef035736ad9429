"""The example adapted copy (examples/glenbarra-council) builds strictly with its branding, its choice of
modules and its own pages; modules it leaves out are nowhere: not in navigation, search, sitemap or links."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from macros.organisation import load_organisation
from tests.helpers import ROOT, mkdocs_build
from tests.hosting.conftest import EXAMPLE

pytestmark = pytest.mark.build

EXCLUDED = ("learning-from-reviews", "seven-eyed-model")
HREF = re.compile(r'href="([^"]+)"')


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_branding_shows(example_site_dir: Path) -> None:
    home = (example_site_dir / "index.html").read_text(encoding="utf-8")
    assert "Glenbarra Council – Reflective supervision</title>" in home
    assert 'src="assets/organisation/logo.svg"' in home
    assert 'href="assets/organisation/brand.css"' in home
    assert "Hosted by Glenbarra Council." in home
    css = (example_site_dir / "assets" / "organisation" / "brand.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b5d50;" in css and "--md-accent-fg-color: #9c4a1a;" in css
    assert (example_site_dir / "assets" / "organisation" / "logo.svg").read_bytes() == (EXAMPLE / "assets" / "glenbarra-logo.svg").read_bytes()
    assert '<meta name="rs-storage" content="glenbarra-reflective-supervision">' in home


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
            if any(f"{module}/" in href or f"{module}.md" in href for module in EXCLUDED) or "authoring/" in href or "hosting/" in href:
                bad.append(f"{page.relative_to(example_site_dir)}: {href}")
    assert bad == []
    # The text of a link to a left-out module stays, as plain words.
    supporting = (example_site_dir / "modules" / "supporting-supervisors" / "index.html").read_text(encoding="utf-8")
    assert "seven-eyed" in supporting.lower()


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
    assert ('<a href="https://intranet.glenbarra.example/policies/social-work-supervision">'
            "your organisation&rsquo;s supervision policy</a>") in module or \
           '<a href="https://intranet.glenbarra.example/policies/social-work-supervision">your organisation\'s supervision policy</a>' in module
    assert 'href="../../glenbarra/support/#employee-assistance"' in module
    wellbeing = (example_site_dir / "modules" / "wellbeing-and-resilience" / "index.html").read_text(encoding="utf-8")
    assert "Glenbarra Council&#39;s Employee Assistance Programme" in wellbeing or "Glenbarra Council's Employee Assistance Programme" in wellbeing
    assert "Bring this to my next supervision session" in wellbeing


def test_without_an_overlay_local_links_are_neutral_words(site_dir: Path) -> None:
    module = (site_dir / "modules" / "what-is-supervision" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Look at your organisation(&rsquo;|'|&#39;)s supervision policy\.", module)
    assert "Bring this to my next supervision</label>" in (site_dir / "modules" / "wellbeing-and-resilience" / "index.html").read_text(encoding="utf-8")


def test_a_bad_overlay_stops_the_build_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(EXAMPLE, folder)
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("../..", str(ROOT))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    overlay = folder / "organisation.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace('primary: "#0b5d50"', 'primary: "#7fb8b0"') + "\nhelpline: []\n", encoding="utf-8")
    result = mkdocs_build(folder, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert 'organisation.yaml → (top level): unknown key "helpline"' in output
    assert "Traceback" not in output
