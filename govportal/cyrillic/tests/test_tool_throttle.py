"""The transliteration tool is rate-limited per client, with a 429 page in the
visitor's language."""

import pytest

from govportal.core.testing import assert_page
from govportal.core.throttle import parse_rate

TEXT = {"text": "Oʻzbekiston", "direction": "cyrillic", "language": "uz"}


@pytest.fixture
def three_a_minute(settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "translit": "3/minute"}


def test_the_tool_has_a_configured_rate(settings):
    assert parse_rate(settings.THROTTLE_RATES["translit"]) == (30, 60)


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("uz", "Soʻrovlar juda koʻp"),
        ("uz-cyrl", "Сўровлар жуда кўп"),
        ("kaa", "Sorawlar júdá kóp"),
        ("ru", "Слишком много запросов"),
        ("en", "Too many requests"),
    ],
)
def test_past_the_rate_a_client_gets_429_in_its_language(
    client, demo, three_a_minute, code, heading
):
    url = f"/{code}/translit/"
    statuses = [client.post(url, TEXT).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = client.post(url, TEXT)
    soup = assert_page(response, lang=code, status=429, hreflang=False)
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "no-store" in response["Cache-Control"]
    assert soup.h1.get_text() == heading
    assert response["Retry-After"] in soup.find("main").get_text()


def test_each_client_address_has_its_own_allowance(client, demo, three_a_minute):
    for _ in range(4):
        client.post("/uz/translit/", TEXT, REMOTE_ADDR="192.0.2.10")
    assert client.post("/uz/translit/", TEXT, REMOTE_ADDR="192.0.2.10").status_code == (
        429
    )
    assert client.post("/uz/translit/", TEXT, REMOTE_ADDR="192.0.2.11").status_code == (
        200
    )


def test_showing_the_form_counts_too(client, demo, three_a_minute):
    for _ in range(3):
        assert client.get("/en/translit/").status_code == 200
    assert client.get("/en/translit/").status_code == 429


def test_the_tool_stays_up_when_the_cache_is_down(client, demo, three_a_minute):
    """django-redis answers None instead of raising when Redis is gone."""
    from unittest import mock

    from govportal.core import throttle

    with (
        mock.patch.object(throttle.cache, "add", return_value=None),
        mock.patch.object(throttle.cache, "incr", return_value=None),
    ):
        statuses = {client.post("/uz/translit/", TEXT).status_code for _ in range(5)}
    assert statuses == {200}
