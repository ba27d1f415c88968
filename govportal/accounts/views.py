"""Two-factor authentication pages in the admin: set up, verify, remove."""

import base64
import math
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import log_for_user
from .forms import CodeForm
from .policy import two_factor_required


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _redirect_with_next(view_name: str, next_url: str) -> HttpResponse:
    return redirect(f"{reverse(view_name)}?{urlencode({'next': next_url})}")


def _confirmed_devices(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def _check_code(request: HttpRequest, devices, code: str) -> TOTPDevice | None:
    """The device that accepts ``code``, or None; says why on the page if throttled.

    Each wrong code makes the device wait longer before it accepts another try
    (django-otp's throttling); a code once used is not accepted again.
    """
    with transaction.atomic():
        for device in devices.select_for_update():
            allowed, details = device.verify_is_allowed()
            if not allowed:
                wait = (details or {}).get("locked_until")
                seconds = (
                    max(1, math.ceil((wait - timezone.now()).total_seconds()))
                    if wait
                    else 60
                )
                messages.error(
                    request,
                    ngettext(
                        "Too many wrong codes: wait %(seconds)d second, "
                        "then try again.",
                        "Too many wrong codes: wait %(seconds)d seconds, "
                        "then try again.",
                        seconds,
                    )
                    % {"seconds": seconds},
                )
                request._accounts_throttled = True
                return None
            if device.verify_token(code):
                return device
    log_for_user(request.user, "accounts.two_factor_failed", request)
    return None


def _refuse(request: HttpRequest, form: CodeForm) -> None:
    if not getattr(request, "_accounts_throttled", False):
        form.add_error("code", _("That code is not right. Try the current one."))


def _base(request: HttpRequest) -> str:
    """The admin's frame for people who may use the admin; a bare page otherwise."""
    if request.user.is_verified() or not (
        two_factor_required(request.user) or _confirmed_devices(request.user).exists()
    ):
        return "accounts/admin_frame.html"
    return "accounts/standalone.html"


def _qr_code(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(
        scale=5, border=2, dark="#000", light="#fff"
    )


def _grouped_key(device: TOTPDevice) -> str:
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def two_factor(request: HttpRequest) -> HttpResponse:
    """The person's two-factor authentication: set it up, or see and remove it."""
    user = request.user
    devices = _confirmed_devices(user)
    if devices.exists():
        if not user.is_verified():
            return _redirect_with_next(
                "accounts_two_factor_verify", reverse("accounts_two_factor")
            )
        return _manage(request, devices)
    return _set_up(request)


def _manage(request: HttpRequest, devices) -> HttpResponse:
    user = request.user
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _check_code(request, devices, form.cleaned_data["code"]):
            TOTPDevice.objects.filter(user=user).delete()
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            log_for_user(user, "accounts.two_factor_disabled", request)
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("accounts_two_factor")
        _refuse(request, form)
    return render(
        request,
        "accounts/two_factor.html",
        {
            "base_template": _base(request),
            "device": devices.first(),
            "form": form,
            "required": two_factor_required(user),
        },
    )


def _set_up(request: HttpRequest) -> HttpResponse:
    user = request.user
    # The same unconfirmed device until it is confirmed: the QR code a person has
    # scanned stays valid when the page is reloaded.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=_("Authenticator app")[:64], confirmed=False
        )
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        pending = TOTPDevice.objects.filter(pk=device.pk)
        if _check_code(request, pending, form.cleaned_data["code"]):
            device.refresh_from_db()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            otp_login(request, device)
            log_for_user(user, "accounts.two_factor_enabled", request)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request))
        _refuse(request, form)
    return render(
        request,
        "accounts/set_up.html",
        {
            "base_template": _base(request),
            "form": form,
            "qr_code": _qr_code(device),
            "key": _grouped_key(device),
            "issuer": settings.OTP_TOTP_ISSUER,
            "required": two_factor_required(user),
            "next": _next_url(request),
        },
    )


def verify(request: HttpRequest) -> HttpResponse:
    """Ask for a code once per session, after the password."""
    user = request.user
    devices = _confirmed_devices(user)
    if user.is_verified():
        return redirect(_next_url(request))
    if not devices.exists():
        return _redirect_with_next("accounts_two_factor", _next_url(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = _check_code(request, devices, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        _refuse(request, form)
    return render(
        request,
        "accounts/verify.html",
        {"form": form, "next": _next_url(request)},
    )
