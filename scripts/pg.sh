#!/usr/bin/env bash
# The project-local PostgreSQL cluster: data and Unix socket under .local/pg (no TCP, no system service).
# Usage: scripts/pg.sh start | stop | running | remove | createdb NAME | dir | bin
# When run as root, the cluster runs as the unprivileged `postgres` user; if that user cannot reach
# this clone (e.g. under /root), the cluster lives in a per-clone folder under /var/tmp instead and
# .local/pg points to it. PORTAL_PG_DIR names another place for a separate cluster (tests use it).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
local_pg="${PORTAL_PG_DIR:-$root_dir/.local/pg}"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[[ -n "$bindir" ]] || bindir=$(dirname "$(command -v initdb)")

as_owner() {
  # From /, so the postgres user never starts in a folder it cannot read (e.g. a clone under /root).
  if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

cluster_dir() {
  local dir="$local_pg"
  if [[ -L "$dir" || -d "$dir" ]]; then
    readlink -f "$dir"
    return
  fi
  mkdir -p "$(dirname "$dir")"
  local reachable=1
  if [[ $(id -u) == 0 ]]; then
    id postgres >/dev/null 2>&1 || { echo "The postgres system user is missing: reinstall the postgresql package." >&2; exit 1; }
    runuser -u postgres -- test -x "$(dirname "$dir")" 2>/dev/null || reachable=0
  fi
  # A Unix socket path must stay under 108 bytes.
  (( ${#dir} + 20 < 100 )) || reachable=0
  if ((reachable)); then
    mkdir -p "$dir"
  else
    local outside="/var/tmp/investseoul-pg/$(printf %s "$dir" | sha256sum | cut -c1-16)"
    mkdir -p "$outside"
    ln -sfn "$outside" "$dir"
    dir=$outside
  fi
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  echo "$dir"
}

start() {
  local dir
  dir=$(cluster_dir)
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    as_owner "$bindir/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { echo "initdb failed, see $dir/initdb.log" >&2; exit 1; }
  fi
  if ! as_owner "$bindir/pg_ctl" status --pgdata="$dir/data" >/dev/null 2>&1; then
    as_owner "$bindir/pg_ctl" start --pgdata="$dir/data" --wait --log="$dir/server.log" \
      --options="-c listen_addresses='' -c unix_socket_directories='$dir'" >/dev/null \
      || { echo "PostgreSQL did not start, see $dir/server.log" >&2; exit 1; }
  fi
}

running() {
  local dir="$local_pg"
  [[ -e "$dir/data/PG_VERSION" ]] && as_owner "$bindir/pg_ctl" status --pgdata="$(readlink -f "$dir")/data" >/dev/null 2>&1
}

stop() {
  local dir="$local_pg"
  [[ -e "$dir/data/PG_VERSION" ]] || return 0
  as_owner "$bindir/pg_ctl" stop --pgdata="$(readlink -f "$dir")/data" --mode=fast --wait >/dev/null 2>&1 || true
}

remove() {
  stop
  local dir="$local_pg"
  if [[ -L "$dir" ]]; then rm -rf "$(readlink -f "$dir")"; fi
  rm -rf "$dir"
}

createdb() {
  local dir name=$1
  dir=$(cluster_dir)
  if [[ -z $("$bindir/psql" -h "$dir" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
    "$bindir/createdb" -h "$dir" -U postgres "$name"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  createdb) createdb "$2" ;;
  dir) cluster_dir ;;
  running) running ;;
  bin) echo "$bindir" ;;
  remove) remove ;;
  *) echo "usage: scripts/pg.sh start|stop|running|remove|createdb NAME|dir|bin" >&2; exit 2 ;;
esac
