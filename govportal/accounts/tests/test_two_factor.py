"""Two-factor authentication: required of moderators and administrators, per session."""

import io
import re

from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from govportal.accounts.policy import is_moderator_or_administrator
from govportal.accounts.testing import current_code, wrong_code

from .conftest import PASSWORD, new_client, sign_in

SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"


def set_up_device(client) -> TOTPDevice:
    """Open the setup page, read the key it shows, confirm with a real code."""
    response = client.get(SETUP)
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user__username=response.wsgi_request.user.username)
    assert not device.confirmed
    response = client.post(SETUP, {"code": current_code(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_who_must_use_two_factor_authentication(superuser, moderator, editor):
    assert is_moderator_or_administrator(superuser)
    assert is_moderator_or_administrator(moderator)
    assert not is_moderator_or_administrator(editor)
    # Agencies' moderators and the national moderators approve and publish too.
    for group in Group.objects.filter(name__endswith=": moderators")[:1]:
        member = User.objects.create_user("agency-moderator", password=PASSWORD)
        member.groups.add(group)
        assert is_moderator_or_administrator(member)
    manager = User.objects.create_user("user-manager", password=PASSWORD)
    manager.user_permissions.add(Permission.objects.get(codename="change_user"))
    assert is_moderator_or_administrator(User.objects.get(pk=manager.pk))


def test_required_user_is_sent_to_setup_and_admin_stays_closed(client, superuser):
    response = sign_in(client, "chief")
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    # Every admin page, not only the dashboard.
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/admin/snippets/news/newscategory/").status_code == 302

    page = client.get(SETUP)
    assert page.status_code == 200
    html = page.content.decode()
    assert re.search(r'<img src="data:image/svg\+xml[^"]+"', html), "no QR code"
    device = TOTPDevice.objects.get(user=superuser)
    key = page.context["key"].replace(" ", "")
    assert len(key) >= 32
    # Reloading shows the same key: a scanned code stays valid until confirmed.
    assert client.get(SETUP).context["key"].replace(" ", "") == key
    assert TOTPDevice.objects.filter(user=superuser).count() == 1
    assert not device.confirmed


def test_wrong_code_is_refused_and_right_code_lets_in(client, superuser):
    sign_in(client, "chief")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=superuser)

    response = client.post(SETUP, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302
    assert ModelLogEntry.objects.filter(
        object_id=str(superuser.pk), action="accounts.two_factor_failed"
    ).exists()

    response = client.post(SETUP, {"code": current_code(device), "next": "/admin/"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert ModelLogEntry.objects.filter(
        object_id=str(superuser.pk), action="accounts.two_factor_enabled"
    ).exists()


def test_moderator_must_set_up_but_plain_editor_is_not_forced(
    client, moderator, editor
):
    sign_in(client, "moderator")
    assert client.get("/admin/").status_code == 302
    other = new_client()
    sign_in(other, "editor")
    assert other.get("/admin/").status_code == 200
    assert other.get("/admin/pages/").status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_verification_is_per_session(client, superuser):
    sign_in(client, "chief")
    device = set_up_device(client)
    assert client.get("/admin/").status_code == 200

    # Another browser: the password alone is not enough.
    other = new_client()
    response = sign_in(other, "chief")
    assert response.status_code == 302
    response = other.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    page = other.get(VERIFY)
    assert page.status_code == 200
    assert "data:image/svg+xml" not in page.content.decode(), "no QR code again"

    response = other.post(VERIFY, {"code": wrong_code(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    assert other.get("/admin/").status_code == 302

    response = other.post(
        VERIFY, {"code": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert other.get("/admin/pages/").status_code == 200
    # The first browser was not affected; signing out and in again asks again.
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    sign_in(client, "chief")
    assert client.get("/admin/").status_code == 302


def test_a_used_code_is_not_accepted_twice(client, superuser):
    sign_in(client, "chief")
    device = set_up_device(client)
    device.refresh_from_db()
    used = f"{hotp(device.bin_key, device.last_t):06d}"
    other = new_client()
    sign_in(other, "chief")
    other.post(VERIFY, {"code": used})
    assert other.get("/admin/").status_code == 302


def test_wrong_codes_slow_down_further_tries(client, superuser, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 10
    sign_in(client, "chief")
    device = set_up_device(client)
    other = new_client()
    sign_in(other, "chief")
    other.post(VERIFY, {"code": wrong_code(device)})
    response = other.post(VERIFY, {"code": current_code(device)}, follow=True)
    assert "Too many wrong codes" in response.content.decode()
    assert other.get("/admin/").status_code == 302


def test_plain_editor_may_opt_in_and_then_must_verify(client, editor):
    sign_in(client, "editor")
    account = client.get("/admin/account/")
    assert account.status_code == 200
    assert SETUP in account.content.decode()
    device = set_up_device(client)
    other = new_client()
    sign_in(other, "editor")
    assert other.get("/admin/").status_code == 302
    other.post(VERIFY, {"code": current_code(device)})
    assert other.get("/admin/").status_code == 200


def test_removing_needs_a_code_and_a_required_user_must_set_up_again(client, superuser):
    sign_in(client, "chief")
    device = set_up_device(client)
    response = client.get(SETUP)
    assert response.status_code == 200
    assert "is on" in response.content.decode()

    client.post(SETUP, {"code": wrong_code(device)})
    assert TOTPDevice.objects.filter(user=superuser, confirmed=True).exists()
    response = client.post(SETUP, {"code": current_code(device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(superuser.pk), action="accounts.two_factor_disabled"
    ).exists()
    assert client.get("/admin/").status_code == 302


def test_a_person_waiting_for_the_second_step_can_sign_out(client, superuser):
    sign_in(client, "chief")
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_development_setting_exempts_but_a_device_still_counts(
    client, superuser, editor, settings
):
    settings.OTP_REQUIRED = False
    sign_in(client, "chief")
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    other = new_client()
    sign_in(other, "editor")
    assert other.get("/admin/").status_code == 302


def test_the_next_address_cannot_lead_away(client, superuser):
    sign_in(client, "chief")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=superuser)
    response = client.post(
        SETUP, {"code": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_reset_two_factor_command(superuser):
    TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    call_command("reset_two_factor", "chief", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=superuser).exists()


def test_force_login_in_other_tests_passes_two_factor(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200
