# Kotlin (JVM, built and tested here) and Swift (generated and parse-checked
# here) bindings through uniffi: crate scankit-ffi in bindings-swift-kotlin/.
# See bindings-swift-kotlin/README.md for what is verified where.

FFI_DIR := bindings-swift-kotlin
KOTLIN_DIR := $(FFI_DIR)/kotlin
SWIFT_DIR := $(FFI_DIR)/swift
UNIFFI_OUT := target/uniffi
FFI_LIB := target/release/libscankit_ffi.so
UNIFFI_BINDGEN := target/release/uniffi-bindgen
SWIFT_VENV := target/venv-swift
# Pinned: tree-sitter (Python bindings) and the Swift grammar.
SWIFT_PIP_PINS := tree-sitter==0.25.2 tree-sitter-swift==0.7.4
MVN := mvn -B -q -ntp -Dstyle.color=never

.PHONY: setup-kotlin test-kotlin bench-kotlin demo-kotlin setup-swift test-swift ffi-build conformance-kotlin

PLATFORM_TESTS += test-kotlin test-swift
PLATFORM_BENCHES += bench-kotlin
PLATFORM_DEMOS += demo-kotlin

# The cdylib, the generator on the same uniffi version, and the sandbox the
# JUnit tests run against.
ffi-build: setup
	$(CARGO) build --release -q -p scankit-ffi -p scankit-sandbox

setup-kotlin: ffi-build
	@if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then \
	  echo "installing OpenJDK 17 and Maven (apt-get)"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven </dev/null; \
	fi
	rm -rf $(UNIFFI_OUT)/kotlin
	$(UNIFFI_BINDGEN) generate --library $(FFI_LIB) --language kotlin --no-format --out-dir $(UNIFFI_OUT)/kotlin
	# Fetch the pinned Maven dependencies and plugins once (a no-op when cached).
	$(MVN) -f $(KOTLIN_DIR)/pom.xml dependency:resolve dependency:resolve-plugins >/dev/null

test-kotlin: setup-kotlin
	rm -rf $(KOTLIN_DIR)/target/surefire-reports
	$(MVN) -f $(KOTLIN_DIR)/pom.xml test
	python3 $(KOTLIN_DIR)/check_reports.py $(KOTLIN_DIR)/target/surefire-reports

bench-kotlin: setup-kotlin
	mkdir -p bench/out
	$(MVN) -f $(KOTLIN_DIR)/pom.xml test-compile exec:java -Dexec.args="$(CURDIR)/bench/out/kotlin.md"
	@cat bench/out/kotlin.md

demo-kotlin: setup-kotlin
	$(MVN) -f $(KOTLIN_DIR)/pom.xml install -Dmaven.test.skip=true
	$(MVN) -f examples/kotlin/pom.xml compile exec:java

# The conformance cases through the binding (conformance/README.md); the
# runner is a main of the test sources, so it needs no published artifact.
conformance-kotlin: setup-kotlin conformance-cases
	$(MVN) -f $(KOTLIN_DIR)/pom.xml test-compile exec:java -Dexec.mainClass=dev.scankit.conformance.RunKt \
	  -Dexec.args="$(CURDIR)/$(CONFORMANCE_CASES) $(CURDIR)/$(CONFORMANCE_OUT)/kotlin.jsonl"

setup-swift: ffi-build
	test -x $(SWIFT_VENV)/bin/python || python3 -m venv $(SWIFT_VENV)
	$(SWIFT_VENV)/bin/python -m pip install -q --disable-pip-version-check $(SWIFT_PIP_PINS)

# No Swift compiler here: the committed sources must equal a fresh
# generation, and they and the example must parse without error nodes.
test-swift: setup-swift
	rm -rf $(UNIFFI_OUT)/swift
	$(UNIFFI_BINDGEN) generate --library $(FFI_LIB) --language swift --no-format --out-dir $(UNIFFI_OUT)/swift
	diff -u $(SWIFT_DIR)/Sources/ScanKit/ScanKit.swift $(UNIFFI_OUT)/swift/ScanKit.swift
	diff -u $(SWIFT_DIR)/Headers/ScanKitFFI.h $(UNIFFI_OUT)/swift/ScanKitFFI.h
	diff -u $(SWIFT_DIR)/Headers/module.modulemap $(UNIFFI_OUT)/swift/ScanKitFFI.modulemap
	$(SWIFT_VENV)/bin/python $(SWIFT_DIR)/check_swift.py \
	  --generated $(SWIFT_DIR)/Sources/ScanKit/ScanKit.swift \
	  $(SWIFT_DIR)/Package.swift examples/swift/main.swift
