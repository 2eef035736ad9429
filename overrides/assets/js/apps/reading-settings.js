/**
 * Reading settings (partials/reading-tools.html): a form of radio buttons at the top of every page. A change
 * shows at once on this page (lib/reading.js applyReading) and is saved with the other preferences, so the
 * next page applies it before its first paint (assets/js/head.js). A failed save is said plainly: the setting
 * stays on this page only. A link to #rs-reading-settings (from My learning) opens the settings.
 */

import { failureText } from "../lib/app.js";
import { FAILURE_MESSAGES, siteStore } from "../lib/storage.js";
import { READING_SETTINGS, applyReading, saveReading, savedReading } from "../lib/reading.js";
import { t } from "../lib/strings.js";

/** Tick the radio buttons that match the settings. */
function showChoices(form, settings) {
  for (const input of form.querySelectorAll("[data-rs-reading]")) {
    input.checked = settings[input.dataset.rsReading] === input.value;
  }
}

/** Open the settings when the address points at them. */
function openWhenAsked(details) {
  if (location.hash === `#${details.id}`) {
    details.open = true;
    details.querySelector("summary").focus();
  }
}

/** @param {HTMLDetailsElement} root the settings' <details> */
export function mount(root) {
  const store = siteStore();
  const form = root.querySelector("[data-rs-reading-form]");
  const status = root.querySelector("[data-rs-reading-status]");
  const bar = root.closest("[data-rs-reading-tools]");
  if (bar) bar.hidden = false;
  // What this page shows: the saved settings, then each change (kept on the page even if saving fails).
  let current = savedReading(store);
  showChoices(form, current);

  const report = (result) => {
    if (result.ok) status.textContent = store.shared ? t("reading_settings_saved_shared") : t("reading_settings_saved");
    else status.textContent = failureText(result, FAILURE_MESSAGES.unavailable);
  };
  form.addEventListener("change", (event) => {
    const input = event.target;
    if (!input.matches("[data-rs-reading]")) return;
    const key = input.dataset.rsReading;
    current = { ...current, [key]: input.value };
    applyReading(current);
    report(saveReading(store, key, input.value));
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  root.querySelector("[data-rs-reading-reset]").addEventListener("click", () => {
    let result = { ok: true };
    for (const [key, { values }] of Object.entries(READING_SETTINGS)) {
      const saved = saveReading(store, key, values[0]);
      if (!saved.ok) result = saved;
    }
    current = Object.fromEntries(Object.entries(READING_SETTINGS).map(([key, { values }]) => [key, values[0]]));
    applyReading(current);
    showChoices(form, current);
    report(result);
  });
  openWhenAsked(root);
  window.addEventListener("hashchange", () => openWhenAsked(root));
}
