/**
 * Word documents (.docx) made in the browser from simple blocks, with the vendored `docx` package
 * (assets/vendor/docx/, MIT, pinned in package.json). That package is about 1 MB, so it is loaded only when a
 * learner asks for a document (a dynamic import), never with a page, and never bundled into the offline copy
 * (macros/offline.py leaves it out; there the button says documents need the online site). Nothing is sent
 * anywhere: the file is made here and saved where the learner chooses.
 *
 * A block is one of:
 *   { heading: "text", level: 1 | 2 | 3 }
 *   { paragraph: "text" }                  (line breaks kept)
 *   { list: ["text", ...] }                (a bulleted list)
 *   { table: [["header", ...], ["cell", ...], ...] }  (the first row is the header row)
 */

import { isoDay } from "./dates.js";
import { download } from "./download.js";
import { t } from "./strings.js";

/**
 * Where the docx package is: assets/vendor/docx/, found from the page's head script (assets/js/head.js), since
 * this file may run from lib/ or inside a page's bundle in assets/js/ (a variable, so no bundler follows it).
 */
const DOCX_PATH = "../vendor/docx/docx.js";
function docxUrl() {
  const head = document.querySelector('script[src$="assets/js/head.js"]');
  return new URL(DOCX_PATH, head ? head.src : new URL("../", import.meta.url)).href;
}

/** The Word file type. */
export const WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Load the docx package (once; later calls reuse it). */
let loading = null;
export function loadDocx() {
  // A copy opened from files (file://) cannot load modules; the offline copy says documents need the site.
  if (location.protocol === "file:") return Promise.reject(new Error("file-protocol"));
  loading ??= import(docxUrl()).catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * A paragraph's text runs, with each line break of the text kept as a break.
 * @param {object} docx the loaded package
 * @param {string} text
 * @param {object} [style] run options such as { bold: true }
 */
function runs(docx, text, style = {}) {
  return String(text).split(/\r?\n/)
    .map((line, index) => new docx.TextRun({ text: line, break: index ? 1 : 0, ...style }));
}

/**
 * The docx objects for a list of blocks.
 * @param {object} docx the loaded package
 * @param {object[]} blocks
 */
export function wordChildren(docx, blocks) {
  const headings = { 1: docx.HeadingLevel.HEADING_1, 2: docx.HeadingLevel.HEADING_2, 3: docx.HeadingLevel.HEADING_3 };
  return blocks.flatMap((block) => {
    if (block.heading !== undefined) {
      const heading = headings[block.level] || headings[2];
      return [new docx.Paragraph({ heading, children: runs(docx, block.heading) })];
    }
    if (block.list !== undefined) {
      return block.list.map((item) => new docx.Paragraph({ bullet: { level: 0 }, children: runs(docx, item) }));
    }
    if (block.table !== undefined) {
      return [new docx.Table({
        width: { size: 100, type: docx.WidthType.PERCENTAGE },
        rows: block.table.map((cells, row) => new docx.TableRow({
          tableHeader: row === 0,
          cantSplit: true,
          children: cells.map((cell) => new docx.TableCell({
            children: [new docx.Paragraph({ children: runs(docx, cell, row === 0 ? { bold: true } : {}) })],
          })),
        })),
      }), new docx.Paragraph({ children: [] })];
    }
    return [new docx.Paragraph({ children: runs(docx, block.paragraph ?? "") })];
  });
}

/**
 * A Word document of the blocks, as a Blob.
 * @param {object} docx the loaded package
 * @param {object[]} blocks
 */
export function wordBlob(docx, blocks) {
  const title = blocks.find((block) => block.heading !== undefined)?.heading ?? "";
  const document = new docx.Document({
    title,
    styles: { default: { document: { run: { font: "Arial", size: 24 } } } },
    sections: [{ children: wordChildren(docx, blocks) }],
  });
  return docx.Packer.toBlob(document);
}

/**
 * A file name for a document: the name given, then today's date (YYYY-MM-DD, so files sort by date).
 * @param {string} name
 */
export function wordFileName(name) {
  return `${name}-${isoDay()}.docx`;
}

/**
 * Make a Word document and offer it as a download, saying on the page (in the status element) what happens.
 * @param {string} fileName
 * @param {() => object[]} makeBlocks called once the package has loaded, so the text is current
 * @param {HTMLElement} status
 */
export async function downloadWord(fileName, makeBlocks, status) {
  status.textContent = t("word_preparing");
  let docx;
  try {
    docx = await loadDocx();
  } catch {
    status.textContent = location.protocol === "file:" ? t("word_offline") : t("word_not_loaded");
    return;
  }
  try {
    download(fileName, await wordBlob(docx, makeBlocks()), WORD_TYPE);
    status.textContent = t("word_ready", { name: fileName });
  } catch {
    status.textContent = t("word_failed");
  }
}
