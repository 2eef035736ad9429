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

.PHONY: help setup lab-setup serve build test test-fast browser-setup nginx-setup example serve-example offline bench bench-lab readability strings clean

help:
	@echo "make serve   set up, then serve the site at http://127.0.0.1:8000"
	@echo "make test    set up (including a browser), then run the whole test suite"
	@echo "make build   strict build of the site into site/"
	@echo "make bench   print build-time and page-size figures (bench-lab: the data lab's figures)"
	@echo "make readability  per module: words, reading time and Flesch reading ease"
	@echo "make lab-setup  download Pyodide (npm) and the lab kernel's wheels (PyPI) into lab/.cache/"
	@echo "make example build the example adapted copy (examples/glenbarra-council) into build/example"
	@echo "make serve-example  serve the example adapted copy at http://127.0.0.1:8001"
	@echo "make strings refresh overrides/assets/js/strings.js after changing data/strings/*.yaml"
	@echo "make offline build an offline copy (file://, zip) into build/offline"

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
# built offline by the MkDocs build, and cached (macros/lab.py).
$(LAB_STAMP): lab/lab.json lab/requirements-kernel.txt $(STAMP)
	$(BIN)/python scripts/lab.py setup
	touch $(LAB_STAMP)

lab-setup: $(LAB_STAMP)

setup: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)

serve: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

browser-setup: setup
	@bash scripts/ensure-browser.sh

nginx-setup:
	@bash scripts/ensure-nginx.sh

example: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	cd examples/glenbarra-council && ../../$(BIN)/mkdocs build --strict --clean --site-dir ../../build/example

serve-example: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
	cd examples/glenbarra-council && ../../$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8001

offline: setup
	bash scripts/build-offline.sh $(CONFIG)

test: setup browser-setup nginx-setup
	node --test tests/js/
	$(PYTEST)

test-fast: $(STAMP) $(NODE_STAMP) $(LAB_STAMP)
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
