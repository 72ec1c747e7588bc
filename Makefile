# Rohnamo: `make demo` to try it, `make test` to check it. Everything it needs, it installs.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

# Development defaults; production reads its own environment (see README.md).
export DEBUG ?= 1

.PHONY: demo setup test lint check-migrations pytest e2e test-python messages makemessages clean

demo: setup
	@$(MANAGE) load_demo
	@echo
	@echo "Rohnamo is starting on http://127.0.0.1:$(PORT)/  (staff: http://127.0.0.1:$(PORT)/staff/)"
	@echo "A background worker runs alongside. Stop both with Ctrl+C."
	@$(MANAGE) db_worker --queue-name '*' --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

setup: $(BIN)/.installed $(MO_FILES)
	@$(MANAGE) migrate --no-input -v 0

$(BIN)/.installed: requirements.txt
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends gettext; }
	@# WeasyPrint (leaflet PDFs) lays out text with Pango and subsets fonts with HarfBuzz.
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0 && /sbin/ldconfig -p | grep -q libharfbuzz-subset.so.0 || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; }
	@# Splink's Spark backend (record linkage of a national history) runs on a Java runtime.
	@command -v java >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends default-jre-headless; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --require-hashes -r requirements.txt
	@touch $@

%.mo: %.po $(BIN)/.installed
	@msgfmt --check-format -o $@ $<

messages: $(MO_FILES)

# Refresh the .po files after changing user-facing strings.
makemessages: $(BIN)/.installed
	$(MANAGE) makemessages -l tg -l ru -l en --no-obsolete --ignore=.venv --ignore=var

/usr/bin/chromium:
	$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends chromium

test: lint check-migrations pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: $(BIN)/.installed
	$(MANAGE) makemigrations --check --dry-run

# The whole suite, browser tests included.
pytest: $(BIN)/.installed $(MO_FILES) /usr/bin/chromium
	$(BIN)/pytest

# The Python suite without the browser, e.g. against PostgreSQL in .ci/run.
test-python: $(BIN)/.installed $(MO_FILES)
	$(BIN)/pytest rohnamo

clean:
	rm -rf $(VENV) var
