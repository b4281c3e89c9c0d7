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
	SESSION_COOKIE_SECURE="$${SESSION_COOKIE_SECURE:-false}" \
	SECRET_KEY="$${SECRET_KEY:-$$(cat $(SERVE_SECRET_FILE))}" \
	BASE_URL="$${BASE_URL:-http://127.0.0.1:$(SERVE_PORT)}"

.PHONY: run test serve install install-dev install-node translations extract-messages \
	update-messages demo lint clean serve-preflight bench

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
	@echo "npm not found: the accessibility checks of tests/e2e will be skipped."
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

## Start Osallistamo with the demo process on SQLite at http://127.0.0.1:5000
run: translations
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	$(FLASK) demo accounts
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

## Replace the SQLite demo data.
demo: translations
	$(FLASK) db upgrade
	$(FLASK) demo load

## Run the whole test suite (SQLite; set TEST_DATABASE_URL for PostgreSQL).
test: install-dev install-node translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## The production way, locally: gunicorn with several workers, PostgreSQL, Redis.
serve: translations serve-preflight
	@echo "== flask db upgrade, demo load --if-empty (production settings, $(SERVE_DATABASE_URL))"
	@$(SERVE_ENV) $(FLASK) db upgrade
	@$(SERVE_ENV) $(FLASK) demo load --if-empty --allow-production
	@$(SERVE_ENV) $(FLASK) demo accounts
	@echo "== gunicorn, $(SERVE_WORKERS) workers, at http://127.0.0.1:$(SERVE_PORT) (Ctrl-C stops)"
	@$(SERVE_ENV) $(BIN)/gunicorn --workers $(SERVE_WORKERS) --bind 127.0.0.1:$(SERVE_PORT) \
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

## The seminar-room load benchmark against gunicorn on loopback (bench/README.md);
## e.g. make bench BENCH_ARGS="--database postgres". locust lives in bench/.venv.
bench: translations
	@test -x bench/.venv/bin/python || $(PYTHON) -m venv bench/.venv
	@if [ ! -f bench/.venv/.installed ] || [ bench/requirements.txt -nt bench/.venv/.installed ]; then \
		bench/.venv/bin/pip install --quiet -r bench/requirements.txt && touch bench/.venv/.installed; \
	fi
	bench/.venv/bin/python -m bench.run $(BENCH_ARGS)

lint: install-dev
	$(BIN)/ruff check app tests config.py

clean:
	rm -rf $(VENV) node_modules instance/osallistamo.db* .pytest_cache .ruff_cache test-artifacts
