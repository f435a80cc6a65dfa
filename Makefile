# The two set-up commands of the README: `make demo` and `make test`.
#
# `make demo` installs requirements/runtime.lock (what the package needs, no test tools);
# `make test` installs the pinned, hash-checked versions of requirements/test.lock (the same bits
# on every machine); `make test-latest` runs the same suite on the newest releases that
# pyproject.toml's lower bounds admit, in .venv-latest; `make lock` recompiles the lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/test.lock
RUNTIME := requirements/runtime.lock
LATEST := .venv-latest

.PHONY: demo test test-spark check test-latest lock bench fuzz templates lite generated docs dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The lock holds every dependency with its hashes, setuptools included, so the editable install
# of the package itself needs neither build isolation nor anything unpinned.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

# make demo installs only what the package needs to run (the runtime lock: the test lock's
# versions, without the test tools).
$(VENV)/.runtime: pyproject.toml $(RUNTIME) | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r $(RUNTIME)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

demo: $(VENV)/.runtime
	$(BIN)/client-roi demo --force
	@echo "The demo is $(CURDIR)/client_roi_demo.xlsx. The command is $(BIN)/client-roi: run it so,"
	@echo "or activate the environment first (. $(VENV)/bin/activate), then: client-roi --help"

# Lint (ruff: pyflakes, pycodestyle, bugbear, isort, pyupgrade, RUF), format (ruff format) and
# types (mypy; the method's modules with --strict's checks): pyproject.toml says how.
check: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(VENV)/.installed
	$(MAKE) --no-print-directory check
	./scripts/install-system-deps.sh
	$(BIN)/python scripts/fetch_test_assets.py
	$(BIN)/python -m pytest -m "not spark"

# The Spark route of invoice lines: PySpark (requirements/spark.lock, pinned and hashed) in the
# same venv, Java 17 from Debian's packages; CI runs it after make test.
test-spark: $(VENV)/.installed
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements/spark.lock
	./scripts/install-system-deps.sh
	$(BIN)/python scripts/fetch_test_assets.py
	CLIENT_ROI_SPARK=1 $(BIN)/python -m pytest -m spark -p no:cacheprovider

# The fuzz campaign of issue 35: 1,500 seeded cases in five families (tests/fuzz.py), each a
# process of its own; make test runs a fixed sample of 150 (tests/test_fuzz.py).
fuzz: $(VENV)/.installed
	$(BIN)/python tests/fuzz.py --cases 1500

test-latest:
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install -q --upgrade pip
	$(LATEST)/bin/pip install -q --upgrade --upgrade-strategy eager -e '.[test]'
	./scripts/install-system-deps.sh
	$(LATEST)/bin/python scripts/fetch_test_assets.py
	$(LATEST)/bin/python -m pytest -p no:cacheprovider

lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install -q uv
	.venv-lock/bin/uv pip compile pyproject.toml requirements/test.in --extra test --extra bench --extra docs --universal \
	    --generate-hashes --python-version 3.10 --custom-compile-command "make lock" -o $(LOCK)
	.venv-lock/bin/uv pip compile pyproject.toml requirements/runtime.in -c $(LOCK) --universal --generate-hashes \
	    --python-version 3.10 --custom-compile-command "make lock" -o $(RUNTIME)
	.venv-lock/bin/uv pip compile requirements/spark.in --universal --generate-hashes --python-version 3.10 \
	    --custom-compile-command "make lock" -o requirements/spark.lock

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_functions.py
	$(BIN)/python benchmarks/bench_workbook.py
	$(BIN)/python benchmarks/bench_headless.py
	$(BIN)/python benchmarks/bench_lines.py
	$(BIN)/python benchmarks/bench_sources.py
	$(BIN)/python benchmarks/bench_live.py
	$(BIN)/python benchmarks/readme.py  # the README's figures, from the records just written

# The committed Lite bundle (lite/main.py, lite/requirements.txt) is what `client-roi lite`
# makes from the sources (a test checks it): a Lite user copies it, no Python needed.
lite: $(VENV)/.installed
	$(BIN)/client-roi lite -o lite

# The wheel users install on Windows and macOS (pip install dist/client_roi-*.whl).
dist: $(VENV)/.installed
	rm -rf dist
	$(BIN)/pip wheel -q --no-deps --no-build-isolation -w dist .
	@ls dist/*.whl

# The committed templates are what the generator makes (a test checks it).
templates: $(VENV)/.installed
	$(BIN)/client-roi template --lang en -o workbook_templates/three_tier_exercise.xlsx --force
	$(BIN)/client-roi template --lang fr -o workbook_templates/three_tier_exercise.fr.xlsx --force

# Everything generated from the code, in one command: the templates, the Lite bundle, the
# reference pages, and the recorded outputs (hashes and readable snapshots). Re-recording the
# outputs is a decision: commit it on its own, saying why (CONTRIBUTING.md).
generated: templates lite
	$(BIN)/python scripts/make_reference.py
	$(BIN)/python tests/test_outputs.py --record

# The documentation site (mkdocs.yml: MkDocs, Material, mkdocstrings), strictly: a warning, a
# broken link or an unknown reference fails it. make test builds it too (tests/test_readme.py).
docs: $(VENV)/.installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) $(LATEST) .venv-lock build dist *.egg-info
