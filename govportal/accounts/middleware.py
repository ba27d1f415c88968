"""Sessions with a maximum age, two-factor authentication in the admin, audit net."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .audit import LOGIN_TIME_KEY, collect_changes
from .policy import two_factor_required

# Admin views open to a signed-in person who has not yet passed two-factor
# authentication: signing in and out, the password reset, our own pages, and the
# scripts and icons those pages load.
OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "accounts_two_factor",
        "accounts_two_factor_verify",
        "admin:login",
        "admin:logout",
        "admin:jsi18n",
    }
)


def is_admin_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(settings.ADMIN_URL_PREFIXES)


class SessionExpiryMiddleware:
    """Sign a person out ``SESSION_MAX_AGE`` seconds after they signed in.

    Django renews a session's expiry whenever the session changes; this limit does
    not move. Only requests that carry a session cookie are looked at, so public
    pages stay free of ``Vary: Cookie``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES and (
            request.user.is_authenticated
        ):
            now = int(time.time())
            signed_in = request.session.get(LOGIN_TIME_KEY)
            if not isinstance(signed_in, int):
                request.session[LOGIN_TIME_KEY] = now
            elif now - signed_in > settings.SESSION_MAX_AGE:
                request._accounts_session_expired = True
                logout(request)
                if is_admin_request(request):
                    messages.info(
                        request,
                        _("Your session has expired. Please sign in again."),
                    )
                    return redirect_to_login(
                        request.get_full_path(), reverse("wagtailadmin_login")
                    )
        return self.get_response(request)


class TwoFactorMiddleware:
    """Keep the admin closed until the person has passed two-factor authentication.

    Who must set up a device: ``policy.two_factor_required``. Anyone with a
    confirmed device is asked for a code once per session (per sign-in).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not is_admin_request(request):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEWS:
            return None
        if user_has_device(user, confirmed=True):
            target = "accounts_two_factor_verify"
        elif two_factor_required(user):
            target = "accounts_two_factor"
        else:
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(target)}?{query}")


class AuditLogMiddleware:
    """Log every audited change of an admin request (see ``audit.flush``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD", "OPTIONS") or not is_admin_request(
            request
        ):
            return self.get_response(request)
        with collect_changes():
            return self.get_response(request)
