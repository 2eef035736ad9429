"""Reading settings and read-aloud (partials/reading-tools.html, lib/reading.js, lib/speech.js): each setting
applies on a module page, is kept after a reload, on other pages and in backups; 200% text on a desktop and wider
spacing at 320 px scroll no page sideways and clip no text; axe is clean in the dark and high-contrast themes;
read-aloud offers and uses only on-device voices, and says plainly when there is none."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.axe import run_axe
from tests.browser.kit import NOT_LOADED, cut_off
from tests.browser.reflow import phone_overflow

MODULE = "modules/what-is-supervision/"
# A module page, My learning, and the gallery of every exercise kind (the widest exercises).
GALLERY = "authoring/exercise-kinds/"
REPRESENTATIVE = [MODULE, "my-learning/", GALLERY]
# The widest layout of the gallery: the case review's factors all ticked, so each shows its three functions side
# by side (step 3).
CASE_REVIEW_FACTORS = "form[data-rs-exercise='example-case-review-default'] input[type='checkbox'][data-rs-field]"
PREFERENCES = "reflective-supervision:/:data:preferences"

# Elements that hide overflowing content (overflow hidden or clip) while their content is taller or wider than
# their box, except visually hidden text for screen readers, Material's ellipsised header title and the
# off-canvas drawers while closed.
_CLIPPED_SCRIPT = """
() => {
  const problems = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility !== 'visible') continue;   // closed navigation sections too
    if (el.closest('[hidden], .md-header__title, .md-search, .md-dialog')) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1 && style.position === 'absolute') continue;   // visually hidden text
    if (el.closest('.md-sidebar') && !document.querySelector('#__drawer:checked')
        && getComputedStyle(el.closest('.md-sidebar')).position === 'fixed'
        && el.closest('.md-sidebar').getBoundingClientRect().right <= 0) continue;   // the closed drawer
    const hides = (value) => value === 'hidden' || value === 'clip';
    const wide = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const tall = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (!wide && !tall) continue;
    if (!(el.textContent || '').trim()) continue;
    const name = el.tagName.toLowerCase()
      + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
    problems.push(`${name} ("${el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)}") clips its text: `
      + `${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
  }
  return problems;
}
"""


def save_display(page: object, display: dict[str, str]) -> None:
    """Save reading settings as the site stores them (the settings form writes the same, see the first test)."""
    page.evaluate("([key, display]) => localStorage.setItem(key, JSON.stringify({display}))", [PREFERENCES, display])


def choose(page: object, setting: str, value: str) -> None:
    page.check(f"input[data-rs-reading='{setting}'][value='{value}']")


def test_each_setting_applies_on_a_module_page_stays_after_reload_across_pages_and_in_backups(visit, tmp_path) -> None:
    page = visit.open(MODULE)
    default_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    # With the standard settings the page links none of the settings' effects (assets/css/reading-effects.css).
    effects = "link[data-rs-reading-effects]"
    assert page.locator(effects).count() == 0
    assert not page.evaluate("performance.getEntriesByType('resource').some((e) => e.name.includes('reading-effects'))")
    page.click("#rs-reading-settings > summary")
    choose(page, "size", "200")
    choose(page, "spacing", "wide")
    choose(page, "font", "verdana")
    choose(page, "theme", "contrast")
    choose(page, "motion", "reduce")
    assert "Saved" in page.inner_text("[data-rs-reading-status]")
    # Turning a setting on links the effects, and the page changes at once, before any reload.
    page.wait_for_function("getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)'")
    assert page.locator(effects).count() == 1
    wanted = {
        "rsTextSize": "200",
        "rsSpacing": "wide",
        "rsFont": "verdana",
        "rsTheme": "contrast",
        "rsMotion": "reduce",
    }
    looks = """() => {
      const p = document.querySelector('article p');
      const body = getComputedStyle(document.body);
      const ps = getComputedStyle(p);
      return {dataset: {...document.documentElement.dataset},
        size: parseFloat(getComputedStyle(document.documentElement).fontSize),
        background: body.backgroundColor, font: body.fontFamily,
        letters: parseFloat(ps.letterSpacing) / parseFloat(ps.fontSize),
        words: parseFloat(ps.wordSpacing) / parseFloat(ps.fontSize),
        lines: parseFloat(ps.lineHeight) / parseFloat(ps.fontSize),
        transition: getComputedStyle(document.querySelector('.md-sidebar')).transitionDuration};
    }"""
    for path in [MODULE, MODULE, "my-learning/"]:  # this page, after a reload, another page
        if path != MODULE or page.url.endswith(MODULE):
            page = visit.open(path)
        seen = page.evaluate(looks)
        assert page.locator(effects).count() == 1, path  # linked by head.js, before the first paint
        assert {key: seen["dataset"].get(key) for key in wanted} == wanted, path
        assert seen["size"] == pytest.approx(default_size * 2), path
        assert seen["background"] == "rgb(0, 0, 0)" and seen["font"].startswith("Verdana"), path
        assert seen["letters"] >= 0.12 - 1e-3 and seen["words"] >= 0.16 - 1e-3 and seen["lines"] >= 1.5 - 1e-3, path
        assert seen["transition"] in ("0s", "1e-05s"), path
    with page.expect_download() as download:
        page.click("[data-rs-action='export']")
    path = tmp_path / "backup.json"
    download.value.save_as(path)
    backup = json.loads(path.read_text(encoding="utf-8"))
    assert backup["data"]["preferences"]["display"] == {
        "size": "200",
        "spacing": "wide",
        "font": "verdana",
        "theme": "contrast",
        "motion": "reduce",
    }
    # Back to the standard settings: nothing left on the page or in the preferences.
    page = visit.open(MODULE)
    page.click("#rs-reading-settings > summary")
    page.click("[data-rs-reading-reset]")
    assert not any(key in page.evaluate("({...document.documentElement.dataset})") for key in wanted)
    assert "display" not in json.loads(page.evaluate(f"localStorage.getItem('{PREFERENCES}')"))


@pytest.mark.parametrize(
    ("display", "viewport"),
    [
        ({"size": "200"}, {"width": 1280, "height": 720}),
        ({"spacing": "wide"}, {"width": 320, "height": 640}),
    ],
    ids=["text-200-at-1280", "spacing-at-320"],
)
def test_large_text_and_wide_spacing_scroll_nothing_sideways_and_clip_no_text(visit, display, viewport) -> None:
    visit.page.set_viewport_size(viewport)
    visit.open("")
    save_display(visit.page, display)
    problems = []
    for path in REPRESENTATIVE:
        page = visit.open(path)
        if path == GALLERY:
            for factor in page.locator(CASE_REVIEW_FACTORS).all():
                factor.check()
        problems += [f"{path}: {problem}" for problem in phone_overflow(page) + page.evaluate(_CLIPPED_SCRIPT)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("theme", ["dark", "contrast"])
def test_axe_finds_nothing_in_the_dark_and_high_contrast_themes(visit, theme) -> None:
    visit.open("")
    save_display(visit.page, {"theme": theme})
    page = visit.open(MODULE)
    page.click("#rs-reading-settings > summary")
    problems = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in run_axe(page)]
    assert problems == []


# A stand-in for the browser's speech synthesis: the voices given, and a record of every utterance spoken,
# each ending at once so reading moves on.
_SPEECH_STUB = """
(voices) => {
  window.spoken = [];
  class Utterance { constructor(text) { this.text = text; } }
  const synth = new EventTarget();
  Object.assign(synth, {
    paused: false, speaking: false,
    getVoices: () => voices,
    speak(u) {
      window.spoken.push({text: u.text, voice: u.voice && u.voice.name, local: u.voice && u.voice.localService});
      if (window.spoken.length < 3) setTimeout(() => u.onend && u.onend(), 0); },
    cancel() {}, pause() { this.paused = true; }, resume() { this.paused = false; },
  });
  Object.defineProperty(window, 'speechSynthesis', {value: synth});
  window.SpeechSynthesisUtterance = Utterance;
}
"""
VOICES = [
    {"name": "Cloud English (UK)", "lang": "en-GB", "localService": False, "voiceURI": "cloud-gb", "default": True},
    {"name": "Device English (UK)", "lang": "en-GB", "localService": True, "voiceURI": "device-gb", "default": False},
    {"name": "Device French", "lang": "fr-FR", "localService": True, "voiceURI": "device-fr", "default": False},
    {"name": "Cloud English (US)", "lang": "en-US", "localService": False, "voiceURI": "cloud-us", "default": False},
]


def test_read_aloud_offers_and_uses_only_on_device_voices(visit) -> None:
    visit.context.add_init_script(f"({_SPEECH_STUB})({json.dumps(VOICES)})")
    page = visit.open(MODULE)
    page.fill("textarea", "My own answer to read back.")
    page.click(".rs-read-aloud > summary")  # the reader loads when first opened
    page.wait_for_selector("[data-rs-read='voice'] option", state="attached")
    options = page.eval_on_selector_all("[data-rs-read='voice'] option", "options => options.map(o => o.textContent)")
    assert options == ["Device English (UK) (en-GB)", "Device French (fr-FR)"]
    page.click("[data-rs-read='play']")
    page.wait_for_function("window.spoken.length >= 3")
    spoken = page.evaluate("window.spoken")
    assert all(item["local"] is True and item["voice"] == "Device English (UK)" for item in spoken)
    assert page.locator(".rs-read-aloud-now").count() == 1
    assert page.inner_text("[data-rs-read-aloud-status]").startswith("Reading:")
    assert page.is_enabled("[data-rs-read='pause']") and page.is_disabled("[data-rs-read='play']")
    # Keyboard: the next section starts with its own heading; Stop clears the highlight and says so.
    before = len(spoken)
    page.focus("[data-rs-read='next']")
    page.keyboard.press("Enter")
    page.wait_for_function(f"window.spoken.length > {before}")
    page.click("[data-rs-read='stop']")
    assert page.locator(".rs-read-aloud-now").count() == 0
    assert page.inner_text("[data-rs-read-aloud-status]") == "Stopped."
    # The learner's own answer is read too.
    page.evaluate("window.spoken = []")
    page.evaluate("""() => { const s = window.speechSynthesis;
      s.speak = (u) => { window.spoken.push({text: u.text, local: u.voice.localService});
      setTimeout(() => u.onend && u.onend(), 0); }; }""")
    page.click("[data-rs-read='play']")
    page.wait_for_function(
        "document.querySelector('[data-rs-read-aloud-status]').textContent === 'Finished reading the page.'"
    )
    texts = " ".join(item["text"] for item in page.evaluate("window.spoken"))
    assert "Your answer: My own answer to read back." in texts
    assert all(item["local"] is True for item in page.evaluate("window.spoken"))


def test_read_aloud_says_when_its_reader_cannot_load_and_plainly_when_there_is_no_on_device_voice(visit) -> None:
    network_only = [voice for voice in VOICES if not voice["localService"]]
    visit.context.add_init_script(f"({_SPEECH_STUB})({json.dumps(network_only)})")
    page = visit.open(MODULE)
    # On a dropped connection the reader cannot load: the learner is told so, and opening it again retries.
    cut_off(page, "lib/read-aloud.js")
    page.click(".rs-read-aloud > summary")
    expect(page.locator("[data-rs-read-aloud-unavailable]")).to_have_text(NOT_LOADED)
    page.unroute_all()
    page.click(".rs-read-aloud > summary")
    page.click(".rs-read-aloud > summary")
    page.wait_for_function("!/could not load/.test(document.querySelector('[data-rs-read-aloud-unavailable]')"
                           ".textContent) && document.querySelector('[data-rs-read-aloud-unavailable]').textContent")
    assert "no voice on this device" in page.inner_text("[data-rs-read-aloud-unavailable]")
    assert page.is_hidden("[data-rs-read-aloud-controls]")
    assert page.evaluate("window.spoken") == []
