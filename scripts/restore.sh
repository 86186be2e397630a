#!/usr/bin/env bash
# `make restore FILE=backups/portal-….dump`: replace the database's content with a `make backup` file.
# Stop `make run`/`make serve` first. Everything is restored in one transaction: on any error nothing changes.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-}"
if [[ -z "$file" || ! -f "$file" ]]; then
  echo "usage: make restore FILE=backups/portal-YYYYMMDD-HHMMSS.dump (a file written by make backup)" >&2
  exit 2
fi
source scripts/prepare.sh
trap 'if [[ -n "$started_local_pg" ]]; then scripts/pg.sh stop; fi' EXIT
start_database portal
PATH="$(scripts/pg.sh bin):$PATH"

pg_restore --list "$file" >/dev/null || { echo "$file is not a pg_dump custom-format file." >&2; exit 1; }
pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$DATABASE_URL" "$file"
echo "Restored $file."
