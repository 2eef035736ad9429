"""Shared test helpers: project paths, building a site, serving it on loopback (or by nginx), launching Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTING = ROOT / "hosting"  # the shipped server configuration (hosting/nginx.conf and its snippets)


def registry_modules() -> list[str]:
    """The site's module ids, in order, from the module registry (data/modules.yaml): the one source for counts."""
    from macros.modules import load_registry

    return list(load_registry(ROOT).modules)
VENV_BIN = Path(sys.executable).parent

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


# The build engines the site supports: MkDocs 1.6 and ProperDocs, its drop-in fork (README, "Build engines").
ENGINES = ("mkdocs", "properdocs")


def build_engine(name: str | None = None) -> str:
    """The engine test builds use: ``name``, else RS_ENGINE, else mkdocs; an unknown one stops with the fix."""
    chosen = name or os.environ.get("RS_ENGINE") or "mkdocs"
    if chosen not in ENGINES:
        raise SystemExit(f"RS_ENGINE={chosen!r} is not a build engine the site supports: "
                         f"use one of {', '.join(ENGINES)}.")
    return chosen


def mkdocs_build(project: Path, site_dir: Path, config: str = "mkdocs.yml",
                 extra_env: dict[str, str] | None = None,
                 engine: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run a strict build of a project with the chosen engine (build_engine) and return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [str(VENV_BIN / build_engine(engine)), "build", "--strict", "--clean", "-f", config, "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )


@contextlib.contextmanager
def _kept_logging_and_environment(project: Path, extra_env: dict[str, str]) -> Iterator[None]:
    """Give back, after an in-process build, what MkDocs' command line changes for its one run in a process:
    the handlers, filters, level and propagation of its loggers (its duplicate filter would otherwise hide a
    message one build logged from the next build), the working folder and the environment."""
    loggers = [logging.getLogger(f"{engine}{part}") for engine in ENGINES for part in ("", ".commands.build")]
    kept = [(logger, list(logger.handlers), list(logger.filters), logger.level, logger.propagate) for logger in loggers]
    environment, folder = dict(os.environ), os.getcwd()
    os.environ.update(extra_env)
    os.chdir(project)
    try:
        yield
    finally:
        os.chdir(folder)
        os.environ.clear()
        os.environ.update(environment)
        for logger, handlers, filters, level, propagate in kept:
            logger.handlers[:], logger.filters[:] = handlers, filters
            logger.setLevel(level)
            logger.propagate = propagate


def mkdocs_build_in_process(project: Path, site_dir: Path, config: str = "mkdocs.yml",
                            extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The same strict build as mkdocs_build, run by the engine's own command line inside this process (no new
    interpreter to start and import MkDocs into), for small fixture projects. Its output is what the command
    prints; an exception the command would not have handled is printed as the traceback it would show."""
    from click.testing import CliRunner

    if build_engine() == "properdocs":
        from properdocs.__main__ import cli
    else:
        from mkdocs.__main__ import cli

    arguments = ["build", "--strict", "--clean", "-f", config, "-d", str(site_dir)]
    with _kept_logging_and_environment(project, {"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}):
        result = CliRunner().invoke(cli, arguments, catch_exceptions=True)
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        output += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["mkdocs", *arguments], result.exit_code, output, "")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request."""

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


class QuietServer(http.server.ThreadingHTTPServer):
    """A threading server that ignores a browser closing a connection mid-reply (it left the page)."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore broken and reset connections; report anything else as the standard server does."""
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str | None:
    """Find Chromium: RS_CHROMIUM, then Debian's /usr/bin/chromium; None means Playwright's own."""
    for candidate in (os.environ.get("RS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    """Return a TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_binary() -> str | None:
    """Debian's nginx, if installed."""
    for candidate in (os.environ.get("RS_NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def server_block(site: Path, port: int) -> str:
    """hosting/nginx.conf exactly as shipped, with only listen and root changed."""
    text = (HOSTING / "nginx.conf").read_text(encoding="utf-8")
    text, listens = re.subn(r"(?m)^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", text)
    text, roots = re.subn(r"(?m)^(\s*)root [^;]+;", rf"\1root {site};", text)
    assert listens == 1 and roots == 1, "hosting/nginx.conf must keep one `listen 80;` and one `root ...;` line"
    return text


@contextlib.contextmanager
def nginx(site: Path, workdir: Path, headers: Path = HOSTING / "security-headers.conf") -> Iterator[str]:
    """Run nginx in the foreground on 127.0.0.1 serving a built site; yield its base URL; stop it. ``headers``:
    the snippet of security headers (the benchmark serves plain Material, whose inline scripts the project's
    policy blocks, without them)."""
    binary = nginx_binary()
    if binary is None:
        reason = "nginx is not installed (Debian: apt-get install nginx; .ci/run installs it)"
        if os.environ.get("RS_REQUIRE_NGINX") == "1" or (os.geteuid() == 0 and os.environ.get("CI")):
            pytest.fail(reason)
        pytest.skip(reason)
    port = free_port()
    conf = workdir / "conf"
    (conf / "snippets").mkdir(parents=True, exist_ok=True)
    (workdir / "logs").mkdir(exist_ok=True)
    shutil.copy(headers, conf / "snippets" / "reflective-supervision-headers.conf")
    mime = Path("/etc/nginx/mime.types")
    (conf / "mime.types").write_text(
        mime.read_text()
        if mime.exists()
        else "types { text/html html; text/css css; application/javascript js; application/json json; "
        "image/svg+xml svg; }\n"
    )
    (conf / "site.conf").write_text(server_block(site, port), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {name}_temp_path {workdir / 'tmp' / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (conf / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {workdir / 'nginx.pid'};\nerror_log {workdir / 'logs' / 'error.log'} warn;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n    include mime.types;\n    default_type application/octet-stream;\n    access_log off;\n{temp}"
        "    include site.conf;\n}\n", encoding="utf-8")
    (workdir / "tmp").mkdir(exist_ok=True)
    check = subprocess.run(
        [binary, "-t", "-p", str(workdir), "-c", str(conf / "nginx.conf")], capture_output=True, text=True
    )
    assert check.returncode == 0, f"nginx -t rejected the configuration:\n{check.stderr}"
    process = subprocess.Popen([binary, "-p", str(workdir), "-c", str(conf / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(f"nginx exited: {process.stderr.read().decode()}") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# app.js marks each exercise it enhances and each page application with data-rs-mounted once its script has
# mounted (or failed): widgets and apps load with import(), so "network idle" alone can come a moment early.
SETTLED = """() => !document.querySelector('script[src*="assets/js/app"]')
  || [document.documentElement, ...document.querySelectorAll('[data-rs-widget][data-rs-ready], [data-rs-app]')]
    .every((element) => element.dataset.rsMounted)"""


def settled(page: object) -> None:
    """Wait until every script that enhances the page has mounted or failed (see SETTLED)."""
    page.wait_for_function(SETTLED)


def settled_under_policy(page: object, timeout: float = 15.0) -> None:
    """settled() for a page under the site's Content-Security-Policy, which rightly blocks the eval that
    page.wait_for_function() needs: ask the page (through the developer protocol, which the policy allows)
    until it has settled."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(SETTLED):
        assert time.monotonic() < deadline, "the page's scripts did not mount within the time allowed"
        time.sleep(0.05)


# Recorded in each page before its own scripts run (context.add_init_script): every Content-Security-Policy
# violation, as text.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def shared_temp(tmp_path_factory: object) -> Path:
    """The run's temporary folder that every pytest-xdist worker shares (a worker's own is a folder in it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


# The sites several test files need, each built once per run: name -> (how to build it, what a failure says).
EXAMPLE = ROOT / "examples" / "glenbarra-council"
SHARED_BUILDS: dict[str, tuple[Callable[[Path], subprocess.CompletedProcess[str]], str]] = {
    "site": (lambda out: mkdocs_build(ROOT, out), "strict build failed"),
    "example-site": (lambda out: mkdocs_build(EXAMPLE, out), "example copy failed to build"),
    "offline-site": (lambda out: mkdocs_build(ROOT, out, extra_env={"RS_OFFLINE": "true"}), "offline build failed"),
    "properdocs-site": (lambda out: mkdocs_build(ROOT, out, engine="properdocs"), "strict ProperDocs build failed"),
    "scorm-packages": (lambda out: subprocess.run(
        [sys.executable, "-m", "macros.scorm", str(ROOT / "mkdocs.yml"), str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900), "make scorm failed"),
}


def build_once(shared: Path, name: str) -> dict:
    """Build one of SHARED_BUILDS into ``shared/name`` unless this run already has, and return its outcome: the
    first process to ask builds under a lock while the others wait, then all share the folder."""
    build, _ = SHARED_BUILDS[name]
    outcome = shared / f"{name}.outcome.json"
    with open(shared / f"{name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = build(shared / name)
            outcome.write_text(json.dumps({"returncode": result.returncode, "output": result.stdout + result.stderr}),
                               encoding="utf-8")
    return json.loads(outcome.read_text(encoding="utf-8"))


def built_once(tmp_path_factory: object, name: str) -> Path:
    """The folder of one of SHARED_BUILDS, built once per test run however many pytest-xdist workers ask (the
    controller may have started it already). A failed build fails every test that asks, with its output."""
    shared = shared_temp(tmp_path_factory)
    recorded = build_once(shared, name)
    assert recorded["returncode"] == 0, f"{SHARED_BUILDS[name][1]}:\n{recorded['output']}"
    return shared / name


def kinds_by_module() -> dict[str, set[str]]:
    """Each module -> the kinds of exercise its page holds (from its Markdown and the exercise files)."""
    from macros.page_exercises import page_exercises

    kinds = {}
    for path in (ROOT / "exercises").rglob("*.yaml"):
        found = re.search(r"(?m)^kind:\s*([a-z-]+)", path.read_text(encoding="utf-8"))
        if found:
            kinds[path.stem] = found.group(1)
    pages = [page for page in (ROOT / "docs" / "modules").glob("*.md") if page.stem != "index"]
    return {page.stem: {kinds[exercise] for exercise in page_exercises(page.read_text(encoding="utf-8"))
                        if exercise in kinds} for page in pages}


def modules_covering_every_kind(kinds: dict[str, set[str]]) -> list[str]:
    """Few modules whose pages between them hold every kind of exercise (each next one adds the most kinds)."""
    left, chosen = set().union(*kinds.values()), []
    while left:
        module = max(sorted(kinds), key=lambda name: len(kinds[name] & left))
        chosen.append(module)
        left -= kinds[module]
    return sorted(chosen)


# The modules whose pages between them hold every kind of exercise: they stand for all where a check is done by
# each kind's template and styles (printed handouts, axe-core on handouts pages).
MODULES_WITH_EVERY_KIND = modules_covering_every_kind(kinds_by_module())
