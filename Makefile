# One place for every routine task. `make serve` and `make test` set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
LAB_STAMP := lab/.cache/downloads/.complete
# The test suite runs in parallel workers (pytest-xdist) that share one build of the site; a browser test mostly
# waits on the page, so more workers than this machine's two cores pay. Its budget: 12 minutes (README).
TEST_WORKERS ?= 4
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup
# The build engine: mkdocs (MkDocs 1.6) or properdocs (ProperDocs, its drop-in fork). The tests' builds follow it.
RS_ENGINE ?= mkdocs
export RS_ENGINE

.PHONY: help setup lab-setup serve build lint test test-fast browser-setup nginx-setup example serve-example offline scorm new-copy bench bench-lab readability strings clean

help:
	@echo "make serve   set up, then serve the site at http://127.0.0.1:8000"
	@echo "make test    set up (including a browser), lint, then run the whole test suite"
	@echo "make lint    check Python (ruff: pyproject.toml) and JavaScript (ESLint: eslint.config.js)"
	@echo "make build   strict build of the site into site/"
	@echo "make bench   print build-time and page-size figures (bench-lab: the data lab's figures)"
	@echo "make readability  per module: words, reading time and Flesch reading ease"
	@echo "make lab-setup  download Pyodide (npm) and the lab kernel's wheels (PyPI) into lab/.cache/"
	@echo "make example build the example adapted copy (examples/glenbarra-council) into build/example"
	@echo "make serve-example  serve the example adapted copy at http://127.0.0.1:8001"
	@echo "make strings refresh overrides/assets/js/strings.js after changing data/strings/*.yaml"
	@echo "make offline build an offline copy (file://, zip) into build/offline"
	@echo "make scorm   SCORM 1.2 packages, one per module and one for the series, into build/scorm (CONFIG=... for a copy)"
	@echo 'make new-copy DIR=organisations/my-council NAME="My Council"  start an adapted copy from a template'

$(STAMP): requirements.txt requirements-test.txt
	@PYTHON=$(PYTHON) bash scripts/ensure-tools.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(STAMP)

$(NODE_STAMP): package.json
	npm install --no-audit --no-fund --silent
	touch $(NODE_STAMP)

# The data lab's downloads (the only step of the lab that needs a network: npm and PyPI). The lab itself is
# built offline by the MkDocs build, and cached (macros/lab/).
$(LAB_STAMP): lab/lab.json lab/requirements-kernel.txt $(STAMP)
	$(BIN)/python scripts/lab.py setup
	touch $(LAB_STAMP)

lab-setup: $(LAB_STAMP)

setup: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)

serve: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	$(BIN)/$(RS_ENGINE) serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	$(BIN)/$(RS_ENGINE) build --strict --clean --site-dir site

browser-setup: setup
	@bash scripts/ensure-browser.sh

nginx-setup:
	@bash scripts/ensure-nginx.sh

example: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	cd examples/glenbarra-council && ../../$(BIN)/$(RS_ENGINE) build --strict --clean --site-dir ../../build/example

serve-example: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	cd examples/glenbarra-council && ../../$(BIN)/$(RS_ENGINE) serve --strict --dev-addr 127.0.0.1:8001

# A new adapted copy from a template (scripts/new_copy.py): writes DIR, builds it once, lists the fields to fill.
new-copy: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	@test -n "$(DIR)" -a -n "$(NAME)" || { echo 'Usage: make new-copy DIR=organisations/my-council NAME="My Council"'; exit 2; }
	$(BIN)/python scripts/new_copy.py "$(DIR)" --name "$(NAME)"

# SCORM 1.2 packages for a learning management system (macros/scorm.py); CONFIG=<copy>/mkdocs.yml for a copy.
scorm: setup
	$(BIN)/python -m macros.scorm $(CONFIG)

offline: setup
	bash scripts/build-offline.sh $(CONFIG)

# Lint is fast (seconds) and runs before the tests: any finding fails the run. Settings: pyproject.toml (ruff),
# eslint.config.js (ESLint, pinned in package.json). Lines up to 120 characters; no function above complexity 12.
lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	node_modules/.bin/eslint .

test: setup lint browser-setup nginx-setup
	node --test tests/js/
	$(PYTEST)

test-fast: $(STAMP) $(NODE_STAMP) $(LAB_STAMP) lint
	node --test tests/js/
	$(PYTEST) -m "not browser"

bench: setup browser-setup
	$(BIN)/python benchmarks/build_and_size.py

bench-lab: setup browser-setup
	$(BIN)/python benchmarks/lab.py

readability: $(STAMP)
	$(BIN)/python benchmarks/readability.py

# After changing data/strings/*.yaml: refresh the scripts' copy of the default strings (a unit test checks it).
strings: $(STAMP)
	$(BIN)/python -c "from macros.strings import write_js_defaults; write_js_defaults()"

clean:
	rm -rf site build .pytest_cache tests/out benchmarks/out
