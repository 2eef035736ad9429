"""The data lab in Chromium, with every request to another host blocked and recorded (the `visit` fixture
fails a test that made any): each notebook opened in the lab, all cells run, outputs checked against the
invented example data; the REPL embed runs code; the data lab page passes axe with its frames open."""

from __future__ import annotations

import json

import pytest

from macros.lab import Lab
from tests.browser import lab_kit
from tests.browser.axe import AXE, run_axe
from tests.conftest import Visit
from tests.helpers import ROOT

RELEASE = Lab(ROOT).release()


# Each notebook the lab ships has its own test below: a new notebook fails this until it has one too.
TESTED_NOTEBOOKS = {"audit-run-chart", "group-self-assessment"}


def test_every_notebook_the_lab_ships_is_run_by_a_test() -> None:
    assert set(Lab(ROOT).notebooks()) == TESTED_NOTEBOOKS


@pytest.fixture()
def visit(browser: object, base_url: str):
    """Like the shared fixture, but JupyterLite's own service worker runs (it serves the notebooks' files): what
    it fetches is recorded too (conftest Visit), and no request may leave 127.0.0.1."""
    session = Visit(browser, base_url, viewport={"width": 1280, "height": 900}, locale="en-GB", service_workers="allow")
    yield session
    session.close()
    assert session.external == [], f"requests to other hosts: {session.external}"


def lab_url(visit) -> str:
    return visit.base_url + "lab/"


def assert_vega_chart(page: object) -> None:
    """A Vega-Lite output rendered as a chart (an SVG or canvas inside .vega-embed), whose "..." menu offers
    only to save the chart on this device: no "Open in Vega Editor" (which sends the spec and its data to
    vega.github.io), no "View Source" or "View Compiled"."""
    page.wait_for_selector(
        ".jp-OutputArea-output .vega-embed svg, .jp-OutputArea-output .vega-embed canvas", timeout=30_000
    )
    assert page.locator(".jp-OutputArea-output .vega-embed").count() == 1
    # vega-embed adds its menu only after the view has run: wait for it.
    page.locator(".jp-OutputArea-output .vega-embed .vega-actions a").first.wait_for(state="attached")
    actions = page.locator(".jp-OutputArea-output .vega-embed .vega-actions a").all_text_contents()
    assert actions and all(action.startswith("Save as") for action in actions), actions
    assert page.locator(".jp-OutputArea-output .vega-embed a[href*='vega.github.io']").count() == 0


# Choose "Run All" the moment the notebook's file is loaded, as a quick person (or a test) can: before the
# fix, JupyterLab had not yet read the kernel's name then, and showed "Select Kernel" instead of running.
# Done in the page itself (checked every frame), so each page runs at its own first moment.
RUN_ALL_AT_ONCE = f"""(() => {{
  const ready = {lab_kit.NOTEBOOK_READY};
  const check = () => {{
    if (ready()) window.jupyterapp.commands.execute('notebook:run-all-cells');
    else requestAnimationFrame(check);
  }};
  requestAnimationFrame(check);
}})();"""
DIALOG_OR_OUTPUT = "() => document.querySelector('.jp-Dialog') || document.querySelector('.jp-OutputArea-output')"


def test_audit_notebook_runs_at_once_without_a_kernel_dialog_offline_and_shows_the_run_chart(visit) -> None:
    """A fresh open (empty storage) running all cells the moment it can: never the "Select Kernel" dialog
    (before the fix, every time when run this early; about 1 open in 6 with a quick click), then every output.
    The group notebook's test runs its cells from the menu, as a person would."""
    page = visit.page
    page.add_init_script(RUN_ALL_AT_ONCE)
    page.goto(lab_kit.notebook_path(lab_url(visit), RELEASE, "audit-run-chart"))
    page.wait_for_function(DIALOG_OR_OUTPUT, timeout=lab_kit.KERNEL_TIMEOUT_MS)
    assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").inner_text()
    lab_kit.wait_for_text(page, "Shift: 8 points above the median, 2024-04 to 2024-11.")
    text = lab_kit.outputs_text(page)
    for line in ("Months: 24 (2023-04 to 2025-03).", "Median: 0.81 sessions per supervisee per month.",
                 "met in 6 of 24 months.", "Shift: 6 points below the median, 2023-10 to 2024-03.",
                 "Trend: 7 points going up, 2024-02 to 2024-08."):
        assert line in text
    assert "Error" not in text and "Traceback" not in text
    assert_vega_chart(page)
    assert visit.external == []


# Run code in the kernel of the notebook on show and return what it printed.
KERNEL_PRINTS = """async (code) => {
  const future = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.requestExecute({ code });
  let printed = '';
  future.onIOPub = (message) => {
    if (message.header.msg_type === 'stream') printed += message.content.text;
  };
  await future.done;
  return printed;
}"""
INSTALL_FROM_PYPI = (
    "import piplite\ntry:\n    await piplite.install('requests')\nexcept Exception as error:\n    "
    "print('REFUSED', type(error).__name__)"
)


def test_group_notebook_runs_offline_and_shows_distributions_and_prompts(visit) -> None:
    """All cells run from the menu; then, in the same kernel, an unknown package cannot be installed: the PyPI
    fallback is off, so no request is even tried (the visit fixture fails on any request to another host)."""
    page = visit.page
    page.goto(lab_kit.notebook_path(lab_url(visit), RELEASE, "group-self-assessment"))
    lab_kit.wait_for_notebook(page)
    lab_kit.run_all(page)
    lab_kit.wait_for_text(page, "4. Which of these patterns")
    text = lab_kit.outputs_text(page)
    for line in ("normative: 12 people, median 4.13, middle half 3.94 to 4.5, lowest 3.25, highest 4.75",
                 "restorative: 12 people, median 2.5, middle half 2.25 to 3.06, lowest 1.75, highest 4",
                 "1. Restorative has the lowest median (2.5).", "2. Normative has the highest median (4.13)."):
        assert line in text
    assert "Error" not in text and "Traceback" not in text
    assert_vega_chart(page)
    assert page.evaluate(KERNEL_PRINTS, INSTALL_FROM_PYPI).startswith("REFUSED")
    assert visit.external == []


def test_repl_embed_on_the_data_lab_page_runs_code_and_passes_axe(visit) -> None:
    page = visit.open("data-lab/")
    assert [v["id"] for v in run_axe(page)] == []
    embeds = page.locator("[data-rs-app='lab-embed']")
    assert embeds.count() == 3
    repl = embeds.nth(2)
    repl.get_by_role("button", name="Open here").click()
    frame_element = repl.locator("iframe")
    assert frame_element.get_attribute("title") == "Python in your browser"
    frame = frame_element.content_frame
    frame.locator(".jp-CodeConsole .jp-OutputArea-output").first.wait_for(timeout=lab_kit.KERNEL_TIMEOUT_MS)
    frame.locator(".jp-OutputArea-output", has_text="Median of 3, 5, 4, 8: 4.5").first.wait_for(timeout=30_000)
    # axe on the page with the frame open (the frame is JupyterLab's own interface, not this site's).
    page.add_script_tag(path=str(AXE))
    violations = json.loads(
        page.evaluate("async () => JSON.stringify((await axe.run(document, {iframes: false})).violations)")
    )
    assert [f"{v['id']}: {v['help']}" for v in violations] == []
    assert visit.external == []


def test_embeds_without_javascript_are_plain_links(no_js_visit) -> None:
    page = no_js_visit.open("data-lab/")
    links = page.locator(".rs-lab-embed a.md-button")
    assert links.count() == 3
    assert page.locator(".rs-lab-embed button:visible").count() == 0
    assert f"lab/notebooks/index.html?path={RELEASE}/group-self-assessment.ipynb" in links.nth(0).get_attribute("href")
