/**
 * Enhance the page: every exercise with its kind's script, page applications ([data-rs-app]) such as
 * My learning, and progress marks. One failure never stops the rest; everything works as plain HTML first.
 */

const NAME_PATTERN = /^[a-z]+(-[a-z]+)*$/;

async function load(path, root) {
  try {
    const module = await import(path);
    module.mount(root);
  } catch (error) {
    console.warn(`Could not enhance ${path}`, error);
  }
}

for (const root of document.querySelectorAll("[data-rs-widget]")) {
  const kind = root.dataset.rsWidget;
  if (NAME_PATTERN.test(kind) && !root.dataset.rsReady) {
    root.dataset.rsReady = "true";
    load(`./widgets/${kind}.js`, root);
  }
}
for (const root of document.querySelectorAll("[data-rs-app]")) {
  if (NAME_PATTERN.test(root.dataset.rsApp)) load(`./apps/${root.dataset.rsApp}.js`, root);
}
load("./apps/progress.js", document);

// Wide tables scroll sideways on a phone: make each scrolling wrapper reachable with the keyboard.
// The theme wraps tables once the page has loaded, so this runs after load and on resize.
function reachableScrolling() {
  for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrapper.scrollWidth > wrapper.clientWidth && !wrapper.hasAttribute("tabindex")) wrapper.tabIndex = 0;
  }
}
window.addEventListener("load", () => setTimeout(reachableScrolling, 0));
window.addEventListener("resize", reachableScrolling);
