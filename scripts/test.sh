#!/usr/bin/env bash
# `make test`: the same set-up as `make run`, then pytest on a throwaway database (created and
# dropped by pytest-django), browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
BOOTSTRAP_FLAGS=--browser
source scripts/prepare.sh

trap 'if [[ -n "$started_local_pg" ]]; then scripts/pg.sh stop; fi' EXIT
start_database portal
build_assets
python manage.py makemigrations --check --dry-run -v 0
pytest --create-db "$@"
