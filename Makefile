# scankit: `make demo` and `make test` set up what they need and are idempotent.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
FIXTURES := core/tests/fixtures/callbacks

.PHONY: all setup demo test lint fmt bench clean rust-test rust-bench rust-demo

all: test

# Each platform adds its own targets in mk/<platform>.mk and appends them here,
# so `make test`, `make bench` and `make demo` run every platform.
PLATFORM_TESTS :=
PLATFORM_BENCHES :=
PLATFORM_DEMOS :=
include $(sort $(wildcard mk/*.mk))

# The toolchain is pinned in rust-toolchain.toml; rustup installs it (with
# rustfmt and clippy) on first use. Nothing else is needed for the Rust core.
setup:
	@command -v rustup >/dev/null || { echo "rustup is required: https://rustup.rs" >&2; exit 1; }
	rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
	rustup component add rustfmt clippy >/dev/null

demo: rust-demo $(PLATFORM_DEMOS)

rust-demo: setup
	$(CARGO) build --release -q -p scankit-cli
	@echo "== The spec's approved Netverify callback, parsed and redacted =="
	target/release/scankit callback parse --redact < $(FIXTURES)/netverify/spec-approved.form
	@echo "== Its decision =="
	target/release/scankit callback decide < $(FIXTURES)/netverify/spec-approved.form
	@echo "== The spec's fraud callback: decision =="
	target/release/scankit callback decide < $(FIXTURES)/netverify/spec-fraud.form
	@echo "== A Document Verification callback with extracted data, redacted =="
	target/release/scankit callback parse --dv --redact < $(FIXTURES)/document/spec-extracted.form
	@echo "== A malformed body: one line on stderr, exit code 2 =="
	@set +e; target/release/scankit callback parse < $(FIXTURES)/netverify/bad-percent-encoding.form; \
	  code=$$?; set -e; echo "exit code $$code"; test $$code -eq 2

lint: setup
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

test: setup lint rust-test $(PLATFORM_TESTS)

rust-test: setup
	$(CARGO) test --workspace

bench: rust-bench $(PLATFORM_BENCHES)

rust-bench: setup
	$(CARGO) bench -p scankit -- --noplot
	python3 scripts/bench_summary.py

clean:
	$(CARGO) clean
