"""The build state: what every macro shares during one build, made once when the macros are registered.

The build layer passes state between its parts through ``config.extra`` (MkDocs' configuration, which the
theme's templates read as ``config.extra``) and ``env.variables`` (mkdocs-macros). Every such key is named
here, with who writes and who reads it:

==========================  ===================================  ===============================================
key                         written by                           read by
==========================  ===================================  ===============================================
``extra.rs_upstream``       hooks.py ``on_config``               plugin.py (where content comes from), hooks.py
``extra.rs_organisation``   hooks.py ``on_config``               plugin.py (the adapted copy's overlay, or None)
``extra.rs_offline``        hooks.py ``on_config``               main.html (classic bundle), hooks.py post-build
``extra.rs_html_slots``     hooks.py ``on_config``               plugin.py (macros may hold HTML: html_slots.py)
``extra.rs_modules``        ``BuildState.publish`` (filled by    main.html (the manifest), hooks.py
                            ``module_intro`` and ``exercise``     ``on_page_content`` (module pages get parts)
                            as pages render)
``extra.rs_paths``          ``BuildState.publish``               main.html (learning paths as page URLs)
``extra.rs_path_titles``    ``BuildState.publish``               main.html
``rs_abbreviations``        ``BuildState.publish`` (variable)    __init__.py ``on_post_page_macros``
``rs_content``              ``BuildState.publish`` (variable)    __init__.py ``on_post_build`` (unused sources)
``rs_lab``                  plugin.py ``register`` (variable)    __init__.py ``on_post_build`` (copies the lab)
``extra.rs_build_state``    ``BuildState.publish`` (this state)  hooks.py ``on_pre_build`` and ``on_page_content``
                                                                 (``held_html`` and ``search_input``, below)
==========================  ===================================  ===============================================

What lasts only for one build lives on this state, never in a module's globals, so a build starts clean even
when an earlier one ran in the same process (``mkdocs serve`` rebuilding, tests building twice) or stopped part
way: ``modules`` (the pages rendered so far), ``held_html`` (the finished HTML of macros, waiting for its page:
macros/html_slots.py) and ``search_input`` (each page's lighter HTML, waiting for the search plugin:
macros/search_input.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from .html_slots import HeldHtml
from .modules import Registry, Step
from .organisation import Organisation
from .search_input import SearchInput
from .site_content import SiteContent
from .site_paths import page_url, relative_url

# The key in config.extra under which the hooks find this build's state.
STATE_KEY = "rs_build_state"


@dataclass
class BuildState:
    """Everything the macros of one build share; made once by ``plugin.register`` (``make_state``).

    A macro is a plain function whose first argument is this state, so a test can call it with a state it
    made itself (``current_page`` a lambda) instead of running a build.
    """

    content: SiteContent  # exercises, references, glossary, support routes, facilitator notes
    organisation: Organisation | None  # the adapted copy's overlay; None for this site itself
    strings: dict[str, str]  # interface strings (data/strings/, with the overlay's overrides)
    widgets: Environment  # Jinja environment of the exercise templates (overrides/partials/widgets/)
    partials: Environment  # Jinja environment of the page templates (overrides/partials/)
    support: list[Any]  # support routes shown with exercises: the overlay's helplines, else data/support.yaml
    removed: frozenset[str]  # upstream pages an adapted copy leaves out (computed once, here)
    registry: Registry  # the module registry (data/modules.yaml)
    site_modules: list[str]  # the modules this site includes, in order (the registry's or the copy's)
    site_paths: dict[str, list[Step]]  # each learning path's steps on this site's modules
    directory_urls: bool  # MkDocs' use_directory_urls: how page URLs look
    current_page: Callable[[], str]  # the src_uri of the page being rendered
    page_meta: Callable[[], dict[str, Any]] = dict  # the front matter of the page being rendered
    # extra.rs_modules: module pages and the exercises on each that keep answers, filled as pages render.
    modules: dict[str, list[str]] = field(default_factory=dict)
    # The finished HTML of macros, kept out of Markdown until hooks.py on_page_content fills its page back in.
    held_html: HeldHtml = field(default_factory=HeldHtml)
    # Each page's lighter HTML, noted by hooks.py on_page_content until the search plugin reads the page.
    search_input: SearchInput = field(default_factory=SearchInput)

    @property
    def tr(self) -> Callable[..., Any]:
        """The interface-string function templates use (``tr("key", name=value)``)."""
        return self.partials.globals["tr"]

    def link_to_page(self, src_uri: str) -> str:
        """Return a URL for raw HTML to a page (by its source path), relative to the current page."""
        here = page_url(self.current_page(), self.directory_urls)
        return relative_url(here, page_url(src_uri, self.directory_urls))

    def link_to_site_path(self, path: str) -> str:
        """Return a site path (``lab/repl/index.html?...``) as a URL relative to the current page."""
        here = page_url(self.current_page(), self.directory_urls)
        target, _, query = path.partition("?")
        return relative_url(here, target) + (f"?{query}" if query else "")

    def module_page(self, module: str) -> str:
        """A module's page (its source path, ``modules/<id>.md``)."""
        return self.registry.page(module)

    def publish(self, env: Any) -> None:
        """Put the keys the theme and the other hooks read into ``config.extra`` and ``env.variables``."""
        extra = env.conf["extra"]
        extra[STATE_KEY] = self
        extra["rs_modules"] = self.modules
        extra["rs_paths"] = {path_id: [self.module_page(step.module) for step in steps]
                             for path_id, steps in self.site_paths.items()}
        extra["rs_path_titles"] = {path.id: path.title for path in self.registry.paths.values()}
        env.variables["rs_abbreviations"] = self.content.abbreviations
        env.variables["rs_content"] = self.content


def published(extra: dict[str, Any]) -> BuildState | None:
    """This build's state as ``BuildState.publish`` left it in ``config.extra``; None when the macros plugin
    is not in use (so no macro held HTML and no page has lighter HTML)."""
    return extra.get(STATE_KEY)
