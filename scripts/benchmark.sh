#!/usr/bin/env bash
# `make benchmark`: page weights, query counts and server times against the seeded local database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh
trap 'if [[ -n "$started_local_pg" ]]; then scripts/pg.sh stop; fi' EXIT
start_database portal
build_assets
python manage.py migrate --no-input -v 0
python manage.py load_seed -v 0
python scripts/benchmark.py
