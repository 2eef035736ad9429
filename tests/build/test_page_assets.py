"""Each built page loads one stylesheet of ours, one script bundle with what it uses, the strings it can show;
presenting and the group pulse load on first use; the search index serves readers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.page_assets import COMMENTS

MODULE = "modules/supervision-models/index.html"  # a self-assessment (pulse), knowledge check, reflection
OUR_STYLESHEET = re.compile(r'<link rel="stylesheet" href="((?:\.\./)*assets/css/[^"]+)"')


def page_html(site_dir: Path, page: str) -> str:
    return (site_dir / page).read_text(encoding="utf-8")


def linked(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


def test_every_page_links_one_stylesheet_of_ours(site_dir: Path) -> None:
    html = page_html(site_dir, MODULE)
    sheets = OUR_STYLESHEET.findall(html)
    assert len(sheets) == 1 and re.fullmatch(r"\.\./\.\./assets/css/rs(-[a-z0-9]+)*\.css", sheets[0]), sheets
    css = (site_dir / "assets" / "css" / "rs.css").read_text(encoding="utf-8")  # pages without exercises
    for name in ("site.css", "apps.css", "sessions.css", "widgets/_exercise.css", "widgets/self-assessment.css",
                 "widgets/smart-goal.css"):
        assert f"/*! assets/css/{name} */" in css
    assert "\n  " not in css  # minified


def test_a_module_page_stylesheet_leaves_out_the_styles_of_applications_it_does_not_hold(site_dir: Path) -> None:
    """My learning's, the agenda's and the record's styles are only in the stylesheet of the pages holding them;
    each of those pages still links one stylesheet of ours, with the shared styles too."""
    css = site_dir / "assets" / "css"
    shared = (css / "rs.css").read_text(encoding="utf-8")
    for selector in (".rs-agenda__item", ".rs-goals-table", ".rs-record-settings", ".rs-compare__bar",
                     ".rs-unlock"):
        assert selector not in shared, selector
    for page, selector in (("learning-record/index.html", ".rs-record-settings"), ("agenda/index.html",
                           ".rs-agenda__item"), ("my-learning/index.html", ".rs-goals-table")):
        [sheet] = OUR_STYLESHEET.findall(page_html(site_dir, page))
        text = (site_dir / page).parent.joinpath(sheet).resolve().read_text(encoding="utf-8")
        assert selector in text and ".rs-nav-badge" in text and ".rs-chart-figure" in text, (page, sheet)


def test_presenter_mode_styles_are_their_own_minified_file_linked_on_first_use(site_dir: Path) -> None:
    css = site_dir / "assets" / "css"
    assert "html.rs-presenting{" in (css / "presenting.css").read_text(encoding="utf-8")  # minified
    for sheet in css.glob("rs*.css"):
        assert ".rs-presenter__sections" not in sheet.read_text(encoding="utf-8"), sheet.name
    presenter = (site_dir / "assets" / "js" / "lib" / "presenter.js").read_text(encoding="utf-8")
    assert "presenting.css" in presenter and "data-rs-stylesheet" in presenter
    assert "data-rs-stylesheet" in page_html(site_dir, MODULE)


def test_a_page_fetches_one_head_script_of_ours_which_sets_the_theme_scope(site_dir: Path) -> None:
    html = page_html(site_dir, MODULE)
    head = html.split("</head>")[0]
    assert re.findall(r'<script src="((?:\.\./)*assets/js/[^"]+)"', head) == ["../../assets/js/head.js"]
    assert re.search(r'assets/js/head\.js" data-base="[^"]*"\s+data-scope="[^"]+"', head)
    assert "__md_scope" in (site_dir / "assets" / "js" / "head.js").read_text(encoding="utf-8")


def test_a_module_page_runs_one_bundle_and_loads_presenting_and_the_pulse_on_first_use(site_dir: Path) -> None:
    html = page_html(site_dir, MODULE)
    scripts = linked(html, r'<script type="module" src="((?:\.\./)*assets/js/[^"]+)"')
    assert len(scripts) == 1 and "/page-" in scripts[0], scripts
    bundle = (site_dir / "modules" / "supervision-models" / scripts[0]).resolve().read_text(encoding="utf-8")
    assert 'import("./lib/presenter.js")' in bundle
    assert 'import("./lib/pulse.js")' in bundle and 'import("../vendor/qrcode-generator/qrcode.js")' in bundle
    assert "rs-presenter__button" not in bundle and "stringToBytes" not in bundle  # their code is not in it
    assert "about_you_role_legend" not in bundle  # the strings are data in the page, not code


def test_a_module_page_loads_every_script_it_runs_at_load_from_its_one_bundle(site_dir: Path) -> None:
    """Each exercise kind and page application on the page, the template's reading tools included, is registered
    in the page's bundle (app.js looks there before fetching a module of its own)."""
    html = page_html(site_dir, MODULE)
    [script] = linked(html, r'<script type="module" src="((?:\.\./)*assets/js/[^"]+)"')
    bundle = (site_dir / "modules" / "supervision-models" / script).resolve().read_text(encoding="utf-8")
    used = [f"./widgets/{kind}.js" for kind in re.findall(r'data-rs-widget="([a-z-]+)"', html)]
    used += [f"./apps/{app}.js" for app in re.findall(r'data-rs-app="([a-z-]+)"', html)]
    assert "./apps/reading-settings.js" in used and "./apps/read-aloud.js" in used
    assert [module for module in used if f'"{module}":' not in bundle] == []
    assert len(OUR_STYLESHEET.findall(html)) == 1


def test_code_loaded_on_first_use_is_one_minified_file_without_the_strings_file(site_dir: Path) -> None:
    """The reader of "Listen to this page", presenting and the pulse: each one request when first used, the
    page's strings read from the page."""
    js = site_dir / "assets" / "js"
    for lazy in ("lib/read-aloud.js", "lib/presenter.js", "lib/pulse.js"):
        code = (js / lazy).read_text(encoding="utf-8")
        assert not re.search(r"""\bfrom\s*["']""", code), lazy  # no module of ours fetched after it
        assert "\n  " not in code and "/**" not in code, lazy  # minified
    assert "speechSynthesis" in (js / "lib" / "read-aloud.js").read_text(encoding="utf-8")
    assert "speechSynthesis" not in (js / "apps" / "read-aloud.js").read_text(encoding="utf-8")


SPECIFIER = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'](\.{1,2}/[^"']+)["']""")


def test_every_relative_import_in_the_built_scripts_names_a_file_of_the_site(site_dir: Path) -> None:
    """Page bundles and the minified files loaded on first use: each module they import (static or import())
    is where the path says, relative to the file that imports it."""
    js = site_dir / "assets" / "js"
    missing = []
    for script in sorted(js.rglob("*.js")):
        if "vendor" in script.parts:
            continue
        for target in SPECIFIER.findall(COMMENTS.sub("", script.read_text(encoding="utf-8"))):
            if not (script.parent / target).resolve().is_file():
                missing.append(f"{script.relative_to(site_dir).as_posix()} imports {target}")
    assert missing == []


def test_a_page_carries_only_the_strings_its_scripts_can_show(site_dir: Path) -> None:
    module = json.loads(re.search(r'<script type="application/json" id="rs-strings">(.*?)</script>',
                                  page_html(site_dir, MODULE), re.S).group(1))
    assert module["self_assessment_pulse_show"] and module["locale"]  # its self-assessment's (and the pulse's)
    assert "smart_goal_calendar_summary" not in module and "agenda_clear" not in module  # not on this page
    every = json.loads((site_dir / "assets" / "js" / "strings.js").read_text(encoding="utf-8")
                       .split("Object.freeze(", 1)[1].rsplit(");", 1)[0])
    assert len(module) < len(every) / 2


def search_entries(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_search_index_holds_module_text_titles_and_prompts_not_machinery(site_dir: Path) -> None:
    entries = search_entries(site_dir)
    assert not [e["location"] for e in entries if e["location"].startswith(("authoring/", "handouts/"))]
    module = " ".join(e["title"] + " " + e["text"] for e in entries
                      if e["location"].startswith("modules/supervision-models/"))
    assert "Proctor" in module  # module text
    assert "How balanced are Proctor" in module  # an exercise title
    assert "Who are you thinking about?" in module  # a prompt
    for machinery in ("Your answers save automatically", "the answer key", "Keep it anonymous", "Check my answer"):
        assert machinery not in module, machinery


@pytest.mark.parametrize("query", ["SMART goal"])
def test_searching_a_topic_finds_its_module_first(site_dir: Path, query: str) -> None:
    """Entries holding every word of the query, best first as the theme ranks them (title words weigh most):
    the first is a module page, and no authoring page is listed."""
    words = query.lower().split()
    def score(entry: dict) -> tuple[int, int]:
        title, text = entry["title"].lower(), entry["text"].lower()
        return (sum(word in title for word in words), sum(text.count(word) for word in words))
    found = [e for e in search_entries(site_dir) if all(w in (e["title"] + " " + e["text"]).lower() for w in words)]
    found.sort(key=score, reverse=True)
    assert found and found[0]["location"].startswith("modules/"), [e["location"] for e in found[:5]]
    assert not [e for e in found if e["location"].startswith("authoring/")]
