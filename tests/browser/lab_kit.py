"""Drive the data lab (JupyterLite) in Chromium: open a notebook, run every cell, wait for outputs.

Shared by tests/browser/test_data_lab.py and benchmarks/lab.py.
"""

from __future__ import annotations

import time
from urllib.parse import quote

KERNEL_TIMEOUT_MS = 150_000  # a cold kernel start takes 10-20 s on a busy 2-core machine; allow for much worse


def notebook_path(site_lab_url: str, release: str, name: str) -> str:
    """URL of the Notebook app opening one notebook (site_lab_url ends with /lab/ or is the lab's root)."""
    return f"{site_lab_url}notebooks/index.html?path={release}/{name}.ipynb"


def repl_path(site_lab_url: str, code: str) -> str:
    return f"{site_lab_url}repl/index.html?kernel=python&toolbar=1&code={quote(code, safe='')}"


# True once the notebook on show has loaded its file (JupyterLab's context is ready) and has an active cell:
# "Run All" does nothing before that (it runs the cells of a model still being filled). The site's lab sets
# window.jupyterapp (exposeAppInBrowser, for lab/kernel/start-kernel-early.js); in a lab that does not, the
# cells being on the page is all there is to wait for.
NOTEBOOK_READY = """() => {
  if (!document.querySelector('.jp-Notebook .jp-CodeCell')) return false;
  if (!window.jupyterapp) return true;
  const widget = window.jupyterapp.shell.currentWidget;
  return Boolean(widget && widget.context && widget.context.isReady && widget.content && widget.content.activeCell);
}"""


def wait_for_notebook(page: object) -> None:
    """Wait until the notebook's cells are on the page and its file is loaded (at most milliseconds later)."""
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
    page.wait_for_function(NOTEBOOK_READY, polling="raf", timeout=60_000)


def run_all(page: object) -> None:
    """Run every cell with the menu, as a person would: Run, then Run All Cells."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


def outputs_text(page: object) -> str:
    """All text outputs of the notebook, joined. textContent, not innerText: JupyterLab skips rendering cells
    scrolled out of view (content-visibility), and innerText of an unrendered output is empty."""
    return "\n".join(page.locator(".jp-OutputArea-output").all_text_contents())


def wait_for_text(page: object, text: str, timeout_ms: int = KERNEL_TIMEOUT_MS) -> None:
    """Wait until some output contains the text (fails with the outputs shown so far)."""
    page.wait_for_function(
        "text => [...document.querySelectorAll('.jp-OutputArea-output')].some(o => o.textContent.includes(text))",
        arg=text, timeout=timeout_ms,
    )


def open_and_run(page: object, url: str) -> dict[str, float]:
    """Open a notebook, run all cells, and return seconds from opening to the UI and to the first output."""
    start = time.perf_counter()
    page.goto(url)
    wait_for_notebook(page)
    ui = time.perf_counter() - start
    run_all(page)
    page.wait_for_selector(".jp-OutputArea-output", timeout=KERNEL_TIMEOUT_MS)
    return {"ui": ui, "first_output": time.perf_counter() - start}
