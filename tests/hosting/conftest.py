"""Fixtures for adapted copies and hosting: the example copy built once, and Debian's nginx on loopback."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, built_once, free_port

HOSTING = ROOT / "hosting"


@pytest.fixture(scope="session")
def example_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the example adapted copy (examples/glenbarra-council) strictly, once per run."""
    return built_once(tmp_path_factory, "example-site")


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
