"""MkDocs hooks (``hooks: [macros/hooks.py]`` in mkdocs.yml): organisation overlays, CSP headers, offline copies.

- **Organisation overlay.** When the build's mkdocs.yml has an overlay file beside it (``organisation.yaml``,
  or ``extra.organisation_file``), it is loaded and checked (macros/organisation.py) before anything else.
  The copy's navigation, logo, brand colours and footer come from it; modules it leaves out are removed from
  the build (so from navigation, search and the sitemap); its own pages are added from its pages folder; links
  in upstream pages to pages the copy leaves out become plain text, and the lists of modules (the module list,
  the handouts index, the home page's routes) drop the rows of modules it leaves out and follow its order.
  Content (docs/, exercises/, data/) comes from the upstream repository: ``extra.upstream_dir`` if set
  (relative to the copy's mkdocs.yml), else the folder holding this ``macros`` package.
- **Phone reading.** Markdown tables scroll inside their own labelled region; module pages list their parts.
- **Security headers.** After every build, ``_headers`` (Netlify and Cloudflare Pages format) is written
  with the Content-Security-Policy the site runs under; the build stops if a page outside ``lab/`` has an
  inline script or an event-handler attribute, which the policy blocks and never allows by hash (macros/csp.py).
- **Offline copy.** With the offline plugin on (``RS_OFFLINE=true``), the vendored iframe-worker shim is used
  instead of a third-party one, and the site's scripts are bundled into one classic script that works from
  file:// (scripts/build-offline.sh).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import app_icons, csp, html_slots, offline, parts, scorm, service_worker, tables
from macros.answer_sheet import answer_sheet_source
from macros.build_state import published
from macros.errors import ContentError, Problem
from macros.fill_in import pending_in_config, report_pending
from macros.leftovers import find_leftovers, report_leftovers
from macros.markdown_links import reorder_rows, unlink_removed
from macros.modules import handouts_page, load_registry, nav_with_modules, read_front_matter
from macros.organisation import find_organisation_file, load_organisation
from macros.overlay_nav import own_nav
from macros.page_assets import PageAssets
from macros.project import PACKAGE_ROOT
from macros.safe_markdown import html_text
from macros.search_scope import leave_out_of_search, left_out_of_search, marked_and_indexed
from macros.strings import JS_URI, default_strings, js_module, translator
from macros.template_cache import bytecode_cache

LOG = logging.getLogger("mkdocs.plugins.reflective_supervision")
LOGO_URI = "assets/organisation/logo"
BRAND_CSS = "assets/organisation/brand.css"
SHIM = "assets/vendor/iframe-worker/shim.js"
# Upstream pages that list modules: a row or item leading with a left-out module goes whole.
LISTS_MODULES = ("index.md", "modules/index.md", "handouts/index.md")
# Of those, the lists in series order, which follow the copy's order (``modules:``) instead.
FOLLOWS_ORDER = ("modules/index.md", "handouts/index.md")

_state: dict[str, Any] = {}


def _upstream(config: Any, config_dir: Path) -> Path:
    named = config.extra.get("upstream_dir")
    if not named:
        return PACKAGE_ROOT
    path = (config_dir / str(named)).resolve()
    if not (path / "exercises").is_dir() or not (path / "docs").is_dir():
        raise ContentError("The upstream folder is not the reflective-supervision repository.", [Problem(
            "mkdocs.yml", "extra.upstream_dir", f"{named} ({path}) has no docs/ and exercises/ folders. "
            "Point it at your copy of the upstream repository, relative to this mkdocs.yml.")])
    return path


def _offline_enabled(config: Any) -> bool:
    for name, plugin in config.plugins.items():
        if name.endswith("offline") and getattr(plugin, "config", {}).get("enabled"):
            return True
    return False


@event_priority(100)
def on_config(config: Any) -> Any:
    """Load the overlay (if any) before other plugins configure themselves."""
    _state.clear()
    _state["assets"] = PageAssets()
    _state["assets"].take_stylesheets(config)  # each page links one stylesheet of ours (macros/page_assets.py)
    config_dir = Path(config.config_file_path).resolve().parent
    upstream = _upstream(config, config_dir)
    config.extra["rs_upstream"] = str(upstream)
    html_slots.promise_to_fill(config.extra)  # on_page_content puts macros' finished HTML back (html_slots.py)
    # The Modules section of the navigation comes from the module registry (data/modules.yaml).
    if config.nav and (upstream / "data" / "modules.yaml").is_file():
        config.nav = nav_with_modules(config.nav, load_registry(upstream))
    if _offline_enabled(config):
        # Our own pinned copy of the shim: the offline plugin then adds no third-party script.
        config.extra["polyfills"] = [
            SHIM,
            *[p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)],
        ]
        config.extra["rs_offline"] = True
        # SCORM packages (macros/scorm.py): answers under one fixed scope for the series, whatever the address.
        config.extra["rs_scorm"] = scorm.STORAGE_SCOPE if os.environ.get("RS_SCORM") == "true" else None
    path = find_organisation_file(config_dir, config.extra)
    if path is None or path.parent == upstream:
        config.extra["rs_organisation"] = None
        return config
    docs = Path(config.docs_dir).resolve()
    if docs != (upstream / "docs").resolve():
        raise ContentError(
            "An adapted copy builds the upstream pages.",
            [
                Problem(
                    "mkdocs.yml",
                    "docs_dir",
                    f"is {docs}; set it to the upstream docs folder "
                    f"({os.path.relpath(upstream / 'docs', config_dir)}). "
                    "Put your own pages in your pages folder instead (see docs/hosting.md).",
                )
            ],
        )
    organisation = load_organisation(path, upstream, folder=config_dir)
    report_pending(organisation.pending + pending_in_config(config.site_url), bool(config.strict), LOG)
    settings = {"site_name": config.site_name, "site_description": config.site_description, "site_url": config.site_url,
                "copyright": config.copyright, "extra.storage_name": config.extra.get("storage_name")}
    report_leftovers(find_leftovers(organisation, settings), bool(config.strict), LOG)
    _state["organisation"] = organisation
    config.extra["rs_organisation"] = organisation
    config.nav = own_nav(organisation, config.nav or [])
    if organisation.logo:
        uri = LOGO_URI + organisation.logo.suffix.lower()
        config.theme["logo"] = uri
        config.theme["favicon"] = uri
    if organisation.colours:
        config.extra_css.append(BRAND_CSS)
    # The theme shows the copyright line as HTML: the overlay's words go in as text.
    hosted = html_text(f"{organisation.strings['hosted_by']} {organisation.name}.")
    config.copyright = f"{config.copyright} {hosted}" if config.copyright else hosted
    return config


def replace_strings_script(files: Files, config: Any, strings: dict[str, str]) -> None:
    """Serve the browser scripts' strings (assets/js/strings.js) from data/strings/ and the overlay, not the
    theme's copy of the defaults, so the YAML is the one source."""
    theme_copy = files.get_file_from_path(JS_URI)
    if theme_copy is not None:
        files.remove(theme_copy)
    files.append(File.generated(config, JS_URI, content=js_module(strings)))


def add_handouts_pages(files: Files, config: Any, modules: list[str]) -> None:
    """Add a handouts page (handouts/<module>.md) for each module that has none of its own in docs/handouts/,
    when the site builds the upstream pages (a fixture site with pages of its own gets none)."""
    upstream = Path(config.extra["rs_upstream"])
    if Path(config.docs_dir).resolve() != (upstream / "docs").resolve():
        return
    for module in modules:
        src_uri = f"handouts/{module}.md"
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=handouts_page(upstream, module)))
        # Its facilitator answer sheet, so that the blank handouts carry no answers.
        answers_uri = f"handouts/{module}-answers.md"
        if files.get_file_from_path(answers_uri) is None:
            title = str(read_front_matter(upstream / "docs" / "modules" / f"{module}.md").get("title", module))
            files.append(File.generated(config, answers_uri, content=answer_sheet_source(title, module)))


def on_files(files: Files, config: Any) -> Files:
    """Add each module's handouts page; leave out pages the copy does not include; add the organisation's
    pages, logo and colours."""
    organisation = _state.get("organisation")
    replace_strings_script(files, config, organisation.strings if organisation else default_strings())
    if (Path(config.extra["rs_upstream"]) / "data" / "modules.yaml").is_file():
        upstream = Path(config.extra["rs_upstream"])
        add_handouts_pages(
            files, config, organisation.modules if organisation else list(load_registry(upstream).modules)
        )
    if organisation is None:
        return files
    removed = organisation.removed  # the copy builds the upstream docs folder (on_config checks it)
    _state["removed"] = removed
    for file in list(files):
        if file.src_uri in removed or file.src_uri in organisation.own_files:
            files.remove(file)
    for src_uri in organisation.own_files:
        files.append(File(src_uri, str(organisation.pages_dir), config.site_dir, config.use_directory_urls))
    if organisation.logo:
        files.append(
            File.generated(config, LOGO_URI + organisation.logo.suffix.lower(), abs_src_path=str(organisation.logo))
        )
    for uri, icon in app_icons.published_icons(organisation):  # the copy's own app icons, if it names them
        files.append(File.generated(config, uri, abs_src_path=str(icon)))
    if organisation.colours:
        files.append(File.generated(config, BRAND_CSS, content=organisation.brand_css()))
    return files


@event_priority(-50)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """In upstream pages, links to pages this copy leaves out become plain text (after macros have run);
    lists of modules lose the rows of modules it leaves out and follow its order."""
    organisation = _state.get("organisation")
    src_uri = page.file.src_uri
    if organisation is None:
        return markdown
    own = src_uri in organisation.own_files
    if src_uri == "index.md" and config.site_description and not (own and page.meta.get("description")):
        # The home page describes the copy in its own words (search results, shared links), not ours.
        page.meta["description"] = config.site_description
    if own:
        return markdown
    text, unlinked = unlink_removed(
        markdown, src_uri, _state.get("removed") or set(), drop_rows=src_uri in LISTS_MODULES
    )
    if unlinked:
        LOG.info("%s: %d link(s) to pages this copy leaves out became plain text (%s)", src_uri, len(unlinked),
                 ", ".join(sorted(set(unlinked))))
    return reorder_rows(text, src_uri, organisation.modules) if src_uri in FOLLOWS_ORDER else text


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Every Markdown table scrolls sideways inside its own named, focusable region (macros/tables.py); a module
    page gets the list of its parts near the top and a link back to it after each part (macros/parts.py). The
    page's kit is noted (macros/page_assets.py), and the search index keeps to what readers look for
    (macros/search_scope.py)."""
    organisation = _state.get("organisation")
    tr = translator(organisation.strings if organisation else default_strings())
    build = published(config.extra)  # this build's state (macros/build_state.py); None without the macros plugin
    if build is not None:
        html = build.held_html.fill(html, page)  # the exercises' HTML, kept out of Markdown, back in place
    html = tables.wrap_tables(html, tr)
    if page.file.src_uri in (config.extra.get("rs_modules") or {}):
        html = parts.add_parts(html, page.toc, tr)
    _state["assets"].record(page.file.src_uri, html)
    leave_out_of_search(page.file.src_uri, page.meta)  # the readers' search index (macros/search_scope.py)
    if left_out_of_search(page.meta):  # the handouts and authoring pages: the plugin reads none of it
        return html
    html, lighter = marked_and_indexed(html)
    if build is not None:
        build.search_input.keep(page.file.src_uri, html, lighter)  # what search reads (macros/search_input.py)
    return html


def on_pre_build(config: Any) -> None:
    """The search plugin reads each page without the content of the parts it leaves out (macros/search_input.py)."""
    build = published(config.extra)
    if build is not None:
        build.search_input.read_lightly(config.plugins)


@event_priority(-200)
def on_post_build(config: Any) -> None:
    """Write each page's stylesheet and script (macros/page_assets.py) and the security headers for the built
    site; bundle scripts for an offline copy."""
    site = Path(config.site_dir)
    _state["assets"].write_stylesheets(site)
    if not config.extra.get("rs_offline"):
        _state["assets"].write_scripts(site)
    if config.extra.get("rs_offline"):
        csp.check_no_inline_code(site)  # no policy protects a copy opened from files
        offline.bundle_scripts(site)
        if config.extra.get("rs_scorm") and os.environ.get("RS_SCORM_PLAN"):
            organisation = _state.get("organisation")
            upstream = Path(config.extra["rs_upstream"])
            modules = organisation.modules if organisation else list(load_registry(upstream).modules)
            scorm.write_plan(Path(os.environ["RS_SCORM_PLAN"]), config, modules, upstream,
                             organisation.strings if organisation else default_strings())
    else:
        service_worker.write_for_config(config)  # manifest, worker and its file list: web builds only
        csp.write_headers(site)


def on_env(env: Any, config: Any, files: Files) -> Any:
    """Theme templates (overrides/main.html and partials) read interface strings as ``t.<key>`` and
    ``tr("key", name=value)``, like the exercise templates."""
    organisation = _state.get("organisation")
    strings = organisation.strings if organisation else default_strings()
    env.globals["t"] = strings
    env.globals["tr"] = translator(strings)
    _state["assets"].use(files, strings, env)
    env.globals["rs_page_assets"] = _state["assets"].for_page  # the stylesheet and script a page links
    env.globals["rs_page_strings"] = _state["assets"].strings_for_page  # the strings its scripts can show
    env.bytecode_cache = env.bytecode_cache or bytecode_cache("theme")  # compiled once (macros/template_cache.py)
    return env


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """`mkdocs serve` of an adapted copy: rebuild when the overlay file or the copy's own pages change."""
    organisation = _state.get("organisation")
    if organisation is not None:
        server.watch(str(organisation.file))
        if organisation.pages_dir.is_dir():
            server.watch(str(organisation.pages_dir))
    return server
