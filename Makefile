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

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV)
