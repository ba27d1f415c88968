"""Fixtures shared by every app's tests."""

import io

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
def client(client):
    """Django's test client, asking for pages as a browser on this machine would."""
    client.defaults["SERVER_NAME"] = "127.0.0.1"
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database rolls back, so must it."""
    from django.core.cache import cache

    cache.clear()
