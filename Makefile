# The two commands of the README: `make run` and `make test`. Everything else is set up by them.
UV_VERSION := 0.13.9
UV := .tools/bin/uv
RUN := $(UV) run --frozen
HOST ?= 127.0.0.1:8000

.PHONY: run test setup axe lint messages bench
.DEFAULT_GOAL := run

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

setup: $(UV)
	$(UV) sync --frozen --quiet

## Install, create the SQLite database, load the demo data and serve it at http://$(HOST)
run: setup
	DJANGO_DEBUG=1 $(RUN) python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(RUN) python manage.py demo
	DJANGO_DEBUG=1 $(RUN) python manage.py runserver $(HOST)

## Run the whole test suite (on PostgreSQL when DATABASE_URL names one)
test: setup axe
	$(RUN) pytest

# axe-core for the accessibility tests, as package-lock.json pins it. Without npm those tests
# skip (and fail under TRIADA_REQUIRE_BROWSER=1, as in CI).
axe:
	@if [ -f node_modules/axe-core/axe.min.js ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

## Lint, the layers (import-linter, docs/architecture.md) and the checks CI runs besides tests
lint: setup
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) lint-imports --no-cache
	DJANGO_DEBUG=1 $(RUN) python manage.py makemigrations --check --dry-run

## Extract the translatable strings into the catalogues and compile them (needs gettext)
messages: setup
	cd src/triada && DJANGO_DEBUG=1 ../../$(RUN) python ../../manage.py makemessages -l cs -l en \
		--ignore "tests/*" --ignore "*/tests/*" --no-location -v0
	DJANGO_DEBUG=1 $(RUN) python manage.py compilemessages --ignore=.venv -v0

## Benchmarks (not tests): a synthetic instance of AREAS areas, generated once into
## var/bench-AREAS/ (or, with DATABASE_URL, into that empty PostgreSQL database, once) and
## migrated on every run; then
## one table of the pages, search, PDF text extraction and rendering (bench/pages.py)
AREAS ?= 205
BENCH_DIR := var/bench-$(AREAS)$(if $(DATABASE_URL),-postgresql)
bench: setup
	@mkdir -p $(BENCH_DIR)
	DJANGO_DEBUG=1 TRIADA_DATA_DIR=$(BENCH_DIR) $(RUN) python manage.py migrate -v0
	@[ -f $(BENCH_DIR)/generated ] || { \
		DJANGO_DEBUG=1 TRIADA_DATA_DIR=$(BENCH_DIR) $(RUN) python manage.py generate --areas $(AREAS) \
		&& touch $(BENCH_DIR)/generated; }
	TRIADA_DATA_DIR=$(BENCH_DIR) $(RUN) python bench/pages.py --json $(BENCH_DIR)/pages.json
