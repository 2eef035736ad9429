/*
 * Start a notebook's kernel as soon as the notebook is opened, not after JupyterLab has finished loading it.
 *
 * Why: JupyterLab shows a notebook's cells about half a second before it reads the kernel's name from the
 * notebook (it first makes a checkpoint). A "Run All" in that gap finds no kernel and no kernel name, so it
 * opens the "Select Kernel" dialog and runs nothing (measured: every time when run at once, about 1 time in
 * 6 in the browser tests). The settings cannot close the gap: with autoStartDefaultKernel, the early run
 * starts a second kernel, loses it again when the notebook's own start-up connects, and runs nothing either.
 *
 * What: this lab has one kernel, Python (Pyodide). When the Notebook factory makes a notebook, this asks for
 * that kernel at once and starts the session. JupyterLab's own start-up, moments later, names the same
 * kernel and finds the session already starting (initialize() runs once), so there is one kernel, no dialog,
 * and Pyodide starts loading earlier. A "Run All" before the session exists waits for it (startKernel and
 * hasNoKernel below) and then runs every cell. Needs "exposeAppInBrowser" (set by macros/lab.py), which makes the app set
 * window.jupyterapp just before it starts. No words are shown; nothing is sent anywhere.
 */
(function () {
  "use strict";
  var KERNEL = { name: "python", language: "python" };
  var FACTORY = "Notebook";
  var app = null;

  function startEarly(factory, widget) {
    var session = widget && widget.context && widget.context.sessionContext;
    if (!session || session.isDisposed) return;
    var preference = session.kernelPreference || {};
    if (preference.shouldStart === false || preference.canStart === false) return;
    session.kernelPreference = Object.assign({}, preference, { name: preference.name || KERNEL.name, language: preference.language || KERNEL.language });
    // A cell run before the session exists asks startKernel() for a kernel, and so does initialize(): the
    // second call would start a second kernel (and the run would be lost when the first one connects).
    // Whichever call comes first starts the kernel; a later one waits for it, and starts another only if
    // there is still none (so JupyterLab's own "Select Kernel" dialog remains for a kernel that fails).
    var startKernel = session.startKernel;
    var first = null;
    var starting = false;
    session.startKernel = function () {
      var args = arguments;
      if (!first) {
        starting = true;
        first = startKernel.apply(session, args);
        first.then(stopped, stopped);
        return first;
      }
      return first.catch(function () { return true; }).then(function () {
        return session.hasNoKernel ? startKernel.apply(session, args) : false;
      });
    };
    function stopped() { starting = false; }
    // While that first kernel is starting there is a kernel name but no kernel yet, and a cell run then would
    // be skipped without a word. Saying "no kernel" for that moment sends the run to startKernel() above,
    // which waits for the kernel and then runs the cell.
    var noKernel = descriptor(session, "hasNoKernel");
    if (noKernel && noKernel.get) {
      Object.defineProperty(session, "hasNoKernel", {
        configurable: true,
        get: function () {
          return (starting && !(session.session && session.session.kernel)) || noKernel.get.call(session);
        },
      });
    }
    session.initialize().catch(function () { /* JupyterLab reports a kernel that fails to start itself */ });
  }

  function descriptor(object, name) {
    for (var proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
      var found = Object.getOwnPropertyDescriptor(proto, name);
      if (found) return found;
    }
    return null;
  }

  function watch(registry) {
    var connected = false;
    var connect = function () {
      var factory = registry.getWidgetFactory(FACTORY);
      if (connected || !factory) return;
      connected = true;
      factory.widgetCreated.connect(startEarly);
    };
    connect();
    if (!connected) {
      registry.changed.connect(function (sender, change) {
        if (change.type === "widgetFactory") connect();
      });
    }
  }

  Object.defineProperty(window, "jupyterapp", {
    configurable: true,
    get: function () { return app; },
    set: function (value) {
      app = value;
      try {
        if (value && value.docRegistry) watch(value.docRegistry);
      } catch (error) {
        console.warn("start-kernel-early: not started early", error);
      }
    },
  });
})();
