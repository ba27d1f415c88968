"""A per-client rate limit for views, kept in the shared cache.

``@throttle("api")`` lets each client address make at most the number of requests
that ``settings.THROTTLE_RATES["api"]`` allows (``"120/minute"``, ``"10/second"``,
``"1000/hour"``, ``"10000/day"``), counted in fixed windows; past that the view is not
called and the client gets ``429 Too Many Requests`` with ``Retry-After``. A scope
with no rate, or an empty one, is not limited.

The counters live in the default cache, so every process shares them when
``REDIS_URL`` is set; with the per-process cache each process counts on its own.
Behind a reverse proxy, ``THROTTLE_IP_HEADER`` names the header that carries the
client's address (for example ``HTTP_X_REAL_IP``); the proxy must overwrite it.
"""

import ipaddress
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
SHORT_PERIODS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """``"120/minute"`` -> ``(120, 60)``; ``None`` for no limit."""
    if not rate:
        return None
    count, _slash, period = rate.partition("/")
    period = period.strip().lower()
    period = SHORT_PERIODS.get(period, period).removesuffix("s")
    seconds = PERIODS.get(period)
    if seconds is None or not count.strip().isdigit():
        raise ValueError(f"Not a rate: {rate!r}; write e.g. '120/minute'")
    return int(count), seconds


def client_address(request: HttpRequest) -> str:
    """The client's address; an IPv6 client counts as its /64 network."""
    header = getattr(settings, "THROTTLE_IP_HEADER", "")
    raw = request.META.get(header, "") if header else ""
    raw = raw.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:64] or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The default answer past the limit: plain text, ``429`` and ``Retry-After``."""
    response = HttpResponse(
        "Too many requests: try again later.\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(retry_after)
    return response


def check_rate(scope: str, request: HttpRequest) -> int:
    """Count this request; return 0 if allowed, else the seconds until a retry."""
    parsed = parse_rate(getattr(settings, "THROTTLE_RATES", {}).get(scope))
    if parsed is None:
        return 0
    limit, period = parsed
    now = time.time()
    window = int(now // period)
    key = f"throttle:{scope}:{client_address(request)}:{window}"
    # add() is atomic: the first request of a window creates the counter.
    if cache.add(key, 1, timeout=period + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=period + 1)
            count = 1
    if count is None:
        # The cache is down and django-redis ignores its errors: serve, unlimited.
        return 0
    if count <= limit:
        return 0
    return max(1, int((window + 1) * period - now + 0.999))


def throttle(
    scope: str,
    *,
    response: Callable[[HttpRequest, int], HttpResponse] = too_many_requests,
):
    """Limit a view to ``settings.THROTTLE_RATES[scope]`` requests per client.

    ``response(request, retry_after)`` builds the ``429`` answer; it must set
    ``Retry-After`` (the default one does).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            retry_after = check_rate(scope, request)
            if retry_after:
                return response(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
