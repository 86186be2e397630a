#!/usr/bin/env bash
# `make bench`: start `make serve` on $BENCH_PORT (default 8110), measure with scripts/bench.py over
# loopback, stop the server. Prints a Markdown table.
#   SCALE=N     serve a throwaway database (portal_bench) with N synthetic companies added, dropped after
#   UNCACHED=1  turn the page cache off, to time the pages themselves
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
port="${BENCH_PORT:-8110}"
if [[ -n "${UNCACHED:-}" ]]; then export PORTAL_PAGE_CACHE_SECONDS=0; fi
if [[ -n "${SCALE:-}" ]]; then
  scripts/pg.sh start
  "$(scripts/pg.sh bin)/dropdb" -h "$(scripts/pg.sh dir)" -U postgres --if-exists portal_bench
  scripts/pg.sh createdb portal_bench
  export DATABASE_URL="postgres://postgres@/portal_bench?host=$(scripts/pg.sh dir)"
  .venv/bin/python manage.py migrate --no-input -v 0
  .venv/bin/python manage.py load_seed -v 0
  .venv/bin/python scripts/bench_data.py "$SCALE"
  # A cache of its own, so no page of the seed-size database is served.
  export PORTAL_CACHE_URL="file://$PWD/.local/cache-bench"
  rm -rf .local/cache-bench
fi
log=$(mktemp)
PORT=$port setsid scripts/run.sh --production >"$log" 2>&1 </dev/null &
server=$!
stop_server() {
  local status=$?
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
  if [[ -n "${SCALE:-}" ]]; then
    "$(scripts/pg.sh bin)/dropdb" -h "$(scripts/pg.sh dir)" -U postgres --if-exists portal_bench || true
    rm -rf .local/cache-bench
  fi
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
