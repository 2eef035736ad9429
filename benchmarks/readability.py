"""Per module: word count, reading time and Flesch reading ease of the prose (figures only, no thresholds).

Run with `python benchmarks/readability.py`. The prose excludes front matter, macro calls, HTML comments,
code and table rules; the text of the exercises each page shows (its exercise("...") calls, wherever the files
live) is counted separately. Syllables are estimated with a vowel-group
heuristic, so treat the reading-ease figures as approximate (plain English is about 60 and above).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.page_exercises import page_exercises  # noqa: E402  (the project folder is on the path first)

WORDS_PER_MINUTE = 200


def prose_of_page(text: str) -> str:
    """Strip a module page down to the sentences a reader reads."""
    text = text.split("---", 2)[2] if text.startswith("---") else text
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"^\s*\|?[-:| ]+\|\s*$", " ", text, flags=re.M)
    text = re.sub(r"^(\s*)(!!!|\?\?\?\+?)\s+\w+(\s+\"[^\"]*\")?", r"\1", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[#*_`>|]", " ", text)
    return text


def exercise_files(page_text: str) -> list[Path]:
    """The exercise files a page shows, in page order (an exercise may live in another module's folder)."""
    by_id = {path.stem: path for path in (ROOT / "exercises").rglob("*.yaml") if "schema" not in path.parts}
    ids = dict.fromkeys(page_exercises(page_text))
    return [by_id[exercise_id] for exercise_id in ids if exercise_id in by_id]


def exercise_text(paths: list[Path]) -> str:
    """All learner-facing strings in the given exercise files: of text written for each role, the NQSW wording
    (what the page shows by default)."""
    strings: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key not in {"id", "kind", "source", "category", "link", "type", "supervisor"}:
            strings.append(value)

    for path in paths:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(strings)


def syllables(word: str) -> int:
    """Estimate the syllables in an English word."""
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def flesch(text: str) -> tuple[int, float]:
    """Word count and Flesch reading ease of a text."""
    sentences = max(1, len(re.findall(r"[.!?]+(\s|$)", text)) + len(re.findall(r"^\s*(\d+\.|-)\s", text, flags=re.M)))
    words = re.findall(r"[A-Za-zÀ-ÿ']+", text)
    if not words:
        return 0, 0.0
    syl = sum(syllables(w) for w in words)
    return len(words), 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syl / len(words))


def main() -> None:
    """Print one row per module and a total."""
    pages = sorted((ROOT / "docs" / "modules").glob("*.md"))
    print(f"{'Module':38} {'Words':>6} {'Minutes':>7} {'Flesch':>6} {'Exercise words':>14} {'Ex. Flesch':>10}")
    total_words = 0
    for page in pages:
        if page.name == "index.md":
            continue
        text = page.read_text(encoding="utf-8")
        words, ease = flesch(prose_of_page(text))
        ex_words, ex_ease = flesch(exercise_text(exercise_files(text)))
        total_words += words + ex_words
        minutes = round((words + ex_words) / WORDS_PER_MINUTE)
        print(f"{page.stem:38} {words:6d} {minutes:7d} {ease:6.1f} {ex_words:14d} {ex_ease:10.1f}")
    print(f"{'All modules (prose + exercises)':38} {total_words:6d} {round(total_words / WORDS_PER_MINUTE):7d}")


if __name__ == "__main__":
    sys.exit(main())
