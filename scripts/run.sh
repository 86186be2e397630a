#!/usr/bin/env bash
# `make run`: bootstrap, local PostgreSQL, migrate, seed, then serve in the foreground with the task worker.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh

# Production behaviour (styled error pages, hashed static files) on plain local HTTP; uploads served too.
export DJANGO_DEBUG="${DJANGO_DEBUG:-false}"
export DJANGO_SECURE_COOKIES="${DJANGO_SECURE_COOKIES:-false}"
export PORTAL_STAFF_TWO_FACTOR="${PORTAL_STAFF_TWO_FACTOR:-false}"  # production asks staff for a TOTP code
export PORTAL_SITE_URL="${PORTAL_SITE_URL:-http://127.0.0.1:${PORT}}"  # email links to the admin on this port
export PORTAL_SERVE_MEDIA="${PORTAL_SERVE_MEDIA:-true}"
export DJANGO_EMAIL_BACKEND="${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend}"
start_database portal
build_assets
python manage.py migrate --no-input -v 0

python manage.py load_seed
python manage.py ensure_admin

# Server and worker run as background children so that Ctrl-C (or a TERM from a supervisor) reaches
# this script's trap at once, which stops them and then the local PostgreSQL.
pids=()
stop_all() {
  trap - INT TERM EXIT
  set +e
  ((${#pids[@]})) && kill "${pids[@]}" 2>/dev/null
  wait "${pids[@]}" 2>/dev/null
  echo "Stopped the portal and its worker."
  if [[ -n "$started_local_pg" ]]; then scripts/pg.sh stop && echo "Stopped the local PostgreSQL."; fi
}
trap stop_all INT TERM EXIT

python manage.py db_worker --no-reload </dev/null &
pids+=($!)

cat <<MSG

  Invest Seoul AI portal:  http://127.0.0.1:${PORT}/ko/   (English: http://127.0.0.1:${PORT}/en/)
  Staff admin:             http://127.0.0.1:${PORT}/admin/  ($(cat .local/admin-login 2>/dev/null || echo "see above"))
  Outgoing email is written to .local/mail/.  Ctrl-C stops the server, the worker and PostgreSQL.

MSG
python manage.py runserver "127.0.0.1:${PORT}" --noreload </dev/null &
pids+=($!)
wait "${pids[-1]}"
