# Two commands matter for set-up: `make run` (the site with demo data) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_ENV := DEBUG=1 ACCOUNT_EMAIL_VERIFICATION=optional MFA_REQUIRED=0
PORT ?= 8000

.PHONY: run test lint format worker beat bench messages compilemessages i18n-check compose-check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	test -f .env || printf 'DEBUG=1\nACCOUNT_EMAIL_VERIFICATION=optional\nMFA_REQUIRED=0\n' > .env
	touch $(STAMP)

# Catalogues are compiled on every run and test (.mo files are not committed); msgfmt takes about a second.
compilemessages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0

run: $(STAMP) compilemessages  ## the site with demo data, a Celery worker and beat on the embedded broker; Ctrl-C stops all
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	@trap 'kill 0' INT TERM EXIT; \
	$(DEV_ENV) $(BIN)/celery -A training worker -B -c 2 --loglevel=INFO & \
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT) & \
	sleep 2; echo; echo "  Open http://127.0.0.1:$(PORT)/  (Ctrl-C stops the web server, worker and beat)"; \
	$(DEV_ENV) $(BIN)/python manage.py seed_demo --accounts-only; echo; wait

test: $(STAMP) compilemessages  ## the whole suite (CI sets DATABASE_URL and CELERY_BROKER_URL)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

worker: $(STAMP)
	$(BIN)/celery -A training worker --loglevel=INFO

beat: $(STAMP)
	$(BIN)/celery -A training beat --loglevel=INFO

bench: $(STAMP)  ## load benchmarks on PostgreSQL; ratios against a baseline view measured in the same run
	$(BIN)/python bench/run.py

messages: $(STAMP)  ## extract new strings, prefill Django/allauth ones, compile, report what is left (docs/translations.md)
	DEBUG=1 $(BIN)/python manage.py makemessages --all --ignore=.venv --ignore=var --ignore=test-results --ignore=node_modules --no-obsolete
	$(BIN)/python tools/i18n_framework.py prefill
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0
	$(BIN)/python tools/i18n_check.py || true

i18n-check: $(STAMP)  ## untranslated and fuzzy entries per catalogue; fails if any
	$(BIN)/python tools/i18n_check.py

clean:
	rm -rf var/celery var/static
