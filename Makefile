# Two entry points: `make demo` (terminal demo) and `make test` (the whole test suite).
# Both create .venv and install the project with its test extras on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test index eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m bot index
	$(BIN)/python -m bot demo

test: $(STAMP)
	$(BIN)/python -m pytest

index: $(STAMP)
	$(BIN)/python -m bot index

eval: $(STAMP)
	$(BIN)/python -m bot eval eval/questions.jsonl eval/dev.jsonl eval/holdout*.jsonl --quiet

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf .index $(VENV)
