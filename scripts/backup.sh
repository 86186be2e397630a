#!/usr/bin/env bash
# `make backup`: the whole database as one pg_dump file (custom format: compressed, restorable table by
# table) named by the time it was taken, in backups/ (git-ignored) or $PORTAL_BACKUP_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
trap 'if [[ -n "$started_local_pg" ]]; then scripts/pg.sh stop; fi' EXIT
start_database portal
# The client tools of the local server's version (pg_dump refuses a newer server than itself).
PATH="$(scripts/pg.sh bin):$PATH"

backup_dir="${PORTAL_BACKUP_DIR:-backups}"
mkdir -p "$backup_dir"
chmod 700 "$backup_dir"  # it holds investors' personal data
file="$backup_dir/portal-$(date -u +%Y%m%d-%H%M%S).dump"
pg_dump --format=custom --no-owner --file="$file.partial" --dbname="$DATABASE_URL"
mv "$file.partial" "$file"
echo "Backup written: $file ($(du -h "$file" | cut -f1)). Restore it with: make restore FILE=$file"
