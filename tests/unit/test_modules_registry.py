"""The module registry (data/modules.yaml): one list of the modules and their order, carrying the learning paths;
bad entries fail with the file, the place and the fix; the navigation's Modules section is filled from it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.errors import ContentError
from macros.modules import PATH_IDS, load_registry, nav_with_modules
from macros.organisation import module_ids
from tests.helpers import ROOT

PAGES = sorted(p.stem for p in (ROOT / "docs" / "modules").glob("*.md") if p.stem != "index")


def test_the_registry_lists_every_module_page_once_and_the_overlay_reads_its_order() -> None:
    registry = load_registry(ROOT)
    assert sorted(registry.modules) == PAGES
    assert module_ids(ROOT) == list(registry.modules)
    assert set(registry.paths) == set(PATH_IDS)
    for path in registry.paths.values():
        assert path.steps and all(step.why and step.module in registry.modules for step in path.steps)


def test_the_nqsw_path_starts_with_what_supervision_is_and_ends_with_goals() -> None:
    steps = [step.module for step in load_registry(ROOT).paths["nqsw"].steps]
    assert steps[0] == "what-is-supervision" and steps[-1] == "implementing-good-supervision"
    assert len(steps) == len(set(steps))


def fake_upstream(tmp_path: Path, registry: dict) -> Path:
    (tmp_path / "docs" / "modules").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    for name in ("alpha", "beta"):
        (tmp_path / "docs" / "modules" / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    (tmp_path / "data" / "modules.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("registry", "expected"),
    [
        (
            {"modules": ["alpha", "betta"]},
            "data/modules.yaml → modules[1]: there is no page docs/modules/betta.md. Did you mean: beta?",
        ),
        ({"modules": ["alpha"]}, "data/modules.yaml → modules: docs/modules/beta.md is not listed. Add beta"),
        ({"modules": ["alpha", "beta", "alpha"]}, "data/modules.yaml → modules[2]: alpha is listed twice."),
        (
            {
                "modules": ["alpha", "beta"],
                "paths": {"nqsw": {"title": "T", "steps": [{"module": "alpa", "why": "w"}]}},
            },
            "data/modules.yaml → paths.nqsw.steps[0].module: alpa is not in modules:. Did you mean: alpha?",
        ),
        (
            {"modules": ["alpha", "beta"], "paths": {"nqsw": {"title": "T", "steps": [{"module": "alpha"}]}}},
            "data/modules.yaml → paths.nqsw.steps[0]: needs module: (a module id) and why:",
        ),
        (
            {"modules": ["alpha", "beta"], "paths": {"students": {"title": "T", "steps": []}}},
            "data/modules.yaml → paths.students: unknown path. Use one of: nqsw, supervisor, organisation.",
        ),
    ],
    ids=["unknown-page", "page-not-listed", "twice", "unknown-step", "step-without-why", "unknown-path"],
)
def test_a_bad_registry_names_the_file_the_place_and_the_fix(tmp_path: Path, registry: dict, expected: str) -> None:
    with pytest.raises(ContentError) as caught:
        load_registry(fake_upstream(tmp_path, registry))
    assert expected in str(caught.value)


def test_the_modules_section_of_the_navigation_follows_the_registry(tmp_path: Path) -> None:
    registry = load_registry(fake_upstream(tmp_path, {"modules": ["beta", "alpha"]}))
    nav = [{"Home": "index.md"}, {"Modules": ["modules/index.md", "modules/alpha.md"]}, {"Privacy": "privacy.md"}]
    assert nav_with_modules(nav, registry) == [
        {"Home": "index.md"},
        {"Modules": ["modules/index.md", "modules/beta.md", "modules/alpha.md"]},
        {"Privacy": "privacy.md"},
    ]
    own = [{"Home": "index.md"}, {"Demo": "modules/demo.md"}]
    assert nav_with_modules(own, registry) == own  # a navigation without the module list stays as it is
