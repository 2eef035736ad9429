"""Wire the content layer into mkdocs-macros: load everything once, then register thin macros."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup
from mkdocs_macros.errors import format_error

from .authoring import example_source, field_table
from .catalogue import Catalogue, load_catalogue
from .errors import ContentError, Problem
from .kinds import KINDS
from .glossary import abbreviation_lines, glossary_page, load_glossary
from .references import Citations, load_references
from .render import make_environment, render_exercise
from .site_paths import page_url, relative_source, relative_url

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
WIDGET_TEMPLATES = PACKAGE_ROOT / "overrides" / "partials" / "widgets"

# A link in exercise text to a Markdown page: href="modules/x.md" or href="modules/x.md#part".
MD_LINK = re.compile(r'href="(?![a-z]+:|/|#)([^"#]+\.md)(#[^"]*)?"')

LOCAL_LINK_LABELS = {
    "supervision_policy": "your organisation's supervision policy",
    "employee_assistance": "your organisation's Employee Assistance Programme",
    "lone_working": "your organisation's lone working policy",
    "data_protection": "your organisation's data protection and records policy",
    "learning_and_development": "your organisation's learning and development team",
    "wellbeing_support": "the wellbeing support your organisation offers",
}


@format_error.register
def _format_content_error(error: ContentError, markdown: str, page: Any) -> str:
    """Print content errors as the plain message they are, without a traceback."""
    return f"Content error in {page.file.src_path}:\n{error}"


@dataclass
class SiteContent:
    """Everything loaded from content files, plus what pages have used so far."""

    root: Path
    catalogue: Catalogue
    citations: Citations
    support: list[str]
    abbreviations: str
    glossary_markdown: str
    exercise_pages: dict[str, list[str]] = field(default_factory=dict)


def load_content(root: Path) -> SiteContent:
    """Load and check exercises, references, glossary and support routes from a project folder."""
    data = root / "data"
    catalogue = load_catalogue(root / "exercises")
    reference_files = sorted(data.glob("references*.yaml"))
    citations = Citations(load_references(reference_files, data / "references.schema.json", root))
    terms = load_glossary(data / "glossary.yaml", root) if (data / "glossary.yaml").exists() else []
    support = yaml.safe_load((data / "support.yaml").read_text(encoding="utf-8"))
    return SiteContent(root, catalogue, citations, support, abbreviation_lines(terms), glossary_page(terms))


def register(env: Any) -> None:
    """Load content and register the macros on a mkdocs-macros environment."""
    content = load_content(Path(env.project_dir))
    widgets = make_environment(WIDGET_TEMPLATES)
    env.variables["rs_abbreviations"] = content.abbreviations
    env.variables["rs_content"] = content
    # Module pages and their exercises, filled in as pages render; the theme turns it into the
    # manifest that progress, My learning and the agenda read (pages render after all Markdown).
    modules: dict[str, list[str]] = {}
    env.conf["extra"]["rs_modules"] = modules
    # Each exercise kind has its own stylesheet; the theme template links them all.
    env.conf["extra"]["rs_widget_css"] = [
        f"assets/css/widgets/{path.name}" for path in sorted((PACKAGE_ROOT / "overrides/assets/css/widgets").glob("*.css"))
    ]
    directory_urls = bool(env.conf.get("use_directory_urls", True))

    def current_page() -> str:
        return env.page.file.src_uri

    def link_to_page(src_uri: str) -> str:
        """Return a URL for raw HTML, relative to the current page."""
        here = page_url(current_page(), directory_urls)
        return relative_url(here, page_url(src_uri, directory_urls))

    @env.macro
    def exercise(exercise_id: str, heading: int = 3) -> Markup:
        """Insert the exercise defined in exercises/**/<exercise_id>.yaml."""
        page = current_page()
        found = content.catalogue.get(exercise_id)
        if found is None:
            close = difflib.get_close_matches(exercise_id, list(content.catalogue.exercises), n=3, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else " No exercise has a similar name."
            raise ContentError(
                f"Unknown exercise id {exercise_id!r}.",
                [Problem(page, f'exercise("{exercise_id}")', f"there is no file exercises/**/{exercise_id}.yaml.{hint} "
                                                            "Fix the id, or create the exercise file.")],
            )
        pages = content.exercise_pages.setdefault(exercise_id, [])
        if page in pages:
            raise ContentError(f"Exercise {exercise_id!r} is used twice on one page.",
                               [Problem(page, f'exercise("{exercise_id}")', "use each exercise once per page.")])
        pages.append(page)
        if page in modules:
            modules[page].append(exercise_id)
        extra = {"privacy_url": link_to_page("privacy.md"), "support": content.support}
        html = render_exercise(widgets, found, heading, extra)
        return Markup(MD_LINK.sub(lambda match: resolve_link(match, found.path), html))

    def resolve_link(match: re.Match[str], exercise_path: str) -> str:
        """Turn a link to a docs page written in exercise text into a URL relative to this page."""
        target, anchor = match.group(1), match.group(2) or ""
        if not (content.root / "docs" / target).is_file():
            raise ContentError(f"Broken link in {exercise_path}.", [Problem(
                exercise_path, f"link to {target}",
                "no such page. Write links in exercise text from the docs folder, for example modules/supervision-models.md.")])
        return f'href="{link_to_page(target)}{anchor}"'


    @env.macro
    def cite(*keys: str, narrative: bool = False, page: str | None = None) -> str:
        """Cite one or more sources by key, linked to the references page."""
        target = relative_source(current_page(), "references.md")
        return content.citations.cite(keys, current_page(), target, narrative, page)

    @env.macro
    def page_references() -> str:
        """List the sources cited on this page."""
        return content.citations.page_list(current_page(), relative_source(current_page(), "references.md"))

    @env.macro
    def references_list() -> str:
        """List every source in the reference files (for the references page)."""
        return content.citations.full_list()

    @env.macro
    def glossary_list() -> str:
        """List every glossary term (for the glossary page)."""
        return content.glossary_markdown

    @env.macro
    def exercise_source(kind: str, name: str = "default") -> str:
        """Show an example exercise file for a kind (authoring guide)."""
        return example_source(content.root / "exercises", kind, name)

    @env.macro
    def exercise_fields(kind: str) -> str:
        """Show the field reference for a kind, generated from its schema (authoring guide)."""
        return field_table(content.root / "exercises" / "schema", kind)

    @env.macro
    def exercise_kinds() -> list[str]:
        """List the exercise kinds the site supports."""
        return sorted(KINDS)

    @env.macro
    def local_link(key: str) -> str:
        """Name an organisation's own resource in neutral words."""
        if key not in LOCAL_LINK_LABELS:
            known = ", ".join(sorted(LOCAL_LINK_LABELS))
            raise ContentError(f"Unknown local link {key!r}.", [Problem(current_page(), f'local_link("{key}")', f"use one of: {known}.")])
        return LOCAL_LINK_LABELS[key]

    @env.macro
    def module_intro() -> Markup:
        """Show who a module is for, how long it takes and where it comes from (from front matter)."""
        meta = env.page.meta
        modules.setdefault(current_page(), [])
        missing = [key for key in ("time", "audience") if key not in meta]
        if missing:
            raise ContentError("A module page is missing front matter.",
                               [Problem(current_page(), "front matter", f"add {', '.join(missing)} (see docs/authoring/index.md).")])
        if meta.get("site_authored"):
            source = "Written for this site. It is not part of the SSSC supervisor resource series."
        else:
            source = f"Based on the themes of SSSC supervisor resource {meta['resource']}, written afresh for this site."
        return Markup(
            '<div class="rs-module-intro">\n'
            f'<p><strong>Who it is for:</strong> {Markup.escape(meta["audience"])}</p>\n'
            f'<p><strong>Time:</strong> about {int(meta["time"])} minutes, including the exercises.</p>\n'
            f'<p><strong>Source:</strong> {source}</p>\n'
            "</div>"
        )
