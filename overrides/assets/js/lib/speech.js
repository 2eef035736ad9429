/**
 * Read-aloud's pure logic (apps/read-aloud.js): which voices may be used, how a page is cut into sections,
 * and how long text is cut into pieces a speech engine reads reliably.
 *
 * Only voices the browser marks as on this device (SpeechSynthesisVoice.localService === true) are ever
 * offered or used: other voices send the text to a remote speech service, and the text here includes the
 * learner's own answers. No DOM here, so Node tests cover it.
 */

/**
 * The voices that speak on this device, those in the page's language first (exact, then the same language),
 * then the browser's default, then by name. Anything else (network voices, odd objects) is left out.
 * @param {ArrayLike<{name?: string, lang?: string, localService?: boolean, default?: boolean}>} voices
 * @param {string} [lang] the page's language, for example "en-GB"
 */
export function localVoices(voices, lang = "") {
  const wanted = String(lang).toLowerCase();
  const base = wanted.split("-")[0];
  const rank = (voice) => {
    const own = String(voice.lang || "").toLowerCase().replace("_", "-");
    if (wanted && own === wanted) return 0;
    if (base && own.split("-")[0] === base) return 1;
    return 2;
  };
  return Array.from(voices || [])
    .filter((voice) => voice !== null && typeof voice === "object" && voice.localService === true)
    .map((voice, index) => ({ voice, index }))
    .sort((a, b) => rank(a.voice) - rank(b.voice) || Number(Boolean(b.voice.default)) - Number(Boolean(a.voice.default))
      || a.index - b.index)
    .map(({ voice }) => voice);
}

/**
 * The voice to use: the one chosen (by voiceURI) if it is still an on-device voice, else the first on-device
 * voice, else null (nothing may be read).
 * @param {ReturnType<typeof localVoices>} local
 * @param {string} [chosen] a voiceURI
 */
export function pickVoice(local, chosen) {
  return local.find((voice) => voice.localService === true && voice.voiceURI === chosen)
    ?? local.find((voice) => voice.localService === true) ?? null;
}

/** Text with runs of white space made single spaces, trimmed. */
export function tidy(text) {
  return String(text).replace(/\s+/g, " ").trim();
}

/**
 * Cut a page's blocks into sections, a new one at each heading of the levels given (the heading is read
 * first). Blocks before the first such heading form a section of their own, titled `untitled`. Blocks with
 * no words are dropped.
 * @template T
 * @param {{text: string, heading?: number, ref?: T}[]} blocks in reading order; heading: its level (1 to 6)
 * @param {{levels?: number[], untitled?: string}} [options] levels that start a section (default 1 and 2)
 * @returns {{title: string, items: {text: string, ref?: T}[]}[]}
 */
export function splitSections(blocks, { levels = [1, 2], untitled = "" } = {}) {
  const sections = [];
  let current = null;
  for (const block of blocks) {
    const text = tidy(block.text);
    if (!text) continue;
    if (block.heading && levels.includes(block.heading)) {
      current = { title: text, items: [] };
      sections.push(current);
    } else if (!current) {
      current = { title: untitled, items: [] };
      sections.push(current);
    }
    current.items.push({ text, ref: block.ref });
  }
  return sections.filter((section) => section.items.length > 0);
}

/**
 * Cut text into pieces of at most `max` characters, at sentence ends where possible, then at commas, then at
 * spaces (a word longer than max is cut where it must be). Speech engines stop or stall on long utterances.
 * @param {string} text
 * @param {number} [max]
 * @returns {string[]}
 */
export function chunkText(text, max = 200) {
  const clean = tidy(text);
  if (!clean) return [];
  const sentences = clean.match(/[^.!?]+(?:[.!?]+["'”’)]*|$)\s*/g) || [clean];
  const pieces = [];
  for (const sentence of sentences.map((part) => part.trim()).filter(Boolean)) {
    if (sentence.length <= max) {
      const last = pieces.length - 1;
      if (last >= 0 && pieces[last].length + 1 + sentence.length <= max) pieces[last] += ` ${sentence}`;
      else pieces.push(sentence);
      continue;
    }
    let rest = sentence;
    while (rest.length > max) {
      const window = rest.slice(0, max + 1);
      let cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; ")) + 1;
      if (cut < max / 3) cut = window.lastIndexOf(" ");
      if (cut <= 0) cut = max;
      pieces.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    if (rest) pieces.push(rest);
  }
  return pieces;
}
