/**
 * Enhance the page: every exercise with its kind's script, page applications ([data-rs-app]) such as
 * My learning, and progress marks. One failure never stops the rest; everything works as plain HTML first.
 * First, shared-computer mode is settled (lib/shared-mode.js), so everything reads the right store.
 */

import { prepareSharedMode, showSharedMode } from "./lib/shared-mode.js";
import { siteStore } from "./lib/storage.js";
import { startOffline } from "./lib/offline-install.js";
import { followFileBackup } from "./lib/file-backup-follow.js";

const NAME_PATTERN = /^[a-z]+(-[a-z]+)*$/;

// The element that carries data-rs-mounted: the root itself, or <html> for scripts that work on the document.
const marker = (root) => (root instanceof HTMLElement ? root : document.documentElement);

async function load(path, root) {
  try {
    // The offline bundle (assets/js/app.bundle.js) registers every module in rsModules: no import() from file://.
    const module = globalThis.rsModules?.[path] ?? (await import(path));
    module.mount(root);
    // Marks an element whose script has finished mounting (tests wait for it).
    marker(root).dataset.rsMounted = "true";
  } catch (error) {
    console.warn(`Could not enhance ${path}`, error);
    marker(root).dataset.rsMounted = "failed"; // settled too: the plain form stays
  }
}

// Blank handouts ([data-rs-blank]) are never enhanced, so nothing is read from storage and they print as
// the paper versions; "?copy=answers" asks for the same page with saved answers.
const blankCopies = new URLSearchParams(location.search).get("copy") !== "answers";
if (!blankCopies) for (const area of document.querySelectorAll("[data-rs-blank]")) area.removeAttribute("data-rs-blank");

function enhance() {
  for (const root of document.querySelectorAll("[data-rs-widget]")) {
    const kind = root.dataset.rsWidget;
    if (root.closest("[data-rs-blank]")) continue;
    if (NAME_PATTERN.test(kind) && !root.dataset.rsReady) {
      root.dataset.rsReady = "true";
      load(`./widgets/${kind}.js`, root);
    }
  }
  for (const root of document.querySelectorAll("[data-rs-app]")) {
    if (NAME_PATTERN.test(root.dataset.rsApp)) load(`./apps/${root.dataset.rsApp}.js`, root);
  }
  load("./apps/progress.js", document);
}

function settleSharedMode() {
  try {
    showSharedMode(siteStore());
  } catch (error) {
    console.warn("Could not show the storage mode", error);
  }
}

// Never stops the page: if settling fails, the exercises still mount (in the mode the setting gives).
prepareSharedMode().catch((error) => console.warn("Could not settle shared-computer mode", error))
  .then(settleSharedMode).then(enhance)
  // The chosen backup file is kept up to date from every page (loaded only when a file was chosen).
  .then(() => followFileBackup(siteStore())).catch((error) => console.warn("Could not follow the backup file", error));

// The service worker (web builds only): pages kept as read, the rest when idle, new releases offered.
startOffline().catch((error) => console.warn("Could not start the offline support", error));

// Wide tables scroll sideways on a phone: make each scrolling wrapper reachable with the keyboard.
// The theme wraps tables once the page has loaded, so this runs after load and on resize.
function reachableScrolling() {
  for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrapper.scrollWidth > wrapper.clientWidth && !wrapper.hasAttribute("tabindex")) wrapper.tabIndex = 0;
  }
}
window.addEventListener("load", () => setTimeout(reachableScrolling, 0));
window.addEventListener("resize", reachableScrolling);
