#!/usr/bin/env bash
# `make bench`: start `make serve` on $BENCH_PORT (default 8110), measure with scripts/bench.py over
# loopback, stop the server. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-8110}"
log=$(mktemp)
PORT=$port setsid scripts/run.sh --production >"$log" 2>&1 </dev/null &
server=$!
stop_server() {
  local status=$?
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
  exit "$status"
}
trap stop_server EXIT
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "make serve stopped early (see above)." >&2; exit 1; }
  sleep 1
done
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
.venv/bin/python scripts/bench.py "http://127.0.0.1:$port" "$@"
