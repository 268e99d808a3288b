#!/usr/bin/env bash
# Runs a command with a local scankit-sandbox (127.0.0.1, any free port) and
# its base URL in SCANKIT_SANDBOX_URL; stops the sandbox afterwards.
# Usage: with-sandbox.sh SANDBOX_BINARY COMMAND...
set -euo pipefail
bin=$1; shift
log=$(mktemp)
"$bin" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  url=$(grep -Eo 'http://127\.0\.0\.1:[0-9]+' "$log" | head -n1 || true)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "scankit-sandbox exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "${url:-}" ] || { cat "$log" >&2; echo "scankit-sandbox printed no URL" >&2; exit 1; }
export SCANKIT_SANDBOX_URL=$url
"$@"
