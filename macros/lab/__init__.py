"""The data lab: a JupyterLite site (Pyodide kernel) built offline from pinned downloads, cached, and copied
into the built site as ``lab/`` (see project.py for the two steps).

- ``project``: the lab of a project (``Lab``): its inputs and cache key, the downloads, the offline build;
- ``assemble``: the folder ``jupyter lite build`` reads (configuration, Pyodide and its lock, notebooks);
- ``wheels``: small reproducible wheels and zip edits; ``site_files``: what the built files need for the site;
- ``embeds``: the ``notebook()`` and ``repl()`` macros; ``settings``: fixed names and the build ``Variant``.
"""

from __future__ import annotations

from .embeds import embed_html, notebook_title, offline_build, offline_note, register_macros
from .project import Lab, load_lab, main
from .settings import Variant

__all__ = ["Lab", "Variant", "embed_html", "load_lab", "main", "notebook_title", "offline_build", "offline_note",
           "register_macros"]
