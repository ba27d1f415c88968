# govportal: `make run` serves the portal, `make test` runs the suite. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= govportal.settings.dev
PO_FILES := $(wildcard govportal/*/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
# axe-core and the Nu HTML Checker for the tests, Lighthouse for make bench (npm)
FRONTEND := tools/frontend

.PHONY: run serve test test-postgres lint format bench lock setup messages clean frontend-tools

run: setup ## Set up everything, then serve http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: setup ## Production serving on this machine: granian, and nginx if installed
	DJANGO_SETTINGS_MODULE=$${SERVE_SETTINGS:-govportal.settings.production} PORT=$(PORT) scripts/serve

test: setup frontend-tools ## Run the whole suite (SQLite, or DATABASE_URL if set)
	scripts/ensure-chromium
	scripts/ensure-serving-tools
	DJANGO_SETTINGS_MODULE=govportal.settings.test $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: ## The suite on the local PostgreSQL
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(MAKE) test

lint: setup ## ruff, migrations and message catalogues up to date
	mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=govportal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup $(FRONTEND)/node_modules/.installed-all ## Measure, and write docs/benchmarks.md
	scripts/ensure-chromium
	scripts/ensure-serving-tools
	$(BIN)/python benchmarks/run.py

messages: setup ## Re-extract the catalogues after changing strings (needs GNU gettext)
	for app in govportal/*/locale; do (cd $$(dirname $$app) && ../../$(BIN)/django-admin makemessages -l uz -l kaa -l ru -l en --no-obsolete); done
	$(BIN)/python manage.py make_cyrillic_catalogues

lock: ## Re-pin every dependency after changing pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements/base.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --extra dev -o requirements/dev.lock pyproject.toml

setup: $(VENV)/.installed $(MO_FILES)

frontend-tools: $(FRONTEND)/node_modules/.installed-test ## The checkers the tests run

$(FRONTEND)/node_modules/.installed-test: $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

$(FRONTEND)/node_modules/.installed-all: $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	touch $@ $(FRONTEND)/node_modules/.installed-test

$(VENV)/.installed: requirements/dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	touch $@

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -i $< -o $@

clean:
	rm -rf $(VENV) var
