# Osallistamo: `make run` to try it, `make test` to test it.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
FLASK = $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
LOCALES = fi sv en
CATALOGUES = app/translations
NPM := $(shell command -v npm 2>/dev/null)

# Production-like local run (make serve): PostgreSQL, Redis and several workers.
SERVE_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/osallistamo
SERVE_REDIS_URL ?= redis://127.0.0.1:6379/0
SERVE_WORKERS ?= 3
SERVE_PORT ?= 8000
SERVE_SECRET_FILE = instance/serve_secret_key
# SECRET_KEY from the environment, else the local trial key; cookies without Secure
# only because this trial is plain http on loopback (production defaults to Secure).
SERVE_ENV = OSALLISTAMO_ENV=production \
	DATABASE_URL='$(SERVE_DATABASE_URL)' \
	RATELIMIT_STORAGE_URI='$(SERVE_REDIS_URL)' \
	JOBS_REDIS_URL='$(SERVE_REDIS_URL)' \
	SESSION_COOKIE_SECURE="$${SESSION_COOKIE_SECURE:-false}" \
	SECRET_KEY="$${SECRET_KEY:-$$(cat $(SERVE_SECRET_FILE))}" \
	BASE_URL="$${BASE_URL:-http://127.0.0.1:$(SERVE_PORT)}"

.PHONY: run test test-units test-e2e e2e-preflight serve install install-dev install-node translations extract-messages \
	update-messages demo lint clean serve-preflight bench bench-venv bench-smoke bench-room

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core for the accessibility checks of the browser tests (skipped without npm).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
ifneq ($(NPM),)
install-node: node_modules/.package-lock.json
else
install-node:
	@echo "npm not found: the accessibility checks of tests/e2e will be skipped (a failure under CI=1; apt-get install npm)."
endif

## Compile the Finnish, Swedish and English catalogues (.po -> .mo).
translations: $(VENV)/.installed
	@if ls $(CATALOGUES)/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q compile --use-fuzzy -d $(CATALOGUES); \
	else \
		echo "No catalogues in $(CATALOGUES) yet: the interface shows the English source texts."; \
	fi

## Pull every translatable text into messages.pot.
extract-messages: $(VENV)/.installed
	mkdir -p $(CATALOGUES)
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
		--project=Osallistamo -o $(CATALOGUES)/messages.pot .

## Merge messages.pot into the fi, sv and en catalogues (creating missing ones).
update-messages: extract-messages
	for lang in $(LOCALES); do \
		$(BIN)/pybabel -q update -i $(CATALOGUES)/messages.pot -d $(CATALOGUES) -l $$lang \
			--init-missing --no-fuzzy-matching || exit 1; \
	done

# The address `make run` serves, so the printed links and mails point at it
# (BASE_URL from the environment wins, e.g. behind a proxy).
RUN_BASE_URL = $${BASE_URL:-http://$(HOST):$(PORT)}

## Start Osallistamo with the demo process on SQLite at http://127.0.0.1:5000
## (HOST and PORT choose another address: make run PORT=8080).
run: translations
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	@# The comments' embeddings for the coding suggestions (says so if there is no model).
	-$(FLASK) embeddings fill
	BASE_URL="$(RUN_BASE_URL)" $(FLASK) demo accounts
	@echo "Osallistamo: $(RUN_BASE_URL)"
	BASE_URL="$(RUN_BASE_URL)" $(FLASK) run --debug --host $(HOST) --port $(PORT)

## Replace the SQLite demo data.
demo: translations
	$(FLASK) db upgrade
	$(FLASK) demo load
	-$(FLASK) embeddings fill

# Parallel pytest workers for the tests without a browser (pytest-xdist; 0 = in-process).
TEST_WORKERS ?= auto

## Run the whole test suite (SQLite; set TEST_DATABASE_URL for PostgreSQL): the tests
## without a browser in parallel, then the browser tests in one process (they share a
## server and a browser). Without Chromium, playwright or axe-core the browser tests are
## skipped, said plainly before and after the run (under CI=1 they fail instead).
## The browser tests run even when the others failed, so one run reports both.
test: install-dev install-node translations
	@status=0; \
	$(MAKE) --no-print-directory test-units || status=$$?; \
	$(MAKE) --no-print-directory e2e-preflight E2E_REQUIRED= || true; \
	$(BIN)/python -m pytest tests/e2e -m e2e $(PYTEST_ARGS) || status=$$?; \
	exit $$status

# The tests that time this process's CPU (-m timing) touch no database; CI runs them
# once, in the SQLite pass (TIMING_TESTS= skips them).
TIMING_TESTS ?= yes

## Only the tests without a browser (what CI runs again on PostgreSQL): in parallel,
## then the few that time this process's CPU, alone (parallel workers would slow them).
test-units: install-dev install-node translations
	$(BIN)/python -m pytest -m "not e2e and not timing" -n $(TEST_WORKERS) $(PYTEST_ARGS)
	$(if $(TIMING_TESTS),$(BIN)/python -m pytest -m timing $(PYTEST_ARGS))

## Only the browser tests (tests/e2e, -m e2e); stops first if something they need is missing.
test-e2e: install-dev install-node translations
	@$(MAKE) --no-print-directory e2e-preflight E2E_REQUIRED=1
	$(BIN)/python -m pytest tests/e2e -m e2e $(PYTEST_ARGS)

# What the browser tests need, each with how to get it. With E2E_REQUIRED=1 a missing
# piece stops make (exit 1); otherwise it is a warning that they will be skipped.
define E2E_PREFLIGHT_SH
missing=0
say() { echo "  missing: $$1"; echo "           $$2"; missing=1; }
[ -x /usr/bin/chromium ] || say "Chromium (/usr/bin/chromium)" "apt-get install chromium"
dpkg-query -W -f='$${Status}' fonts-dejavu-core 2>/dev/null | grep -q "ok installed" || \
	say "the DejaVu fonts (screenshots and text metrics)" "apt-get install fonts-dejavu-core"
[ -f node_modules/axe-core/axe.min.js ] || \
	say "axe-core (node_modules/axe-core/axe.min.js)" "npm ci   (needs npm: apt-get install npm)"
$(BIN)/python -c "import playwright.sync_api" 2>/dev/null || \
	say "the playwright Python package" "$(BIN)/pip install -r requirements-dev.txt"
if [ $$missing = 1 ]; then
	if [ -n "$(E2E_REQUIRED)" ]; then
		echo "The browser tests cannot run: install what is missing above, then run make test-e2e again."
		exit 1
	fi
	echo "Browser tests will be SKIPPED (install the above, or run make test-e2e to see what is needed)."
else
	echo "  all present."
fi
endef
export E2E_PREFLIGHT_SH

e2e-preflight:
	@echo "Browser tests need: Chromium, fonts-dejavu-core, axe-core (npm ci), playwright."
	@bash -c "$$E2E_PREFLIGHT_SH"

## The production way, locally: gunicorn with several workers, PostgreSQL, Redis.
serve: translations serve-preflight
	@echo "== flask db upgrade, demo load --if-empty (production settings, $(SERVE_DATABASE_URL))"
	@$(SERVE_ENV) $(FLASK) db upgrade
	@$(SERVE_ENV) $(FLASK) demo load --if-empty --allow-production
	@$(SERVE_ENV) $(FLASK) demo accounts
	@echo "== the embedding worker (flask embeddings work) and gunicorn, $(SERVE_WORKERS) workers,"
	@echo "   at http://127.0.0.1:$(SERVE_PORT) (Ctrl-C stops both)"
	@$(SERVE_ENV) $(FLASK) embeddings work & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(BIN)/gunicorn --workers $(SERVE_WORKERS) --bind 127.0.0.1:$(SERVE_PORT) \
		--access-logfile - 'app:create_app()'

# Create the PostgreSQL database if missing, check Redis, make a trial SECRET_KEY once.
define SERVE_PREFLIGHT_PY
import sys
import psycopg
import redis
from psycopg import sql
from sqlalchemy.engine import make_url

url = make_url(sys.argv[1])
admin = url.set(drivername="postgresql", database="postgres")
try:
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (url.database,))
        if found.fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(url.database)))
            print(f"Created the PostgreSQL database {url.database}.")
except psycopg.OperationalError as error:
    sys.exit(f"PostgreSQL is not reachable at {url.render_as_string()}: {error}")
try:
    redis.Redis.from_url(sys.argv[2], socket_connect_timeout=3).ping()
except redis.RedisError as error:
    sys.exit(f"Redis is not reachable at {sys.argv[2]}: {error}")
endef
export SERVE_PREFLIGHT_PY

serve-preflight: $(VENV)/.installed
	@$(BIN)/python -c "$$SERVE_PREFLIGHT_PY" '$(SERVE_DATABASE_URL)' '$(SERVE_REDIS_URL)'
	@if [ -z "$$SECRET_KEY" ]; then \
		if [ ! -s $(SERVE_SECRET_FILE) ]; then \
			mkdir -p $(dir $(SERVE_SECRET_FILE)); \
			(umask 077; $(BIN)/python -c 'import secrets; print(secrets.token_hex(32))' > $(SERVE_SECRET_FILE)); \
		fi; \
		echo "SECRET_KEY is not set: using the local trial key in $(SERVE_SECRET_FILE)."; \
		echo "A real deployment sets SECRET_KEY itself (see docs/deployment.md)."; \
	fi

## Load benchmarks against gunicorn on loopback (bench/README.md); e.g.
## make bench BENCH_ARGS="--database postgres". locust lives in bench/.venv.
## The load driver's own environment (locust; pip only).
bench-venv:
	@test -x bench/.venv/bin/python || $(PYTHON) -m venv bench/.venv
	@if [ ! -f bench/.venv/.installed ] || [ bench/requirements.txt -nt bench/.venv/.installed ]; then \
		bench/.venv/bin/pip install --quiet -r bench/requirements.txt && touch bench/.venv/.installed; \
	fi

## The product benchmark (issue 19): every scenario, one table; several minutes.
bench: translations bench-venv
	bench/.venv/bin/python -m bench.suite $(BENCH_ARGS)

## Every scenario for a few seconds with tiny sizes (what tests/bench runs).
bench-smoke: translations bench-venv
	bench/.venv/bin/python -m bench.suite --smoke --ratelimit-storage memory:// $(BENCH_ARGS)

## The seminar room (issue 6): 150 phones adding notes in one minute.
bench-room: translations bench-venv
	bench/.venv/bin/python -m bench.run $(BENCH_ARGS)

lint: install-dev
	$(BIN)/ruff check app tests config.py

clean:
	rm -rf $(VENV) node_modules instance/osallistamo.db* .pytest_cache .ruff_cache test-artifacts
