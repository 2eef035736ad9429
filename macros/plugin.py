"""Wire the content layer into mkdocs-macros: load everything once, then register thin macros."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup
from mkdocs_macros.errors import format_error

from .accessibility import register_macros as register_accessibility_macros
from .authoring import example_source, field_table
from .catalogue import Catalogue, load_catalogue
from .errors import ContentError, Problem
from .facilitator import load_notes, missing_notes, render_notes
from .handouts import EXERCISE_CALL, module_source
from .kinds import KINDS
from .modules import DEFAULT_PATH, load_registry, read_front_matter
from .lab import register_macros as register_lab_macros
from .glossary import abbreviation_lines, glossary_page, load_glossary
from .references import MACRO_EXPRESSION, Citations, cited_keys, load_references
from .render import compact, make_environment, render_exercise
from .safe_markdown import markdown_fill, markdown_text
from .organisation import EXTERNAL, Organisation, module_ids, upstream_pages
from .site_paths import page_url, relative_source, relative_url
from .strings import default_strings, translator
from .suggest import close_names

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
WIDGET_TEMPLATES = PACKAGE_ROOT / "overrides" / "partials" / "widgets"
PARTIALS = PACKAGE_ROOT / "overrides" / "partials"

# A link in exercise text to a Markdown page: href="modules/x.md" or href="modules/x.md#part".
MD_LINK = re.compile(r'href="(?![a-z]+:|/|#)([^"#]+\.md)(#[^"]*)?"')

# The same, as a whole anchor element (to unwrap links to pages an adapted copy leaves out).
MD_ANCHOR = re.compile(r'<a href="(?![a-z]+:|/|#)([^"#]+\.md)(?:#[^"]*)?"[^>]*>(.*?)</a>', re.DOTALL)

# Words for {{ local_link(key) }}: the interface strings local_link_<key> (data/strings/site.yaml).
LOCAL_LINK_KEYS = ("supervision_policy", "employee_assistance", "lone_working", "data_protection",
                   "learning_and_development", "wellbeing_support")

# Counts written in words, as the style guide asks for small numbers in running text.
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def in_words(number: int) -> str:
    """A count in words up to twenty, in figures above."""
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


@format_error.register
def _format_content_error(error: ContentError, markdown: str, page: Any) -> str:
    """Print content errors as the plain message they are, without a traceback."""
    return f"Content error found while building {page.file.src_path}:\n{error}"


@dataclass
class SiteContent:
    """Everything loaded from content files, plus what pages have used so far."""

    root: Path
    catalogue: Catalogue
    citations: Citations
    support: list[str]
    abbreviations: str
    glossary_markdown: str
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    exercise_pages: dict[str, list[str]] = field(default_factory=dict)


def exercise_reference_keys(exercise: Any) -> list[tuple[str, str]]:
    """Return (field, key) for each field of an exercise that names a source (its kind's REFERENCE_FIELDS)."""
    fields = getattr(KINDS[exercise.kind], "REFERENCE_FIELDS", ())
    return [(name, str(exercise.data[name])) for name in fields if name in exercise.data]


def check_exercise_references(catalogue: Catalogue, citations: Citations) -> None:
    """Fail, naming every file and field, when an exercise names a source the reference list does not hold."""
    problems = []
    for exercise in [*catalogue.exercises.values(), *catalogue.examples.values()]:
        for name, key in exercise_reference_keys(exercise):
            if key not in citations.references:
                close = close_names(key, citations.references)
                hint = f" Did you mean: {', '.join(close)}?" if close else ""
                problems.append(Problem(exercise.path, name, f"no source {key!r} in data/references*.yaml.{hint} "
                                                               "Fix the key, or add the source to data/references.yaml."))
    if problems:
        raise ContentError("Exercises name sources that are not in the reference list:", problems)


def load_content(root: Path) -> SiteContent:
    """Load and check exercises, references, glossary and support routes from a project folder."""
    data = root / "data"
    catalogue = load_catalogue(root / "exercises")
    reference_files = sorted(data.glob("references*.yaml"))
    citations = Citations(load_references(reference_files, data / "references.schema.json", root))
    check_exercise_references(catalogue, citations)
    terms = load_glossary(data / "glossary.yaml", root) if (data / "glossary.yaml").exists() else []
    support = yaml.safe_load((data / "support.yaml").read_text(encoding="utf-8"))
    return SiteContent(root, catalogue, citations, support, abbreviation_lines(terms), glossary_page(terms), load_notes(root))


def site_markdown(upstream: Path, organisation: Organisation | None, removed: set[str]) -> dict[str, str]:
    """Return the Markdown of every page the site includes, by page: upstream pages it keeps, and its own pages."""
    docs = upstream / "docs"
    texts = {page: (docs / page).read_text(encoding="utf-8") for page in upstream_pages(upstream) if page not in removed}
    if organisation:
        texts |= {name: (organisation.pages_dir / name).read_text(encoding="utf-8")
                  for name in organisation.own_files if name.endswith(".md")}
    return texts


# Macro calls with a literal name, inside {{ }} but outside HTML comments and {% raw %} blocks (where authors quote examples).
LITERAL_EXERCISE = re.compile(r"""exercise\(\s*["']([a-z0-9-]+)["']\s*[,)]""")
QUOTED_SPANS = re.compile(r"<!--.*?-->|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)


def check_page_calls(pages: dict[str, str], content: SiteContent) -> None:
    """Before any page renders, report every unknown exercise id and reference key on every page together
    (rendering stops at the first error, so one build would otherwise show only one)."""
    problems = []
    for page, text in sorted(pages.items()):
        text = " ".join(MACRO_EXPRESSION.findall(QUOTED_SPANS.sub(" ", text)))
        for exercise_id in dict.fromkeys(LITERAL_EXERCISE.findall(text)):
            if content.catalogue.get(exercise_id) is None:
                close = close_names(exercise_id, content.catalogue.exercises)
                hint = f" Did you mean: {', '.join(close)}?" if close else " No exercise has a similar name."
                problems.append(Problem(page, f'exercise("{exercise_id}")', f"there is no file exercises/**/{exercise_id}.yaml.{hint} "
                                                                          "Fix the id, or create the exercise file."))
        for key in sorted(cited_keys([text])):
            if key not in content.citations.references:
                close = close_names(key, content.citations.references)
                hint = f" Did you mean: {', '.join(close)}?" if close else ""
                problems.append(Problem(page, f'cite("{key}")', f"no entry with this key in data/references*.yaml.{hint} "
                                                               "Fix the key, or add the source to data/references.yaml."))
    if problems:
        raise ContentError(f"Pages name exercises or sources that do not exist ({len(problems)}). Fix each one and build again:", problems)


def register(env: Any) -> None:
    """Load content and register the macros on a mkdocs-macros environment.

    Content (exercises/, data/, docs/) comes from the upstream repository: ``extra.rs_upstream``, set by
    macros/hooks.py (``extra.upstream_dir``, else the folder holding this package), or the project folder
    when the hooks are not in use. An organisation overlay (``extra.rs_organisation``, also set by the hooks)
    supplies its own helplines, local links and interface strings.
    """
    extra_config = env.conf["extra"]
    organisation: Organisation | None = extra_config.get("rs_organisation")
    content = load_content(Path(extra_config.get("rs_upstream") or env.project_dir))
    strings = organisation.strings if organisation else default_strings()
    widgets = make_environment(WIDGET_TEMPLATES, strings)
    support = organisation.helplines if organisation and organisation.helplines else content.support
    removed = organisation.removed_pages(upstream_pages(content.root)) if organisation else set()
    check_page_calls(site_markdown(content.root, organisation, removed), content)
    partials = make_environment(PARTIALS, strings)
    tr = translator(strings)
    register_accessibility_macros(env, content.root, organisation)
    env.variables["rs_abbreviations"] = content.abbreviations
    env.variables["rs_content"] = content
    registry = load_registry(content.root)
    # The modules this site includes, in order: the registry's, or an adapted copy's choice (modules:).
    site_modules = list(organisation.modules) if organisation else list(registry.modules)
    # The learning paths, by id, as the module pages on them (the theme's manifest gives them to the scripts).
    site_paths = {path.id: [step for step in path.steps if step.module in site_modules] for path in registry.paths.values()}
    env.conf["extra"]["rs_paths"] = {path_id: [registry.page(step.module) for step in steps]
                                     for path_id, steps in site_paths.items()}
    env.conf["extra"]["rs_path_titles"] = {path.id: path.title for path in registry.paths.values()}
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

    def find_exercise(exercise_id: str, call: str, page: str | None = None) -> Any:
        """Find an exercise by id, or fail naming the page (this one unless given), the call and close matches."""
        found = content.catalogue.get(exercise_id)
        if found is None:
            close = close_names(exercise_id, content.catalogue.exercises)
            hint = f" Did you mean: {', '.join(close)}?" if close else " No exercise has a similar name."
            raise ContentError(
                f"Unknown exercise id {exercise_id!r}.",
                [Problem(page or current_page(), call, f"there is no file exercises/**/{exercise_id}.yaml.{hint} "
                                               "Fix the id, or create the exercise file.")],
            )
        return found

    def render_here(found: Any, heading: int, **extra: Any) -> str:
        """Render an exercise for the current page, with links in its text made relative to the page."""
        values = {"privacy_url": link_to_page("privacy.md"), "pulse_url": link_to_page("pulse.md"),
                  "support": support, **extra}
        html = render_exercise(widgets, found, heading, values)
        if removed:
            # In an adapted copy, links to pages it leaves out become plain text.
            html = MD_ANCHOR.sub(lambda match: match.group(2) if match.group(1) in removed else match.group(0), html)
        return MD_LINK.sub(lambda match: resolve_link(match, found.path), html)

    def link_to_site_path(path: str) -> str:
        """Return a site path (``lab/repl/index.html?...``) as a URL relative to the current page."""
        here = page_url(current_page(), directory_urls)
        target, _, query = path.partition("?")
        return relative_url(here, target) + (f"?{query}" if query else "")

    env.variables["rs_lab"] = register_lab_macros(env, content.root, current_page, link_to_site_path, strings)

    @env.macro
    def exercise(exercise_id: str, heading: int = 3) -> Markup:
        """Insert the exercise defined in exercises/**/<exercise_id>.yaml."""
        page = current_page()
        found = find_exercise(exercise_id, f'exercise("{exercise_id}")')
        pages = content.exercise_pages.setdefault(exercise_id, [])
        if page in pages:
            raise ContentError(f"Exercise {exercise_id!r} is used twice on one page.",
                               [Problem(page, f'exercise("{exercise_id}")', "use each exercise once per page.")])
        pages.append(page)
        for _, key in exercise_reference_keys(found):
            content.citations.lookup(key, page)
        # Progress counts exercises that keep answers; an activity timer keeps none.
        if page in modules and getattr(KINDS[found.kind], "RECORDS_ANSWERS", True):
            modules[page].append(exercise_id)
        return Markup(render_here(found, heading))

    @env.macro
    def handouts(module: str) -> Markup:
        """Lay out every exercise of docs/modules/<module>.md for printing on A4: blank, or with saved answers."""
        source = content.root / "docs" / "modules" / f"{module}.md"
        if not source.is_file():
            raise ContentError(f"Unknown module {module!r}.", [Problem(
                current_page(), f'handouts("{module}")', f"there is no page docs/modules/{module}.md. Use the module page's file name.")])
        title, ids = module_source(source)
        module_link = link_to_page(f"modules/{module}.md")
        # An unknown id is the module page's mistake: name that page and its call, not this one.
        forms = [render_here(find_exercise(exercise_id, f'exercise("{exercise_id}")', f"modules/{module}.md"), 2, home=module_link)
                 for exercise_id in dict.fromkeys(ids)]
        if not forms:
            raise ContentError("A module has no exercises to print.", [Problem(current_page(), f'handouts("{module}")', "the module page uses no exercise.")])
        html = partials.get_template("handouts.html").render(title=title, module_link=module_link, count=len(forms), forms=[Markup(f) for f in forms])
        return Markup(compact(html))

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
        """List every source the site's pages cite (for the references page)."""
        markdown = list(site_markdown(content.root, organisation, removed).values())
        used_exercises = [content.catalogue.get(exercise_id) for text in markdown for exercise_id in EXERCISE_CALL.findall(text)]
        from_exercises = {key for found in used_exercises if found for _, key in exercise_reference_keys(found)}
        return content.citations.full_list(strings, only=cited_keys(markdown) | from_exercises)

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
    def exercise_variants(kind: str) -> list[str]:
        """The other examples of a kind besides its default (exercises/_examples/<kind>/*.yaml), for the gallery."""
        folder = content.root / "exercises" / "_examples" / kind
        return sorted(path.stem for path in folder.glob("*.yaml") if path.stem != "default")

    @env.macro
    def local_link(key: str) -> str:
        """Name an organisation's own resource: a link with an overlay that sets it, else neutral words."""
        if key not in LOCAL_LINK_KEYS:
            known = ", ".join(sorted(LOCAL_LINK_KEYS))
            raise ContentError(f"Unknown local link {key!r}.", [Problem(current_page(), f'local_link("{key}")', f"use one of: {known}.")])
        label = markdown_text(strings[f"local_link_{key}"])  # an interface string: text, never Markdown or HTML
        target = organisation.local_links.get(key) if organisation else None
        if not target:
            return label
        if not EXTERNAL.match(target):
            page, _, anchor = target.partition("#")
            page = page.removeprefix(organisation.pages_dir.name + "/")
            target = relative_source(current_page(), page) + (f"#{anchor}" if anchor else "")
        return f"[{label}]({target})"

    @env.macro
    def module_count(words: bool = True) -> str:
        """How many modules this site includes (all of ours, or the copy's modules:), in words by default."""
        count = len(organisation.modules) if organisation else len(module_ids(content.root))
        return in_words(count) if words else str(count)

    @env.macro
    def organisation_name(default: str | None = None) -> str:
        """The organisation's name in an adapted copy, else the given neutral words (by default the interface
        string organisation_name_default, "your organisation")."""
        if organisation:
            return markdown_text(organisation.name)
        return markdown_text(strings["organisation_name_default"]) if default is None else default

    @env.macro
    def organisation_contacts() -> str:
        """The organisation's contacts as a Markdown list (for its own pages)."""
        if not organisation or not organisation.contacts:
            raise ContentError("organisation_contacts() needs contacts.", [Problem(
                current_page(), "organisation_contacts()", "add contacts: to the organisation file, or remove the call.")])
        # Every value is text (markdown_text); addresses are checked by the overlay's schema (https:, mailto:, tel:).
        lines = []
        for contact in organisation.contacts:
            role = f", {markdown_text(contact['role'])}" if contact.get("role") else ""
            head = f"**{markdown_text(contact['name'])}**{role}"
            parts = []
            if contact.get("email"):
                address = f"[{markdown_text(contact['email'])}](mailto:{contact['email']})"
                parts.append(markdown_fill(strings["organisation_contacts_email"], address=address))
            if contact.get("phone"):
                number = markdown_text(contact["phone"])
                parts.append(markdown_fill(strings["organisation_contacts_phone"], number=number))
            if contact.get("url"):
                parts.append(f"[{markdown_text(strings['organisation_contacts_web_page'])}](<{contact['url']}>)")
            lines.append(f"- {head}" + (": " + "; ".join(parts) if parts else ""))
        return "\n".join(lines)

    @env.macro
    def pulse_collector() -> Markup:
        """The facilitator's group pulse: collect codes from every self-assessment and show the group's spread."""
        known = []
        examples = content.catalogue.examples
        for found in [*content.catalogue.exercises.values(), *examples.values()]:
            if found.kind != "self-assessment":
                continue
            context = KINDS[found.kind].context(found.id, found.data)
            config = context["config"]
            # The scale's points and each group's number of statements let the page refuse a code whose
            # averages no ratings could give (lib/pulse.js possibleScores).
            entry = {"id": found.id, "title": found.title, "min": config["min"], "max": config["max"],
                     "points": [point["value"] for point in context["scale"]],
                     "dimensions": [{"id": d["id"], "title": d["title"], "statements": len(d["items"])}
                                    for d in config["dimensions"]]}
            if found.id in examples:
                entry["example"] = True  # the gallery's: known, so its codes are refused with a reason (lib/pulse.js)
            known.append(entry)
        return Markup(compact(partials.get_template("pulse.html").render(exercises=known)))

    def module_facts(module: str, number: int) -> dict[str, Any]:
        """A module's card: its number in this site's order and the facts its page's front matter gives."""
        meta = read_front_matter(content.root / "docs" / registry.page(module))
        if meta.get("site_authored"):
            source = tr("module_card_source_site")
        else:
            source = tr("module_card_source_resource", resource=meta.get("resource", ""))
        return {"id": module, "number": number, "url": link_to_page(registry.page(module)),
                "title": meta.get("title", module), "description": meta.get("description", ""),
                "time": int(meta.get("time", 0)), "source": source}

    @env.macro
    def module_list() -> Markup:
        """Every module this site includes, in order, as cards read from each module page's front matter."""
        cards = [module_facts(module, number) for number, module in enumerate(site_modules, start=1)]
        return Markup(compact(partials.get_template("module-list.html").render(modules=cards)))

    def path_title(module: str) -> str:
        return str(read_front_matter(content.root / "docs" / registry.page(module)).get("title", module))

    @env.macro
    def learning_paths(level: int = 3) -> str:
        """The learning paths (data/modules.yaml), each a heading and its steps with a line on why."""
        parts = []
        for path in registry.paths.values():
            steps = [{"module": step.module, "url": link_to_page(registry.page(step.module)),
                      "title": path_title(step.module), "why": step.why} for step in site_paths[path.id]]
            if not steps:
                continue
            html = compact(partials.get_template("learning-paths.html").render(path=path, steps=steps))
            parts.append(f"{'#' * level} {path.title}\n\n{html}\n")
        return "\n".join(parts)

    @env.macro
    def path_actions() -> Markup:
        """Where to go next on the default (NQSW) path, as plain links; path.js fits it to the learner's path."""
        here = current_page()
        steps = [step.module for step in site_paths.get(DEFAULT_PATH, [])]
        module = Path(here).stem if here.startswith("modules/") else None
        step = link = None
        if module in steps:
            index = steps.index(module)
            step = {"number": index + 1, "total": len(steps), "path_title": registry.paths[DEFAULT_PATH].title}
            if index + 1 < len(steps):
                following = steps[index + 1]
                link = {"url": link_to_page(registry.page(following)), "label": tr("path_next", title=path_title(following))}
        elif module is None and steps:
            link = {"url": link_to_page(registry.page(steps[0])), "label": tr("path_start", title=path_title(steps[0]))}
        return Markup(compact(partials.get_template("path-actions.html").render(
            here=link_to_page(here), step=step, link=link)))

    @env.macro
    def handouts_list() -> str:
        """The handouts index: a link to each module's handouts page, in this site's order."""
        return "\n".join(f"- [{path_title(module)}]({relative_source(current_page(), f'handouts/{module}.md')})"
                         for module in site_modules)

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
            source = tr("module_intro_source_site")
        else:
            source = tr("module_intro_source_resource", resource=meta["resource"])
        slug = Path(current_page()).stem
        if slug not in content.notes:
            raise missing_notes(current_page())
        handouts_page = f"handouts/{slug}.md"
        handouts_line = ""
        # Every module in the registry has one (macros/hooks.py adds it unless docs/handouts/ holds its own).
        if slug in registry.modules or (content.root / "docs" / handouts_page).is_file():
            link = Markup('<a href="{}">{}</a>').format(link_to_page(handouts_page), tr("module_intro_handouts_link"))
            handouts_line = (f'<p><strong>{tr("module_intro_handouts_label")}</strong> '
                             f'{tr("module_intro_handouts", link=link)}</p>\n')
        return Markup(
            '<div class="rs-module-intro">\n'
            f'<p><strong>{tr("module_intro_audience_label")}</strong> {Markup.escape(meta["audience"])}</p>\n'
            f'<p><strong>{tr("module_intro_time_label")}</strong> {tr("module_intro_time", minutes=int(meta["time"]))}</p>\n'
            f'<p><strong>{tr("module_intro_source_label")}</strong> {source}</p>\n'
            f"{handouts_line}"
            "</div>\n"
            + str(path_actions()) + "\n"
            + compact(partials.get_template("backup-reminder.html").render(my_learning=link_to_page("my-learning.md"))) + "\n"
            + compact(partials.get_template("page-tools.html").render(my_learning=link_to_page("my-learning.md"))) + "\n"
            + render_notes(partials, content.notes[slug])
        )
