# scankit: `make demo` and `make test` set up what they need and are idempotent.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: all setup demo test lint fmt bench clean rust-test rust-bench

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

# Platform demos run inside scripts/demo.sh, against the sandbox it starts.
demo: setup
	$(CARGO) build --release -q -p scankit-cli -p scankit-sandbox -p scankit-example
	bash scripts/demo.sh $(PLATFORM_DEMOS)

lint: setup
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

test: setup lint rust-test $(PLATFORM_TESTS) conformance

rust-test: setup
	$(CARGO) test --workspace

bench: rust-bench $(PLATFORM_BENCHES)
	python3 scripts/bench_report.py

rust-bench: setup
	$(CARGO) bench -p scankit --bench callback --bench card -- --noplot
	python3 scripts/bench_summary.py

clean:
	$(CARGO) clean
