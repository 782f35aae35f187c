# Every target sets up .venv from the hash-pinned lock file on first use: the wheels are
# downloaded once into .wheels/, then installed from there with no index.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WHEELS := .wheels
STAMP := $(VENV)/.installed
PIP_QUIET := -qq
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup report validate test lint format ui ui-team bench reliability lock clean \
	system-packages fetch-sanctions help

help:
	@echo "make report          validate the raw tables and rebuild what changed (FORCE=1: everything)"
	@echo "make validate        only the schema and cross-table checks on raw/ (no Dagster, no report)"
	@echo "make test            lint, type-check and run the test suite"
	@echo "make lint / format   ruff and mypy / reformat with ruff"
	@echo "make ui              Dagster's UI and sensors on http://127.0.0.1:3000"
	@echo "make fetch-sanctions download OFAC's current SDN list into raw/ofac/"
	@echo "make bench           timings into bench/results.md"
	@echo "make reliability     run the bad-input corpus and rewrite the README's reliability table"
	@echo "Builder options: $(BIN)/python -m pipeline --help"

setup: $(STAMP)

$(WHEELS)/.complete: requirements.lock
	$(PYTHON) -m pip download $(PIP_QUIET) --no-deps --require-hashes -r requirements.lock -d $(WHEELS)
	touch $@

$(STAMP): $(WHEELS)/.complete pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_QUIET) --no-index --find-links $(WHEELS) --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install $(PIP_QUIET) --no-index --no-deps --no-build-isolation -e .
	touch $@

report: $(STAMP)
	$(BIN)/python -m pipeline $(if $(FORCE),--force)

validate: $(STAMP)
	$(BIN)/python -m pipeline.validation

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format pipeline schemas tests bench
	$(BIN)/ruff check --fix pipeline schemas tests bench

test: lint system-packages
	$(BIN)/python -m pytest

# Debian packages the end-to-end tests use: chromium (browser test), postgresql (team
# deployment), poppler-utils (PDF layout). Installed where we can (CI runs as root);
# elsewhere the tests that need them are skipped with the reason.
system-packages:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "could not install$$missing: the tests that need them will be skipped"; \
	  else echo "not installed:$$missing; the tests that need them will be skipped"; fi; \
	fi

fetch-sanctions: $(STAMP)
	$(BIN)/python -m pipeline.sources.ofac.fetch

ui: $(STAMP)
	$(BIN)/python -m pipeline.ui

# Webserver and daemon against PostgreSQL; set DAGSTER_PG_HOST, _PORT, _USER, _PASSWORD, _DB.
ui-team: $(STAMP)
	$(BIN)/python -m pipeline.ui --team

bench: $(STAMP)
	DAGSTER_HOME= $(BIN)/python -m bench

reliability: $(STAMP)
	$(BIN)/python -m tests.bad_inputs.summary --write-readme

# Re-resolve the lock from pyproject.toml (needs network to PyPI).
lock:
	$(PYTHON) -m pip install $(PIP_QUIET) uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra team --extra test --extra dev \
		--python-version 3.11 --generate-hashes --custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) $(WHEELS) .dagster_home .dagster_home.lock
