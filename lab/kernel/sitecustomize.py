"""Start-up of the data lab's Python kernel (added to Pyodide's standard library by macros/lab/assemble.py).

The kernel's current folder is the notebook's folder in the browser's own file storage (``/drive``), and
Pyodide puts the current folder first on ``sys.path``. Every look-up there is a round trip through the
site's service worker, and Python looks there first for every import: about a hundred round trips before
the first cell can run. This finder looks in the standard library and the installed packages first, so only
modules found nowhere else (such as the notebook's own ``runchart.py``) are looked for in the notebook's
folder. That is the order Python itself uses with its "safe path" setting, without the round trips.
"""

import sys
from importlib.machinery import PathFinder

CURRENT_FOLDER = ("", ".")


class InstalledFirstFinder:
    """Find top-level modules on sys.path without the current folder; leave the rest to Python."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        """Find a top-level module on sys.path without the current folder."""
        if path is not None:  # a submodule: its package's own __path__ decides where to look
            return None
        return PathFinder.find_spec(name, [entry for entry in sys.path if entry not in CURRENT_FOLDER], target)

    @classmethod
    def invalidate_caches(cls):
        """Nothing to invalidate: PathFinder keeps the caches."""
        return None


sys.meta_path.insert(
    sys.meta_path.index(PathFinder) if PathFinder in sys.meta_path else len(sys.meta_path), InstalledFirstFinder
)
