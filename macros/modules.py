"""The module registry (data/modules.yaml): the one list of the modules, their order and the learning paths.

The navigation's Modules section (macros/hooks.py), the module list, the home page's paths, the handouts
index and pages, and an adapted copy's choice of modules all read it. Each module's own facts (title, time,
what it covers, SSSC resource) stay in its page's front matter and are read from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem
from .quick_imports import SAFE_DUMPER, load_yaml
from .suggest import did_you_mean

REGISTRY = Path("data") / "modules.yaml"
# The paths the site knows: the learner's role picks "nqsw" or "supervisor" (NQSW when none is chosen).
PATH_IDS = ("nqsw", "supervisor", "organisation")
DEFAULT_PATH = "nqsw"


@dataclass(frozen=True)
class Step:
    """One step of a learning path: a module and, in a line, why it comes here."""

    module: str
    why: str


@dataclass(frozen=True)
class LearningPath:
    """A guided route through some of the modules."""

    id: str
    title: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Registry:
    """The modules in order, and the learning paths through them."""

    modules: tuple[str, ...]
    paths: dict[str, LearningPath]

    def page(self, module: str) -> str:
        """The module's page (src_uri)."""
        return f"modules/{module}.md"

    def pages(self) -> list[str]:
        """Every module page (src_uri), in order."""
        return [self.page(module) for module in self.modules]


def read_front_matter(page: Path) -> dict[str, Any]:
    """The YAML front matter of a Markdown page (empty when it has none)."""
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    parts = text.split("---", 2)
    loaded = load_yaml(parts[1]) if len(parts) == 3 else None
    return loaded if isinstance(loaded, dict) else {}


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _check_modules(raw: Any, shown: str, pages: list[str]) -> tuple[list[str], list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(raw, list) or not raw:
        return [], [Problem(shown, "modules", "add a list of module ids (lines starting with -), in series order.")]
    modules: list[str] = []
    for index, module in enumerate(raw):
        if not _text(module):
            problems.append(
                Problem(shown, f"modules[{index}]", "must be a module id, for example what-is-supervision.")
            )
        elif module in modules:
            problems.append(Problem(shown, f"modules[{index}]", f"{module} is listed twice. Remove one."))
        elif module not in pages:
            hint = did_you_mean(module, pages)
            problems.append(Problem(shown, f"modules[{index}]", f"there is no page docs/modules/{module}.md.{hint} "
                                    "Fix the id, or write the page."))
        else:
            modules.append(module)
    for page in pages:
        if page not in raw:
            problems.append(Problem(shown, "modules", f"docs/modules/{page}.md is not listed. Add {page} where it "
                                    "belongs in the series (or delete the page)."))
    return modules, problems


def _check_path(path_id: str, raw: Any, shown: str, modules: list[str]) -> tuple[LearningPath | None, list[Problem]]:
    place = f"paths.{path_id}"
    if path_id not in PATH_IDS:
        return None, [Problem(shown, place, f"unknown path. Use one of: {', '.join(PATH_IDS)}.")]
    if (
        not isinstance(raw, dict)
        or not _text(raw.get("title"))
        or not isinstance(raw.get("steps"), list)
        or not raw["steps"]
    ):
        return None, [Problem(shown, place, "needs a title: and a list of steps:, each with module: and why:.")]
    problems: list[Problem] = []
    steps: list[Step] = []
    for index, step in enumerate(raw["steps"]):
        where = f"{place}.steps[{index}]"
        if not isinstance(step, dict) or not _text(step.get("module")) or not _text(step.get("why")):
            problems.append(
                Problem(shown, where, "needs module: (a module id) and why: (one line on why it comes here).")
            )
        elif step["module"] not in modules:
            hint = did_you_mean(step["module"], modules)
            problems.append(Problem(shown, f"{where}.module", f"{step['module']} is not in modules:.{hint}"))
        elif any(s.module == step["module"] for s in steps):
            problems.append(Problem(shown, f"{where}.module", f"{step['module']} is already on this path. Remove one."))
        else:
            steps.append(Step(step["module"], step["why"].strip()))
    return LearningPath(path_id, raw["title"].strip(), tuple(steps)), problems


def load_registry(upstream: Path) -> Registry:
    """Load and check data/modules.yaml against the module pages in docs/modules/ (a site without module pages
    may leave it out)."""
    file = upstream / REGISTRY
    shown = REGISTRY.as_posix()
    pages = sorted(p.stem for p in (upstream / "docs" / "modules").glob("*.md") if p.stem != "index")
    if not file.is_file() and not pages:
        return Registry((), {})  # a site with no module pages (docs/modules/) has no series to list
    if not file.is_file():
        raise ContentError("The module registry is missing.", [Problem(shown, "", "create it with modules: listing "
                                                                       "the ids of the pages in docs/modules/.")])
    try:
        data = load_yaml(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"line {mark.line + 1}" if mark else ""
        raise ContentError(
            "The module registry is not valid YAML.", [Problem(shown, place, f"{error}. Fix the YAML.")]
        ) from None
    if not isinstance(data, dict):
        raise ContentError("The module registry is malformed.", [Problem(shown, "", "it needs modules: and paths:.")])
    problems = [
        Problem(shown, key, "unknown key. Use modules: and paths:.") for key in data if key not in ("modules", "paths")
    ]
    modules, found = _check_modules(data.get("modules"), shown, pages)
    problems += found
    paths: dict[str, LearningPath] = {}
    raw_paths = data.get("paths") or {}
    if not isinstance(raw_paths, dict):
        problems.append(
            Problem(shown, "paths", f"must name paths ({', '.join(PATH_IDS)}), each with title: and steps:.")
        )
        raw_paths = {}
    for path_id, raw in raw_paths.items():
        path, found = _check_path(str(path_id), raw, shown, modules)
        problems += found
        if path:
            paths[path.id] = path
    if problems:
        raise ContentError(
            f"The module registry has problems ({len(problems)}). Fix each one and build again:", problems
        )
    return Registry(tuple(modules), paths)


def nav_with_modules(nav: list[Any], registry: Registry, section_page: str = "modules/index.md") -> list[Any]:
    """The navigation with the section that holds the module list filled from the registry, in its order.

    Only a section listing ``modules/index.md`` is filled (its other module pages are replaced), so a site with
    a navigation of its own stays as it is."""
    out: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, value), = entry.items()
            if isinstance(value, list) and section_page in value:
                others = [v for v in value if not (isinstance(v, str) and v.startswith("modules/"))]
                value = [section_page, *registry.pages(), *others]
            elif isinstance(value, list):
                value = nav_with_modules(value, registry, section_page)
            entry = {title: value}
        out.append(entry)
    return out


HANDOUTS_PAGE = """\
---
{front_matter}---

# {heading}

{{{{ handouts("{module}") }}}}
"""


def handouts_page(upstream: Path, module: str) -> str:
    """The Markdown of a module's handouts page (handouts/<module>.md), which the build adds for every module
    in the registry that has no page of its own in docs/handouts/."""
    title = str(read_front_matter(upstream / "docs" / "modules" / f"{module}.md").get("title", module))
    front_matter = yaml.dump({
        "title": f"Handouts: {title}",
        "description": f'The exercises from "{title}" laid out for printing on A4, blank or with your saved answers.',
        "search": {"exclude": True},
    }, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return HANDOUTS_PAGE.format(front_matter=front_matter, heading=f"Handouts: {title}", module=module)
