"""What each page loads: one stylesheet of ours, and one script holding only what the page's HTML uses.

- ``assets/css/rs.css``, linked by every page (the only stylesheet of ours that blocks rendering): our stylesheets
  (the ``assets/css/*.css`` entries of ``extra_css``, in order), then ``widgets/_exercise.css`` and every kind's
  stylesheet, minified. An adapted copy's brand.css stays its own file, linked after it. A stylesheet whose
  opening comment says "Only on pages with: <application>, ..." (styles of applications only some pages have, such
  as My learning's or a data lab embed's) joins only the pages whose HTML holds one of those applications
  (``data-rs-app``): those link, instead of rs.css, ``assets/css/rs-<name>.css``, the same
  file with it in its place, so every page still links one stylesheet of ours. A page with exercises links one
  holding, of the kinds' stylesheets, only its own kinds' (``rs-[<name>-]k<hash>.css``: each kind's stylesheet
  styles only its own markup, every rule naming the kind; what kinds and applications share is in
  ``widgets/_exercise.css``); a page without any (My learning, an answer sheet) keeps every kind's.

A page's scripts are read from its HTML once it is rendered: the exercise kinds on it (``data-rs-widget``) and
its page applications (``data-rs-app``), with the applications of the theme's templates that every page renders
(``main.html`` and what it includes, such as the reading tools). Pages with the same ones share one *kit*, named by
a short hash of them:

- ``assets/js/page-<kit>.js``: an ES module that registers the page's widget and application modules in
  ``globalThis.rsModules`` (where ``app.js`` looks first), then runs ``app.js``, bundled by esbuild (pinned in
  package.json) into one file. A module a script imports with ``import("...")`` (presenting, the group pulse and
  its QR encoder, the read-aloud reader) stays out of every bundle: the browser fetches it from assets/js/ on
  first use. Each of ours is itself bundled and minified in the site (its file replaced by one holding what it
  imports, other lazily loaded modules left out), so first use is one request and carries no strings file.

Adding a widget kind or a page application (in a page or in the template) needs no change here: its
``data-rs-widget``/``data-rs-app`` attribute brings in ``widgets/<kind>.js`` (or ``apps/<name>.js``);
``widgets/<kind>.css`` joins rs.css. A feature that should load only when used is an ``import("...")`` in the
script that uses it. Every page also gets the modules in ``ALWAYS``.

Interface strings: a page carries, as JSON data (``<script type="application/json" id="rs-strings">``, allowed by
the Content-Security-Policy), only the strings its scripts can show: those quoted in the scripts of its kit and all
they import (``import()`` too), a plural's forms by its base name, and those quoted in the page's HTML (exercise
settings name some). lib/strings.js reads them; without that data (Node tests) it uses ``assets/js/strings.js``.

The bundles are kept in ``.cache/page-scripts/`` by a digest of their sources and kits, so a build whose scripts
did not change (``mkdocs serve`` after editing a page) copies them instead of bundling again.

An offline copy (file://) keeps its one classic script (macros/offline.py) but uses the same stylesheets and
strings.
"""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound

from .errors import ContentError, Problem

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ESBUILD = PACKAGE_ROOT / "node_modules" / ".bin" / "esbuild"
# Bundles kept between builds, by a digest of their sources and kits (git-ignored).
CACHE = PACKAGE_ROOT / ".cache" / "page-scripts"
CACHE_KEEP = 6
OUR_STYLESHEETS = "assets/css/"
STYLESHEET = "assets/css/rs.css"
EXERCISE_CSS = "widgets/_exercise.css"
# A stylesheet of ours (``extra_css``) that only pages holding some applications (``data-rs-app``) need says so in
# its opening comment: "Only on pages with: agenda, learning-record, my-learning." (apps_declared).
_APP_NAME = r"[a-z]+(?:-[a-z]+)*"
ONLY_WITH_APPS = re.compile(rf"\A\s*/\*(?:(?!\*/).)*?Only on pages with: ({_APP_NAME}(?:, {_APP_NAME})*)\.", re.S)
# Stylesheets a script links when needed (not in extra_css, so in no page's stylesheet), minified in place:
# presenter mode's, on first use; the reading settings' effects, only while a setting is on (assets/js/head.js).
LAZY_STYLESHEETS = ("assets/css/presenting.css", "assets/css/reading-effects.css")
# Classic scripts every page links as they are (not bundled), minified in place in a web build.
CLASSIC_SCRIPTS = ("assets/js/head.js", "assets/js/theme-content.js")
# Modules every page runs (app.js loads them whatever the page holds).
ALWAYS = ("apps/progress.js",)

# Imports in our scripts: static (import ... from "x"; import "x") and dynamic (import("x")).
IMPORTS = re.compile(r"""(?:^\s*import\s+(?:[^"';]*?\s+from\s+)?|\bimport\(\s*)["']([^"']+\.js)["']""", re.M)
STATIC_IMPORT = re.compile(r"""^\s*import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+\.js)["']""", re.M)
COMMENTS = re.compile(r"/\*.*?\*/|^[ \t]*//[^\n]*", re.S | re.M)
DYNAMIC_IMPORT = re.compile(r"""\bimport\(\s*["']([^"']+\.js)["']\s*\)""")
# A quoted word that may name an interface string: "page_tools_present", or a plural's base ("agenda_count").
QUOTED_NAME = re.compile(r"""["'`]([a-z][a-z0-9_]*)["'`]""")
PLURAL = re.compile(r"_(zero|one|two|few|many|other)$")
# Strings every page carries whatever its scripts name.
ALWAYS_STRINGS = ("locale",)

# What a build writes into assets/js/ (page scripts, the offline bundle), never bundled again.
BUNDLED = re.compile(r"^(page-[0-9a-f]+|app\.bundle)\.js$")

# No \b before the name: it would stop the regex engine looking for the literal name first (about 15 times slower
# on a module page), and no other attribute's name ends in these.
WIDGET = re.compile(r'data-rs-widget="([a-z]+(?:-[a-z]+)*)"')
APP = re.compile(r'data-rs-app="([a-z]+(?:-[a-z]+)*)"')
# The template every page renders, and the templates a template includes ({% include "partials/x.html" %}).
PAGE_TEMPLATE = "main.html"
INCLUDE = re.compile(r"""\{%-?\s*include\s+["']([^"']+)["']""")


@dataclass(frozen=True)
class Kit:
    """What a page uses: its exercise kinds and page applications, each sorted."""

    kinds: tuple[str, ...] = ()
    apps: tuple[str, ...] = ()
    # The stylesheets only pages with some applications link that these applications need, in extra_css order.
    app_stylesheets: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """A short name that changes whenever the kinds or applications do."""
        return hashlib.sha1(json.dumps([self.kinds, self.apps]).encode()).hexdigest()[:10]

    @property
    def kind_stylesheets(self) -> tuple[str, ...] | None:
        """The kinds whose stylesheets this kit's pages need, or None for every kind's (a page with no exercise,
        such as My learning or an answer sheet, may show any kind's markup)."""
        return self.kinds or None

    @property
    def stylesheet(self) -> str:
        """The one stylesheet of ours this kit's pages link: rs.css, or one with its applications' styles too,
        or one with only the kinds' styles its exercises need."""
        return stylesheet_with(self.app_stylesheets, self.kind_stylesheets)

    @property
    def script(self) -> str:
        """This kit's script bundle, as a site path."""
        return f"assets/js/page-{self.name}.js"

    def modules(self) -> list[str]:
        """The widget and application modules this kit registers, as paths under assets/js/."""
        return [f"widgets/{kind}.js" for kind in self.kinds] + [f"apps/{app}.js" for app in self.apps] + \
            [path for path in ALWAYS if path not in {f"apps/{app}.js" for app in self.apps}]


def stylesheet_with(app_stylesheets: tuple[str, ...], kinds: tuple[str, ...] | None = None) -> str:
    """The site path of our stylesheet holding the shared styles, the given applications' stylesheets and the
    given kinds' (None: every kind's; otherwise these, named by a short hash of them)."""
    names = [Path(path).stem for path in app_stylesheets]
    if kinds is not None:
        names.append("k" + hashlib.sha1(json.dumps(kinds).encode()).hexdigest()[:8])
    if not names:
        return STYLESHEET
    return f"{STYLESHEET.removesuffix('.css')}-{'-'.join(names)}.css"


def kit_for(html: str) -> Kit:
    """The kit a page's HTML needs."""
    return Kit(tuple(sorted(set(WIDGET.findall(html)))), tuple(sorted(set(APP.findall(html)))))


def apps_declared(css: str) -> tuple[str, ...]:
    """The applications a stylesheet's opening comment says it is only for (none: it is for every page)."""
    match = ONLY_WITH_APPS.match(css)
    return tuple(match.group(1).split(", ")) if match else ()


def template_apps(env: Any) -> tuple[str, ...]:
    """The page applications (``data-rs-app``) in the theme's page template and every template it includes,
    read through the theme's template environment (so an adapted copy's overrides count)."""
    apps: set[str] = set()
    seen: set[str] = set()
    queue = [PAGE_TEMPLATE]
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source = env.loader.get_source(env, name)[0]
        except TemplateNotFound:  # a theme without the template adds none
            continue
        apps |= set(APP.findall(source))
        queue += INCLUDE.findall(source)
    return tuple(sorted(apps))


class PageAssets:
    """The kits of one build: filled as pages render, written into the site after the build."""

    def __init__(self) -> None:
        """Start with no pages recorded."""
        self.by_page: dict[str, Kit] = {}
        self.names_on_page: dict[str, set[str]] = {}
        self.stylesheets: list[str] = []
        self.files: Any = None
        self.strings: dict[str, str] = {}
        self.template_apps: tuple[str, ...] = ()
        # Each of our stylesheets that only pages with some applications link, and those applications.
        self.app_stylesheets: dict[str, tuple[str, ...]] = {}
        self._names_in_kit: dict[Kit, set[str]] = {}
        self._names_in_script: dict[str, tuple[set[str], list[str]]] = {}

    def use(self, files: Any, strings: dict[str, str], env: Any = None) -> None:
        """The build's files (where the scripts' sources are read), its interface strings and its template
        environment (whose page template may hold applications every page has)."""
        self.files, self.strings = files, strings
        self.template_apps = template_apps(env) if env is not None and env.loader is not None else ()
        self.app_stylesheets = {}
        for path in self.stylesheets:
            file = files.get_file_from_path(str(path)) if files is not None else None
            if file is not None and (apps := apps_declared(file.content_string)):
                self.app_stylesheets[str(path)] = apps
        self._names_in_kit.clear()
        self._names_in_script.clear()

    def take_stylesheets(self, config: Any) -> None:
        """Take our own stylesheets out of ``extra_css`` (the theme would link each one); the kits carry them.
        Others (an adapted copy's brand.css) stay, linked after ours."""
        self.stylesheets = [path for path in config.extra_css if str(path).startswith(OUR_STYLESHEETS)]
        config.extra_css = [path for path in config.extra_css if not str(path).startswith(OUR_STYLESHEETS)]

    def record(self, src_uri: str, html: str) -> None:
        """Note what a rendered page's content uses."""
        self.by_page[src_uri] = kit_for(html)
        # Data the page's scripts read may name strings too (a checklist's answer labels).
        self.names_on_page[src_uri] = set(QUOTED_NAME.findall(html.replace("&quot;", '"')))

    def for_page(self, page: Any) -> Kit:
        """The kit a page links (a page with no recorded content, such as the 404 page, gets the plain one)."""
        src_uri = getattr(getattr(page, "file", None), "src_uri", None)
        return self.with_template(self.by_page.get(src_uri, Kit()))

    def with_template(self, kit: Kit) -> Kit:
        """A page's kit with the applications of the page template (read in on_env, after pages' content was
        recorded)."""
        apps = tuple(sorted(set(kit.apps) | set(self.template_apps)))
        return Kit(kit.kinds, apps,
                   tuple(path for path, needs in self.app_stylesheets.items() if set(needs) & set(apps)))

    def strings_for_page(self, page: Any) -> dict[str, str]:
        """The interface strings a page's scripts can show: those named in the scripts it loads (at load or
        later), directly or as a plural's base, or in its HTML; the page carries them as data (lib/strings.js)."""
        kit = self.for_page(page)
        if kit not in self._names_in_kit:
            self._names_in_kit[kit] = self.names_in_scripts(["app.js", *kit.modules()])
        src_uri = getattr(getattr(page, "file", None), "src_uri", None)
        names = self._names_in_kit[kit] | self.names_on_page.get(src_uri, set())
        return {key: text for key, text in self.strings.items()
                if key in names or PLURAL.sub("", key) in names or key in ALWAYS_STRINGS}

    def names_in_scripts(self, modules: list[str]) -> set[str]:
        """Every quoted word in the given scripts (paths under assets/js/) and in all they import."""
        names: set[str] = set()
        seen: set[str] = set()
        queue = [f"assets/js/{module}" for module in modules]
        while queue:
            uri = queue.pop()
            if uri in seen or uri.endswith("assets/js/strings.js"):
                continue
            seen.add(uri)
            found, imports = self._script_names(uri)
            names |= found
            queue += imports
        return names

    def _script_names(self, uri: str) -> tuple[set[str], list[str]]:
        """The quoted words in one script of the build's files, and the scripts it imports (once per build)."""
        if uri not in self._names_in_script:
            file = self.files.get_file_from_path(uri) if self.files is not None else None
            if file is None:
                self._names_in_script[uri] = (set(), [])
            else:
                source = COMMENTS.sub("", file.content_string)
                folder = uri.rsplit("/", 1)[0]
                self._names_in_script[uri] = (set(QUOTED_NAME.findall(source)), [
                    posixpath.normpath(f"{folder}/{target}") for target in IMPORTS.findall(source)])
        return self._names_in_script[uri]

    def kits(self) -> list[Kit]:
        """Every kit pages use, and that of a page with no recorded content, by name."""
        kits = {self.with_template(kit) for kit in [*self.by_page.values(), Kit()]}
        return sorted(kits, key=lambda kit: kit.name)

    def write_stylesheets(self, site: Path) -> None:
        """Write each stylesheet of ours pages link: ours in order (an application's only in the files for pages
        with it), then the exercise styles and the kinds' (every kind's, or the page's own),
        minified."""
        variants = {(kit.app_stylesheets, kit.kind_stylesheets) for kit in self.kits()} | {((), None)}
        written = [self.write_stylesheet(site, app_stylesheets, kinds)
                   for app_stylesheets, kinds in sorted(variants, key=repr)]
        minify_stylesheets(site, written + [site / path for path in LAZY_STYLESHEETS if (site / path).is_file()])

    def write_stylesheet(self, site: Path, app_stylesheets: tuple[str, ...],
                         kinds: tuple[str, ...] | None = None) -> Path:
        """Write the stylesheet holding the shared styles, the given applications' stylesheets and the given
        kinds' (None: every kind's), to be minified (minify_stylesheets); return its path."""
        css = site / "assets" / "css"
        target = site / stylesheet_with(app_stylesheets, kinds)
        parts = [site / path for path in self.stylesheets
                 if str(path) not in self.app_stylesheets or str(path) in app_stylesheets]
        kind_sheets = sorted(path for path in (css / "widgets").glob("*.css") if path.name != Path(EXERCISE_CSS).name
                             and (kinds is None or path.stem in kinds))
        parts += [css / EXERCISE_CSS, *kind_sheets]
        # Each part opens with its source's name, in a comment minifying keeps (/*! ... */).
        text = "\n".join(f"/*! {part.relative_to(site).as_posix()} */\n{part.read_text(encoding='utf-8')}"
                          for part in parts if part.is_file())
        target.write_text(text, encoding="utf-8")
        return target

    def write_scripts(self, site: Path) -> None:
        """Bundle each kit's script with esbuild into one file (lazily loaded modules stay out); fail clearly
        without esbuild."""
        js = site / "assets" / "js"
        esbuild = find_esbuild()
        if not esbuild:
            raise ContentError("The build needs esbuild to bundle each page's scripts.", [Problem(
                "package.json", "devDependencies", "run `npm install` in the upstream repository (make serve and "
                "make build do this), then build again.")])
        minify_classic_scripts(esbuild, site)
        with tempfile.TemporaryDirectory() as tmp:
            # The bundles read the page's strings (data in the page), so they leave out the file of all of them.
            sources = Path(tmp) / "assets" / "js"
            shutil.copytree(js, sources, ignore=lambda folder, names: [name for name in names if Path(folder) == js
                                                                          and BUNDLED.match(name)])
            if (site / "assets" / "vendor").is_dir():  # vendored modules our scripts import
                shutil.copytree(site / "assets" / "vendor", sources.parent / "vendor")
            (sources / "strings.js").write_text("export default {};\n", encoding="utf-8")
            # What scripts load with import() stays out of the bundles: the browser fetches it on first use.
            lazy = lazy_modules(sources)
            own_lazy = [path for path in lazy if path.is_relative_to(sources.resolve())]
            outputs = [kit.script for kit in self.kits()] + \
                [f"assets/js/{path.relative_to(sources.resolve()).as_posix()}" for path in own_lazy]
            cached = self._cache_folder(sources.parent)
            if self._from_cache(cached, site, outputs):  # the same sources and kits as a build before
                return
            # Kits whose scripts leave out the same lazy modules are bundled in one esbuild run (each entry on its
            # own: no code splitting); a lazy module a kit's own modules import anyway is in its bundle, once.
            runs: dict[tuple[Path, ...], list[str]] = {}
            for kit in self.kits():
                bundled = statically_imported([sources / module for module in ["app.js", *kit.modules()]])
                registry = Path(tmp) / f"registry-{kit.name}.js"
                registry.write_text(registry_source(sources, kit.modules()), encoding="utf-8")
                entry = Path(tmp) / f"page-{kit.name}.js"
                # Imports run in order: the registry first, so app.js finds the page's modules in it.
                entry.write_text(f"import {json.dumps(registry.as_posix())};\n"
                                 f"import {json.dumps((sources / 'app.js').as_posix())};\n", encoding="utf-8")
                runs.setdefault(tuple(path for path in lazy if path not in bundled), []).append(str(entry))
            for external, entries in runs.items():
                # Written beside the copied sources, so a lazy module's path is written relative to assets/js/.
                result = subprocess.run([esbuild, *entries, "--bundle", "--format=esm", "--minify", "--target=es2020",
                                         "--log-level=error", f"--outdir={sources}",
                                         *[f"--external:{path}" for path in external]],
                                        capture_output=True, text=True, check=False)
                if result.returncode != 0:
                    raise ContentError("Bundling the pages' scripts failed.", [Problem(
                        "assets/js/app.js", "esbuild", result.stderr.strip())])
            for kit in self.kits():
                shutil.copy2(sources / Path(kit.script).name, site / kit.script)
            bundle_lazy_modules(esbuild, sources.resolve(), lazy, js)
            self._to_cache(cached, site, outputs)

    def _cache_folder(self, assets: Path) -> Path:
        """Where bundles of these sources (a copy of assets/) and kits are kept between builds."""
        digest = hashlib.sha256(json.dumps([kit.name for kit in self.kits()]).encode())
        for path in sorted(assets.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(assets).as_posix().encode() + b"\0" + path.read_bytes())
        return CACHE / digest.hexdigest()[:20]

    def _from_cache(self, folder: Path, site: Path, outputs: list[str]) -> bool:
        """Copy the bundles (site paths) from the cache, if an earlier build bundled the same; say whether it
        did."""
        if not all((folder / path).is_file() for path in outputs):
            return False
        try:
            for path in outputs:
                shutil.copy2(folder / path, site / path)
        except OSError:
            return False
        return True

    def _to_cache(self, folder: Path, site: Path, outputs: list[str]) -> None:
        """Keep this build's bundles for the next build (`mkdocs serve` rebuilds after every edit); keep the
        newest few only. The cache is a convenience: any failure here is ignored."""
        staging = None
        try:
            CACHE.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(dir=CACHE))
            for path in outputs:
                (staging / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(site / path, staging / path)
            staging.rename(folder)
            kept = sorted((path for path in CACHE.iterdir() if path.is_dir()), key=lambda p: p.stat().st_mtime)
            for old in kept[:-CACHE_KEEP]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)


def minify_stylesheets(site: Path, targets: list[Path]) -> None:
    """Minify stylesheets of the built site in place, in one esbuild run (each file on its own; left as they
    are without esbuild)."""
    esbuild = find_esbuild()
    if not esbuild or not targets:
        return
    result = subprocess.run([esbuild, *map(str, targets), "--minify", "--log-level=error", f"--outdir={site}",
                             f"--outbase={site}", "--allow-overwrite"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ContentError("Minifying the site's stylesheets failed.", [Problem(
            ", ".join(target.relative_to(site).as_posix() for target in targets), "esbuild", result.stderr.strip())])


def minify_classic_scripts(esbuild: str, site: Path) -> None:
    """Minify in place the classic scripts every page links (``CLASSIC_SCRIPTS``); their licence comments
    (``/*! ... */``) stay."""
    for path in CLASSIC_SCRIPTS:
        target = site / path
        if not target.is_file():
            continue
        result = subprocess.run([esbuild, str(target), "--minify", "--target=es2020", "--log-level=error",
                                 f"--outfile={target}", "--allow-overwrite"], capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            raise ContentError("Minifying a script of the site failed.", [Problem(path, "esbuild",
                                                                                  result.stderr.strip())])


def find_esbuild() -> str | None:
    """The pinned esbuild (npm install), or one on the PATH."""
    return str(ESBUILD) if ESBUILD.exists() else shutil.which("esbuild")


@functools.lru_cache(maxsize=512)
def _code(script: Path, modified: float) -> str:
    """A script's code without its comments (read once per version)."""
    return COMMENTS.sub("", script.read_text(encoding="utf-8"))


def statically_imported(scripts: list[Path]) -> set[Path]:
    """The given scripts and every script they import statically, directly or through others."""
    found: set[Path] = set()
    queue = [script.resolve() for script in scripts]
    while queue:
        script = queue.pop()
        if script in found or not script.is_file():
            continue
        found.add(script)
        code = _code(script, script.stat().st_mtime)
        queue += [(script.parent / target).resolve() for target in STATIC_IMPORT.findall(code)]
    return found


def lazy_modules(js: Path) -> list[Path]:
    """The modules our scripts (under assets/js/) load with import("..."), as absolute paths."""
    found = set()
    for script in js.rglob("*.js"):
        code = COMMENTS.sub("", script.read_text(encoding="utf-8"))  # JSDoc types say import("...") too
        for target in DYNAMIC_IMPORT.findall(code):
            found.add((script.parent / target).resolve())
    return sorted(found)


def bundle_lazy_modules(esbuild: str, sources: Path, lazy: list[Path], js: Path) -> None:
    """Replace each of our lazily loaded modules (under ``sources``, a copy of assets/js/ whose page bundles are
    made) in the site's ``js`` folder by one minified file holding it and what it imports, other lazily loaded
    modules left out (they stay requests of their own, on first use)."""
    for module in lazy:
        if not module.is_relative_to(sources):
            continue  # vendored code is served as it is
        # Written over its copied source, in its own folder: esbuild writes the path of a lazy module it imports
        # relative to the output folder, which must be the module's own (lib/x.js importing "./y.js", not "./lib/y.js").
        result = subprocess.run([esbuild, str(module), "--bundle", "--format=esm", "--minify", "--target=es2020",
                                 "--log-level=error", f"--outdir={module.parent}",
                                 "--allow-overwrite", *[f"--external:{path}" for path in lazy if path != module]],
                                capture_output=True, text=True, check=False)
        relative = module.relative_to(sources)
        if result.returncode != 0:
            raise ContentError("Bundling a script loaded on first use failed.", [Problem(
                f"assets/js/{relative.as_posix()}", "esbuild", result.stderr.strip())])
        shutil.copy2(module, js / relative)


def registry_source(js: Path, modules: list[str]) -> str:
    """An ES module that imports the given modules and registers them by the path app.js uses."""
    lines, names = [], []
    for index, module in enumerate(modules):
        lines.append(f"import * as m{index} from {json.dumps((js / module).as_posix())};")
        names.append(f"  {json.dumps('./' + module)}: m{index},")
    return "\n".join(lines + ["globalThis.rsModules = {", *names, "};", ""])
