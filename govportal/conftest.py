"""Fixtures shared by every app's tests."""

import io
import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once into the test database; tests roll back around it."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo(db):
    """The demo content in every language, as ``make run`` loads it."""


@pytest.fixture
def site(live_server, transactional_db):
    """The live server, with the demo loaded again: ``transactional_db`` empties the
    database after each test, so each live-server test pays for one demo load (batch
    many checks into one test)."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def uncached(settings):
    """Whole pages rendered every time (fragments stay cached, as in production):
    for tests that count what a render costs."""
    settings.PAGE_CACHE = False


@pytest.fixture
def media(settings, tmp_path):
    """An empty MEDIA_ROOT of its own, for tests that count the files left behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    os.makedirs(settings.MEDIA_ROOT)
    return settings.MEDIA_ROOT


@pytest.fixture
def tiny_disk(settings, tmp_path):
    """A real 256 KiB file system as MEDIA_ROOT (needs root to mount; else skipped)."""
    from govportal.uploads.testing import small_file_system

    mountpoint = tmp_path / "tiny"
    mountpoint.mkdir()
    with small_file_system(mountpoint) as root:
        settings.MEDIA_ROOT = root
        yield root


@pytest.fixture
def english_admin(client, admin_user):
    """An administrator signed in, using the admin in English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return client


@pytest.fixture
def client(client):
    """Django's test client, asking for pages as a browser on this machine would."""
    client.defaults["SERVER_NAME"] = "127.0.0.1"
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database rolls back, so must it."""
    from django.core.cache import cache

    from govportal.pagecache.cache import page_cache

    cache.clear()
    page_cache().clear()


@pytest.fixture(autouse=True)
def _test_logins_pass_two_factor(monkeypatch):
    """``client.force_login``/``login`` leave a session past two-factor authentication.

    Two-factor authentication is required in the tests as in production; the tests
    that sign in without the sign-in pages skip its second step too (see
    ``govportal.accounts.testing``).
    """
    from govportal.accounts.testing import patch_test_client

    patch_test_client(monkeypatch)
