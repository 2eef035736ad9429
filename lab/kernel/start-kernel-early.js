/*
 * Start a notebook's kernel as soon as the notebook is opened, not after JupyterLab has finished loading it.
 *
 * Why: JupyterLab shows a notebook's cells about half a second before it reads the kernel's name from the
 * notebook (it first makes a checkpoint). A "Run All" in that gap finds no kernel name, so it opens the
 * "Select Kernel" dialog and runs nothing (measured: every time when chosen the moment the notebook's file
 * is loaded; about 1 open in 6 in the browser tests). Settings cannot close the gap: with
 * autoStartDefaultKernel the early run starts a kernel of its own, the notebook's start-up starts a second
 * one, and the run is lost with the first.
 *
 * What: this lab has one kernel, Python (Pyodide). When the Notebook factory makes a notebook, this names
 * that kernel at once and starts the session. JupyterLab's own start-up, moments later, names the same
 * kernel and finds the session already starting (initialize() runs once), so there is one kernel, no dialog,
 * and Pyodide starts loading earlier. A "Run All" while that kernel is starting waits for it (startKernel and
 * hasNoKernel below) and then runs every cell.
 *
 * Needs "exposeAppInBrowser" (set by macros/lab/assemble.py): the app then sets window.jupyterapp just before it
 * starts, which is caught here. Loaded before JupyterLite's own start-up script by the lab and notebook
 * pages. No words are shown; nothing is sent anywhere.
 */
(() => {
  "use strict";

  const KERNEL = { name: "python", language: "python" };
  const FACTORY = "Notebook";
  let app = null;

  /** The property's descriptor on the object's prototype chain (JupyterLab's getters live there). */
  const inherited = (object, name) => {
    for (let proto = Object.getPrototypeOf(object); proto; proto = Object.getPrototypeOf(proto)) {
      const found = Object.getOwnPropertyDescriptor(proto, name);
      if (found) return found;
    }
    return null;
  };

  const startEarly = (factory, widget) => {
    const session = widget?.context?.sessionContext;
    if (!session || session.isDisposed) return;
    const preference = session.kernelPreference || {};
    if (preference.shouldStart === false || preference.canStart === false) return;
    session.kernelPreference = { ...preference, name: preference.name || KERNEL.name, language: preference.language || KERNEL.language };

    // A cell run before the session exists asks startKernel() for a kernel, and so does initialize(): a
    // second start would make a second kernel, and a run sent to the first would be lost. Whichever call
    // comes first starts the kernel; a later one waits for it, and starts another only if there is still
    // none (so JupyterLab's own "Select Kernel" dialog remains for a kernel that fails to start).
    const startKernel = session.startKernel;
    let first = null;
    let starting = false;
    session.startKernel = (...args) => {
      if (!first) {
        starting = true;
        first = startKernel.apply(session, args);
        const stopped = () => { starting = false; };
        first.then(stopped, stopped);
        return first;
      }
      return first.catch(() => true).then(() => (session.hasNoKernel ? startKernel.apply(session, args) : false));
    };

    // While that first kernel is starting there is a kernel name but no kernel yet, and JupyterLab would skip
    // a cell run then without a word. Saying "no kernel" for that moment sends the run to startKernel() above,
    // which waits for the kernel, and the cell then runs.
    const noKernel = inherited(session, "hasNoKernel");
    if (noKernel?.get) {
      Object.defineProperty(session, "hasNoKernel", {
        configurable: true,
        get: () => (starting && !session.session?.kernel) || noKernel.get.call(session),
      });
    }
    session.initialize().catch(() => { /* JupyterLab reports a kernel that fails to start */ });
  };

  const watch = (registry) => {
    let connected = false;
    const connect = () => {
      const factory = registry.getWidgetFactory(FACTORY);
      if (connected || !factory) return;
      connected = true;
      factory.widgetCreated.connect(startEarly);
    };
    connect();
    if (!connected) registry.changed.connect((sender, change) => change.type === "widgetFactory" && connect());
  };

  Object.defineProperty(window, "jupyterapp", {
    configurable: true,
    get: () => app,
    set: (value) => {
      app = value;
      try {
        if (value?.docRegistry) watch(value.docRegistry);
      } catch (error) {
        console.warn("start-kernel-early: the kernel starts as usual", error);
      }
    },
  });
})();
