"""Fixtures for adapted copies and hosting: the example copy built once (nginx on loopback: tests/helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import built_once


@pytest.fixture(scope="session")
def example_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the example adapted copy (examples/glenbarra-council) strictly, once per run."""
    return built_once(tmp_path_factory, "example-site")
