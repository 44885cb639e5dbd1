# mlmath: the front door. `make` (or `make help`) lists the targets.
#
# Every target depends on real files, so nothing is rebuilt that has not
# changed: the venv on requirements-dev.txt, the Go library on the Go sources
# and the header, the extensions on the header, their build script and sources
# and the library.

PYTHON ?= python3
GO     ?= go
VENV   := .venv
PY     := $(VENV)/bin/python
PKG    := python/mlmath
GO_LIB := $(PKG)/libmlmath.so
# The extension's file name depends on the Python version; a stamp stands for it.
EXT    := build/native.stamp
PTH    := $(VENV)/.mlmath-pth
GO_SRC := $(shell find go -path go/gonumbench -prune -o \( -name '*.go' ! -name '*_test.go' -o -name '*.s' -o -name 'go.mod' -o -name 'go.sum' \) -print)

# What this CPU runs (Linux; elsewhere only the pure-Go kernels are listed).
# The Go kernel sets, best first: make test runs the suite on each (the
# tests check that MLMATH_KERNEL really pinned the one named). numpy's
# OpenBLAS kernels: Haswell runs on any AVX2 CPU, SkylakeX needs AVX-512.
# Where the machine itself sets OPENBLAS_CORETYPE (some CPUs need it), that
# choice is kept and not overridden.
HAS_FLAG = $(shell grep -qw $(1) /proc/cpuinfo 2>/dev/null && echo yes)
GO_KERNELS := $(if $(call HAS_FLAG,avx512f),avx512) $(if $(and $(call HAS_FLAG,avx2),$(call HAS_FLAG,fma)),avx2) generic
BLAS_CORES := $(if $(OPENBLAS_CORETYPE),,$(if $(call HAS_FLAG,avx2),Haswell) $(if $(call HAS_FLAG,avx512f),SkylakeX))
# The tests that compare with numpy: run again under each kernel above.
PARITY := tests/test_parity.py tests/test_shared_data.py tests/test_kernels.py tests/test_decompositions.py tests/test_calculus.py tests/test_nn.py \
          tests/test_information.py tests/test_learning.py tests/test_pipeline.py

.DEFAULT_GOAL := help
.PHONY: help build test lint typecheck test-go test-py bench bench-baseline soak fuzz demo info clean

help: ## List the targets
	@echo "mlmath: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-15s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(GO_LIB): $(GO_SRC) bindings/mlmath.h bindings/build_ffi.py bindings/go_toolchain.py $(VENV)/.installed
	$(PY) bindings/build_ffi.py go $@

$(EXT): $(GO_LIB) bindings/mlmath.h bindings/build_ffi.py bindings/fastpath.c
	$(PY) bindings/build_ffi.py ext --go-lib $(GO_LIB) --out-dir $(PKG)
	@mkdir -p $(dir $@) && touch $@

# The venv imports the package from python/ (what `pip install -e .` does),
# so edits to Python files need no rebuild.
$(PTH): $(VENV)/.installed
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "mlmath-dev.pth").write_text(str(pathlib.Path("python").resolve()) + "\n")'
	touch $@

build: $(EXT) $(PTH) ## Build the Go library and the cffi extension into the venv

test: lint typecheck test-go test-py ## Run every test: ruff, mypy --strict, go vet, gofmt, go test and pytest, per Go and BLAS kernel

lint: $(VENV)/.installed ## Python lint: ruff (pyflakes and bugbear rules)
	$(PY) -m ruff check python tests bindings setup.py

# Settings in pyproject.toml ([tool.mypy]): the package, strict but for the demo.
typecheck: $(VENV)/.installed ## Python types: mypy --strict on the package (its public API, typed: py.typed)
	$(PY) -m mypy

test-go: ## Go only: go vet, gofmt check, go test on each Go kernel set, pure Go under the race detector
	cd go && $(GO) vet ./...
	@out=$$(cd go && gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	cd go && $(GO) test ./...
	@for k in $(GO_KERNELS); do echo "== go test with MLMATH_KERNEL=$$k"; \
	  (cd go && MLMATH_KERNEL=$$k $(GO) test -count=1 ./vec ./mat ./internal/kernel) || exit 1; done
	cd go && $(GO) test -race -tags noasm ./internal/... ./vec ./mat

test-py: build ## Python only: pytest on both backends, then the parity tests per BLAS and Go kernel
	$(PY) -m pytest tests
	@$(if $(OPENBLAS_CORETYPE),echo "OPENBLAS_CORETYPE=$(OPENBLAS_CORETYPE) is set by the environment: kept; no parity runs per BLAS kernel")
	@for c in $(BLAS_CORES); do echo "== parity tests with OPENBLAS_CORETYPE=$$c"; \
	  OPENBLAS_CORETYPE=$$c $(PY) -m pytest -q -p no:cacheprovider $(PARITY) || exit 1; done
	@for k in $(GO_KERNELS); do echo "== parity tests with MLMATH_KERNEL=$$k"; \
	  MLMATH_KERNEL=$$k $(PY) -m pytest -q -p no:cacheprovider $(PARITY) || exit 1; done

bench: build ## Benchmarks: Go-native, Go-via-Python, numpy; JSON and PNGs in build/bench (BENCH_ARGS=--quick)
	$(PY) tests/bench/run.py $(BENCH_ARGS)

soak: build ## Hostile inputs (100,000+ cases on both backends, crashes and hangs caught) and flat memory (1e6 calls per family); SOAK_ARGS=--help
	$(PY) tests/soak.py $(SOAK_ARGS)

bench-baseline: ## Save build/bench/latest.json as the baseline make bench compares against
	@test -f build/bench/latest.json || { echo "no build/bench/latest.json: run make bench first"; exit 1; }
	cp build/bench/latest.json build/bench/baseline.json

# Every `func FuzzX` of the Go tests (found by grep, so a new target is
# covered), one after another with 2 workers, stopping at the first failure.
# The seed corpora (testdata/fuzz) also run in plain `go test`. Go 1.26's
# coordinator can fail a target with "context deadline exceeded" at the end
# of -fuzztime without any failing input (go.dev/issue/75804): that is
# reported and skipped; a failure that writes a crasher stops the run.
FUZZTIME ?= 20s
fuzz: ## Go fuzzing: run each fuzz target for FUZZTIME (default 20s); a crasher is saved in its testdata/fuzz
	@log=$$(mktemp); trap 'rm -f "$$log" "$$log.rc"' EXIT; cd go && \
	grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do \
	  pkg=$$(dirname "$$f"); \
	  for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$$f"); do \
	    echo "== $$pkg $$t ($(FUZZTIME))"; \
	    before=$$(ls "$$pkg/testdata/fuzz/$$t" 2>/dev/null | wc -l); \
	    { $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) -parallel=2 "$$pkg" 2>&1; echo $$? > "$$log.rc"; } | tee "$$log"; \
	    after=$$(ls "$$pkg/testdata/fuzz/$$t" 2>/dev/null | wc -l); \
	    if [ "$$(cat "$$log.rc")" != 0 ]; then \
	      if [ "$$after" = "$$before" ] && grep -q 'context deadline exceeded' "$$log"; then \
	        echo "(no failing input: the fuzz coordinator's deadline race, go.dev/issue/75804; going on)"; \
	      else exit 1; fi; \
	    fi; \
	  done; \
	done

# The venv holds the report extra (matplotlib, tqdm: requirements-dev.txt).
demo: build ## The main job: every section on both backends, the full pipeline, build/demo/report.html (DEMO_ARGS=--help)
	$(PY) -m mlmath demo $(DEMO_ARGS)

info: build ## Versions, library path, GOMAXPROCS, which backends load
	$(PY) -m mlmath info

clean: ## Remove built files (keeps the venv; `rm -rf .venv` for that)
	rm -rf build $(GO_LIB) $(PKG)/_native*.so $(PKG)/_fastpath*.so $(PKG)/_native.c .pytest_cache .benchmarks .hypothesis
	find python tests -name __pycache__ -type d -prune -exec rm -rf {} +
