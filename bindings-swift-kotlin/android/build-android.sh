#!/usr/bin/env bash
# Builds libscankit_ffi.so for the Android ABIs with cargo-ndk and lays out
# an AAR's jni/ directory. NOT RUN HERE: it needs the Android NDK
# (ANDROID_NDK_HOME), which the project's Linux machines do not have.
#
# Result (target/android/aar/):
#   jni/arm64-v8a/libscankit_ffi.so   jni/armeabi-v7a/libscankit_ffi.so
#   jni/x86_64/libscankit_ffi.so      jni/x86/libscankit_ffi.so
#   classes: compile target/uniffi/kotlin (package dev.scankit) with JNA's
#   Android AAR (net.java.dev.jna:jna:<same version>@aar) as a dependency;
#   on Android JNA finds the library by its name, no jna.library.path.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to an Android NDK (r26 or later)}"
command -v cargo-ndk >/dev/null || cargo install cargo-ndk --locked
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android
out=target/android/aar/jni
rm -rf "$out"
# API 21 is the lowest JNA supports.
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 --platform 21 -o "$out" \
  build --release -p scankit-ffi --lib
# Kotlin sources from the host build, which has the same interface.
cargo build --release -p scankit-ffi
target/release/uniffi-bindgen generate --library target/release/libscankit_ffi.so \
  --language kotlin --no-format --out-dir target/android/kotlin
echo "jni libraries in $out; Kotlin sources in target/android/kotlin"
