import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client speaks plain HTTP; tests of the HTTPS redirect turn it back on."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session")
def _seed_content_once(django_db_setup, django_db_blocker):
    from content.seeding import Loader

    with django_db_blocker.unblock():
        Loader().load_all()


@pytest.fixture
def seeded_db(_seed_content_once, db):
    """The brochure's content, loaded once per session; each test's own changes are rolled back."""
