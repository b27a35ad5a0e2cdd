# conflictkg: the README's commands. Everything runs from .venv, which `make install` builds.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= data/store
# The seed article (../shared, beside the checkout), ingested by the demo when it is there.
SEED   ?= ../shared/seed/article.txt

.PHONY: install demo serve test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -rf $(STORE)
	@# exit status 1 = some articles rejected (reported above): serve the rest; 2 = an error: stop
	$(BIN)/conflictkg ingest --store $(STORE) examples/articles || [ $$? -eq 1 ]
	if [ -f $(SEED) ]; then $(BIN)/conflictkg ingest --store $(STORE) $(SEED) --published 2022-04-14 --source https://sy-24.com/85302; fi
	$(BIN)/conflictkg serve --store $(STORE) --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/conflictkg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/export_bench.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
