#!/usr/bin/env bash
# Runs `npm start` on a fresh embedded database, waits for /health, creates an API token with the
# CLI while the server runs (through its local socket), uses it, then stops the server.
set -euo pipefail
data=$(mktemp -d)
port=3917
log="$data/server.log"
# Its own process group, so stopping it also stops the node process that npm starts.
SKILLMARK_DATA_DIR="$data" PORT=$port setsid npm start >"$log" 2>&1 &
server=$!
trap 'kill -- -$server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "Port $port is already in use; stop whatever listens there first." >&2
  exit 1
fi
for _ in $(seq 1 120); do
  if ! kill -0 $server 2>/dev/null; then cat "$log"; echo "npm start exited early" >&2; exit 1; fi
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health"; echo
grep -q "Demo University" "$log" || { cat "$log"; echo "no demo data was announced" >&2; exit 1; }
token=$(SKILLMARK_DATA_DIR="$data" node bin/skillmark.js admin create-token --org demo-university --role issuer | tail -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/organizations/demo-university/members")
[ "$status" = 200 ] || { echo "token from the CLI was refused: HTTP $status"; cat "$log"; exit 1; }
echo "Smoke test passed: server up with demo data, CLI token accepted."
