import pytest
from django.core import mail  # noqa: F401  (pytest-django's mailoutbox relies on locmem)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
