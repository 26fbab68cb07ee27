# `make demo` and `make test` work on a fresh machine: they create .venv, install the project,
# and (as root) install the Debian packages the tests need when they are missing.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
export CLUSTERMEET_SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: setup system-deps gettext demo serve test test-sqlite test-postgres lint format messages clean

# The translation catalogues (src/clustermeet/locale/<lang>/LC_MESSAGES/*.po) are compiled here;
# the .mo files are build output, not committed.
PO_FILES := $(wildcard src/clustermeet/locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

setup: $(VENV)/.installed $(MO_FILES)

%.mo: %.po | gettext
	@msgfmt --check-format -o $@ $<

# msgfmt (Debian's gettext) compiles the catalogues and makemessages reads the sources with it.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: gettext"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else \
	    echo "Missing Debian package: gettext (run as root, or: sudo apt-get install gettext)"; exit 1; \
	  fi; }

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Chromium drives the browser tests; redis-server the production-mode test (two workers sharing
# PostgreSQL and Redis); WeasyPrint (badges, PDFs) subsets fonts with HarfBuzz-Subset. Installed
# from Debian when missing and we are root.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	ldconfig -p | grep -q libharfbuzz-subset || missing="$$missing libharfbuzz-subset0"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (run as root, or: sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi

demo: setup
	$(BIN)/clustermeet migrate --noinput -v0
	$(BIN)/clustermeet demo
	$(MAKE) --no-print-directory serve

serve: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl-C stops)"
	$(BIN)/uvicorn clustermeet.asgi:application --host 127.0.0.1 --port $(PORT) --no-access-log

lint: setup
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/python tools/check_imports.py
	$(BIN)/python tools/check_template_i18n.py
	$(BIN)/python tools/check_catalogue.py
	$(BIN)/clustermeet makemigrations --check --dry-run

format: setup
	$(BIN)/ruff format src tests bench tools
	$(BIN)/ruff check --fix src tests bench tools

# Every test on SQLite (the embedded default), then the database suites again on a throwaway
# PostgreSQL 15 that the harness starts on 127.0.0.1 and removes afterwards.
test: setup system-deps lint test-sqlite test-postgres

test-sqlite: setup node_modules/axe-core
	$(BIN)/pytest $(PYTEST_ARGS)

# axe-core (package.json, pinned in package-lock.json) checks the pages in the browser tests:
# a test tool from npm, injected by the tests, never shipped to users.
node_modules/axe-core: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test-postgres: setup
	CLUSTERMEET_DATABASE_TESTS_ONLY=1 $(BIN)/python -m tests.harness.postgres -- $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

# Update every catalogue from the sources (then translate, and commit the .po files).
messages: setup gettext
	$(BIN)/python tools/check_catalogue.py --update

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
