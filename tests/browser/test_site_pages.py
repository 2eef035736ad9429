"""Every page in Chromium: no request leaves the site, axe-core finds no violations, no script errors, nothing
scrolls sideways at 320 px, nothing breaks the Content-Security-Policy when nginx serves the site with the shipped
configuration; search works offline; pages read without JavaScript."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import csp
from tests.browser.axe import axe_problems
from tests.browser.reflow import PHONE, phone_overflow
from tests.browser.sweep import PARTS, part_of, phone_axe_sample, site_pages, template_sample
from tests.conftest import Visit
from tests.helpers import CSP_LISTENER, MODULES_WITH_EVERY_KIND, nginx, nginx_binary, settled_under_policy


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> list[str]:
    found = site_pages(site_dir)
    assert len(found) > 5
    assert "404.html" in found, "the built site has no 404.html (Material's not-found page)"
    return found


@pytest.fixture(scope="module")
def phone_url(site_dir: Path, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    """Where the phone visits of the sweep go: the site served by Debian's nginx with the shipped configuration
    (hosting/nginx.conf: its strict Content-Security-Policy and headers), so every page is checked under the
    policy on the same visit; the plain loopback server when nginx is not installed and not required."""
    if nginx_binary() is None and os.environ.get("RS_REQUIRE_NGINX") != "1":
        yield None
        return
    with nginx(site_dir, tmp_path_factory.mktemp("nginx-sweep")) as url:
        yield url


def phone_visit(browser: object, base_url: str, phone_url: str | None) -> Visit:
    """A 320 px phone that records policy violations (through nginx) as well as errors and other hosts."""
    phone = Visit(browser, phone_url or base_url, viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
    phone.context.add_init_script(CSP_LISTENER)
    return phone


def policy_problems(page: object, response: object, path: str) -> list[str]:
    """Served by nginx: the page came with the site's policy, nothing broke it, and the head scripts that
    used to be inline ran (Material's scope and our JavaScript marker)."""
    if response is None or response.status != 200:
        return [f"/{path}: HTTP {response.status if response else 'no response'} through nginx"]
    problems = [f"/{path}: {violation}" for violation in page.evaluate("window.__cspViolations")]
    if response.headers.get("content-security-policy") != csp.policy():
        problems.append(f"/{path}: Content-Security-Policy header is "
                        f"{response.headers.get('content-security-policy')!r}")
    if not page.evaluate("typeof __md_scope === 'object' && document.documentElement.classList.contains('rs-js')"):
        problems.append(f"/{path}: the head scripts did not run")
    return problems


def phone_problems(phone: Visit, path: str, through_nginx: bool, axe: bool) -> list[str]:
    """On a 320 px phone screen (WCAG 2.2 reflow): nothing scrolls sideways or runs off the screen, one h1,
    axe-core finds no violations (if asked); through nginx, no policy violation either."""
    response = phone.page.goto(phone.base_url + path, wait_until="networkidle")
    page = phone.page
    settled_under_policy(page)
    problems = policy_problems(page, response, path) if through_nginx else []
    if page.locator("h1").count() != 1:
        problems.append(f"phone /{path}: {page.locator('h1').count()} h1 elements")
    problems += [f"phone /{path}: {problem}" for problem in phone_overflow(page)]
    return problems + (axe_problems(page, path, "phone") if axe else [])


def no_js_problems(no_js_visit: object, path: str) -> list[str]:
    """Without JavaScript: the page reads (one h1) and shows no actions that need scripts."""
    page = no_js_visit.page
    page.goto(no_js_visit.base_url + path, wait_until="load")
    problems = []
    if page.locator("h1").count() != 1:
        problems.append(f"/{path}: {page.locator('h1').count()} h1 elements without JavaScript")
    if page.locator("form[data-rs-widget] [data-rs-actions]:visible").count() != 0:
        problems.append(f"/{path}: an exercise shows its actions without JavaScript")
    return problems


@pytest.mark.parametrize("part", range(PARTS))
def test_every_page_passes_axe_reflows_at_320_px_reads_without_javascript_and_stays_on_the_site(
        visit, no_js_visit, browser, base_url, phone_url, pages, part: int) -> None:
    """Every page on a 320 px phone with JavaScript, served by nginx under the shipped Content-Security-Policy:
    no policy violation, no request to another host, no script error, no sideways scrolling, and no axe-core
    violation (phone_axe_sample: every page but the handouts of modules that add no kind of exercise).
    Without JavaScript: one h1 and no script-only actions. On a desktop screen, one page of each template
    (template_sample): no axe-core violation, no script error."""
    phone = phone_visit(browser, base_url, phone_url)
    on_desktop, axe_on_phone = template_sample(pages), phone_axe_sample(pages)
    problems = []
    for path in part_of(pages, part):
        if path in on_desktop:
            problems += axe_problems(visit.open(path), path, "desktop")
        problems += phone_problems(phone, path, through_nginx=phone_url is not None, axe=path in axe_on_phone)
        problems += [f"no JavaScript {problem}" for problem in no_js_problems(no_js_visit, path)]
    phone.close()
    assert visit.console_errors == [] and phone.console_errors == []
    assert visit.external == [] and phone.external == []
    assert problems == [], "\n".join(problems)


def test_the_desktop_axe_sample_keeps_every_other_page_and_one_of_each_repeated_template() -> None:
    pages = ["", "modules/", "modules/a/", "modules/b/", "handouts/", "handouts/a/", "handouts/a-answers/",
             "handouts/b/", "handouts/b-answers/", "my-learning/", "404.html"]
    assert template_sample(pages) == {
        "", "modules/", "modules/a/", "handouts/", "handouts/a/", "handouts/a-answers/", "my-learning/", "404.html"
    }


def test_the_phone_axe_sample_keeps_every_page_but_the_handouts_of_modules_that_add_no_kind() -> None:
    pages = ["", "modules/", "modules/a/", "modules/b/", "handouts/", "handouts/a/", "handouts/a-answers/",
             "handouts/b/", "handouts/b-answers/", "my-learning/"]
    assert phone_axe_sample(pages, modules=["a"]) == {
        "", "modules/", "modules/a/", "modules/b/", "handouts/", "handouts/a/", "handouts/a-answers/", "my-learning/"
    }
    assert len(MODULES_WITH_EVERY_KIND) < 14


def test_search_works_offline(visit) -> None:
    page = visit.open("")
    page.click("input.md-search__input")
    page.keyboard.type("supervision")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching/)", timeout=10000
    )
    assert page.locator(".md-search-result__item").count() > 0
    assert visit.external == []
