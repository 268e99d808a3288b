# Python: the `scankit` package (bindings-python/, crate scankit-python).
# The abi3 wheel is built with maturin, installed with pip into a fresh
# virtualenv (target/py-venv) and tested there; tools are pinned.

PYTHON ?= python3
PY_DIR := bindings-python
PY_TOOLS := target/py-tools
PY_VENV := target/py-venv
PY_WHEELS := target/py-wheels
PY_TOOL_PINS := maturin==1.16.0
PY_TEST_PINS := pytest==9.2.0 mypy==2.4.1 python-stdnum==2.2 polars==2.1.0
PIP_QUIET := --quiet --disable-pip-version-check --no-input

.PHONY: setup-python python-wheel python-venv test-python bench-python demo-python conformance-python

# Idempotent: the tools venv is made once; pip leaves satisfied pins alone.
setup-python: setup
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required" >&2; exit 1; }
	test -x $(PY_TOOLS)/bin/python || $(PYTHON) -m venv $(PY_TOOLS)
	$(PY_TOOLS)/bin/pip install $(PIP_QUIET) $(PY_TOOL_PINS)

python-wheel: setup-python
	rm -rf $(PY_WHEELS)
	cd $(PY_DIR) && ../$(PY_TOOLS)/bin/maturin build --release --quiet --out ../$(PY_WHEELS)

# A fresh virtualenv each time, with the wheel installed by pip.
python-venv: python-wheel
	rm -rf $(PY_VENV)
	$(PYTHON) -m venv $(PY_VENV)
	$(PY_VENV)/bin/pip install $(PIP_QUIET) $(PY_TEST_PINS)
	$(PY_VENV)/bin/pip install $(PIP_QUIET) $(PY_WHEELS)/scankit-*-abi3-*.whl

test-python: python-venv
	$(CARGO) fmt -p scankit-python -- --check
	$(CARGO) clippy -p scankit-python --all-targets -- -D warnings
	$(CARGO) build -q -p scankit-sandbox
	SCANKIT_SANDBOX=$(CURDIR)/target/debug/scankit-sandbox \
	  $(PY_VENV)/bin/python -m pytest -p no:cacheprovider --strict-markers -q $(PY_DIR)/tests
	cd target && ../$(PY_VENV)/bin/python -m mypy.stubtest scankit --mypy-config-file ../$(PY_DIR)/mypy.ini
	$(PY_VENV)/bin/python -m mypy --strict --config-file $(PY_DIR)/mypy.ini examples/python conformance/python
	for f in examples/python/*.py; do $(PY_VENV)/bin/python "$$f" > /dev/null; done

bench-python: python-venv
	mkdir -p bench/out
	$(PY_VENV)/bin/python $(PY_DIR)/bench/bench.py --out bench/out/python.md

demo-python: python-venv
	for f in examples/python/*.py; do echo "== $$f"; $(PY_VENV)/bin/python "$$f"; done

# The conformance cases through the installed wheel (conformance/README.md).
conformance-python: python-venv conformance-cases
	$(PY_VENV)/bin/python conformance/python/run.py $(CONFORMANCE_CASES) $(CONFORMANCE_OUT)/python.jsonl

PLATFORM_TESTS += test-python
PLATFORM_BENCHES += bench-python
PLATFORM_DEMOS += demo-python
