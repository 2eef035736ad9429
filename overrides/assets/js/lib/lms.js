/**
 * Pages inside a learning management system (a SCORM package: macros/scorm.py, scorm/runtime.js).
 *
 * There the browser's storage belongs to the LMS's origin, where the LMS's own scripts and every other package
 * can read it. So inside an LMS answers are kept only for the tab (the shared-computer behaviour: lib/storage.js
 * asks lmsTabOnly) unless the learner chooses, after a plain warning, to keep them on this device. That choice
 * is a setting of the device, like the shared-computer setting: one localStorage key outside the site's prefix,
 * "<storage name>:<scope>#lms-keep-on-device" (value "yes"), so backups never carry it and "delete everything"
 * leaves it. Nothing here sends anything to the LMS: scorm/runtime.js reports only completion and time.
 */

import { t } from "./strings.js";

/** The device setting's key, outside the "<name>:<scope>:" prefix. */
export const keepOnDeviceKey = ({ name, scope }) => `${name}:${scope}#lms-keep-on-device`;

/** The package's connection to the LMS (the launch page's window.rsScorm), or null outside an LMS. */
export function lmsConnection(win = globalThis.window) {
  try {
    const launcher = win && win.parent;
    if (launcher && launcher !== win && launcher.rsScorm && launcher.rsScorm.connected) return launcher.rsScorm;
  } catch {
    // A parent of another origin is not our launch page.
  }
  return null;
}

function localArea() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}

/** Has the learner chosen to keep answers on this device inside the LMS? */
export function keepsOnDevice(namespace, area = localArea()) {
  try {
    return Boolean(area) && area.getItem(keepOnDeviceKey(namespace)) === "yes";
  } catch {
    return false;
  }
}

/** Inside an LMS, answers stay in the tab unless the learner chose to keep them on this device. */
export function lmsTabOnly(namespace, { connected = lmsConnection() !== null, area = localArea() } = {}) {
  return connected && !keepsOnDevice(namespace, area);
}

/** Record the learner's choice to keep answers on this device (true when it was saved). */
export function keepOnDevice(namespace, area = localArea()) {
  try {
    area.setItem(keepOnDeviceKey(namespace), "yes");
    return area.getItem(keepOnDeviceKey(namespace)) === "yes";
  } catch {
    return false;
  }
}

function button(label, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "md-button";
  element.textContent = label;
  element.addEventListener("click", onClick);
  return element;
}

/**
 * Say at the top of each exercise that answers stay in the tab, with the choice to keep them on this device:
 * first a button, then the warning with "Yes" and "No". Choosing "Yes" saves the setting and reloads, and the
 * reload moves the tab's answers into lasting storage (lib/shared-mode.js: prepareSharedMode).
 */
export function showLmsChoice(namespace) {
  for (const note of document.querySelectorAll("[data-rs-mode-note]")) {
    note.textContent = t("lms_tab_only");
    const holder = note.closest("p") || note;
    const choice = document.createElement("div");
    choice.className = "rs-lms-choice";
    choice.dataset.rsLmsChoice = "";
    const ask = button(t("lms_keep_button"), () => {
      const warning = document.createElement("p");
      warning.textContent = t("lms_keep_warning");
      const yes = button(t("lms_keep_confirm"), () => {
        if (keepOnDevice(namespace)) location.reload();
      });
      const no = button(t("lms_keep_cancel"), () => {
        choice.replaceChildren(ask);
        ask.focus();
      });
      choice.replaceChildren(warning, yes, no);
      yes.focus();
    });
    choice.append(ask);
    holder.after(choice);
  }
}
