#!/usr/bin/env bash
# `make run` and `make serve`: bootstrap, local PostgreSQL, migrate, seed, then gunicorn and the task
# worker, both under scripts/supervise.py (see README "make run and make serve").
#   scripts/run.sh               plain local HTTP, 2 web workers (make run)
#   scripts/run.sh --production  as behind the portal's TLS proxy: trusts X-Forwarded-Proto, redirects
#                                plain HTTP to HTTPS, HSTS, secure cookies; web workers from the CPU count
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh

export DJANGO_DEBUG="${DJANGO_DEBUG:-false}"
export PORTAL_STAFF_TWO_FACTOR="${PORTAL_STAFF_TWO_FACTOR:-false}"  # production asks staff for a TOTP code
export PORTAL_SERVE_MEDIA="${PORTAL_SERVE_MEDIA:-true}"
export PORTAL_SITE_URL="${PORTAL_SITE_URL:-http://127.0.0.1:${PORT}}"
# One page cache for all gunicorn workers on this machine (production shares a Redis: docs/deploy.md).
export PORTAL_CACHE_URL="${PORTAL_CACHE_URL:-file://$PWD/.local/cache}"
if [[ "${1:-}" == "--production" ]]; then
  export DJANGO_BEHIND_PROXY="${DJANGO_BEHIND_PROXY:-true}"
  export DJANGO_SECURE_COOKIES="${DJANGO_SECURE_COOKIES:-true}"
  export DJANGO_SSL_REDIRECT="${DJANGO_SSL_REDIRECT:-true}"
  try_it="curl -sI -H 'X-Forwarded-Proto: https' http://127.0.0.1:${PORT}/ko/  (without the header: a redirect to https)"
else
  # Production behaviour (styled error pages, hashed static files) on plain local HTTP.
  export DJANGO_SECURE_COOKIES="${DJANGO_SECURE_COOKIES:-false}"
  export DJANGO_SSL_REDIRECT="${DJANGO_SSL_REDIRECT:-false}"
  export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
  try_it="open http://127.0.0.1:${PORT}/ko/ in a browser"
fi
export DJANGO_EMAIL_BACKEND="${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend}"
start_database portal
build_assets
python manage.py migrate --no-input -v 0

python manage.py load_seed
python manage.py ensure_admin

# gunicorn and the worker run under the supervisor, in the background, so that Ctrl-C (or a TERM from
# a supervisor) reaches this script's trap at once, which stops them and then the local PostgreSQL.
supervisor_pid=""
stop_all() {
  trap - INT TERM EXIT
  set +e
  [[ -n "$supervisor_pid" ]] && kill "$supervisor_pid" 2>/dev/null && wait "$supervisor_pid" 2>/dev/null
  echo "Stopped the portal and its worker."
  if [[ -n "$started_local_pg" ]]; then scripts/pg.sh stop && echo "Stopped the local PostgreSQL."; fi
}
trap stop_all INT TERM EXIT

cat <<MSG

  Invest Seoul AI portal:  http://127.0.0.1:${PORT}/ko/   (English: http://127.0.0.1:${PORT}/en/)
  Staff admin:             http://127.0.0.1:${PORT}/${PORTAL_ADMIN_URL:-admin/}  ($(cat .local/admin-login 2>/dev/null || echo "see above"))
  Try it:                  ${try_it}
  Outgoing email is written to .local/mail/.  Ctrl-C stops the server, the worker and PostgreSQL.

MSG
supervise_web_and_worker
wait "$supervisor_pid"
