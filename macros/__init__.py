"""mkdocs-macros entry point: load content once, check it, and register the macros authors use.

Authors write, in any page:

- ``{{ exercise("proctor-function-balance") }}``: an exercise from ``exercises/``;
- ``{{ cite("proctor-1986") }}`` and ``{{ page_references() }}``: citations from ``data/references.yaml``;
- ``{{ module_intro() }}``: the "who it is for, how long" box from the page's front matter;
- ``{{ local_link("supervision_policy") }}``: a link to an organisation's own policy, or neutral wording;
- ``{{ organisation_name() }}`` and ``{{ organisation_contacts() }}``: for an adapted copy's own pages.

Organisation overlays, security headers and offline copies are MkDocs hooks: see ``hooks.py``.
"""

from __future__ import annotations

import logging

from .quick_imports import import_jsonschema

import_jsonschema()  # before any module below imports jsonschema

from .lab import offline_build  # noqa: E402
from .plugin import register  # noqa: E402

LOG = logging.getLogger("mkdocs.plugins.reflective_supervision")


def define_env(env) -> None:
    """Register the site's macros; every content file is loaded and checked here, once."""
    register(env)


def on_post_page_macros(env) -> None:
    """Add glossary abbreviations to the end of every page, so they get tooltips."""
    env.markdown = env.markdown.rstrip("\n") + "\n\n" + env.variables["rs_abbreviations"] + "\n"


def on_post_build(env) -> None:
    """Put the data lab into the site (built offline, or reused from its cache; see macros/lab/), and
    report sources in the reference list that no page cites (a note, not an error)."""
    lab = env.variables.get("rs_lab")
    if lab is not None and not offline_build(env.conf):
        lab.copy_into(env.conf["site_dir"])
    unused = env.variables["rs_content"].citations.unused()
    if unused:
        LOG.info("References no page cites (%d): %s", len(unused), ", ".join(unused))
