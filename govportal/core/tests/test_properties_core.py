"""Property tests (hypothesis) on what ``core`` reads from a request: rate settings,
client addresses, the low-vision cookie and settings, ``Accept-Language``, the
``next`` of the low-vision view, NUL bytes in cookies, and JSON written back."""

import ipaddress
import json

from django.conf import settings as django_settings
from django.http import HttpResponse, QueryDict
from django.test import RequestFactory, override_settings
from django.utils.translation import get_language_from_request
from hypothesis import given, settings
from hypothesis import strategies as st

from govportal.core import lowvision, throttle
from govportal.core.jsonld import HtmlSafeJSONEncoder
from govportal.core.middleware import RejectNulBytesMiddleware
from govportal.core.views import _same_site_path

FAST = settings(max_examples=100, deadline=None)
factory = RequestFactory()
# Text as it arrives in a header or cookie: any character but the surrogates a
# WSGI server cannot deliver.
header_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
VARIANTS = {
    lowvision.LowVision(text, contrast, hide, spacing)
    for text in lowvision.TEXT_SIZES
    for contrast in lowvision.CONTRASTS
    for hide in (False, True)
    for spacing in (False, True)
}


# Rates: THROTTLE_* settings.


@FAST
@given(st.text(max_size=40))
def test_any_rate_text_is_a_rate_none_or_a_value_error(text):
    try:
        parsed = throttle.parse_rate(text)
    except ValueError:
        return
    if parsed is not None:
        count, seconds = parsed
        assert count >= 0 and seconds in throttle.PERIODS.values()


@FAST
@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(
        [
            *throttle.PERIODS,
            *throttle.SHORT_PERIODS,
            *(f"{p}s" for p in throttle.PERIODS),
        ]
    ),
)
def test_a_written_rate_reads_back(count, period):
    unit = throttle.SHORT_PERIODS.get(period, period).removesuffix("s")
    assert throttle.parse_rate(f"{count}/{period}") == (count, throttle.PERIODS[unit])


@FAST
@given(header_text, header_text)
def test_any_client_address_header_gives_a_short_key(remote, forwarded):
    request = factory.get("/", REMOTE_ADDR=remote, HTTP_X_REAL_IP=forwarded)
    with override_settings(THROTTLE_IP_HEADER="HTTP_X_REAL_IP"):
        address = throttle.client_address(request)
    assert isinstance(address, str) and 0 < len(address) <= 64


@FAST
@given(st.ip_addresses())
def test_a_real_address_is_its_own_key_or_its_ipv6_network(address):
    key = throttle.client_address(factory.get("/", REMOTE_ADDR=str(address)))
    if address.version == 4:
        assert key == str(address)
    else:
        assert address in ipaddress.ip_network(key)


# The low-vision cookie and settings.


@FAST
@given(header_text)
def test_any_low_vision_cookie_is_one_of_the_36_variants(value):
    parsed = lowvision.parse_key(value)
    assert parsed in VARIANTS
    assert lowvision.parse_key(parsed.key) == parsed
    assert set(parsed.html_classes) <= set("abcdefghijklmnopqrstuvwxyz0123456789- ")


def test_every_variant_reads_back_from_its_key():
    for variant in VARIANTS:
        assert lowvision.parse_key(variant.key) == variant
    assert len({variant.key for variant in VARIANTS}) == 36


@FAST
@given(
    st.sampled_from(sorted(VARIANTS, key=lambda variant: variant.key)),
    st.dictionaries(
        st.sampled_from(["text", "contrast", "images", "spacing", "other"]),
        header_text,
    ),
)
def test_any_settings_query_changes_a_variant_into_a_variant(current, query):
    assert current.with_changes(query) in VARIANTS


# Accept-Language: Django's parser, with the portal's six languages.


@FAST
@given(header_text)
def test_any_accept_language_picks_one_of_the_languages(header):
    request = factory.get("/", HTTP_ACCEPT_LANGUAGE=header)
    codes = {code for code, _name in django_settings.LANGUAGES}
    assert get_language_from_request(request) in codes


@FAST
@given(
    st.sampled_from([code for code, _name in django_settings.LANGUAGES]),
    st.booleans(),
)
def test_a_language_asked_for_is_the_language_given(code, title_case):
    tag = code.title() if title_case else code  # uz-Cyrl as browsers send it
    request = factory.get("/", HTTP_ACCEPT_LANGUAGE=f"{tag},en;q=0.1")
    assert get_language_from_request(request) == code


# Where the low-vision view sends a reader back to.


@FAST
@given(header_text)
def test_next_is_a_path_on_this_site_or_nothing(value):
    path = _same_site_path(value)
    assert path is None or (
        path == value and path.startswith("/") and not path.startswith(("//", "/\\"))
    )


@FAST
@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1)))
def test_a_plain_path_is_followed(segments):
    path = "/" + "/".join(segments)
    assert _same_site_path(path) == path


# NUL bytes in cookies.


@FAST
@given(st.dictionaries(st.text("abcdefghij_", min_size=1, max_size=8), header_text))
def test_cookies_with_a_nul_byte_are_ignored_and_the_others_kept(cookies):
    request = factory.get("/")
    request.COOKIES = dict(cookies)
    seen = {}
    RejectNulBytesMiddleware(lambda r: seen.update(r.COOKIES) or HttpResponse())(
        request
    )
    assert seen == {name: v for name, v in cookies.items() if "\x00" not in v}


# JSON written back to a client.

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@FAST
@given(json_values)
def test_json_bodies_read_back_and_never_hold_markup_characters(data):
    text = json.dumps(data, cls=HtmlSafeJSONEncoder, ensure_ascii=False)
    assert json.loads(text) == data
    assert not set(text) & set("<>&")


def test_a_query_dict_is_read_as_the_settings_form_sends_it():
    query = QueryDict("text=2&contrast=wb&images=hide&spacing=wide")
    assert lowvision.DEFAULT.with_changes(query).key == "t2-wb-ni-ls"
