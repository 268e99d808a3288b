# Fuzzing with cargo-fuzz on a pinned nightly. `make fuzz FUZZ_SECONDS=600`
# runs every target for that long; `make test` replays the seeds and past
# crash inputs on stable (core/tests/fuzz_replay.rs), so it needs none of this.
FUZZ_TOOLCHAIN := nightly-2026-04-15
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := netverify_callback document_callback card_number card_expiry mask_pans mask_stream \
  retrieval_response mobicard_response image_precheck jwt

.PHONY: setup-fuzz fuzz

setup-fuzz:
	rustup toolchain list | grep -q '^$(FUZZ_TOOLCHAIN)' || rustup toolchain install $(FUZZ_TOOLCHAIN) --profile minimal
	cargo fuzz --version 2>/dev/null | grep -q ' $(CARGO_FUZZ_VERSION)$$' || cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked

fuzz: setup-fuzz
	python3 scripts/fuzz_seed.py $(FUZZ_TARGETS)
	mkdir -p target/fuzz-logs
	for t in $(FUZZ_TARGETS); do \
	  (cd fuzz && cargo +$(FUZZ_TOOLCHAIN) fuzz run $$t corpus/$$t -- \
	     -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1) \
	     > target/fuzz-logs/$$t.log 2>&1 || { tail -40 target/fuzz-logs/$$t.log; exit 1; }; \
	  printf '%s: ' $$t; grep -E '^stat::number_of_executed_units' target/fuzz-logs/$$t.log | tail -1; \
	done
