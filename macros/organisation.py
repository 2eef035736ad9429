"""An organisation's overlay: one YAML file (organisation.yaml) beside the organisation's own mkdocs.yml.

It names the organisation, its logo and colours, contacts, local policy links, helplines, the modules it
includes (and their order), its own pages and any interface strings it changes. Everything is checked once,
when the build starts; every problem is reported together as a ContentError naming the key and the fix.
See docs/hosting.md ("Make an adapted copy").
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .accessibility import overlay_problems as accessibility_problems
from .catalogue import read_yaml
from .errors import ContentError, Problem
from .safe_markdown import OVERLAY_LINKS, html_text, markdown_problems
from .svg_check import svg_problems
from .schema_messages import describe, field_path
from .site_paths import page_url
from .strings import default_strings, merge_strings
from .suggest import close_names
from .modules import load_registry

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
SCHEMA = PACKAGE_ROOT / "data" / "organisation.schema.json"
DEFAULT_FILE = "organisation.yaml"
DEFAULT_PAGES_DIR = "pages"
DEFAULT_MANIFEST = "upstream-manifest.json"
LOCAL_LINK_KEYS = ("supervision_policy", "employee_assistance", "lone_working", "data_protection",
                   "learning_and_development", "wellbeing_support")
# Upstream pages an adapted copy leaves out: they are about editing or hosting this project itself.
UPSTREAM_ONLY = ("authoring/", "hosting.md")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WHITE = "#ffffff"
AA = 4.5

# A Markdown inline link or image: [text](target "title"), capturing text and target.
MD_LINK = re.compile(r'(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
# A reference-style link definition: [label]: target "title" (not a footnote, [^1]: ...).
REF_DEF = re.compile(r'^ {0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)>?', re.MULTILINE)
# A raw HTML link: <a href="target"> or <a href='target'>.
HTML_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
# A fenced code block, whose links are examples rather than links.
FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.MULTILINE | re.DOTALL)
# A table row or list item: with drop_rows, one whose first link goes to a left-out page is dropped whole.
ROW = re.compile(r"\s*(\||[-*+]\s|\d+\.\s)")
# A cross-reference in brackets that is only a pointer to another page: " (see [Title](page.md))".
SEE_ALSO = re.compile(r" ?\([Ss]ee(?: also)? " + MD_LINK.pattern + r"\)")
# The number leading a table row (| 3 |) or an ordered list item (3.), to renumber rows put in a new order.
ROW_NUMBER = re.compile(r"^(\s*\|\s*|\s*)\d+(?=\s*\||\.\s)")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------------
# Colour contrast (WCAG 2.x relative luminance)
# ---------------------------------------------------------------------------------------------------

def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


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
        return removed_pages(self.excluded_modules, upstream_pages, self.own_files)

    def brand_css(self) -> str:
        """A stylesheet applying the brand colours through Material's custom palette variables. The reading
        settings' dark theme (assets/css/reading.css) keeps only the header's pair (--rs-brand-header-*) and draws
        the page in its own colours; the high-contrast theme sets every brand colour aside."""
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
        return "/* Generated from the organisation's overlay (organisation.yaml): brand colours. */\n" + "\n".join(lines) + "\n"


def removed_pages(excluded: list[str], upstream_pages: list[str], own_files: list[str]) -> set[str]:
    """Upstream pages (src_uri) a copy leaving out the ``excluded`` modules does not build: those modules,
    pages named after them in any folder (handouts/<module>.md), and upstream-only pages (the authoring and
    hosting guides), except pages the copy replaces with its own."""
    left_out = set(excluded)
    removed = {f"modules/{m}.md" for m in left_out}
    removed |= {page for page in upstream_pages if posixpath.basename(page).removesuffix(".md") in left_out}
    removed |= {page for page in upstream_pages if page.startswith(UPSTREAM_ONLY)}
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
    data, problems = read_yaml(path, shown)
    if problems:
        raise ContentError("The organisation file cannot be read:", problems)
    if not isinstance(data, dict):
        raise ContentError("Problems in the organisation file:", [Problem(shown, "(top level)", "the file must be a set of named fields (name:, logo:, ...).")])
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        problems.append(Problem(shown, field_path(error.absolute_path), _describe(error)))
    if problems:
        raise ContentError("Problems in the organisation file. Fix each one and build again:", problems)

    all_modules = module_ids(upstream)
    modules = list(data.get("modules", all_modules))
    for index, module in enumerate(modules):
        if module not in all_modules:
            close = close_names(module, all_modules)
            hint = f" Did you mean: {', '.join(close)}?" if close else f" Known modules: {', '.join(all_modules)}."
            problems.append(Problem(shown, f"modules[{index}]", f"there is no module {module!r} (no docs/modules/{module}.md upstream).{hint}"))
    problems += accessibility_problems(data, shown)

    logo = data.get("logo")
    if logo:
        logo_path = root / logo
        escaped = outside(logo_path, folder)
        if escaped:
            where = where_outside(logo, escaped, logo_path)
            problems.append(Problem(shown, "logo", f"{where}, outside the copy's folder "
                                                   f"({folder}). Copy the logo file into the folder (for example "
                                                   "assets/logo.svg) and give its path from here: the build publishes "
                                                   "only files from the copy's own folder."))
        elif not logo_path.is_file():
            problems.append(Problem(shown, "logo", f"the file {logo} does not exist (looked for {logo_path}). Fix the path, or add the file."))
        elif logo_path.suffix.lower() not in {".svg", ".png"}:
            problems.append(Problem(shown, "logo", "use an SVG or PNG file."))
        else:
            problems += check_logo(logo_path, logo, shown)

    pages_dir = root / data.get("pages_dir", DEFAULT_PAGES_DIR)
    escaped = outside(pages_dir, folder)
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
    files = [] if escaped else own_page_files(pages_dir)
    for file in files:
        real = outside(file, folder)
        if real:
            problems.append(Problem(f"{pages_dir.name}/{file.relative_to(pages_dir).as_posix()}", "(the file)",
                                    f"is a symbolic link to {real}, outside the copy's folder ({folder}). "
                                    "Copy the file into the pages folder instead of linking to it: the build "
                                    "publishes only files from the copy's own folder."))
    own_files = [file.relative_to(pages_dir).as_posix() for file in files]
    pages = list(data.get("pages", []))
    if "pages_dir" in data and not escaped and not pages_dir.is_dir():
        problems.append(Problem(shown, "pages_dir", f"the folder {data['pages_dir']} does not exist. Create it, or remove the setting."))
    for index, page in enumerate(pages):
        if not page.endswith(".md"):
            problems.append(Problem(shown, f"pages[{index}]", f"{page!r} is not a Markdown page. List .md files inside {pages_dir.name}/."))
        elif page not in own_files:
            problems.append(Problem(shown, f"pages[{index}]", f"the page {pages_dir.name}/{page} does not exist. Fix the path, or create the page."))

    for index, route in enumerate(data.get("helplines", [])):
        problems += [Problem(shown, f"helplines[{index}]", f"{problem}.")
                     for problem in markdown_problems(route, OVERLAY_LINKS, "a helpline")]

    for key, target in data.get("local_links", {}).items():
        if EXTERNAL.match(target):
            if not target.lower().startswith(("https://", "mailto:", "tel:")):
                problems.append(Problem(shown, f"local_links.{key}", f"{target!r}: use an https:// address, a mailto: or tel: link, or one of your own pages."))
        else:
            page = target.split("#", 1)[0].removeprefix(pages_dir.name + "/")
            if page not in own_files or not page.endswith(".md"):
                problems.append(Problem(shown, f"local_links.{key}", f"{target!r} is not one of your pages ({pages_dir.name}/…). "
                                                                     "Use an https:// address, or the path of a page in your pages folder."))

    colours = {key: value.lower() for key, value in data.get("colours", {}).items()}
    problems += check_colours(colours, shown)

    try:
        strings = merge_strings(default_strings(), data.get("strings"), shown)
    except ContentError as error:
        problems += error.problems
        strings = default_strings()

    if problems:
        raise ContentError("Problems in the organisation file. Fix each one and build again:", problems)
    organisation = Organisation(root=root, file=path, upstream=upstream, data=data, modules=modules, all_modules=all_modules,
                                pages_dir=pages_dir, pages=pages, own_files=own_files, strings=strings, colours=colours)
    problems += check_own_page_links(organisation)
    if problems:
        raise ContentError("Problems in the organisation's pages. Fix each one and build again:", problems)
    return organisation


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
        problems.append(Problem(shown, "colours.primary_text", "set colours.primary too: primary_text is the text on it."))
    link = colours.get("link", colours.get("primary"))
    if link:
        key = "colours.link" if "link" in colours else "colours.primary"
        pairs.append((key, link, "the white page", WHITE, "links in text use this colour on the white page"
                      + ("" if "link" in colours else " (set colours.link to choose a different link colour)")))
    if "primary" in colours and "link" in colours:
        # Even with its own link colour, the primary colour is text on white (exercise labels, secondary
        # buttons) and white text sits on it (buttons, pressed toggles).
        pairs.append(("colours.primary", colours["primary"], "the white page", WHITE,
                      "exercise labels and secondary buttons are drawn in it on the white page, and button text in white on it"))
    if "accent" in colours:
        pairs.append(("colours.accent", colours["accent"], "the white page", WHITE, "links on hover and active controls use the accent on the white page"))
    for key, colour, other_name, other, why in pairs:
        ratio = contrast(colour, other)
        if ratio < AA:
            fix = "choose a darker colour" if luminance(other) > 0.5 else "choose a lighter text colour or a darker background"
            problems.append(Problem(shown, key, f"{colour} against {other_name} ({other}) has contrast {ratio:.2f}:1, below the "
                                                f"WCAG AA minimum of 4.5:1; {why}. Fix: {fix}."))
    return problems


def _describe(error: Any) -> str:
    path = list(error.absolute_path)
    if error.validator == "pattern" and path and path[0] == "colours":
        return f"{error.instance!r} is not a colour. Write # and six hex digits, for example #1b5962."
    if error.validator == "pattern" and path and path[0] == "modules":
        return f"{error.instance!r} is not a module name. Use the name of a file in docs/modules/ without .md, for example what-is-supervision."
    if error.validator == "additionalProperties" and not path:
        allowed = sorted(error.schema.get("properties", {}))
        unknown = [str(k) for k in error.instance if k not in allowed]
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
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


# ---------------------------------------------------------------------------------------------------
# Links between pages
# ---------------------------------------------------------------------------------------------------

def resolve_target(page_src_uri: str, target: str) -> tuple[str, str] | None:
    """Resolve a relative Markdown link target to (docs src_uri, #anchor), or None for external/other links."""
    if EXTERNAL.match(target) or target.startswith(("#", "/")):
        return None
    path, _, anchor = target.partition("#")
    if not path.endswith(".md"):
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), path))
    return resolved, ("#" + anchor if anchor else "")


def url_sources(path: str) -> list[str]:
    """The pages (src_uri) a site-relative URL path can be built from: ``modules/x/``, ``modules/x.html``
    and ``modules/x/index.html`` all come from ``modules/x.md`` (or ``modules/x/index.md``)."""
    stem = path.removesuffix("index.html").removesuffix(".html").rstrip("/")
    if stem in ("", "."):
        return ["index.md"]
    return [f"{stem}.md", f"{stem}/index.md"]


def link_sources(page_src_uri: str, target: str) -> list[str]:
    """The pages (src_uri) a link written on a page may go to, however it is written: a Markdown page
    (``../modules/x.md``), or a built URL (``../modules/x/``), read from the page's folder or, as a browser
    does, from the page's own address (``glenbarra/`` for ``glenbarra/index.md``)."""
    found = resolve_target(page_src_uri, target)
    if found:
        return [found[0]]
    if EXTERNAL.match(target) or target.startswith(("#", "/")) or target.startswith("{{"):
        return []
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return []
    bases = {posixpath.dirname(page_src_uri), page_url(page_src_uri, True).rstrip("/")}
    joined = {posixpath.normpath(posixpath.join(base, path)) for base in bases}
    return [source for url in sorted(joined) if not url.startswith("..") for source in url_sources(url)]


def written_links(text: str) -> list[tuple[int, str]]:
    """Every link target written in a page, with its line number: Markdown inline links, reference-style
    link definitions and raw HTML ``<a href>``, leaving out fenced code blocks."""
    text = FENCE.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    found = [(match.start(3), match.group(3)) for match in MD_LINK.finditer(text) if not match.group(1)]
    found += [(match.start(1), match.group(1)) for match in REF_DEF.finditer(text)]
    found += [(match.start(2), match.group(2).strip()) for match in HTML_HREF.finditer(text)]
    return sorted((text.count("\n", 0, offset) + 1, target) for offset, target in found)


def check_own_page_links(organisation: Organisation) -> list[Problem]:
    """The organisation's own pages must not link to modules it leaves out (or to pages a copy never has),
    however the link is written."""
    removed = organisation.removed_pages(upstream_pages(organisation.upstream))
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
            fix = (f"remove the link, or include the module by adding {module} to modules: in {organisation.shown}"
                   if module in organisation.excluded_modules else "remove the link: adapted copies do not include this page")
            problems.append(Problem(f"{organisation.pages_dir.name}/{src_uri}", f"line {number}, link {written}",
                                    f"links to {target}, which this copy leaves out; {fix}."))
    return problems


def upstream_pages(upstream: Path) -> list[str]:
    docs = upstream / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def unlink_removed(markdown: str, page_src_uri: str, removed: set[str], drop_rows: bool = False) -> tuple[str, list[str]]:
    """Turn links to pages this copy leaves out into plain text (upstream pages only).

    With ``drop_rows`` (pages that list modules: the module list, the handouts index, the home page), a table
    row or list item whose first link goes to a removed page is dropped whole. Returns the new Markdown and
    the targets that were unlinked.
    """
    unlinked: list[str] = []
    out_lines = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            out_lines.append(line)
            continue
        first = MD_LINK.search(line)
        if drop_rows and first and ROW.match(line):
            found = resolve_target(page_src_uri, first.group(3))
            if found and found[0] in removed:
                unlinked.append(found[0])
                continue

        def drop_pointer(match: re.Match[str]) -> str:
            """A bracketed "(see [page](…))" to a left-out page says nothing without its link: drop it whole."""
            found = resolve_target(page_src_uri, match.group(3))
            if match.group(1) or not found or found[0] not in removed:
                return match.group(0)
            unlinked.append(found[0])
            return ""

        def replace(match: re.Match[str]) -> str:
            found = resolve_target(page_src_uri, match.group(3))
            if match.group(1) or not found or found[0] not in removed:
                return match.group(0)
            unlinked.append(found[0])
            return match.group(2)

        out_lines.append(MD_LINK.sub(replace, SEE_ALSO.sub(drop_pointer, line)))
    return "\n".join(out_lines), unlinked


def row_module(line: str, page_src_uri: str, rank: dict[str, int]) -> str | None:
    """The module a table row or list item leads with (its first link goes to modules/<id>.md,
    handouts/<id>.md or any page named after a module in ``rank``), else None."""
    first = MD_LINK.search(line)
    if not first or not ROW.match(line):
        return None
    found = resolve_target(page_src_uri, first.group(3))
    module = posixpath.basename(found[0]).removesuffix(".md") if found else None
    return module if module in rank else None


def sort_rows(rows: list[tuple[str, str]], rank: dict[str, int]) -> list[str]:
    """Rows in the copy's order, renumbered 1, 2, 3 where they lead with a number (| 1 | or 1.)."""
    ordered = sorted(rows, key=lambda row: rank[row[0]])
    return [ROW_NUMBER.sub(lambda match, n=number: f"{match.group(1)}{n}", line, count=1)
            for number, (_, line) in enumerate(ordered, start=1)]


def reorder_rows(markdown: str, page_src_uri: str, order: list[str]) -> str:
    """Put each run of table rows or list items that lead with a link to a module in the copy's order
    (``modules:``), renumbering a leading position number; other lines stay as they are."""
    rank = {module: index for index, module in enumerate(order)}
    out: list[str] = []
    run: list[tuple[str, str]] = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        module = None if in_fence else row_module(line, page_src_uri, rank)
        if module:
            run.append((module, line))
            continue
        out += sort_rows(run, rank)
        run = []
        out.append(line)
    out += sort_rows(run, rank)
    return "\n".join(out)


def own_nav(organisation: Organisation, upstream_nav: list[Any]) -> list[Any]:
    """The copy's navigation: the upstream navigation with the module list replaced by the organisation's
    choice and order, pages the copy leaves out removed, and the organisation's pages after Home."""
    removed = organisation.removed_pages(upstream_pages(organisation.upstream))
    module_entries = ["modules/index.md"] + [f"modules/{m}.md" for m in organisation.modules]

    def keep(entry: Any) -> Any:
        if isinstance(entry, str):
            if entry in removed or (entry.startswith("modules/") and entry not in module_entries):
                return None
            return entry
        if isinstance(entry, dict):
            (title, value), = entry.items()
            if isinstance(value, list):
                if any(isinstance(v, str) and v.startswith("modules/") for v in value):
                    return {title: module_entries}
                kept = [k for k in (keep(v) for v in value) if k is not None]
                return {title: kept} if kept else None
            return {title: value} if keep(value) is not None else None
        return entry

    nav = [k for k in (keep(e) for e in upstream_nav) if k is not None]
    if organisation.pages:
        # The theme shows navigation titles as HTML: the heading goes in as text.
        heading = html_text(organisation.data.get("pages_section", organisation.name))
        section = {heading: list(organisation.pages)}
        nav.insert(1 if nav else 0, section)
    return nav
