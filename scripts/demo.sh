#!/usr/bin/env bash
# `make demo`: the main job, end to end. Expects release builds of scankit,
# scankit-sandbox and callback-demo; runs each platform demo named in "$@"
# against the same sandbox (its URL in SCANKIT_SANDBOX_URL), then stops it.
set -euo pipefail
bin=target/release
fx=core/tests/fixtures/callbacks

echo "== 1. The spec's approved Netverify callback: decision, and the redacted result =="
"$bin/scankit" callback decide < "$fx/netverify/spec-approved.form"
"$bin/scankit" callback parse --redact < "$fx/netverify/spec-approved.form"
echo "== 2. The spec's fraud callback: decision =="
"$bin/scankit" callback decide < "$fx/netverify/spec-fraud.form"
echo "== 3. A malformed body: one line on stderr, exit code 2 =="
set +e
"$bin/scankit" callback parse < "$fx/netverify/bad-percent-encoding.form"
code=$?
set -e
echo "exit code $code"
test "$code" -eq 2

echo "== 4. End to end: sandbox -> callback receiver -> decision -> Retrieval API =="
out=$(mktemp)
"$bin/scankit-sandbox" --port 0 > "$out" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true; wait $sandbox 2>/dev/null || true; rm -f "$out"' EXIT
url=""
for _ in $(seq 100); do
  url=$(head -n 1 "$out")
  [ -n "$url" ] && break
  sleep 0.1
done
test -n "$url" || { echo "scankit-sandbox did not start" >&2; exit 1; }
echo "scankit-sandbox at $url"
"$bin/callback-demo" "$url" "$bin/scankit-sandbox" "$fx/netverify/approved-full-driving-licence.form"

export SCANKIT_SANDBOX_URL="$url"
for target in "$@"; do
  echo "== $target (sandbox at $url) =="
  make --no-print-directory "$target"
done
