# Osallistamo: `make run` to try it, `make test` to test it.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
FLASK = $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000

# Production-like local run (make serve): PostgreSQL, Redis and several workers.
SERVE_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/osallistamo
SERVE_REDIS_URL ?= redis://127.0.0.1:6379/0
SERVE_WORKERS ?= 3
SERVE_PORT ?= 8000

.PHONY: run test serve install install-dev translations extract-messages update-messages demo lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Compile the Finnish, Swedish and English catalogues (.po -> .mo).
translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d app/translations -f 2>&1 | grep -v "^compiling" || true

## Pull every translatable text into messages.pot and merge it into the catalogues.
extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output -o app/translations/messages.pot .
update-messages: extract-messages
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations --no-fuzzy-matching --no-location --omit-header

## Start Osallistamo with the demo process on SQLite at http://127.0.0.1:5000
run: translations
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	$(FLASK) demo accounts
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

demo: translations
	$(FLASK) db upgrade
	$(FLASK) demo load

## Run the whole test suite (SQLite; set TEST_DATABASE_URL for PostgreSQL).
test: install-dev translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## The production way, locally: gunicorn with several workers, PostgreSQL, Redis.
serve: translations
	@psql "$(subst postgresql+psycopg,postgresql,$(SERVE_DATABASE_URL))" -c "select 1" >/dev/null 2>&1 || \
		createdb -h 127.0.0.1 -U postgres osallistamo
	@test -n "$$SECRET_KEY" || echo "SECRET_KEY not set: using a throw-away key for this local run."
	OSALLISTAMO_ENV=production DATABASE_URL=$(SERVE_DATABASE_URL) \
	SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(32))')} \
	$(FLASK) db upgrade
	OSALLISTAMO_ENV=production DATABASE_URL=$(SERVE_DATABASE_URL) SECRET_KEY=placeholder-for-cli-only-0000000000000 \
	$(FLASK) demo load --if-empty
	OSALLISTAMO_ENV=production DATABASE_URL=$(SERVE_DATABASE_URL) RATELIMIT_STORAGE_URI=$(SERVE_REDIS_URL) \
	SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-false} \
	SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(32))')} \
	$(BIN)/gunicorn --workers $(SERVE_WORKERS) --bind 127.0.0.1:$(SERVE_PORT) --access-logfile - 'app:create_app()'

lint: install-dev
	$(BIN)/ruff check app tests config.py

clean:
	rm -rf $(VENV) instance/osallistamo.db* .pytest_cache
