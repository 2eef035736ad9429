// Mark that JavaScript runs, so CSS may hide the no-JavaScript notes (and only then).
// A file rather than an inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
document.documentElement.classList.add("rs-js");
