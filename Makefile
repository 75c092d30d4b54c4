# Two commands: `make run` and `make test`. Both create .venv and install the project when needed.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz lint bench soak clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/audit-bot run

# Property tests draw fixed (derandomized) examples here; `make fuzz` draws at random, 20 times as many.
# AUDITBOT_TEST_NOW=2027-10-31T01:30+01:00 make test runs the whole suite on a moved, ticking clock.
# Two workers (pytest-xdist): most of a test's time is spent waiting on sockets, subprocesses and SQLite.
test: $(STAMP)
	$(BIN)/python -m pytest -n 2

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz AUDITBOT_FUZZ_SCALE=$${AUDITBOT_FUZZ_SCALE:-20} $(BIN)/python -m pytest -m hypothesis

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench

soak: $(STAMP)
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) build *.egg-info
