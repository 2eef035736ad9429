/*
 * Material for MkDocs 9.8.1's inline head script (partials/javascripts/base.html), served as a file so the
 * Content-Security-Policy needs no 'unsafe-inline'. Copyright (c) 2016-2025 Martin Donath, MIT licence.
 * The scope comes from the script tag's data-scope (extra.scope, or the page's relative base URL).
 */
__md_scope = new URL(document.currentScript.dataset.scope, location);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {}
};
