# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench templates clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/client-roi demo --force

test: $(VENV)/.installed
	./scripts/install-system-deps.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_functions.py
	$(BIN)/python benchmarks/bench_workbook.py

# The committed templates are what the generator makes (a test checks it).
templates: $(VENV)/.installed
	$(BIN)/client-roi template --lang en -o workbook_templates/three_tier_exercise.xlsx --force
	$(BIN)/client-roi template --lang fr -o workbook_templates/three_tier_exercise.fr.xlsx --force

clean:
	rm -rf $(VENV) build *.egg-info
