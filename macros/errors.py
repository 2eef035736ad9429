"""Errors that stop the build with a message an author can act on."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One problem in one content file: where it is and what to do about it."""

    file: str
    place: str
    message: str

    def __str__(self) -> str:
        """Format as `file → place: message`."""
        where = f"{self.file} → {self.place}" if self.place else self.file
        return f"{where}: {self.message}"


class ContentError(PluginError):
    """A content problem (exercise, reference, page) that must fail the build.

    MkDocs prints a PluginError as a plain message without a traceback.
    """

    def __init__(self, heading: str, problems: list[Problem] | None = None) -> None:
        """Build the message from a heading and the list of problems."""
        self.problems = list(problems or [])
        lines = [heading]
        lines += [f"  - {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))
