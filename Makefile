# `make demo` and `make test` work on a fresh machine: they create .venv and install everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED_EXAMPLE := ../shared/examples/china-russia-alliance.txt

.PHONY: demo test install clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== whowhom code examples/ (bundled pages) =="
	$(BIN)/whowhom code examples/*.txt examples/*.html examples/*.jsonl --format table
	@if [ -f $(SHARED_EXAMPLE) ]; then \
		echo "== whowhom code $(SHARED_EXAMPLE) =="; \
		$(BIN)/whowhom code $(SHARED_EXAMPLE) --format table; fi
	@echo "== whowhom ingest examples/ into demo.duckdb (and the shared example page, if present) =="
	$(BIN)/whowhom ingest examples $$( [ -f $(SHARED_EXAMPLE) ] && echo $(SHARED_EXAMPLE) ) --db demo.duckdb --no-progress
	@echo "== whowhom dyad CHN RUS --db demo.duckdb =="
	$(BIN)/whowhom dyad CHN RUS --db demo.duckdb
	@echo "== dashboard: $(BIN)/whowhom serve --db demo.duckdb, then open http://127.0.0.1:8000/ =="

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV)
