# mk/wasm.mk: the npm package `scankit` (bindings-wasm/, wasm-bindgen).
#
#   make setup-wasm   wasm32 target, wasm-bindgen-cli at the pinned version,
#                     npm dev tools (binaryen's wasm-opt, TypeScript,
#                     card-validator for the benchmark), Chromium + chromedriver
#   make build-wasm   bindings-wasm/npm/wasm/: the glue and the optimised .wasm
#   make test-wasm    fmt + clippy (wasm32), node --test over every fixture,
#                     tsc --strict over the usage file, wasm-bindgen-test in
#                     headless Chromium, examples/browser driven by playwright-core
#   make bench-wasm   bench/out/node.md: scankit vs card-validator and vs
#                     URLSearchParams + JSON.parse
#   make demo-wasm    examples/node/demo.mjs
#
# Everything is idempotent and needs no stdin (CI=true).

WASM_DIR := bindings-wasm
WASM_NPM := $(WASM_DIR)/npm
# Must equal the `wasm-bindgen = "=X"` pin in bindings-wasm/Cargo.toml.
WASM_BINDGEN_VERSION := 0.2.130
# Outside the work tree, so fresh clones on one machine install it once.
WASM_TOOLS ?= $(HOME)/.cache/scankit/wasm-bindgen-$(WASM_BINDGEN_VERSION)
WASM_BINDGEN := $(WASM_TOOLS)/bin/wasm-bindgen
WASM_TEST_RUNNER := $(WASM_TOOLS)/bin/wasm-bindgen-test-runner
WASM_TARGET_DIR := $(CURDIR)/$(WASM_DIR)/target
WASM_CARGO := $(CARGO) --config 'build.target-dir="$(WASM_TARGET_DIR)"'
WASM_SANDBOX := $(CURDIR)/target/debug/scankit-sandbox
WASM_RAW := $(WASM_TARGET_DIR)/wasm32-unknown-unknown/release/scankit_wasm.wasm
WASM_OPT := $(CURDIR)/$(WASM_DIR)/node_modules/.bin/wasm-opt
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue

.PHONY: setup-wasm build-wasm test-wasm bench-wasm demo-wasm wasm-node-test wasm-browser-test wasm-lint wasm-tsc wasm-sandbox wasm-page-test

PLATFORM_TESTS += test-wasm
PLATFORM_BENCHES += bench-wasm
PLATFORM_DEMOS += demo-wasm

setup-wasm: setup
	rustup target add wasm32-unknown-unknown >/dev/null
	@if [ "$$($(WASM_BINDGEN) --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked --root $(WASM_TOOLS) \
	    || $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(WASM_TOOLS); \
	fi
	@cd $(WASM_DIR) && if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/tsc ] \
	    || [ ! -d node_modules/playwright-core ] \
	    || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  CI=true npm ci --no-audit --no-fund; fi
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q chromium chromium-driver </dev/null \
	    || { apt-get update -q && apt-get install -y -q chromium chromium-driver </dev/null; }; }

# Two modules: scankit_wasm (callbacks and cards: what pages load) and
# scankit_retrieval (the Retrieval API client), each optimised and checked
# against the size budget (150 KB gzipped for the page module).
build-wasm: setup-wasm
	rm -rf $(WASM_NPM)/wasm
	cd $(WASM_DIR) && $(WASM_CARGO) build --release --target wasm32-unknown-unknown \
	  --no-default-features --features callbacks,cards
	$(WASM_BINDGEN) --target web --out-dir $(WASM_NPM)/wasm --out-name scankit_wasm $(WASM_RAW)
	cd $(WASM_DIR) && $(WASM_CARGO) build --release --target wasm32-unknown-unknown \
	  --no-default-features --features retrieval,mobicard
	$(WASM_BINDGEN) --target web --out-dir $(WASM_NPM)/wasm --out-name scankit_retrieval $(WASM_RAW)
	@for m in scankit_wasm scankit_retrieval; do \
	  f=$(WASM_NPM)/wasm/$${m}_bg.wasm; \
	  $(WASM_OPT) -Oz $(WASM_OPT_FEATURES) $$f -o $$f; \
	  echo "$$m: $$(stat -c %s $$f) bytes, $$(gzip -9 -c $$f | wc -c) bytes gzipped"; \
	done
	@gz=$$(gzip -9 -c $(WASM_NPM)/wasm/scankit_wasm_bg.wasm | wc -c); \
	 test $$gz -le 153600 || { echo "scankit_wasm_bg.wasm: $$gz bytes gzipped, over the 150 KB budget" >&2; exit 1; }

wasm-lint: setup-wasm
	cd $(WASM_DIR) && $(CARGO) fmt -- --check
	cd $(WASM_DIR) && $(WASM_CARGO) clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

wasm-sandbox: setup
	$(CARGO) build -q -p scankit-sandbox

wasm-node-test: build-wasm wasm-sandbox
	cd $(WASM_NPM) && ../scripts/with-sandbox.sh $(WASM_SANDBOX) node --test test/

# examples/browser as a user would use it: Debian's Chromium through
# playwright-core (no downloaded browser); screenshot in bindings-wasm/test-out/.
wasm-page-test: build-wasm wasm-sandbox
	cd $(WASM_DIR) && scripts/with-sandbox.sh $(WASM_SANDBOX) node --test page-test/

wasm-tsc: build-wasm
	cd $(WASM_DIR) && node_modules/.bin/tsc -p tsconfig.json

# wasm-bindgen-test in headless Chromium (webdriver.json holds the flags a
# root, offline machine needs).
wasm-browser-test: setup-wasm wasm-sandbox
	cd $(WASM_DIR) && CHROMEDRIVER="$$(command -v chromedriver)" \
	  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$(WASM_TEST_RUNNER) \
	  WASM_BINDGEN_TEST_TIMEOUT=120 \
	  scripts/with-sandbox.sh $(WASM_SANDBOX) $(WASM_CARGO) test --target wasm32-unknown-unknown

test-wasm: wasm-lint wasm-node-test wasm-tsc wasm-browser-test wasm-page-test

bench-wasm: build-wasm
	mkdir -p bench/out
	node $(WASM_DIR)/bench/bench.mjs bench/out/node.md

demo-wasm: build-wasm
	node examples/node/demo.mjs
