/**
 * Plain text written into a Markdown file so that it reads back as the same text, in CommonMark (and GitHub)
 * and in Python-Markdown alike: no user line can become a heading, a list, a quote, a code block, a table,
 * a rule, a link, an image, emphasis or HTML. Characters both kinds of parser accept a backslash before are
 * escaped with one; the rest (which Python-Markdown would show with the backslash) become character references.
 */

/** Escaped anywhere in a line. */
const ANYWHERE = {
  "\\": "\\\\", "`": "\\`", "*": "\\*", _: "\\_", "[": "\\[", "]": "\\]", "#": "\\#", "{": "\\{", "}": "\\}",
  "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;",
};
const ANYWHERE_PATTERN = /[\\`*_[\]#{}&<>|~]/g;

/** Escape one line: everything special anywhere, then what only matters at the start of a line. */
function escapeLine(line) {
  const text = line.replace(/^\s+/, "").replace(ANYWHERE_PATTERN, (char) => ANYWHERE[char]);
  return text
    .replace(/^([-+])/, "\\$1") // a list item, a rule or a heading underline
    .replace(/^=/, "&#61;") // a heading underline
    .replace(/^:/, "&#58;") // a definition (Python-Markdown's def_list)
    .replace(/^(\d+)([.)])/, "$1\\$2"); // a numbered list item
}

/**
 * User text as Markdown that shows exactly that text. Line breaks are kept (as hard breaks); a blank line
 * still starts a new paragraph. Leading spaces are dropped (they would make a code block; HTML ignores them).
 * @param {unknown} text
 */
export function escapeMarkdown(text) {
  const lines = String(text ?? "").replace(/\r\n?/g, "\n").trim().split("\n").map((line) => escapeLine(line).trimEnd());
  // Two spaces at the end of a line is a line break in every Markdown; not needed beside a blank line.
  return lines.map((line, index) => (line && lines[index + 1] ? `${line}  ` : line)).join("\n");
}

/**
 * User text for a single line, such as a heading: line breaks become spaces.
 * @param {unknown} text
 */
export function escapeMarkdownInline(text) {
  return escapeLine(String(text ?? "").replace(/\s+/g, " ").trim());
}
