# One place for every routine task. `make serve` and `make test` set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: help setup serve build test test-fast browser-setup nginx-setup example serve-example offline bench clean

help:
	@echo "make serve   set up, then serve the site at http://127.0.0.1:8000"
	@echo "make test    set up (including a browser), then run the whole test suite"
	@echo "make build   strict build of the site into site/"
	@echo "make bench   print build-time and page-size figures"
	@echo "make example build the example adapted copy (examples/glenbarra-council) into build/example"
	@echo "make serve-example  serve the example adapted copy at http://127.0.0.1:8001"
	@echo "make offline build an offline copy (file://, zip) into build/offline"

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(STAMP)

$(NODE_STAMP): package.json
	npm install --no-audit --no-fund --silent
	touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

browser-setup: setup
	@bash scripts/ensure-browser.sh

nginx-setup:
	@bash scripts/ensure-nginx.sh

example: $(STAMP)
	cd examples/glenbarra-council && ../../$(BIN)/mkdocs build --strict --clean --site-dir ../../build/example

serve-example: $(STAMP)
	cd examples/glenbarra-council && ../../$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8001

offline: setup
	bash scripts/build-offline.sh $(CONFIG)

test: setup browser-setup nginx-setup
	node --test tests/js/
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	node --test tests/js/
	$(BIN)/python -m pytest -m "not browser"

bench: setup browser-setup
	$(BIN)/python benchmarks/build_and_size.py

clean:
	rm -rf site build .pytest_cache tests/out benchmarks/out
