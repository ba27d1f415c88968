import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from govportal.core.throttle import client_address, parse_rate, throttle


@throttle("test")
def view(request):
    return HttpResponse("ok")


@pytest.fixture
def rates(settings):
    settings.THROTTLE_RATES = {"test": "3/minute"}
    settings.THROTTLE_IP_HEADER = ""
    return settings


def _get(address="192.0.2.1", **meta):
    return RequestFactory().get("/", REMOTE_ADDR=address, **meta)


def test_requests_past_the_rate_get_429_with_retry_after(rates):
    statuses = [view(_get()).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = view(_get())
    assert 1 <= int(limited["Retry-After"]) <= 60


def test_each_client_address_has_its_own_count(rates):
    for _ in range(3):
        view(_get("192.0.2.1"))
    assert view(_get("192.0.2.1")).status_code == 429
    assert view(_get("192.0.2.2")).status_code == 200


def test_a_scope_without_a_rate_is_not_limited(settings):
    settings.THROTTLE_RATES = {}
    assert all(view(_get()).status_code == 200 for _ in range(10))


def test_a_custom_response_builds_the_429(rates):
    @throttle("test", response=lambda request, retry: HttpResponse(status=429))
    def other(request):
        return HttpResponse("ok")

    for _ in range(3):
        other(_get())
    assert other(_get()).status_code == 429


def test_ipv6_clients_count_by_their_64_network(rates):
    assert client_address(_get("2001:db8::1")) == client_address(_get("2001:db8::2"))


def test_the_proxy_header_names_the_client_when_configured(rates):
    rates.THROTTLE_IP_HEADER = "HTTP_X_REAL_IP"
    request = _get("10.0.0.1", HTTP_X_REAL_IP="198.51.100.7")
    assert client_address(request) == "198.51.100.7"


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("120/minute", (120, 60)), ("5/s", (5, 1)), ("10/hours", (10, 3600)), ("", None)],
)
def test_rates_are_read_like_django_rest_framework(rate, parsed):
    assert parse_rate(rate) == parsed


def test_a_malformed_rate_is_refused():
    with pytest.raises(ValueError, match="Not a rate"):
        parse_rate("many/minute")
