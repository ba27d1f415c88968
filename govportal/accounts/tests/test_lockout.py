"""django-axes: too many failed sign-ins lock a user name out from an address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .conftest import PASSWORD, new_client, sign_in

LIMIT = 3


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)


def fail(client, times, username="chief", **extra):
    responses = [sign_in(client, username, "wrong password", **extra)]
    for _ in range(times - 1):
        responses.append(sign_in(client, username, "wrong password", **extra))
    return responses


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_failures_lock_out_and_the_right_password_is_refused(client, superuser):
    *before, last = fail(client, LIMIT, HTTP_ACCEPT_LANGUAGE="en")
    assert [r.status_code for r in before] == [200] * (LIMIT - 1)
    assert "Sign in" in before[0].content.decode()

    assert last.status_code == 429
    assert last["Content-Type"].startswith("text/html")
    assert last["Retry-After"] == str(30 * 60)
    page = last.content.decode()
    assert "<h1>Too many failed sign-ins</h1>" in page
    assert "Try again in 30 minutes" in page

    response = sign_in(client, "chief", PASSWORD)
    assert response.status_code == 429
    assert not is_signed_in(client)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    ("language", "heading", "wait"),
    [
        ("ru", "Слишком много неудачных попыток входа", "через 30 минут."),
        ("uz", "Muvaffaqiyatsiz kirishlar juda koʻp", "30 daqiqadan soʻng"),
        ("uz-cyrl", "Муваффақиятсиз киришлар жуда кўп", "30 дақиқадан сўнг"),
        ("kaa", "Sátsiz kiriw urınısları júdá kóp", "30 minuttan keyin"),
    ],
)
def test_lockout_page_is_translated(client, superuser, language, heading, wait):
    responses = fail(client, LIMIT, HTTP_ACCEPT_LANGUAGE=language)
    page = responses[-1].content.decode()
    assert responses[-1].status_code == 429
    assert f"<h1>{heading}</h1>" in page
    assert wait in page


def test_the_lock_is_per_user_name_and_address(client, superuser, editor):
    fail(client, LIMIT, REMOTE_ADDR="203.0.113.7")
    # The same person from another address, and another person from this one.
    assert sign_in(new_client(), "chief", REMOTE_ADDR="198.51.100.1").status_code == 302
    response = sign_in(new_client(), "editor", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    attempt = AccessAttempt.objects.get(username="chief")
    assert attempt.ip_address == "203.0.113.7"


def test_behind_a_proxy_the_client_address_comes_from_the_header(
    client, superuser, settings
):
    settings.THROTTLE_IP_HEADER = "HTTP_X_REAL_IP"
    fail(client, LIMIT, HTTP_X_REAL_IP="203.0.113.9")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    locked = sign_in(new_client(), "chief", HTTP_X_REAL_IP="203.0.113.9")
    assert locked.status_code == 429
    # Same proxy address, another client behind it.
    other = sign_in(new_client(), "chief", HTTP_X_REAL_IP="203.0.113.10")
    assert other.status_code == 302
    # A header that is not an address falls back to the proxy's own address.
    assert sign_in(new_client(), "x", "y", HTTP_X_REAL_IP="<script>").status_code == 200


def test_an_ipv6_client_counts_as_its_network(client, superuser, settings):
    settings.THROTTLE_IP_HEADER = "HTTP_X_REAL_IP"
    for host in range(1, LIMIT + 1):
        response = sign_in(
            client, "chief", "wrong", HTTP_X_REAL_IP=f"2001:db8:1:2::{host}"
        )
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "2001:db8:1:2::"


def test_the_lock_ends_after_the_cool_off(client, superuser):
    fail(client, LIMIT)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=31)
    )
    response = sign_in(client, "chief", PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_an_administrator_can_unlock(client, superuser):
    fail(client, LIMIT)
    call_command("axes_reset_username", "chief")
    assert sign_in(client, "chief", PASSWORD).status_code == 302


def test_a_successful_sign_in_resets_the_count(client, superuser):
    fail(client, LIMIT - 1)
    assert sign_in(client, "chief", PASSWORD).status_code == 302
    client.post("/admin/logout/")
    responses = fail(client, LIMIT - 1)
    assert {r.status_code for r in responses} == {200}
    assert sign_in(client, "chief", PASSWORD).status_code == 302


def test_the_lockout_is_in_the_audit_log_once(client, superuser):
    fail(client, LIMIT + 2)
    entries = ModelLogEntry.objects.filter(object_id=str(superuser.pk))
    assert entries.filter(action="accounts.locked_out").count() == 1
    assert entries.get(action="accounts.locked_out").data["ip"] == "127.0.0.1"
    failures = entries.filter(action="accounts.login_failed").count()
    assert LIMIT - 1 <= failures <= LIMIT


def test_a_lockout_of_an_unknown_name_is_logged_too(client, db):
    fail(client, LIMIT, username="nobody")
    entry = ModelLogEntry.objects.get(action="accounts.locked_out")
    assert entry.data == {"ip": "127.0.0.1", "username": "nobody"}
    assert entry.user is None


@pytest.mark.urls("govportal.accounts.tests.urls")
def test_the_django_admin_sign_in_is_locked_out_too(client, superuser):
    def django_admin_sign_in(password):
        return client.post(
            "/django-admin/login/?next=/django-admin/",
            {"username": "chief", "password": password},
        )

    for _ in range(LIMIT - 1):
        assert django_admin_sign_in("wrong").status_code == 200
    assert django_admin_sign_in("wrong").status_code == 429
    assert django_admin_sign_in(PASSWORD).status_code == 429
    assert not is_signed_in(client)


@pytest.mark.urls("govportal.accounts.tests.urls")
def test_the_django_admin_asks_for_the_second_factor(client, superuser):
    response = client.post(
        "/django-admin/login/?next=/django-admin/",
        {"username": "chief", "password": PASSWORD},
    )
    assert response.status_code == 302
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/")
