# Sourced by run.sh and test.sh: venv on PATH, then the database set-up they share.
scripts/bootstrap.sh ${BOOTSTRAP_FLAGS:-}
export PATH="$PWD/.venv/bin:$PATH"
export PORT="${PORT:-8000}"
started_local_pg=""

# Starts the project-local cluster unless DATABASE_URL points elsewhere, and creates the database.
start_database() {
  local name=$1
  if [[ -z "${DATABASE_URL:-}" ]]; then
    # Stop the cluster on exit only if this command started it (a `make run` may be using it).
    scripts/pg.sh running || started_local_pg=1
    scripts/pg.sh start
    scripts/pg.sh createdb "$name"
    export DATABASE_URL="postgres://postgres@/${name}?host=$(scripts/pg.sh dir)"
  fi
}

build_assets() {
  python manage.py compilemessages -v 0 --ignore=.venv
  python manage.py collectstatic --no-input -v 0
}

# Runs the web server and the task worker under scripts/supervise.py (each restarted when it dies) in
# the background, so that Ctrl-C or a TERM reaches the caller's trap at once; sets supervisor_pid.
supervise_web_and_worker() {
  python scripts/supervise.py \
    web="gunicorn --config gunicorn.conf.py" \
    worker="python manage.py db_worker --no-reload" </dev/null &
  supervisor_pid=$!
}
