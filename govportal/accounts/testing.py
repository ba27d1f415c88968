"""Test helpers: sign in as the tests of every app expect, TOTP codes.

The suite runs with two-factor authentication required (``OTP_REQUIRED``), as in
production. ``Client.force_login`` and ``Client.login`` skip the sign-in page, so
they skip its second step too: ``patch_test_client`` makes them leave a session
that has passed two-factor authentication, with a confirmed device created for the
user if they need one. The accounts tests sign in through the real pages instead.
``Client.login`` also passes django-axes the request it needs.
"""

import time

from django.http import HttpRequest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import two_factor_required

_original_login = Client._login


def current_code(device: TOTPDevice) -> str:
    """A code the person's app would show, that the device has not accepted yet.

    Computed with ``django_otp.oath.totp`` from the device's key, for the current
    time step or, if a code of that step was already used, the next one (within the
    device's tolerance).
    """
    device.refresh_from_db()
    now_t = int((time.time() - device.t0) // device.step)
    wanted = max(now_t + device.drift, device.last_t + 1)
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=wanted - now_t,
    )
    return f"{value:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    code = int(current_code(device))
    return f"{(code + 500_000) % 10**device.digits:0{device.digits}d}"


def pass_two_factor(client: Client, user) -> None:
    """Mark the client's session as verified with the user's (new) device."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        if not two_factor_required(user):
            return
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _login_passing_two_factor(self, user, backend=None):
    _original_login(self, user, backend)
    pass_two_factor(self, user)


def _test_request() -> HttpRequest:
    request = HttpRequest()
    request.META["REMOTE_ADDR"] = "127.0.0.1"
    return request


def patch_test_client(monkeypatch) -> None:
    original_credentials_login = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", _test_request())
        return original_credentials_login(self, **credentials)

    monkeypatch.setattr(Client, "_login", _login_passing_two_factor)
    monkeypatch.setattr(Client, "login", login)
