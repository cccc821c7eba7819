import pytest


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://training.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
