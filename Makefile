# Every target sets up .venv from the hash-pinned lock file on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup report test ui ui-team bench lock clean chromium postgresql fetch-sanctions

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

report: $(STAMP)
	$(BIN)/python -m pipeline

test: $(STAMP) chromium postgresql
	$(BIN)/python -m pytest

# The team-deployment tests start a throwaway PostgreSQL server from Debian's package.
postgresql:
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || \
		echo "postgresql not installed: the team-deployment tests will be skipped"; }

# The browser test uses Debian's chromium; install it where we can (CI runs as root).
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: the browser test will be skipped"; }

fetch-sanctions: $(STAMP)
	$(BIN)/python -m pipeline.fetch_sanctions

ui: $(STAMP)
	$(BIN)/python -m pipeline.ui

# Webserver and daemon against PostgreSQL; set DAGSTER_PG_HOST, _PORT, _USER, _PASSWORD, _DB.
ui-team: $(STAMP)
	$(BIN)/python -m pipeline.ui --team

bench: $(STAMP)
	DAGSTER_HOME= $(BIN)/python -m bench

# Re-resolve the lock from requirements.in (needs network to PyPI).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile requirements.in --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) .dagster_home
