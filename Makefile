# Two commands do all the set-up on a fresh clone (Python 3.11, make, git):
#   make bench   install, validate the gold, score the rules system (the main job)
#   make test    install, lint and type-check, run the test suite, then the regression gate for every baseline
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOCCANO_STAMP := .venv-doccano/.installed

.PHONY: bench test lint gate install compare benchmarks doccano-install doccano-serve chromium

$(STAMP): requirements.lock requirements-test.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The doccano server needs pydantic 2 (the client needs 1): it gets its own venv.
$(DOCCANO_STAMP): requirements-doccano.lock $(STAMP)
	$(BIN)/python -c "from bench.annotate.doccano_server import install; install()"

doccano-install: $(DOCCANO_STAMP)

doccano-serve: $(DOCCANO_STAMP)
	$(BIN)/bench doccano serve

bench: $(STAMP)
	$(BIN)/bench validate
	$(BIN)/bench score --system rules

# The report test opens the HTML in a real browser: Debian's chromium.
chromium:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "make test needs Debian's chromium: sudo apt-get install chromium"; exit 1; fi; }

# Lint and types: ruff (rules and formatting) and mypy, configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(STAMP) $(DOCCANO_STAMP) chromium lint
	$(BIN)/pytest
	$(MAKE) --no-print-directory gate

gate: $(STAMP)
	@set -e; for b in baselines/*.json; do echo "gate: $$b"; $(BIN)/bench gate --baseline $$b; done

compare: $(STAMP)
	$(BIN)/bench compare rules spacy

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/scorer_vs_nervaluate.py
	$(BIN)/python benchmarks/systems_speed.py
	$(BIN)/python benchmarks/memory_score.py
