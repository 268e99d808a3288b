# Conformance (conformance/README.md): every fixture through every platform,
# and the same canonical JSON from each. Each platform's runner writes
# target/conformance/<platform>.jsonl; `scankit-conformance compare` fails on
# any case that differs, naming the case, the platforms and the JSON paths.

CONFORMANCE_OUT := target/conformance
CONFORMANCE_CASES := $(CONFORMANCE_OUT)/cases.jsonl
CONFORMANCE_BIN := target/debug/scankit-conformance
CONFORMANCE_PLATFORMS := rust node chromium python kotlin

.PHONY: conformance conformance-cases conformance-rust conformance-node conformance-chromium

# Not in PLATFORM_TESTS: the top-level `make test` runs it last, once every
# platform's own tests have passed.

conformance-cases: setup
	$(CARGO) build -q -p scankit-conformance
	mkdir -p $(CONFORMANCE_OUT)
	$(CONFORMANCE_BIN) cases core/tests/fixtures > $(CONFORMANCE_CASES)

conformance-rust: conformance-cases
	$(CONFORMANCE_BIN) run $(CONFORMANCE_CASES) > $(CONFORMANCE_OUT)/rust.jsonl

conformance-node: build-wasm conformance-cases
	node conformance/js/node.mjs $(CONFORMANCE_CASES) $(CONFORMANCE_OUT)/node.jsonl

conformance-chromium: build-wasm conformance-cases
	node conformance/js/chromium.mjs $(CONFORMANCE_CASES) $(CONFORMANCE_OUT)/chromium.jsonl

conformance: $(addprefix conformance-,$(CONFORMANCE_PLATFORMS))
	$(CONFORMANCE_BIN) compare --cases $(CONFORMANCE_CASES) \
	  $(addprefix $(CONFORMANCE_OUT)/,$(addsuffix .jsonl,$(CONFORMANCE_PLATFORMS)))
