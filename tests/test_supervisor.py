"""scripts/supervise.py keeps the web server and the task worker running, through a PostgreSQL outage too.

These tests start real processes: the supervisor, gunicorn, `manage.py db_worker`, against the scratch
PostgreSQL cluster (tests/conftest.py), so stopping it never disturbs the test database.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PORT = 8112  # inside this clone's range, unused by `make run`/`make serve` defaults


def wait_for(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(message)


def started_pids(log_path, name):
    return [int(pid) for pid in re.findall(rf"{name} started \(pid (\d+)\)", log_path.read_text())]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it counts as gone.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def start_supervisor(log_path, *programs, env=None):
    log = log_path.open("w")
    return subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "supervise.py"), "--max-delay", "2", *programs],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop_supervisor(supervisor, signum=signal.SIGTERM):
    if supervisor.poll() is None:
        supervisor.send_signal(signum)
    return supervisor.wait(timeout=40)


def test_a_program_that_dies_is_started_again_and_a_term_stops_them_all(tmp_path):
    log_path = tmp_path / "supervise.log"
    sleeper = f"{sys.executable} -c 'import time; time.sleep(600)'"
    supervisor = start_supervisor(log_path, f"one={sleeper}", f"two={sleeper}")
    try:
        (first,) = wait_for(lambda: started_pids(log_path, "one"), 15, "program one never started")
        (two,) = wait_for(lambda: started_pids(log_path, "two"), 15, "program two never started")
        os.kill(first, signal.SIGKILL)
        pids = wait_for(lambda: started_pids(log_path, "one")[1:], 15, "program one was not restarted")
        assert alive(pids[0])
        assert alive(two), "the other program is left alone"
    finally:
        assert stop_supervisor(supervisor) == 0
    assert not alive(pids[0])
    assert not alive(two)


def test_ctrl_c_stops_the_programs_too(tmp_path):
    log_path = tmp_path / "supervise.log"
    supervisor = start_supervisor(log_path, f"one={sys.executable} -c 'import time; time.sleep(600)'")
    (pid,) = wait_for(lambda: started_pids(log_path, "one"), 15, "the program never started")
    assert stop_supervisor(supervisor, signal.SIGINT) == 0
    assert not alive(pid)


def enqueue_heartbeat(env):
    code = "from portal.tasks import heartbeat; print(heartbeat.enqueue().id)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def task_status(socket_dir, task_id):
    try:
        with psycopg.connect(
            host=socket_dir, dbname="portal", user="postgres", connect_timeout=2
        ) as connection:
            row = connection.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s", [task_id]
            ).fetchone()
            return row[0] if row else None
    except psycopg.OperationalError:
        return None


def get(path):
    """(status, body) of a request to the supervised gunicorn, as the TLS proxy would send it."""
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return None, ""


def test_the_worker_and_the_site_carry_on_after_a_postgresql_outage(scratch_cluster, tmp_path):
    env, pg, socket_dir = scratch_cluster.env, scratch_cluster.pg, scratch_cluster.socket_dir
    env = {
        **env,
        "PORT": str(PORT),
        "WEB_CONCURRENCY": "1",
        "DJANGO_BEHIND_PROXY": "true",
        "DJANGO_SSL_REDIRECT": "true",
    }
    log_path = tmp_path / "supervise.log"
    supervisor = start_supervisor(
        log_path,
        "web=gunicorn --config gunicorn.conf.py",
        "worker=python manage.py db_worker --no-reload --interval 0.2 --no-startup-delay",
        env={**env, "PATH": f"{Path(sys.executable).parent}:{env['PATH']}"},
    )
    try:
        before = enqueue_heartbeat(env)
        wait_for(lambda: task_status(socket_dir, before) == "SUCCESSFUL", 60, "the worker never ran a task")
        wait_for(lambda: get("/healthz")[0] == 200, 60, "gunicorn never answered")
        assert json.loads(get("/readyz")[1])["checks"]["database"] is True

        pg("stop")
        wait_for(lambda: "worker exited" in log_path.read_text(), 30, "the worker did not notice the outage")
        status, html = get("/en/")
        assert status == 503
        assert "The portal is briefly unavailable" in html
        assert get("/healthz")[0] == 200
        status, body = get("/readyz")
        assert status == 503
        assert json.loads(body)["checks"]["database"] is False

        pg("start")
        after = enqueue_heartbeat(env)
        wait_for(
            lambda: task_status(socket_dir, after) == "SUCCESSFUL",
            60,
            "no task ran after the database returned",
        )
        assert json.loads(get("/readyz")[1])["checks"]["database"] is True
        assert len(started_pids(log_path, "worker")) >= 2, "the worker was started again"
    finally:
        assert stop_supervisor(supervisor) == 0
    for pid in started_pids(log_path, "web") + started_pids(log_path, "worker"):
        assert not alive(pid)
