"""Fixtures of the accounts tests: people, and signing in through the real pages."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _no_code_throttling(settings):
    """django-otp waits 1 s, 2 s, 4 s… after each wrong code; tests need no wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def new_client() -> Client:
    """Another browser, asking for English pages (the admin's default is Uzbek)."""
    return Client(SERVER_NAME="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("chief", "chief@example.uz", PASSWORD)


@pytest.fixture
def moderator(demo):
    user = User.objects.create_user("moderator", "mod@example.uz", PASSWORD)
    user.groups.add(Group.objects.get(name="News moderators"))
    return user


@pytest.fixture
def editor(demo):
    user = User.objects.create_user("editor", "editor@example.uz", PASSWORD)
    user.groups.add(Group.objects.get(name="News editors"))
    return user


def sign_in(client, username, password=PASSWORD, **extra):
    """Post the Wagtail sign-in form, as a person would."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        **extra,
    )
