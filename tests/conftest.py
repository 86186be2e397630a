import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
