# mlmath: the front door. `make` (or `make help`) lists the targets.
#
# Every target depends on real files, so nothing is rebuilt that has not
# changed: the venv on requirements-dev.txt, the Go library on the Go sources
# and the header, the cffi extension on the header, its build script and the
# library.

PYTHON ?= python3
GO     ?= go
VENV   := .venv
PY     := $(VENV)/bin/python
PKG    := python/mlmath
GO_LIB := $(PKG)/libmlmath.so
# The extension's file name depends on the Python version; a stamp stands for it.
EXT    := build/native.stamp
PTH    := $(VENV)/.mlmath-pth
GO_SRC := $(shell find go -name '*.go' ! -name '*_test.go' -o -name '*.s' -o -name 'go.mod' -o -name 'go.sum')

.DEFAULT_GOAL := help
.PHONY: help build test lint test-go test-py bench demo info clean

help: ## List the targets
	@echo "mlmath: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(GO_LIB): $(GO_SRC) bindings/mlmath.h bindings/build_ffi.py $(VENV)/.installed
	$(PY) bindings/build_ffi.py go $@

$(EXT): $(GO_LIB) bindings/mlmath.h bindings/build_ffi.py
	$(PY) bindings/build_ffi.py ext --go-lib $(GO_LIB) --out-dir $(PKG)
	@mkdir -p $(dir $@) && touch $@

# The venv imports the package from python/ (what `pip install -e .` does),
# so edits to Python files need no rebuild.
$(PTH): $(VENV)/.installed
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "mlmath-dev.pth").write_text(str(pathlib.Path("python").resolve()) + "\n")'
	touch $@

build: $(EXT) $(PTH) ## Build the Go library and the cffi extension into the venv

test: lint test-go test-py ## Run every test: ruff, go vet, gofmt, go test, pytest

lint: $(VENV)/.installed ## Python lint: ruff (pyflakes and bugbear rules)
	$(PY) -m ruff check python tests bindings setup.py

test-go: ## Go only: go vet, gofmt check, go test (assembly; pure Go under the race detector)
	cd go && $(GO) vet ./...
	@out=$$(cd go && gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	cd go && $(GO) test ./...
	cd go && $(GO) test -race -tags noasm ./internal/... ./vec ./mat

test-py: build ## Python only: pytest on both backends
	$(PY) -m pytest tests

bench: build ## Benchmarks: Go-native, Go-via-Python and numpy side by side, with ratios
	$(PY) tests/bench/run.py

demo: build ## The main job: the notes' examples on both backends, side by side
	$(PY) -m mlmath demo

info: build ## Versions, library path, GOMAXPROCS, which backends load
	$(PY) -m mlmath info

clean: ## Remove built files (keeps the venv; `rm -rf .venv` for that)
	rm -rf build $(GO_LIB) $(PKG)/_native*.so $(PKG)/_native.c .pytest_cache .benchmarks .hypothesis
	find python tests -name __pycache__ -type d -prune -exec rm -rf {} +
