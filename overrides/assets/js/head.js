// Runs in the page's head, before the first paint. A file rather than an inline script, so the
// Content-Security-Policy needs no 'unsafe-inline'.
// Mark that JavaScript runs, so CSS may hide the no-JavaScript notes (and only then).
document.documentElement.classList.add("rs-js");

// Show the wording for the learner's role (lib/role.js) from the first paint: <html data-rs-role>, read from
// the saved preferences. #__config is not parsed yet, so the storage namespace comes from the meta tag
// before this script and the site's base URL from this script's data-base (as lib/storage.js builds it).
// A page's address may ask for one wording (?role=supervisor: a handouts page's choice, for this page only);
// a page whose script has data-role-default (handouts) shows that wording rather than the saved one.
(function showSavedRole(script) {
  const root = document.documentElement;
  const roles = ["nqsw", "supervisor"];
  const asked = new URLSearchParams(location.search).get("role");
  if (roles.includes(asked)) {
    root.dataset.rsRole = asked;
    return;
  }
  if (!script) return;
  if (roles.includes(script.dataset.roleDefault)) {
    root.dataset.rsRole = script.dataset.roleDefault;
    return;
  }
  try {
    const meta = document.querySelector('meta[name="rs-storage"]');
    const name = (meta && meta.content) || "reflective-supervision";
    const scope = new URL(script.dataset.base || ".", location.href).pathname;
    const shared = sessionStorage.getItem(`${name}:${scope}#shared-computer`) === "on";
    const area = shared ? sessionStorage : localStorage;
    const preferences = JSON.parse(area.getItem(`${name}:${scope}:data:preferences`));
    const role = preferences && preferences.role;
    if (roles.includes(role)) root.dataset.rsRole = role;
  } catch {
    // Storage blocked or a damaged value: the page keeps the NQSW wording with notes for supervisors.
  }
})(document.currentScript);
