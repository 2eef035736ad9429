"""Publication checks: the public references page holds only certain facts, known titles are right, editor
hints in exercise files resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.references import Citations, cited_keys, load_references
from tests.helpers import ROOT

DATA = ROOT / "data"
SCHEMA_HINT = re.compile(r"\$schema=(\S+)")
OPEN_QUESTIONS = DATA / "references-open-questions.md"


def references() -> dict:
    """Every reference the site defines, loaded as the build loads them."""
    return load_references(sorted(DATA.glob("references*.yaml")), DATA / "references.schema.json", ROOT)


def public_list() -> str:
    """The references page's list, for the sources the pages cite."""
    pages = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]
    return Citations(references()).full_list(only=cited_keys(pages))


def test_public_references_carry_no_open_question_or_bracketed_guess() -> None:
    listed = public_list()
    assert "confirm" not in listed.lower(), "move open questions to data/references-open-questions.md"
    assert "[" not in listed, "a bracketed description stands in for a title: cite what is certain instead"
    assert "no date" not in listed, 'write "n.d." for an unknown year'
    assert [key for key, ref in references().items() if ref.check] == [], "a check note shows on the public page"


def test_known_titles_and_authors() -> None:
    refs = references()
    assert "Workloads and lack of supervision undermining child protection practice, find studies" in (
        refs["community-care-2022"].text)
    assert "The anti-racism movement supporting black female staff using social work techniques" in (
        refs["community-care-2024"].text)
    # A Community Care article about Fenge's guide, not the guide.
    assert refs["fenge-2024"].cite == "Community Care" and refs["fenge-2024"].text.startswith("Community Care (")
    # The author lists of two reports were mixed: only the first author is certain.
    assert refs["grant-et-al-2019"].text.startswith("Grant, S. and others (2019)")


def test_one_publisher_is_given_one_place() -> None:
    places = {re.search(r"(\w+): Open University Press", ref.text).group(1)
              for ref in references().values() if "Open University Press" in ref.text}
    assert len(places) == 1, places


def test_the_anti_racist_peer_group_passage_cites_the_article_beside_ruch() -> None:
    page = (ROOT / "docs" / "modules" / "diversity-and-power.md").read_text(encoding="utf-8")
    assert re.search(r'cite\("ruch-2007", "community-care-2024"\)', page)


def test_open_questions_list_names_only_real_keys() -> None:
    named = set(re.findall(r"^\| `([a-z0-9-]+)` \|", OPEN_QUESTIONS.read_text(encoding="utf-8"), flags=re.M))
    assert named, "the maintainers' list of open questions is empty or unreadable"
    assert sorted(named - set(references())) == []


@pytest.mark.parametrize("path", sorted((ROOT / "exercises").rglob("*.yaml")),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_schema_hint_resolves(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    hint = SCHEMA_HINT.search(first)
    if hint:
        assert (path.parent / hint.group(1)).resolve().is_file(), f"{hint.group(1)} does not exist"


PEOPLE = yaml.safe_load((DATA / "vignette-people.yaml").read_text(encoding="utf-8"))
VIGNETTE_LINE = "    *Everyone in this vignette is invented. Any likeness to real people is chance.*"


def module_files(module: str) -> list[Path]:
    """A module's page, its exercises and its session plan: where its vignettes' people may appear."""
    return ([ROOT / "docs" / "modules" / f"{module}.md", ROOT / "facilitator" / f"{module}.yaml"]
            + sorted((ROOT / "exercises" / module).glob("*.yaml")))


def test_the_people_table_covers_every_module() -> None:
    pages = {p.stem for p in (ROOT / "docs" / "modules").glob("*.md") if p.stem != "index"}
    assert set(PEOPLE) == pages


@pytest.mark.parametrize("module", sorted(PEOPLE))
def test_each_module_has_its_own_people(module: str) -> None:
    """A vignette's people appear in their own module only, so no name changes role or person between modules."""
    names = [person["name"] for person in PEOPLE[module]]
    own = "\n".join(p.read_text(encoding="utf-8") for p in module_files(module) if p.is_file())
    for name in names:
        assert re.search(rf"\b{name}\b", own), f"{name} is in the people table for {module} but not in its files"
        others = [other for other in PEOPLE if other != module
                  and any(re.search(rf"\b{name}\b", p.read_text(encoding="utf-8"))
                          for p in module_files(other) if p.is_file())]
        assert others == [], f"{name} ({module}) also appears in {others}: choose another name"


def test_no_name_is_listed_twice() -> None:
    names = [person["name"] for people in PEOPLE.values() for person in people]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("page", sorted(p for p in (ROOT / "docs" / "modules").glob("*.md") if p.stem != "index"),
                         ids=lambda p: p.stem)
def test_every_vignette_is_marked_invented_the_same_way(page: Path) -> None:
    blocks = re.findall(r'^!!! example "([^"]*)"\n((?:    .*\n|\n)*)', page.read_text(encoding="utf-8"), flags=re.M)
    for title, body in blocks:
        assert title.startswith("Fictional vignette: "), f"title {title!r}: start it with 'Fictional vignette: '"
        assert body.rstrip("\n").splitlines()[-1] == VIGNETTE_LINE, f"{title!r} does not end with the standard line"


def test_session_plans_mark_their_vignettes_as_the_pages_do() -> None:
    strings = yaml.safe_load((DATA / "strings" / "pages.yaml").read_text(encoding="utf-8"))
    marked = strings["facilitator_vignette_fictional"].replace(
        "{fictional_case}", strings["facilitator_vignette_fictional_case"])
    assert marked == VIGNETTE_LINE.strip(" *")
    assert strings["facilitator_vignette"].startswith("Fictional vignette: ")


def test_home_page_states_the_modules_true_range_of_times() -> None:
    times = [int(re.search(r"^time: (\d+)$", p.read_text(encoding="utf-8"), flags=re.M).group(1))
             for p in (ROOT / "docs" / "modules").glob("*.md") if p.stem != "index"]
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "under an hour" not in home
    assert f"{min(times)} to {max(times)} minutes" in home
