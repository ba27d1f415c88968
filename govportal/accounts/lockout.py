"""django-axes glue: the client's address, and the page a locked-out person sees.

Failed sign-ins are counted per user name *and* client address: an attacker who
guesses one editor's password from one address is locked out, while the editor,
signing in from elsewhere, is not. ``LOGIN_FAILURE_LIMIT`` failures lock the pair out
for ``LOGIN_LOCKOUT_MINUTES`` (docs/security.md).
"""

import ipaddress
import math

from axes.helpers import get_client_username, get_cool_off
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from govportal.core.throttle import client_address


def client_ip(request: HttpRequest) -> str | None:
    """The address axes counts failures for.

    The same as the rate limits' (``THROTTLE_IP_HEADER`` behind a proxy), and, like
    them, an IPv6 client counts as its /64 network, written as the network's first
    address (axes stores a plain address). ``None`` if there is no valid one.
    """
    address = client_address(request).partition("/")[0]
    for candidate in (address, request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The lockout page: 429, translated, in the admin's sign-in layout."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(
        request,
        "accounts/locked_out.html",
        {
            "minutes": minutes,
            "username": get_client_username(request, credentials) or "",
        },
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response
