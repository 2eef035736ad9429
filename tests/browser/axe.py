"""axe-core in a page: run every rule (best practice included) and report its violations."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page: object) -> list[dict]:
    """Run axe-core (all rules, including best practice) and return its violations. axe is evaluated through the
    browser's developer protocol, not added as a script element, so it runs under the site's strict policy too."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm install` (make test does this)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    return json.loads(result)


def axe_problems(page: object, path: str, where: str) -> list[str]:
    """axe-core's violations on an open page, one line each."""
    problems = []
    for violation in run_axe(page):
        targets = [node["target"] for node in violation["nodes"][:3]]
        problems.append(f"{where} /{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return problems
