"""SCORM 1.2 packages (`make scorm`, macros/scorm.py): one single-SCO zip per module and one for the series,
self-contained, each imsmanifest.xml listing exactly its zip's files; inside an LMS (scorm-again's Scorm12API
standing in for one) a package reports only its status and session time, and keeps answers in the tab."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from macros.strings import default_strings
from tests.conftest import Visit
from tests.helpers import ROOT, built_once, registry_modules, serve

pytestmark = pytest.mark.build

IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
SCORM12 = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
JOURNAL = "what-is-supervision-journal"
SECRET = "My private reflection 7731"
# The LMS page: scorm-again's SCORM 1.2 API as window.API, recording every call, with the package in a frame.
LMS_PAGE = """<!doctype html><html lang="en-GB"><head><title>LMS</title><script src="scorm12.js"></script>
<script src="lms.js"></script></head><body><iframe id="sco" title="Module" src="package/scorm.html"
style="width:1200px;height:850px"></iframe></body></html>"""
LMS_SCRIPT = """window.calls = [];
const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
for (const name of ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"]) {
  const original = api[name].bind(api);
  api[name] = (...args) => {
    const result = original(...args);
    window.calls.push([name, ...args.map(String), String(result)]);
    return result;
  };
}
window.API = api;
"""


@pytest.fixture(scope="session")
def scorm_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every package, built once per run."""
    return built_once(tmp_path_factory, "scorm-packages")


def manifest_of(package: Path) -> tuple[ElementTree.Element, list[str]]:
    with zipfile.ZipFile(package) as archive:
        return ElementTree.fromstring(archive.read("imsmanifest.xml")), archive.namelist()


def test_scorm_again_provides_a_scorm_12_api() -> None:
    assert "this.Scorm12API" in SCORM12.read_text(encoding="utf-8")[:200]
    assert '"scorm-again": "3.4.3"' in (ROOT / "package.json").read_text(encoding="utf-8")


def test_one_package_per_module_and_one_for_the_series(scorm_packages: Path) -> None:
    names = sorted(path.name for path in scorm_packages.glob("*.zip"))
    assert names == sorted([f"reflective-supervision-{module}-scorm12.zip" for module in registry_modules()]
                           + ["reflective-supervision-series-scorm12.zip"])


def test_every_manifest_is_well_formed_and_lists_exactly_its_zips_files(scorm_packages: Path) -> None:
    for package in scorm_packages.glob("*.zip"):
        manifest, names = manifest_of(package)
        assert manifest.tag == f"{IMSCP}manifest"
        assert manifest.findtext(f"{IMSCP}metadata/{IMSCP}schemaversion") == "1.2"
        items = manifest.findall(f"{IMSCP}organizations/{IMSCP}organization/{IMSCP}item")
        resources = manifest.findall(f"{IMSCP}resources/{IMSCP}resource")
        assert len(items) == 1 and len(resources) == 1, package.name
        resource = resources[0]
        assert items[0].get("identifierref") == resource.get("identifier")
        assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("type") == "webcontent"
        listed = [file.get("href") for file in resource.findall(f"{IMSCP}file")]
        assert sorted(listed) == sorted(set(names) - {"imsmanifest.xml"}), package.name
        assert len(listed) == len(set(listed)), package.name
        assert resource.get("href") in listed


def test_packages_are_self_contained_with_no_lab_service_worker_or_manifest(scorm_packages: Path) -> None:
    _, names = manifest_of(scorm_packages / "reflective-supervision-good-supervision-scorm12.zip")
    left_out = (".webmanifest", "sw.js", "_headers")
    assert not [name for name in names if name.startswith("lab/") or name.endswith(left_out)]
    with zipfile.ZipFile(scorm_packages / "reflective-supervision-good-supervision-scorm12.zip") as archive:
        launch = archive.read("scorm.html").decode("utf-8")
        page = archive.read("modules/good-supervision.html").decode("utf-8")
    assert 'src="modules/good-supervision.html"' in launch and "I have finished this module" in launch
    assert '<meta name="rs-storage-scope" content="scorm">' in page and "app.bundle.js" in page
    assert not re.search(r'<(?:script|link)[^>]*(?:src|href)="(?:https?:)?//', launch + page)


@pytest.mark.browser
def test_inside_an_lms_a_package_reports_status_and_time_only(scorm_packages: Path, browser: object,
                                                              tmp_path: Path) -> None:
    lms = tmp_path / "lms"
    with zipfile.ZipFile(scorm_packages / "reflective-supervision-what-is-supervision-scorm12.zip") as archive:
        archive.extractall(lms / "package")
    shutil.copy(SCORM12, lms / "scorm12.js")
    (lms / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    (lms / "lms.js").write_text(LMS_SCRIPT, encoding="utf-8")
    strings = default_strings()
    with serve(lms) as url:
        visit = Visit(browser, url, viewport={"width": 1280, "height": 900}, locale="en-GB")
        try:
            page = visit.page
            page.goto(url + "lms.html", wait_until="load")
            page.wait_for_function("window.calls.some((c) => c[0] === 'LMSCommit')")
            module = page.frame_locator("#sco").frame_locator("#rs-scorm-frame")
            form = module.locator(f'form[data-rs-exercise="{JOURNAL}"]')
            form.locator("[data-rs-actions]:not([hidden])").wait_for()
            assert strings["lms_tab_only"] in form.inner_text()
            assert form.get_by_role("button", name=strings["lms_keep_button"]).count() == 1
            form.locator("textarea[data-rs-field='closest-in-practice']").fill(SECRET)
            frame = next(f for f in page.frames if f.url.endswith("modules/what-is-supervision.html"))
            frame.wait_for_function("(text) => Object.values(sessionStorage).some((v) => v.includes(text))", arg=SECRET)
            assert frame.evaluate("(text) => !Object.values(localStorage).some((v) => v.includes(text))", SECRET)
            assert frame.evaluate("Object.keys(sessionStorage).some((k) => k.startsWith("
                                  "'reflective-supervision:scorm:entry:'))")
            page.frame_locator("#sco").get_by_role("button", name=strings["scorm_finish_button"]).click()
            page.wait_for_function("window.calls.some((c) => c[2] === 'completed')")
            page.evaluate("document.getElementById('sco').src = 'about:blank'")
            page.wait_for_function("window.calls.some((c) => c[0] === 'LMSFinish')")
            calls = page.evaluate("window.calls")
        finally:
            visit.close()
        assert visit.external == []
    sent = [call for call in calls if call[0] != "LMSGetValue"]
    shown = [call[:3] if call[1:2] == ["cmi.core.lesson_status"] else call[:2] if call[0] == "LMSSetValue" else call[:1]
             for call in sent]
    assert shown == [
        ["LMSInitialize"], ["LMSSetValue", "cmi.core.lesson_status", "incomplete"], ["LMSCommit"],
        ["LMSSetValue", "cmi.core.lesson_status", "completed"], ["LMSCommit"],
        ["LMSSetValue", "cmi.core.session_time"], ["LMSCommit"], ["LMSFinish"]]
    assert all(call[-1] == "true" for call in sent), sent
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", sent[5][2])
    assert not [call for call in calls if any(SECRET in part or "reflection" in part.lower() for part in call)]


def test_an_adapted_copys_packages_follow_its_overlay(tmp_path: Path) -> None:
    """The build's plan for the packager (written by macros/hooks.py after the build): the copy's storage name,
    modules in its order with their titles and pages, and its interface words."""
    from types import SimpleNamespace

    from macros.organisation import load_organisation
    from macros.scorm import write_plan
    from tests.helpers import EXAMPLE

    organisation = load_organisation(EXAMPLE / "organisation.yaml", ROOT)
    organisation.strings["scorm_finish_button"] = "Mark this module done"
    config = SimpleNamespace(extra={"storage_name": "glenbarra-reflective-supervision"}, site_name="Glenbarra",
                             theme={"language": "en-GB"})
    write_plan(tmp_path / "plan.json", config, organisation.modules, ROOT, organisation.strings)
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert [module["id"] for module in plan["modules"]] == organisation.modules
    assert plan["modules"][1] == {"id": "good-supervision", "title": "Good supervision (including virtual practices)",
                                  "page": "modules/good-supervision.html"}
    assert plan["storage_name"] == "glenbarra-reflective-supervision"
    assert plan["strings"]["scorm_finish_button"] == "Mark this module done"
