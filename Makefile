# fwtui developer commands. A fresh machine needs only `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
CONSTRAINTS := constraints.txt
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := PIP_CONSTRAINT=$(CURDIR)/$(CONSTRAINTS) $(PY) -m pip --disable-pip-version-check -q
# A Python 3.10 for the tomli path: PATH first, then pyenv's versions folder.
PYTHON310 ?= $(shell command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import sys' >/dev/null 2>&1 && command -v python3.10 || ls -d $(HOME)/.pyenv/versions/3.10*/bin/python3.10 2>/dev/null | tail -n 1)
VENV310 ?= .venv310

.PHONY: run test lint typecheck pytest test310 screenshots bench snapshot-update lock clean

$(VENV)/.installed-run: pyproject.toml $(CONSTRAINTS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -c $(CONSTRAINTS) -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(VENV)/bin/fwtui $(ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: $(VENV)/.installed-test
	$(VENV)/bin/mypy src

pytest: $(VENV)/.installed-test
	$(VENV)/bin/pytest -q $(PYTEST_ARGS)

# Core and CLI tests on Python 3.10, so the tomli path really runs.
$(VENV310)/.installed: pyproject.toml $(CONSTRAINTS)
	@test -n "$(PYTHON310)" || { echo "make: no python3.10 found (set PYTHON310=...)"; exit 2; }
	test -x $(VENV310)/bin/python || $(PYTHON310) -m venv $(VENV310)
	PIP_CONSTRAINT=$(CURDIR)/$(CONSTRAINTS) $(VENV310)/bin/python -m pip --disable-pip-version-check -q install -c $(CONSTRAINTS) -e . pytest pytest-asyncio hypothesis jsonschema
	touch $@

test310: $(VENV310)/.installed
	$(VENV310)/bin/python -m pytest -q -m "not tui and not slow" -p no:cacheprovider

test: lint typecheck pytest test310

screenshots: $(VENV)/.installed-test
	$(PY) -m tests.screenshots screenshots

bench: $(VENV)/.installed-test
	$(PY) -m benchmarks

snapshot-update: $(VENV)/.installed-test
	$(VENV)/bin/pytest -q tests/test_snapshots.py --snapshot-update

clean:
	rm -rf $(VENV) $(VENV310) build dist .mypy_cache .pytest_cache .ruff_cache
