/**
 * Learner and imported text put into the site's own words: kept apart for the bidirectional algorithm (so a
 * right-to-left override in a title can never mirror the sentence around it) and cut without breaking a
 * character. Pure functions, for pages and for text downloads alike; lib/dom.js has the page version (<bdi>).
 */

/** U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
export const FSI = "\u2068";
export const PDI = "\u2069";

const ISOLATE_OPENERS = new Set(["\u2066", "\u2067", "\u2068"]); // LRI, RLI, FSI
const LINE_BREAK = /(\r\n|[\n\r\u0085\u2029])/;

/**
 * One line's text with its isolates balanced: a PDI that closes nothing opened inside the text is dropped
 * (it would close ours early and let the rest escape), and an isolate left open is closed at the end.
 */
function balanced(line) {
  let open = 0;
  let kept = "";
  for (const char of line) {
    if (ISOLATE_OPENERS.has(char)) open += 1;
    else if (char === PDI) {
      if (open === 0) continue;
      open -= 1;
    }
    kept += char;
  }
  return kept + PDI.repeat(open);
}

/**
 * User text ready to be put into a sentence or a text file: each line wrapped in FSI … PDI (an isolate
 * ends at a line break, so every line gets its own), with spaces around it left outside and stray
 * directional isolates inside neutralised. Blank lines stay blank.
 * @param {unknown} text
 * @returns {string}
 */
export function isolate(text) {
  return String(text ?? "").split(LINE_BREAK).map((piece, index) => {
    if (index % 2 === 1) return piece; // a line break, as it was
    const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece);
    return core ? `${before}${FSI}${balanced(core)}${PDI}${after}` : piece;
  }).join("");
}

/**
 * The first `limit` characters of a text, counted as people see them: whole grapheme clusters (an emoji
 * with its modifiers, a letter with its accents) where the browser has Intl.Segmenter, otherwise whole
 * code points; never half of a surrogate pair.
 * @param {unknown} text
 * @param {number} limit
 * @returns {string}
 */
export function cutText(text, limit) {
  const words = String(text ?? "");
  if (words.length <= limit) return words;
  const pieces = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(words), (part) => part.segment)
    : Array.from(words);
  return pieces.slice(0, limit).join("");
}
