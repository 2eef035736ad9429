"""The data lab's command line: `setup` downloads (PyPI and npm), `build [site|plain]` builds offline.

Usage: .venv/bin/python scripts/lab.py setup | build [site|plain]    (see macros/lab/)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.lab import main

if __name__ == "__main__":
    main(sys.argv[1:])
