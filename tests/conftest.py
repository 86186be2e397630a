import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Tests see each page as rendered now: many change records with update(), which sends no signal to
    renew the page cache. tests/test_page_cache.py turns the cache on; every test starts with it empty."""
    from django.core.cache import cache

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _plain_http():
    """The test client and the browser tests' live server speak plain HTTP; tests of the HTTPS redirect
    turn it back on. Session-wide, so it is in force before the live server loads its middleware."""
    from django.test import override_settings

    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture(scope="session")
def _seed_content_once(django_db_setup, django_db_blocker):
    from content.seeding import Loader

    with django_db_blocker.unblock():
        Loader().load_all()


@pytest.fixture
def seeded_db(_seed_content_once, db):
    """The brochure's content, loaded once per session; each test's own changes are rolled back."""


@pytest.fixture(autouse=True)
def _staff_sign_in_without_second_factor(settings):
    """Production asks staff for a TOTP code; tests of the second factor turn it on themselves."""
    settings.PORTAL_STAFF_TWO_FACTOR = False


@dataclass
class ScratchCluster:
    env: dict
    socket_dir: str

    def pg(self, *args):
        subprocess.run([str(ROOT / "scripts" / "pg.sh"), *args], cwd=ROOT, env=self.env, check=True)

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)


@pytest.fixture(scope="session")
def scratch_cluster(tmp_path_factory):
    """A PostgreSQL cluster of its own, migrated and seeded, for tests that stop, dump or wipe it.

    `env` points DATABASE_URL (and scripts/pg.sh, through PORTAL_PG_DIR) at it; it is removed at the end.
    """
    env = {**os.environ, "PORTAL_PG_DIR": str(tmp_path_factory.mktemp("scratch") / "pg")}
    cluster = ScratchCluster(env=env, socket_dir="")
    cluster.pg("start")
    try:
        cluster.pg("createdb", "portal")
        cluster.socket_dir = subprocess.run(
            [str(ROOT / "scripts" / "pg.sh"), "dir"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        env["DATABASE_URL"] = f"postgres://postgres@/portal?host={cluster.socket_dir}"
        cluster.manage("migrate", "-v", "0")
        cluster.manage("load_seed", "-v", "0")
        yield cluster
    finally:
        cluster.pg("remove")
