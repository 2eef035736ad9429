/**
 * The reader of "Listen to this page" (apps/read-aloud.js loads it when the learner first opens it): the
 * browser's speech synthesis reads the page's text and the learner's own answers, section by section, with play,
 * pause, stop, speed, voice and next section.
 *
 * Only on-device voices are offered or used (lib/speech.js localVoices): a network voice would send the text,
 * answers included, to a remote service. Every utterance is given its voice explicitly (never the browser's
 * default, which may be a network voice), and is checked once more just before it is spoken. Where there is
 * no on-device voice, the widget says so and offers no controls.
 * The part being read is highlighted and scrolled into view; the status line (aria-live) announces each section.
 */

import { pageRole } from "./role.js";
import { chunkText, localVoices, pickVoice, splitSections, tidy } from "./speech.js";
import { t } from "./strings.js";

const HEADING = /^H([1-6])$/;
// Blocks read as one piece each (the outermost one when nested), and what is never read.
const BLOCKS = "h1, h2, h3, h4, h5, h6, p, ul, ol, dl, table, blockquote, pre, figcaption, .admonition, details, [data-rs-widget]";
const SKIP = ".rs-reading-tools, .headerlink, script, style, template, [hidden], [aria-hidden='true'], .rs-no-js, "
  + ".md-source-file, [data-rs-variant='alt'], [role='status'], [role='alert'], button";
const HIGHLIGHT = "rs-read-aloud-now";
const VOICE_WAIT_MS = 1500;

/** Is this element out of sight (hidden itself or inside something hidden)? */
function isHidden(element) {
  return Boolean(element.closest("[hidden], .rs-reading-tools, details:not([open]) > :not(summary)"))
    || getComputedStyle(element).display === "none";
}

/** An element's words as the learner sees them: other role's wording, hidden parts and controls left out. */
function readableText(element) {
  const copy = element.cloneNode(true);
  const role = pageRole();
  const other = role === "supervisor" ? "[data-rs-variant='nqsw']" : "[data-rs-variant='supervisor']";
  const hidden = `${SKIP}, ${other}, textarea, input, select, details:not([open]) > :not(summary)`;
  for (const node of copy.querySelectorAll(hidden)) node.remove();
  return tidy(copy.textContent);
}

/** The label text of a form control. */
function labelOf(control) {
  const label = control.labels && control.labels[0];
  return label ? readableText(label) : "";
}

/** An exercise read in order: its words, and for each field the learner's answer (or that there is none). */
function exerciseBlocks(widget) {
  const parts = widget.querySelectorAll("h2, h3, h4, h5, legend, p, label, textarea, input, select");
  return [...parts].filter((part) => !isHidden(part) && !part.closest(SKIP)).map(partBlock).filter(Boolean);
}

/** How one part of an exercise is read: an answer, a choice made, a label or words; null when it is not read. */
function partBlock(part) {
  if (part.matches("textarea, input[type='text'], input:not([type]), input[type='number'], input[type='date']")) {
    const answer = tidy(part.value);
    return { text: answer ? t("read_aloud_your_answer", { answer }) : t("read_aloud_no_answer"), ref: part };
  }
  if (part.matches("input[type='radio'], input[type='checkbox']")) {
    return part.checked ? { text: t("read_aloud_chosen", { answer: labelOf(part) }), ref: part } : null;
  }
  if (part.matches("select")) {
    const chosen = part.selectedOptions[0];
    return chosen && chosen.value ? { text: t("read_aloud_chosen", { answer: tidy(chosen.textContent) }), ref: part } : null;
  }
  if (part.matches("label")) {
    const control = part.control;
    // A choice's label is read with "Chosen" when ticked; a text field's label is read before its answer.
    const choice = control && control.matches("input[type='radio'], input[type='checkbox']");
    return choice ? null : { text: readableText(part), ref: part };
  }
  if (part.closest("label")) return null;
  const heading = HEADING.exec(part.tagName);
  return { text: readableText(part), ref: part, heading: heading ? Number(heading[1]) : undefined };
}

/** The page's readable blocks in order, each with its element. */
function pageBlocks(article) {
  const blocks = [];
  for (const element of article.querySelectorAll(BLOCKS)) {
    const outer = element.parentElement.closest(BLOCKS);
    if (outer && article.contains(outer)) continue;
    if (isHidden(element) || element.closest(SKIP)) continue;
    if (element.matches("[data-rs-widget]")) {
      blocks.push(...exerciseBlocks(element));
      continue;
    }
    const heading = HEADING.exec(element.tagName);
    blocks.push({ text: readableText(element), ref: element, heading: heading ? Number(heading[1]) : undefined });
  }
  return blocks;
}

/** The on-device voices, waiting briefly for a browser that lists its voices late. */
function waitForVoices(synth) {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener?.("voiceschanged", done);
      resolve(synth.getVoices());
    };
    synth.addEventListener?.("voiceschanged", done);
    setTimeout(done, VOICE_WAIT_MS);
  });
}

/** Offer the controls and read on request. @param {HTMLDetailsElement} root the read-aloud <details> */
export function startReader(root) {
  const unavailable = root.querySelector("[data-rs-read-aloud-unavailable]");
  const controls = root.querySelector("[data-rs-read-aloud-controls]");
  const status = root.querySelector("[data-rs-read-aloud-status]");
  const button = (name) => root.querySelector(`[data-rs-read="${name}"]`);
  const [play, pause, stop, next, speed, voiceSelect] = ["play", "pause", "stop", "next", "speed", "voice"].map(button);
  const synth = globalThis.speechSynthesis;
  const Utterance = globalThis.SpeechSynthesisUtterance;
  if (!synth || !Utterance) {
    unavailable.textContent = t("read_aloud_no_speech");
    return;
  }
  const lang = document.documentElement.lang || "en";
  let voices = [];
  const showVoices = (all) => {
    const chosen = voiceSelect.value;
    voices = localVoices(all, lang);
    voiceSelect.replaceChildren(...voices.map((voice) => {
      const option = document.createElement("option");
      option.value = voice.voiceURI;
      option.textContent = `${voice.name} (${voice.lang})`;
      return option;
    }));
    if (voices.some((voice) => voice.voiceURI === chosen)) voiceSelect.value = chosen;
    controls.hidden = voices.length === 0;
    unavailable.textContent = voices.length === 0 ? t("read_aloud_no_voice") : "";
    if (voices.length === 0) finish(t("read_aloud_stopped"), false);
  };

  // Where reading is: section, item and piece; `run` changes whenever reading is stopped or moved, so a
  // late "end" event of an old utterance never moves the new one on.
  let sections = [];
  let place = null;
  let run = 0;
  let highlighted = null;

  const mark = (element) => {
    if (highlighted) highlighted.classList.remove(HIGHLIGHT);
    highlighted = element || null;
    if (!highlighted) return;
    highlighted.classList.add(HIGHLIGHT);
    const reduce = document.documentElement.dataset.rsMotion === "reduce" || matchMedia("(prefers-reduced-motion: reduce)").matches;
    highlighted.scrollIntoView?.({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  };
  const setPlaying = (playing) => {
    play.disabled = playing;
    pause.disabled = !playing;
    stop.disabled = !playing;
    next.disabled = !playing;
    pause.textContent = t("read_aloud_pause");
    pause.setAttribute("aria-pressed", "false");
  };
  function finish(message, announce = true) {
    run += 1;
    synth.cancel();
    place = null;
    mark(null);
    setPlaying(false);
    if (announce) status.textContent = message;
  }

  const speak = () => {
    if (!place) return;
    const section = sections[place.section];
    if (!section) {
      finish(t("read_aloud_finished"));
      return;
    }
    const item = section.items[place.item];
    if (!item) {
      place = { section: place.section + 1, item: 0, piece: 0 };
      speak();
      return;
    }
    if (place.item === 0 && place.piece === 0) status.textContent = t("read_aloud_reading", { section: section.title });
    const pieces = chunkText(item.text);
    if (place.piece >= pieces.length) {
      place = { ...place, item: place.item + 1, piece: 0 };
      speak();
      return;
    }
    const voice = pickVoice(voices, voiceSelect.value);
    if (!voice || voice.localService !== true) {
      finish(t("read_aloud_no_voice"));
      return;
    }
    mark(item.ref);
    const utterance = new Utterance(pieces[place.piece]);
    utterance.voice = voice;
    utterance.lang = voice.lang || lang;
    utterance.rate = Number(speed.value) || 1;
    const mine = run;
    utterance.onend = () => {
      if (mine !== run || !place) return;
      place = { ...place, piece: place.piece + 1 };
      speak();
    };
    utterance.onerror = (event) => {
      if (mine !== run || event.error === "interrupted" || event.error === "canceled") return;
      finish(t("read_aloud_stopped"));
    };
    synth.speak(utterance);
  };

  const startAt = (section) => {
    run += 1;
    synth.cancel();
    place = { section, item: 0, piece: 0 };
    setPlaying(true);
    speak();
  };

  play.addEventListener("click", () => {
    const article = root.closest("article") || document.querySelector("article");
    sections = splitSections(pageBlocks(article), { untitled: t("read_aloud_start") });
    startAt(0);
  });
  pause.addEventListener("click", () => {
    if (synth.paused) {
      synth.resume();
      pause.textContent = t("read_aloud_pause");
      pause.setAttribute("aria-pressed", "false");
      status.textContent = t("read_aloud_reading", { section: sections[place?.section]?.title ?? "" });
    } else {
      synth.pause();
      pause.textContent = t("read_aloud_resume");
      pause.setAttribute("aria-pressed", "true");
      status.textContent = t("read_aloud_paused");
    }
  });
  stop.addEventListener("click", () => {
    finish(t("read_aloud_stopped"));
    play.focus();
  });
  next.addEventListener("click", () => {
    if (place) startAt(place.section + 1);
  });
  // A new speed or voice applies from the next piece: restart the current item with it.
  for (const select of [speed, voiceSelect]) {
    select.addEventListener("change", () => {
      if (!place) return;
      run += 1;
      synth.cancel();
      place = { ...place, piece: 0 };
      speak();
    });
  }
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && place) {
      event.preventDefault();
      finish(t("read_aloud_stopped"));
      play.focus();
    }
  });
  window.addEventListener("pagehide", () => synth.cancel());
  setPlaying(false);
  waitForVoices(synth).then(showVoices);
  synth.addEventListener?.("voiceschanged", () => showVoices(synth.getVoices()));
}
