import assert from "node:assert/strict";
import { test } from "node:test";

import { escapeMarkdown, escapeMarkdownInline } from "../../overrides/assets/js/lib/markdown.js";

// What each line would become in Markdown if it were not escaped: none of these may start a line unescaped.
const TRICKY = ["~~~", "```", "---", "===", "***", "___", "1. one", "2) two", "+ plus", "- minus", "* star", "> quote",
  "# heading", "    indented code", "\tindented with a tab", "| a | b |", "<div>html</div>", "[x]: https://example.org",
  "![image](x.png)", ": definition", "&amp; an entity", "a ~~strike~~ b", "<https://example.org>"];

test("no line of user text can start a Markdown block", () => {
  const lines = escapeMarkdown(TRICKY.join("\n")).split("\n").map((line) => line.replace(/ {2}$/, ""));
  assert.equal(lines.length, TRICKY.length);
  for (const line of lines) {
    assert.doesNotMatch(line, /^(\s|[~`*_+>#|<[:=-]|\d+[.)]|[-*_=]{3})/, line);
  }
  assert.equal(lines[0], "&#126;&#126;&#126;");
  assert.equal(lines[2], "\\---");
  assert.equal(lines[6], "1\\. one");
  assert.equal(lines[20], "&amp;amp; an entity");
});

test("line breaks are kept and blank lines still separate paragraphs", () => {
  assert.equal(escapeMarkdown("one\ntwo\n\nthree"), "one  \ntwo\n\nthree");
  assert.equal(escapeMarkdown("  \n\nx\n"), "x");
  assert.equal(escapeMarkdown(undefined), "");
});

test("a heading's text stays on one line", () => {
  assert.equal(escapeMarkdownInline("A # title\n=== with <b>"), "A \\# title === with &lt;b&gt;");
  assert.equal(escapeMarkdownInline("1. First"), "1\\. First");
});

test("the learning record's Markdown isolates every piece of learner text, line by line", async () => {
  const { recordMarkdown } = await import("../../overrides/assets/js/apps/learning-record.js");
  const rlo = "\u202E";
  const markdown = recordMarkdown([{ exercise: "x", title: `${rlo}Evil title`, updated: "2026-11-22T10:00:00Z",
    did: `${rlo}first line\nsecond # line`, learned: "", difference: "" }], new Date("2026-11-22T10:00:00Z"));
  const lines = markdown.split("\n");
  assert.ok(lines.includes(`## \u2068${rlo}Evil title\u2069`), markdown);
  // Each line its own isolate (an isolate ends at a line break), the hard break's two spaces outside it.
  assert.ok(markdown.includes(`\u2068${rlo}first line\u2069  \n\u2068second \\# line\u2069\n`), markdown);
  assert.ok(lines.includes("(not written yet)"), "the site's own words are not isolated");
  assert.equal(markdown.split("\u2068").length, markdown.split("\u2069").length);
});

test("the agenda's copied text isolates titles, labels and answers", async () => {
  const { agendaText } = await import("../../overrides/assets/js/apps/agenda.js");
  const entry = { exercise: "x", title: "\u202ETitle", readable: [{ label: "What stood out", text: "one\ntwo" }] };
  const text = agendaText([{ id: "ex:x", entry, omit: [] }, { id: "own-1", text: "\u202EMine" }]);
  const expected = "## \u2068\u202ETitle\u2069\n\n\u2068What stood out\u2069\n\u2068one\u2069\n\u2068two\u2069";
  assert.ok(text.includes(expected), text);
  assert.ok(text.includes("## \u2068\u202EMine\u2069"), text);
});
