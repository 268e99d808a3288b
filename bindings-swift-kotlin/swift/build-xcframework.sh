#!/usr/bin/env bash
# Builds ScanKitFFI.xcframework (static libraries of scankit-ffi for iOS,
# the iOS simulator and macOS) beside Package.swift. macOS with Xcode and
# rustup only: it cannot run on the Linux machines of this project, and it
# is not run by `make test` (which checks the Swift sources by parsing them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

[[ "$(uname -s)" == Darwin ]] || { echo "build-xcframework.sh needs macOS and Xcode" >&2; exit 1; }

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
rustup target add "${targets[@]}"
for t in "${targets[@]}"; do
  cargo build --release -p scankit-ffi --lib --target "$t"
done

# Regenerate the Swift sources from the macOS library, as `make test` does on Linux.
cargo build --release -p scankit-ffi --bin uniffi-bindgen
out="$root/target/uniffi/swift-macos"
rm -rf "$out"
target/release/uniffi-bindgen generate --library "target/aarch64-apple-darwin/release/libscankit_ffi.dylib" \
  --language swift --no-format --out-dir "$out"
cp "$out/ScanKit.swift" "$here/Sources/ScanKit/ScanKit.swift"
cp "$out/ScanKitFFI.h" "$here/Headers/ScanKitFFI.h"
cp "$out/ScanKitFFI.modulemap" "$here/Headers/module.modulemap"

fat="$root/target/xcframework"
rm -rf "$fat" && mkdir -p "$fat/ios-sim" "$fat/macos"
lipo -create target/aarch64-apple-ios-sim/release/libscankit_ffi.a target/x86_64-apple-ios/release/libscankit_ffi.a \
  -output "$fat/ios-sim/libscankit_ffi.a"
lipo -create target/aarch64-apple-darwin/release/libscankit_ffi.a target/x86_64-apple-darwin/release/libscankit_ffi.a \
  -output "$fat/macos/libscankit_ffi.a"

rm -rf "$here/ScanKitFFI.xcframework"
xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/libscankit_ffi.a -headers "$here/Headers" \
  -library "$fat/ios-sim/libscankit_ffi.a" -headers "$here/Headers" \
  -library "$fat/macos/libscankit_ffi.a" -headers "$here/Headers" \
  -output "$here/ScanKitFFI.xcframework"
echo "built $here/ScanKitFFI.xcframework; now: swift build (in $here)"
