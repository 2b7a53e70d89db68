# Suanli KG — every target creates and uses .venv by itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= ./suanli-store
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

# The browser tests drive Debian's Chromium; CJK fonts make their screenshots readable.
BROWSER := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test serve bench lint clean editor charts

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: $(STAMP)
	$(BIN)/suanli ingest examples/corpus --store $(STORE)
	$(BIN)/suanli validate --store $(STORE) --lang en
	$(BIN)/suanli ask --store $(STORE) --batch examples/questions.txt
	@echo
	@echo "Serve it:  make serve   (or: $(BIN)/suanli serve --store $(STORE)) then open http://127.0.0.1:8000/"

$(BROWSER) $(CJK_FONT):
	$(SUDO) apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -q >/dev/null && $(SUDO) apt-get install -y -q chromium fonts-noto-cjk >/dev/null; }

test: $(DEVSTAMP) $(BROWSER) $(CJK_FONT)
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/suanli serve --store $(STORE)

bench: $(DEVSTAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/cli_start.py
	$(BIN)/python bench/qa_latency.py
	$(BIN)/python bench/ingest_validate.py
	$(BIN)/python bench/endpoint_load.py

lint: $(DEVSTAMP)
	$(BIN)/ruff check kg extract tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# The page's SPARQL editor (CodeMirror 6) is bundled from web/editor into kg/web/static/vendor/, which is committed:
# run this after changing web/editor (needs node and npm; tests/test_web.py says when the bundle is stale).
# The page's pictures (Observable Plot and the outline of China) are bundled from web/charts the same way:
# run `make charts` after changing web/charts (tests/test_web.py says when that bundle is stale).
charts:
	cd web/charts && npm ci && node build.mjs

editor:
	cd web/editor && npm ci && node build.mjs

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache web/editor/node_modules web/charts/node_modules
