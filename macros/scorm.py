"""SCORM 1.2 packages: one single-SCO zip per module and one for the whole series (`make scorm`).

The site is built once like the offline copy (pages as ``.html`` files that work from any folder, scripts
bundled: macros/offline.py), with ``RS_SCORM=true``, which gives every page a fixed storage scope (answers are
namespaced by the series' storage name, not by the package's address, which an LMS changes on every upload),
and writes the build's plan (modules, titles, interface words) for the packager. Each package holds that build,
without the data lab, any service worker or web manifest and the hosting headers, plus a launch page
(``scorm.html``: scorm/runtime.js, the "I have finished" bar and the pages in a frame, opening on the module) and
an ``imsmanifest.xml`` listing every file of the zip. Each module's package holds the whole series, so every link
in it works; it opens on its module and reports that module.

Usage: python -m macros.scorm [CONFIG] [OUT]   (CONFIG: a mkdocs.yml, an adapted copy's to use its overlay;
OUT: where the zips go, default build/scorm). See docs/hosting.md ("Modules in a learning management system").
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
RUNTIME_DIR = PACKAGE_ROOT / "scorm"
LAUNCH_PAGE = "scorm.html"
RUNTIME_FILES = {"scorm/runtime.js": RUNTIME_DIR / "runtime.js", "scorm/launcher.css": RUNTIME_DIR / "launcher.css"}
# The fixed storage scope of every package's pages (overrides/main.html, lib/storage.js: siteNamespace).
STORAGE_SCOPE = "scorm"
# Left out of every package: the data lab, service workers, web manifests and the hosting headers.
LEFT_OUT_DIRS = ("lab/",)
LEFT_OUT_NAMES = {"_headers", "sw.js", "service-worker.js", "manifest.webmanifest", "site.webmanifest"}
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{IMSCP} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                   f"{ADLCP} adlcp_rootv1p2.xsd")
PLAN_STRINGS = ("scorm_frame_title", "scorm_finish_button", "scorm_finish_button_series", "scorm_status_incomplete",
                "scorm_status_completed", "scorm_status_outside", "locale")


def write_plan(path: Path, config: Any, modules: list[str], upstream: Path, strings: dict[str, str]) -> None:
    """Write what the packager needs from the build: names, the modules in order with their titles and pages."""
    from .handouts import module_source

    plan = {"storage_name": config.extra.get("storage_name") or "reflective-supervision",
            "site_name": config.site_name, "language": config.theme.get("language") or "en-GB",
            "modules": [{"id": module, "title": module_source(upstream / "docs" / "modules" / f"{module}.md")[0],
                         "page": f"modules/{module}.html"} for module in modules],
            "strings": {key: strings[key] for key in PLAN_STRINGS if key in strings}}
    path.write_text(json.dumps(plan, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def package_files(site: Path) -> list[str]:
    """The built site's files that go into every package (posix paths), leaving out LEFT_OUT_*."""
    files = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and not relative.startswith(LEFT_OUT_DIRS) and path.name not in LEFT_OUT_NAMES:
            files.append(relative)
    return files


def launch_page(title: str, start: str, series: bool, plan: dict[str, Any]) -> str:
    """The package's launch page: the runtime, the "I have finished" bar and the pages in a frame."""
    words = plan["strings"]
    escape = lambda text: html.escape(str(text), quote=True)  # noqa: E731 (a short local helper)
    button = words["scorm_finish_button_series" if series else "scorm_finish_button"]
    frame_title = words["scorm_frame_title"].replace("{title}", title)
    return f"""<!doctype html>
<html lang="{escape(plan['language'])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="scorm/launcher.css">
<script src="scorm/runtime.js"></script>
</head>
<body>
<header class="rs-scorm-bar" id="rs-scorm-bar" data-incomplete="{escape(words['scorm_status_incomplete'])}"
  data-completed="{escape(words['scorm_status_completed'])}" data-outside="{escape(words['scorm_status_outside'])}">
<p id="rs-scorm-status" role="status" tabindex="-1"></p>
<button type="button" id="rs-scorm-finish" hidden>{escape(button)}</button>
</header>
<iframe class="rs-scorm-frame" id="rs-scorm-frame" src="{escape(start)}" title="{escape(frame_title)}"></iframe>
</body>
</html>
"""


def manifest_xml(identifier: str, title: str, files: list[str]) -> str:
    """imsmanifest.xml for a single-SCO SCORM 1.2 package whose launch page is LAUNCH_PAGE, listing ``files``."""
    ElementTree.register_namespace("", IMSCP)
    ElementTree.register_namespace("adlcp", ADLCP)
    ElementTree.register_namespace("xsi", XSI)
    manifest = ElementTree.Element(f"{{{IMSCP}}}manifest", {"identifier": identifier, "version": "1.0",
                                                            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    metadata = ElementTree.SubElement(manifest, f"{{{IMSCP}}}metadata")
    ElementTree.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ElementTree.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ElementTree.SubElement(manifest, f"{{{IMSCP}}}organizations", {"default": "organisation"})
    organisation = ElementTree.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": "organisation"})
    ElementTree.SubElement(organisation, f"{{{IMSCP}}}title").text = title
    item = ElementTree.SubElement(organisation, f"{{{IMSCP}}}item", {"identifier": "item", "identifierref": "sco",
                                                                     "isvisible": "true"})
    ElementTree.SubElement(item, f"{{{IMSCP}}}title").text = title
    resources = ElementTree.SubElement(manifest, f"{{{IMSCP}}}resources")
    resource = ElementTree.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "sco", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH_PAGE})
    for name in files:
        ElementTree.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    ElementTree.indent(manifest)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(manifest, encoding="unicode") + "\n"


def write_package(zip_path: Path, site: Path, files: list[str], identifier: str, title: str, start: str, series: bool,
                  plan: dict[str, Any]) -> None:
    """One zip: the site's files, the runtime, the launch page and imsmanifest.xml listing every other file."""
    extra = {LAUNCH_PAGE: launch_page(title, start, series, plan).encode("utf-8")}
    extra |= {name: source.read_bytes() for name, source in RUNTIME_FILES.items()}
    listed = sorted([*files, *extra])
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(identifier, title, listed))
        for name in listed:
            if name in extra:
                archive.writestr(name, extra[name])
            else:
                archive.write(site / name, name)


def write_packages(site: Path, plan: dict[str, Any], out: Path) -> list[Path]:
    """Every package: one per module (opening on its page) and one for the series (opening on the home page)."""
    files = package_files(site)
    name = plan["storage_name"]
    written = []
    for module in plan["modules"]:
        path = out / f"{name}-{module['id']}-scorm12.zip"
        write_package(path, site, files, f"{name}-{module['id']}", module["title"], module["page"], False, plan)
        written.append(path)
    path = out / f"{name}-series-scorm12.zip"
    write_package(path, site, files, f"{name}-series", plan["site_name"], "index.html", True, plan)
    return [*written, path]


def build(config: Path, out: Path) -> list[Path]:
    """Build the site for packages (offline, fixed storage scope) into ``out/site``, then write every package."""
    out.mkdir(parents=True, exist_ok=True)
    plan_path = out / "scorm-plan.json"
    engine = os.environ.get("RS_ENGINE") or "mkdocs"
    command = [str(Path(sys.executable).parent / engine), "build", "--strict", "--clean", "-f", str(config),
               "-d", str(out / "site")]
    env = {**os.environ, "RS_OFFLINE": "true", "RS_SCORM": "true", "RS_SCORM_PLAN": str(plan_path),
           "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=config.parent, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(result.returncode)
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    for old in out.glob("*-scorm12.zip"):
        old.unlink()
    return write_packages(out / "site", plan, out)


def main(argv: list[str] | None = None) -> int:
    """Build the packages and list them with their sizes."""
    arguments = sys.argv[1:] if argv is None else argv
    config = Path(arguments[0] if arguments else PACKAGE_ROOT / "mkdocs.yml").resolve()
    out = Path(arguments[1] if len(arguments) > 1 else PACKAGE_ROOT / "build" / "scorm").resolve()
    if not config.is_file():
        print(f"There is no {config}: give the mkdocs.yml of the site or adapted copy to package.", file=sys.stderr)
        return 2
    packages = build(config, out)
    for path in packages:
        print(f"{path.stat().st_size / 1_000_000:6.1f} MB  {path}")
    print(f"{len(packages)} SCORM 1.2 packages in {out} "
          '(docs/hosting.md: "Modules in a learning management system").')
    return 0


if __name__ == "__main__":
    sys.exit(main())
