# `make demo` and `make test` work on a fresh machine: they create .venv and install everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
SHARED_EXAMPLE := ../shared/examples/china-russia-alliance.txt
PIP := $(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: demo test install clean

install: $(STAMP)

# The demo needs the package only; the tests add the dev extras. A failed install removes the .venv it
# was making, so the next run starts clean instead of from a half-made one.
$(STAMP): pyproject.toml constraints.txt
	@rm -f $(STAMP) $(DEV_STAMP)
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(PIP) -e . || { rm -rf $(VENV); exit 1; }
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(PIP) -e '.[dev]' || { rm -rf $(VENV); exit 1; }
	touch $(DEV_STAMP)

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

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV)
