import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def seeded_db(django_db_setup, django_db_blocker):
    """The brochure's content, loaded once into the test database for the whole session."""
    from portal.seeding import Loader

    with django_db_blocker.unblock():
        Loader().load_all()
