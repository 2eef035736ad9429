// Read-aloud's pure logic: only on-device voices, sections at headings, text cut into readable pieces.
import assert from "node:assert/strict";
import { test } from "node:test";

import { chunkText, localVoices, pickVoice, splitSections } from "../../overrides/assets/js/lib/speech.js";

const voice = (name, lang, localService, extra = {}) => ({ name, lang, localService, voiceURI: name, default: false, ...extra });

test("only voices on this device are offered, the page's language first", () => {
  const voices = [
    voice("Google UK English Female", "en-GB", false),
    voice("eSpeak French", "fr-FR", true),
    voice("eSpeak English US", "en-US", true, { default: true }),
    voice("Microsoft Online Natural", "en-GB", false),
    voice("eSpeak English GB", "en-GB", true),
    voice("Odd", "en-GB", "true"),
    null,
  ];
  assert.deepEqual(localVoices(voices, "en-GB").map((v) => v.name), ["eSpeak English GB", "eSpeak English US", "eSpeak French"]);
  assert.deepEqual(localVoices([voice("Network", "en-GB", false)], "en-GB"), []);
  assert.deepEqual(localVoices(undefined), []);
});

test("the chosen voice is used only while it is an on-device voice", () => {
  const local = localVoices([voice("A", "en-GB", true), voice("B", "en-GB", true)], "en-GB");
  assert.equal(pickVoice(local, "B").name, "B");
  assert.equal(pickVoice(local, "Network voice").name, "A");
  assert.equal(pickVoice([], "A"), null);
  // Even if a network voice slipped into the list, it is never picked.
  assert.equal(pickVoice([voice("Net", "en-GB", false)], "Net"), null);
});

test("a page is cut into sections at its main headings, with the text before the first one kept", () => {
  const sections = splitSections([
    { text: "Intro words", ref: "p0" },
    { text: " What is   supervision? ", heading: 2, ref: "h2a" },
    { text: "First part.", ref: "p1" },
    { text: "A smaller heading", heading: 3, ref: "h3" },
    { text: "   " },
    { text: "Second part.", ref: "p2" },
    { text: "Heading only", heading: 2 },
    { text: "Last", heading: 2, ref: "h2c" },
    { text: "End.", ref: "p3" },
  ], { untitled: "Start of the page" });
  assert.deepEqual(sections.map((s) => s.title), ["Start of the page", "What is supervision?", "Heading only", "Last"]);
  assert.deepEqual(sections[1].items.map((i) => [i.text, i.ref]),
    [["What is supervision?", "h2a"], ["First part.", "p1"], ["A smaller heading", "h3"], ["Second part.", "p2"]]);
  assert.deepEqual(splitSections([]), []);
});

test("long text is cut at sentence ends, then commas, then spaces, never losing a word", () => {
  assert.deepEqual(chunkText("One. Two! Three?", 10), ["One. Two!", "Three?"]);
  const long = "word ".repeat(100).trim();
  const pieces = chunkText(long, 50);
  assert.ok(pieces.every((p) => p.length <= 50));
  assert.equal(pieces.join(" "), long);
  const commas = "a".repeat(30) + ", " + "b".repeat(30) + ", " + "c".repeat(30);
  assert.deepEqual(chunkText(commas, 70), ["a".repeat(30) + ", " + "b".repeat(30) + ",", "c".repeat(30)]);
  assert.deepEqual(chunkText("x".repeat(25), 10), ["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  assert.deepEqual(chunkText("  "), []);
});
