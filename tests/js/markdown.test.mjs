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
