"""The shipped nginx configuration (hosting/nginx.conf + hosting/security-headers.conf), run by Debian's nginx
on 127.0.0.1: every kind of page of the example copy loads under the strict Content-Security-Policy with no
violation and no script error (every page of the site itself: the page sweep, tests/browser/test_site_pages.py);
exercises save and restore; search works; caching is right."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import csp
from macros.lab import Lab
from tests.browser import lab_kit
from tests.browser.kit import enhanced, form_selector
from tests.browser.sweep import part_of, site_pages, template_sample
from tests.conftest import Visit
from tests.helpers import CSP_LISTENER, HOSTING, ROOT, nginx

pytestmark = pytest.mark.browser

JOURNAL = "what-is-supervision-journal"
NGINX_PARTS = 2  # parallel workers share the example copy's sweep (tests/browser/test_site_pages.py: PARTS)
RELEASE = Lab(ROOT).release()
# Under the policy, page.wait_for_function() cannot run (Playwright evaluates its predicate with eval, which
# the policy rightly blocks), so these tests wait with locators or poll with page.evaluate() instead.
SAVED_ENTRY = (
    "(id) => { const k = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id)); return k "
    "? JSON.parse(localStorage.getItem(k)) : null; }"
)


def poll_saved(page: object, exercise_id: str) -> dict:
    """Wait for the debounced autosave (the form stops being marked as saving: it saves in the same step) and
    return the stored entry."""
    page.locator(f"{form_selector(exercise_id)}:not([data-rs-saving])").wait_for(timeout=5000)
    entry = page.evaluate(SAVED_ENTRY, exercise_id)
    assert entry, f"{exercise_id} was not saved"
    return entry


@pytest.fixture(scope="module")
def upstream_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx(site_dir, tmp_path_factory.mktemp("nginx-upstream")) as url:
        yield url


@pytest.fixture(scope="module")
def example_url(example_site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx(example_site_dir, tmp_path_factory.mktemp("nginx-example")) as url:
        yield url


def guarded(browser: object, url: str, **options: object) -> Visit:
    """A browser context that records CSP violations (events and console messages) as well as errors."""
    session = Visit(browser, url, viewport={"width": 1280, "height": 900}, locale="en-GB", **options)
    session.context.add_init_script(CSP_LISTENER)
    return session


def visit_every_template(browser: object, url: str, site: Path, part: int) -> None:
    """Visit one part of the site's pages, one of each template (the parts together are all of them), through
    nginx."""
    session = guarded(browser, url)
    problems = []
    pages = site_pages(site)
    chosen = template_sample(pages)
    for path in part_of([path for path in pages if path in chosen], part, NGINX_PARTS):
        response = session.page.goto(url + path, wait_until="networkidle")
        if response is None or response.status != 200:
            problems.append(f"/{path}: HTTP {response.status if response else 'no response'}")
            continue
        if response.headers.get("content-security-policy") != csp.policy():
            problems.append(
                f"/{path}: Content-Security-Policy header is {response.headers.get('content-security-policy')!r}"
            )
        problems += [f"/{path}: {v}" for v in session.page.evaluate("window.__cspViolations")]
        if session.page.locator("h1").count() != 1:
            problems.append(f"/{path}: no single h1")
        # The scripts that used to be inline ran: Material's scope and our JavaScript marker.
        if not session.page.evaluate(
            "typeof __md_scope === 'object' && document.documentElement.classList.contains('rs-js')"
        ):
            problems.append(f"/{path}: the head scripts did not run")
    session.close()
    problems += [f"console: {message}" for message in session.console_errors]
    assert session.external == []
    assert problems == [], "\n".join(problems)


def test_shipped_headers_match_the_policy_the_site_needs(site_dir: Path, example_site_dir: Path) -> None:
    snippet = (HOSTING / "security-headers.conf").read_text(encoding="utf-8")
    assert "add_header Content-Security-Policy $reflective_supervision_csp always;" in snippet
    server = (HOSTING / "nginx.conf").read_text(encoding="utf-8")
    assert f'default "{csp.policy()}";' in server
    assert f'"~^/lab/" "{csp.lab_policy()}";' in server
    assert "add_header Permissions-Policy $reflective_supervision_permissions always;" in snippet
    assert f'default "{csp.PERMISSIONS}";' in server and f'"~^/pulse/" "{csp.CAMERA_PERMISSIONS}";' in server
    for site in (site_dir, example_site_dir):
        inline = csp.inline_scripts(site)
        assert inline == {}, f"inline scripts need 'unsafe-inline' or hashes; move them to files: {inline}"


def headers_rules(site: Path) -> dict[str, dict[str, str]]:
    """site/_headers as path pattern -> headers."""
    rules: dict[str, dict[str, str]] = {}
    pattern = None
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            pattern = line
            rules[pattern] = {}
        elif line.strip():
            name, value = line.strip().split(": ", 1)
            rules[pattern][name] = value
    return rules


def test_headers_file_gives_the_lab_alone_its_looser_policy(site_dir: Path) -> None:
    """Netlify and Cloudflare Pages combine every matching rule, so no rule matching lab/ may carry the strict
    policy: the site-wide rule has none, and each top-level file or folder but lab/ has its own."""
    rules = headers_rules(site_dir)
    assert "Content-Security-Policy" not in rules["/*"] and rules["/*"]["X-Content-Type-Options"] == "nosniff"
    assert rules["/lab/*"]["Content-Security-Policy"] == csp.lab_policy()
    strict = {pattern for pattern, headers in rules.items() if headers.get("Content-Security-Policy") == csp.policy()}
    assert {"/", "/modules/*", "/assets/*", "/index.html", "/404.html"} <= strict
    assert not any(pattern.startswith("/lab") for pattern in strict)
    for entry in site_dir.iterdir():
        if entry.name not in ("lab", "_headers"):
            assert (f"/{entry.name}/*" if entry.is_dir() else f"/{entry.name}") in strict, f"{entry.name} has no policy"
    # The camera is allowed on the group pulse page alone (to read participants' QR codes), nowhere else.
    assert "Permissions-Policy" not in rules["/*"]
    camera = {pattern for pattern, headers in rules.items() if "camera=(self)" in headers.get("Permissions-Policy", "")}
    assert camera == {"/pulse/*"}, camera
    assert all(headers.get("Permissions-Policy", "").startswith("camera=()") for pattern, headers in rules.items()
               if pattern not in ("/*", "/pulse/*") and "Content-Security-Policy" in headers)


# Every page of the site itself is opened through nginx, under the policy, by the page sweep
# (tests/browser/test_site_pages.py), on the same visit as its other checks.


@pytest.mark.parametrize("part", range(NGINX_PARTS))
def test_every_template_of_the_example_copy_works_under_the_csp_through_nginx(
    browser, example_url: str, example_site_dir: Path, part: int
) -> None:
    """Each kind of page of the example copy (its own logo, styles and words), one module page and one handouts
    page among them, works under the policy."""
    visit_every_template(browser, example_url, example_site_dir, part)


def test_exercise_saves_and_restores_and_search_works_through_nginx(browser, upstream_url: str) -> None:
    session = guarded(browser, upstream_url)
    page = session.open("modules/what-is-supervision/")
    enhanced(page, JOURNAL)
    field = f"{form_selector(JOURNAL)} textarea[data-rs-field='closest-in-practice']"
    page.fill(field, "Mostly the managerial one.")
    entry = poll_saved(page, JOURNAL)
    assert entry["values"]["closest-in-practice"] == "Mostly the managerial one."
    page.reload(wait_until="networkidle")
    enhanced(page, JOURNAL)
    assert page.input_value(field) == "Mostly the managerial one."
    page.click("input.md-search__input")
    page.keyboard.type("supervision")
    page.locator(".md-search-result__meta", has_text=re.compile(r"\d+ matching")).wait_for(timeout=10000)
    assert page.locator(".md-search-result__item").count() > 0
    assert page.evaluate("window.__cspViolations") == []
    session.close()
    assert session.console_errors == [] and session.external == []


def test_a_notebook_runs_under_the_lab_policy_through_nginx(browser, upstream_url: str) -> None:
    """The data lab under its own policy: the audit notebook opens, runs and draws its chart with no
    violation; the lab's pages get the lab policy and the site's data lab page the strict one."""
    session = guarded(browser, upstream_url, service_workers="allow")  # JupyterLite's own worker serves its files
    page = session.page
    response = page.goto(lab_kit.notebook_path(upstream_url + "lab/", RELEASE, "audit-run-chart"))
    assert response.headers.get("content-security-policy") == csp.lab_policy()
    lab_kit.wait_for_notebook(page)
    lab_kit.run_all(page)
    lab_kit.wait_for_text(page, "Shift: 8 points above the median, 2024-04 to 2024-11.")
    page.wait_for_selector(
        ".jp-OutputArea-output .vega-embed svg, .jp-OutputArea-output .vega-embed canvas", timeout=30_000
    )
    assert "Traceback" not in lab_kit.outputs_text(page)
    assert page.evaluate("window.__cspViolations") == []
    lab_page = page.goto(upstream_url + "data-lab/")
    assert lab_page.headers.get("content-security-policy") == csp.policy()
    session.close()
    assert session.external == []
    assert [m for m in session.console_errors if "Content Security Policy" in m or "Refused" in m] == []


def test_the_example_copy_shows_its_own_interface_words(browser, example_url: str) -> None:
    """The organisation's strings reach the templates and the scripts (assets/js/strings.js), with the
    placeholder filled in."""
    session = guarded(browser, example_url)
    page = session.open("modules/what-is-supervision/")
    enhanced(page, JOURNAL)
    form = form_selector(JOURNAL)
    assert "Bring this to my next supervision session" in page.locator(form).inner_text()
    page.fill(f"{form} textarea[data-rs-field='closest-in-practice']", "Mostly the managerial one.")
    poll_saved(page, JOURNAL)
    note = page.locator(f"{form} [data-rs-saved]")
    note.filter(has_text=re.compile(r"^Saved in this browser at \d\d:\d\d\. Nothing leaves it\.$")).wait_for(
        timeout=5000
    )
    session.close()
    assert session.console_errors == [] and session.external == []


def test_hashed_assets_are_cached_for_a_year_and_pages_are_revalidated(upstream_url: str, site_dir: Path) -> None:
    home = urllib.request.urlopen(upstream_url)
    assert home.headers["Cache-Control"] == "no-cache"
    assert home.headers["X-Content-Type-Options"] == "nosniff" and home.headers["Referrer-Policy"] == "no-referrer"
    html = home.read().decode("utf-8")
    bundle = re.search(r'src="(assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"', html).group(1)
    hashed = urllib.request.urlopen(upstream_url + bundle)
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert hashed.headers["Content-Security-Policy"] == csp.policy()
    plain = urllib.request.urlopen(upstream_url + "assets/js/app.js")
    assert plain.headers["Cache-Control"] == "public, max-age=3600, must-revalidate"
    for hidden in ("_headers", ".git/config"):
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(upstream_url + hidden)
        assert caught.value.code == 404


def test_nginx_allows_the_camera_on_the_pulse_page_alone(upstream_url: str) -> None:
    """The group pulse page may read QR codes with the camera; every other page and file may not."""
    for path, policy in (("pulse/", csp.CAMERA_PERMISSIONS), ("agenda/", csp.PERMISSIONS), ("", csp.PERMISSIONS),
                         ("assets/js/app.js", csp.PERMISSIONS)):
        with urllib.request.urlopen(upstream_url + path) as response:
            assert response.headers["Permissions-Policy"] == policy, path


def test_the_service_worker_and_manifest_are_served_fresh_under_the_policy(browser, upstream_url: str) -> None:
    """The worker, its file list and the manifest: the right types, never cached without asking, the strict
    policy; and through nginx the worker registers, takes the page and keeps it, with no CSP violation."""
    for name, kind in (("sw.js", "text/javascript"), ("offline-files.json", "application/json"),
                       ("manifest.webmanifest", "application/manifest+json")):
        response = urllib.request.urlopen(upstream_url + name)
        assert response.headers["Content-Type"].split(";")[0] == kind, name
        assert response.headers["Cache-Control"] == "no-cache", name
        assert response.headers["Content-Security-Policy"] == csp.policy(), name
    session = guarded(browser, upstream_url, service_workers="allow")
    page = session.open("privacy/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    session.open("my-learning/")
    assert any(name.startswith("rs-offline:") for name in page.evaluate("caches.keys()"))
    assert page.evaluate("window.__cspViolations") == []
    session.close()
    assert session.console_errors == [] and session.external == []
