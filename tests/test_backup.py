"""`make backup` and `make restore`: a dump, a wiped database, a restore, and every table as it was."""

import re
import subprocess

import psycopg

from tests.conftest import ROOT


def row_counts(socket_dir):
    with psycopg.connect(host=socket_dir, dbname="portal", user="postgres") as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }


def wipe(socket_dir):
    with psycopg.connect(host=socket_dir, dbname="portal", user="postgres", autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


def test_a_backup_restores_every_table_with_every_row(scratch_cluster, tmp_path):
    env = {**scratch_cluster.env, "PORTAL_BACKUP_DIR": str(tmp_path / "backups")}
    before = row_counts(scratch_cluster.socket_dir)
    assert before["companies_company"] > 0
    assert len(before) > 40

    output = subprocess.run(
        [str(ROOT / "scripts" / "backup.sh")], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    (dump,) = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"portal-\d{8}-\d{6}\.dump", dump.name)
    assert str(dump.name) in output

    wipe(scratch_cluster.socket_dir)
    assert row_counts(scratch_cluster.socket_dir) == {}

    subprocess.run([str(ROOT / "scripts" / "restore.sh"), str(dump)], cwd=ROOT, env=env, check=True)
    assert row_counts(scratch_cluster.socket_dir) == before


def test_restore_refuses_a_file_that_is_not_a_backup(scratch_cluster, tmp_path):
    before = row_counts(scratch_cluster.socket_dir)
    not_a_dump = tmp_path / "portal-20261128-000000.dump"
    not_a_dump.write_text("hello")
    result = subprocess.run(
        [str(ROOT / "scripts" / "restore.sh"), str(not_a_dump)],
        cwd=ROOT,
        env=scratch_cluster.env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "not a pg_dump custom-format file" in result.stderr
    assert row_counts(scratch_cluster.socket_dir) == before
