# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/cds.duckdb
PORT ?= 8501

.PHONY: run test lint format demo-data bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The lake extra (DuckLake and PostgreSQL extensions) comes too: the shared store then needs
# no further install.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[lake]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

$(DB): | $(VENV)/.installed
	$(BIN)/cds --db $(DB) init --demo

run: $(VENV)/.installed $(DB)
	$(BIN)/cds --db $(DB) init
	$(BIN)/cds --db $(DB) serve --port $(PORT)

# Two workers, one per core: much of a test's time is a browser, PostgreSQL or DuckDB working
# while Python waits.
test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.installed-dev
	$(BIN)/cds bench

demo-data: $(VENV)/.installed
	$(BIN)/python -m dashboard.demo

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
