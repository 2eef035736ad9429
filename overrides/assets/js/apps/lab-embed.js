/**
 * Data lab embeds ({{ notebook(...) }} and {{ repl(...) }}): show an "Open here" button that loads the lab
 * in a titled frame on request. Each frame starts a Python of its own, so none starts unasked. Without
 * JavaScript the plain link (new tab) is all there is, and it works.
 */

/** @param {HTMLElement} root the embed */
export function mount(root) {
  const button = root.querySelector("[data-rs-lab-open]");
  const holder = root.querySelector("[data-rs-lab-frame]");
  if (!button || !holder) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = root.dataset.rsLabSrc;
    frame.title = root.dataset.rsLabTitle;
    frame.style.height = `${Number(root.dataset.rsLabHeight) || 640}px`;
    frame.setAttribute("allow", "clipboard-read; clipboard-write");
    holder.replaceChildren(frame);
    holder.hidden = false;
    button.hidden = true;
    frame.focus();
  });
}
