"""An organisation's overlay: one YAML file (organisation.yaml) beside the organisation's own mkdocs.yml.

It names the organisation, its logo and colours, contacts, local policy links, helplines, the modules it
includes (and their order), its own pages and any interface strings it changes. Everything is checked once,
when the build starts; every problem is reported together as a ContentError naming the key and the fix.
See docs/hosting.md ("Make an adapted copy").
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .accessibility import overlay_problems as accessibility_problems
from .app_icons import icon_problems
from .catalogue import read_yaml
from .contrast import AA, WHITE, contrast, luminance
from .errors import ContentError, Problem
from .fill_in import Pending, pending_in_overlay, pending_in_pages, with_stand_ins
from .markdown_links import EXTERNAL, link_sources, written_links
from .modules import load_registry
from .overlay_links import overlay_text_problems
from .project import PACKAGE_ROOT
from .safe_markdown import OVERLAY_LINKS, markdown_problems
from .schema_messages import describe, load_validator, schema_problems
from .strings import default_strings, merge_strings
from .suggest import close_names, did_you_mean
from .svg_check import svg_problems

SCHEMA = PACKAGE_ROOT / "data" / "organisation.schema.json"
DEFAULT_FILE = "organisation.yaml"
DEFAULT_PAGES_DIR = "pages"
DEFAULT_MANIFEST = "upstream-manifest.json"
# The keys of local_links:, and of {{ local_link(key) }} (words: the interface strings local_link_<key>).
LOCAL_LINK_KEYS = ("supervision_policy", "employee_assistance", "lone_working", "data_protection",
                   "learning_and_development", "wellbeing_support")
# Upstream pages an adapted copy leaves out: they are about editing or hosting this project itself.
UPSTREAM_ONLY = ("authoring/", "hosting.md")
# The overlay's ``keeps`` values that keep one of them on purpose.
KEPT_GUIDES = {"authoring-guide": "authoring/", "hosting-guide": "hosting.md"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------------------------------------------
# The overlay
# ---------------------------------------------------------------------------------------------------

@dataclass
class Organisation:
    """A checked organisation overlay."""

    root: Path                      # the overlay file's folder (paths in it are relative to it)
    file: Path                      # organisation.yaml
    upstream: Path                  # the upstream repository (docs/, exercises/, data/)
    data: dict[str, Any]
    modules: list[str]              # included module ids, in order
    all_modules: list[str]          # every upstream module id
    pages_dir: Path
    pages: list[str]                # nav pages, as src_uri inside pages_dir
    own_files: list[str]            # every file in pages_dir, as src_uri
    strings: dict[str, str]
    colours: dict[str, str] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)   # fields still to fill (macros/fill_in.py)

    @property
    def name(self) -> str:
        """The organisation's name."""
        return str(self.data["name"])

    @property
    def shown(self) -> str:
        """The overlay file as named in messages."""
        return self.file.name

    @property
    def logo(self) -> Path | None:
        """The logo file, if any."""
        return (self.root / self.data["logo"]) if self.data.get("logo") else None

    @property
    def excluded_modules(self) -> list[str]:
        """Upstream modules this copy leaves out."""
        return [m for m in self.all_modules if m not in self.modules]

    @property
    def helplines(self) -> list[str] | None:
        """Support routes replacing data/support.yaml, if given."""
        return self.data.get("helplines")

    @property
    def contacts(self) -> list[dict[str, str]]:
        """Contacts, in order."""
        return list(self.data.get("contacts", []))

    @property
    def local_links(self) -> dict[str, str]:
        """Local policy links by key."""
        return dict(self.data.get("local_links", {}))

    @property
    def manifest(self) -> Path:
        """The recorded upstream content manifest."""
        return self.root / self.data.get("upstream_manifest", DEFAULT_MANIFEST)

    def removed_pages(self, upstream_pages: list[str]) -> set[str]:
        """Upstream pages (src_uri) not built in this copy (see removed_pages)."""
        kept = tuple(KEPT_GUIDES[key] for key in self.data.get("keeps") or [] if key in KEPT_GUIDES)
        return removed_pages(self.excluded_modules, upstream_pages, self.own_files, kept)

    @cached_property
    def removed(self) -> frozenset[str]:
        """The upstream pages this copy does not build, worked out once (the hooks, macros and checks share it)."""
        return frozenset(self.removed_pages(upstream_pages(self.upstream)))

    def brand_css(self) -> str:
        """A stylesheet applying the brand colours through Material's custom palette variables. The reading
        settings' dark theme (assets/css/reading-effects.css) keeps only the header's pair (--rs-brand-header-*)
        and draws the page in its own colours; the high-contrast theme sets every brand colour aside."""
        colours = self.colours
        if not colours:
            return ""
        lines = [":root,", '[data-md-color-scheme="default"] {']
        if "primary" in colours:
            lines += [f"  --md-primary-fg-color: {colours['primary']};",
                      f"  --md-primary-fg-color--light: {colours['primary']};",
                      f"  --md-primary-fg-color--dark: {colours['primary']};",
                      f"  --rs-brand-header-bg: {colours['primary']};",
                      f"  --rs-brand-header-fg: {colours.get('primary_text', WHITE)};"]
        if "primary_text" in colours:
            lines += [f"  --md-primary-bg-color: {colours['primary_text']};",
                      f"  --md-primary-bg-color--light: {colours['primary_text']};"]
        if "accent" in colours:
            lines.append(f"  --md-accent-fg-color: {colours['accent']};")
        link = colours.get("link", colours.get("primary"))
        if link:
            lines.append(f"  --md-typeset-a-color: {link};")
        lines.append("}")
        return (
            "/* Generated from the organisation's overlay (organisation.yaml): brand colours. */\n"
            + "\n".join(lines)
            + "\n"
        )


def removed_pages(excluded: list[str], upstream_pages: list[str], own_files: list[str],
                  kept: tuple[str, ...] = ()) -> set[str]:
    """Upstream pages (src_uri) a copy leaving out the ``excluded`` modules does not build: those modules,
    pages named after them in any folder (handouts/<module>.md, handouts/<module>-answers.md), and upstream-only
    pages (the authoring and hosting guides) unless ``kept`` names them (the overlay's ``keeps``), except pages the
    copy replaces with its own."""
    left_out = set(excluded)
    removed = {f"modules/{m}.md" for m in left_out}
    removed |= {page for page in upstream_pages
                if posixpath.basename(page).removesuffix(".md").removesuffix("-answers") in left_out}
    upstream_only = tuple(prefix for prefix in UPSTREAM_ONLY if prefix not in kept)
    removed |= {page for page in upstream_pages if upstream_only and page.startswith(upstream_only)}
    return removed - set(own_files)


def module_ids(upstream: Path) -> list[str]:
    """Every upstream module id, in the order of the module registry (data/modules.yaml, macros/modules.py);
    for an upstream without one (an older release), in its navigation order, else alphabetical."""
    if (upstream / "data" / "modules.yaml").is_file():
        return list(load_registry(upstream).modules)
    found = sorted(p.stem for p in (upstream / "docs" / "modules").glob("*.md") if p.stem != "index")
    order = _upstream_nav_modules(upstream)
    return [m for m in order if m in found] + [m for m in found if m not in order]


def _upstream_nav_modules(upstream: Path) -> list[str]:
    text = (upstream / "mkdocs.yml").read_text(encoding="utf-8") if (upstream / "mkdocs.yml").exists() else ""
    return re.findall(r"modules/([a-z0-9-]+)\.md", text)


def find_organisation_file(config_dir: Path, extra: dict[str, Any]) -> Path | None:
    """The overlay file: extra.organisation_file (relative to mkdocs.yml), else organisation.yaml beside it."""
    named = extra.get("organisation_file")
    if named:
        path = (config_dir / str(named)).resolve()
        if not path.is_file():
            raise ContentError("The organisation file is missing.", [Problem(
                "mkdocs.yml", "extra.organisation_file", f"there is no file {named} beside mkdocs.yml ({path}). "
                "Fix the path, or remove the setting to build without an overlay.")])
        return path
    default = config_dir / DEFAULT_FILE
    return default.resolve() if default.is_file() else None


def outside(path: Path, folder: Path) -> Path | None:
    """Where ``path`` really is (symbolic links followed) when that is outside ``folder``, else None."""
    real = path.resolve()
    return None if real.is_relative_to(folder.resolve()) else real


def where_outside(written: str, real: Path, path: Path) -> str:
    """How a path that leads outside the copy's folder got there, for a message."""
    if path.is_symlink() or any(parent.is_symlink() for parent in path.parents):
        return f"{written} is a symbolic link to {real}"
    return f"{written} is {real}"


def check_logo(logo: Path, written: str, shown: str) -> list[Problem]:
    """A PNG must be a PNG; an SVG may hold no code and no reference to other files or hosts (svg_check)."""
    if logo.suffix.lower() == ".png":
        if not logo.read_bytes()[:8] == PNG_SIGNATURE:
            return [Problem(shown, "logo", f"{written} is not a PNG image. Export the logo as PNG again, "
                                           "or use an SVG.")]
        return []
    return [Problem(shown, "logo", f"{written}: {problem}.") for problem in svg_problems(logo)]


def own_page_files(pages_dir: Path) -> list[Path]:
    """Every file in the pages folder, leaving out hidden ones (.git, .env), as the build leaves them out of docs."""
    if not pages_dir.is_dir():
        return []
    return sorted(p for p in pages_dir.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(pages_dir).parts))


def load_organisation(path: Path, upstream: Path, folder: Path | None = None) -> Organisation:
    """Load and check an overlay file; raise one ContentError listing every problem.

    ``folder`` is the copy's folder (where its mkdocs.yml is; by default the overlay file's): every file the
    overlay publishes (the logo, the pages folder and the files in it) must really be inside it, symbolic
    links followed. Only the copy's mkdocs.yml points outside it (at the upstream repository), by design."""
    root = path.parent
    folder = folder or root
    shown = path.name
    data, pending = read_overlay(path, shown)
    all_modules = module_ids(upstream)
    modules = list(data.get("modules", all_modules))
    problems = module_problems(modules, all_modules, shown)
    problems += accessibility_problems(data, shown)
    problems += logo_problems(data.get("logo"), root, folder, shown)
    problems += icon_problems(data.get("app_icons"), root, folder, shown)
    pages_dir = root / data.get("pages_dir", DEFAULT_PAGES_DIR)
    escaped = outside(pages_dir, folder)
    problems += placement_problems(data, root, folder, shown, pages_dir, escaped)
    files = [] if escaped else own_page_files(pages_dir)
    problems += linked_file_problems(files, pages_dir, folder)
    own_files = [file.relative_to(pages_dir).as_posix() for file in files]
    pages = list(data.get("pages", []))
    problems += page_problems(data, pages, own_files, pages_dir, escaped is not None, shown)
    for index, route in enumerate(data.get("helplines", [])):
        problems += [Problem(shown, f"helplines[{index}]", f"{problem}.")
                     for problem in markdown_problems(route, OVERLAY_LINKS, "a helpline")]
    problems += local_link_problems(data.get("local_links", {}), own_files, pages_dir, shown)
    colours = {key: value.lower() for key, value in data.get("colours", {}).items()}
    problems += check_colours(colours, shown)
    try:
        strings = merge_strings(default_strings(), data.get("strings"), shown)
    except ContentError as error:
        problems += error.problems
        strings = default_strings()
    if problems:
        raise ContentError("Problems in the organisation file. Fix each one and build again:", problems)
    organisation = Organisation(root=root, file=path, upstream=upstream, data=data, modules=modules,
                                all_modules=all_modules, pages_dir=pages_dir, pages=pages, own_files=own_files,
                                strings=strings, colours=colours,
                                pending=pending + pending_in_pages(pages_dir, own_files))
    problems += check_own_page_links(organisation)
    problems += check_overlay_text_links(organisation)
    if problems:
        raise ContentError("Problems in the organisation's pages and links. Fix each one and build again:", problems)
    return organisation


def read_overlay(path: Path, shown: str) -> tuple[dict[str, Any], list[Pending]]:
    """The overlay file's data, checked against its schema (data/organisation.schema.json), and the fields
    still marked to fill (macros/fill_in.py: they are checked with stand-ins in their place)."""
    data, problems = read_yaml(path, shown)
    if problems:
        raise ContentError("The organisation file cannot be read:", problems)
    if not isinstance(data, dict):
        raise ContentError("Problems in the organisation file:", [Problem(
            shown, "(top level)", "the file must be a set of named fields (name:, logo:, ...).")])
    pending = pending_in_overlay(data, shown)
    data = with_stand_ins(data)
    problems = schema_problems(data, load_validator(SCHEMA), shown, _describe)
    if problems:
        raise ContentError("Problems in the organisation file. Fix each one and build again:", problems)
    return data, pending


def module_problems(modules: list[str], all_modules: list[str], shown: str) -> list[Problem]:
    """Every module the copy names must be an upstream module."""
    problems = []
    for index, module in enumerate(modules):
        if module not in all_modules:
            hint = did_you_mean(module, all_modules, f" Known modules: {', '.join(all_modules)}.")
            problems.append(Problem(shown, f"modules[{index}]",
                                    f"there is no module {module!r} (no docs/modules/{module}.md upstream).{hint}"))
    return problems


def logo_problems(logo: str | None, root: Path, folder: Path, shown: str) -> list[Problem]:
    """The logo must be an SVG or PNG file inside the copy's folder, and safe to publish."""
    if not logo:
        return []
    logo_path = root / logo
    escaped = outside(logo_path, folder)
    if escaped:
        where = where_outside(logo, escaped, logo_path)
        return [Problem(shown, "logo", f"{where}, outside the copy's folder "
                                       f"({folder}). Copy the logo file into the folder (for example "
                                       "assets/logo.svg) and give its path from here: the build publishes "
                                       "only files from the copy's own folder.")]
    if not logo_path.is_file():
        return [Problem(shown, "logo", f"the file {logo} does not exist (looked for {logo_path}). "
                                       "Fix the path, or add the file.")]
    if logo_path.suffix.lower() not in {".svg", ".png"}:
        return [Problem(shown, "logo", "use an SVG or PNG file.")]
    return check_logo(logo_path, logo, shown)


def placement_problems(data: dict[str, Any], root: Path, folder: Path, shown: str, pages_dir: Path,
                       escaped: Path | None) -> list[Problem]:
    """The pages folder and the manifest must be inside the copy's folder."""
    problems = []
    if escaped:
        written = data.get("pages_dir", DEFAULT_PAGES_DIR)
        where = where_outside(written, escaped, pages_dir)
        problems.append(Problem(shown, "pages_dir", f"{where}, outside the copy's folder "
                                                    f"({folder}). Move your pages into a folder inside it (for example "
                                                    "pages/) and name that folder: the build publishes only files from "
                                                    "the copy's own folder."))
    manifest = data.get("upstream_manifest")
    real = outside(root / manifest, folder) if manifest else None
    if real:
        where = where_outside(manifest, real, root / manifest)
        problems.append(Problem(shown, "upstream_manifest", f"{where}, outside the copy's folder ({folder}). "
                                                            "Keep the manifest in the folder (the default is "
                                                            "upstream-manifest.json)."))
    return problems


def linked_file_problems(files: list[Path], pages_dir: Path, folder: Path) -> list[Problem]:
    """No file in the pages folder may be a symbolic link to a file outside the copy's folder."""
    problems = []
    for file in files:
        real = outside(file, folder)
        if real:
            problems.append(Problem(f"{pages_dir.name}/{file.relative_to(pages_dir).as_posix()}", "(the file)",
                                    f"is a symbolic link to {real}, outside the copy's folder ({folder}). "
                                    "Copy the file into the pages folder instead of linking to it: the build "
                                    "publishes only files from the copy's own folder."))
    return problems


def page_problems(data: dict[str, Any], pages: list[str], own_files: list[str], pages_dir: Path, escaped: bool,
                  shown: str) -> list[Problem]:
    """The pages folder must exist when named, and every page in ``pages:`` must be a Markdown file in it."""
    problems = []
    if "pages_dir" in data and not escaped and not pages_dir.is_dir():
        problems.append(Problem(shown, "pages_dir", f"the folder {data['pages_dir']} does not exist. "
                                                    "Create it, or remove the setting."))
    for index, page in enumerate(pages):
        if not page.endswith(".md"):
            problems.append(Problem(shown, f"pages[{index}]", f"{page!r} is not a Markdown page. "
                                                              f"List .md files inside {pages_dir.name}/."))
        elif page not in own_files:
            problems.append(Problem(shown, f"pages[{index}]", f"the page {pages_dir.name}/{page} does not exist. "
                                                              "Fix the path, or create the page."))
    return problems


def local_link_problems(local_links: dict[str, str], own_files: list[str], pages_dir: Path,
                        shown: str) -> list[Problem]:
    """A local link is an https:, mailto: or tel: address, or one of the copy's own pages."""
    problems = []
    for key, target in local_links.items():
        if EXTERNAL.match(target):
            if not target.lower().startswith(("https://", "mailto:", "tel:")):
                problems.append(Problem(shown, f"local_links.{key}", f"{target!r}: use an https:// address, a "
                                                                     "mailto: or tel: link, or one of your own pages."))
        else:
            page = target.split("#", 1)[0].removeprefix(pages_dir.name + "/")
            if page not in own_files or not page.endswith(".md"):
                problems.append(Problem(shown, f"local_links.{key}",
                                        f"{target!r} is not one of your pages ({pages_dir.name}/…). "
                                        "Use an https:// address, or the path of a page in your pages folder."))
    return problems


def check_colours(colours: dict[str, str], shown: str) -> list[Problem]:
    """Brand colour pairs must meet WCAG AA (4.5:1) for the text shown on them, in every theme they apply to:
    all of them in the light theme; in the dark theme only the header's pair (primary, primary_text), the page
    keeping the theme's own colours; none in the high-contrast theme, which sets brand colours aside."""
    problems = []
    pairs = []
    if "primary" in colours:
        pairs.append(("colours.primary", colours["primary"], "colours.primary_text", colours.get("primary_text", WHITE),
                      "the header text and icons are drawn in primary_text on the primary colour,"
                      " in the light and the dark theme"))
    if "primary_text" in colours and "primary" not in colours:
        problems.append(
            Problem(shown, "colours.primary_text", "set colours.primary too: primary_text is the text on it.")
        )
    link = colours.get("link", colours.get("primary"))
    if link:
        key = "colours.link" if "link" in colours else "colours.primary"
        pairs.append((key, link, "the white page", WHITE, "links in text use this colour on the white page"
                      + ("" if "link" in colours else " (set colours.link to choose a different link colour)")))
    if "primary" in colours and "link" in colours:
        # Even with its own link colour, the primary colour is text on white (exercise labels, secondary
        # buttons) and white text sits on it (buttons, pressed toggles).
        pairs.append(
            (
                "colours.primary",
                colours["primary"],
                "the white page",
                WHITE,
                "exercise labels and secondary buttons are drawn in it on the white page, and button text "
                "in white on it",
            )
        )
    if "accent" in colours:
        pairs.append(
            (
                "colours.accent",
                colours["accent"],
                "the white page",
                WHITE,
                "links on hover and active controls use the accent on the white page",
            )
        )
    for key, colour, other_name, other, why in pairs:
        ratio = contrast(colour, other)
        if ratio < AA:
            fix = (
                "choose a darker colour"
                if luminance(other) > 0.5
                else "choose a lighter text colour or a darker background"
            )
            problems.append(
                Problem(
                    shown,
                    key,
                    f"{colour} against {other_name} ({other}) has contrast "
                    f"{ratio:.2f}:1, below the "
                    f"WCAG AA minimum of 4.5:1; {why}. Fix: {fix}.",
                )
            )
    return problems


def _describe(error: Any) -> str:
    path = list(error.absolute_path)
    if error.validator == "pattern" and path and path[0] == "colours":
        return f"{error.instance!r} is not a colour. Write # and six hex digits, for example #1b5962."
    if error.validator == "pattern" and path and path[0] == "modules":
        return (
            f"{error.instance!r} is not a module name. Use the name of a file in docs/modules/ without .md, "
            "for example what-is-supervision."
        )
    if error.validator == "additionalProperties" and not path:
        allowed = sorted(error.schema.get("properties", {}))
        unknown = [str(k) for k in error.instance if k not in allowed]
        hints = []
        for name in unknown:
            close = close_names(name, allowed, limit=1, cutoff=0.6)
            hints.append(f'"{name}"' + (f' (did you mean "{close[0]}"?)' if close else ""))
        return f"unknown key {', '.join(hints)}. Remove it or fix the spelling; the keys are: {', '.join(allowed)}."
    if error.validator == "pattern" and path and path[0] == "local_links":
        return (f"{error.instance!r} is not a link the site can use. Use an https:// address, a mailto: or tel: link, "
                "or the path of one of your own pages, with no spaces, quotes or brackets.")
    if error.validator == "pattern" and path[-1:] in (["url"], ["contact"]):
        return (f"{error.instance!r} is not a link the site can use. Use an https:// address, or a mailto: or tel: "
                "link, with no spaces, quotes or brackets.")
    if error.validator == "pattern" and path[-1:] == ["email"]:
        return (f"{error.instance!r} is not an e-mail address. Write it as name@example.org, with no spaces, "
                "quotes or brackets.")
    if error.validator == "pattern" and path and path[0] == "helplines":
        return ("holds raw HTML, which is not shown. Write it in Markdown instead: **bold**, [words](https://…), "
                "and no <tags>.")
    if error.validator == "uniqueItems":
        return "lists the same entry twice. Keep each once."
    return describe(error)


def check_own_page_links(organisation: Organisation) -> list[Problem]:
    """The organisation's own pages must not link to modules it leaves out (or to pages a copy never has),
    however the link is written."""
    removed = organisation.removed
    problems = []
    for src_uri in organisation.own_files:
        if not src_uri.endswith(".md"):
            continue
        text = (organisation.pages_dir / src_uri).read_text(encoding="utf-8")
        for number, written in written_links(text):
            target = next((source for source in link_sources(src_uri, written) if source in removed), None)
            if target is None:
                continue
            module = posixpath.basename(target).removesuffix(".md")
            fix = (
                f"remove the link, or include the module by adding {module} to modules: in {organisation.shown}"
                if module in organisation.excluded_modules
                else "remove the link: adapted copies do not include this page"
            )
            problems.append(Problem(f"{organisation.pages_dir.name}/{src_uri}", f"line {number}, link {written}",
                                    f"links to {target}, which this copy leaves out; {fix}."))
    return problems


def check_overlay_text_links(organisation: Organisation) -> list[Problem]:
    """Links in the overlay's own Markdown (helplines) must go to pages this copy builds, written from the docs
    folder (macros/overlay_links.py)."""
    upstream = upstream_pages(organisation.upstream)
    removed = organisation.removed_pages(upstream)
    pages = (set(upstream) | {f"handouts/{module}.md" for module in organisation.modules}
             | set(organisation.own_files)) - removed
    return overlay_text_problems(organisation.data, organisation.shown, pages, removed,
                                 organisation.excluded_modules, written_links)


def upstream_pages(upstream: Path) -> list[str]:
    """Every Markdown page of the upstream docs folder, as paths inside it, sorted."""
    docs = upstream / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


