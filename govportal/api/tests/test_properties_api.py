"""Property tests (hypothesis) on the public API's parameters: whatever a client
sends, a parameter is a value or an ``ApiError`` (a 400 or 404 in JSON), and the
values a client means are read back as meant."""

import datetime

import pytest
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal.api import views
from govportal.api.views import ApiError, Pager

FAST = settings(max_examples=100, deadline=None)
factory = RequestFactory()
# What a query string can carry once decoded (Django replaces invalid UTF-8).
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)


def _request(**params):
    return factory.get("/api/v1/news/", params)


@FAST
@given(text, st.integers(0, 10), st.integers(10, 2**53))
def test_any_integer_parameter_is_in_range_or_an_error(raw, low, high):
    try:
        number = views._integer(_request(n=raw), "n", low, low, high)
    except ApiError as error:
        assert error.status == 400 and error.parameter == "n"
        return
    assert low <= number <= high


@FAST
@given(st.integers(1, views.MAX_PAGE), st.integers(1, views.MAX_PAGE_SIZE))
def test_page_and_page_size_read_back(page, size):
    pager = Pager(_request(page=str(page), page_size=str(size)))
    assert (pager.number, pager.size) == (page, size)


@FAST
@given(text, text)
def test_any_page_and_page_size_are_in_range_or_an_error(page, size):
    try:
        pager = Pager(_request(page=page, page_size=size))
    except ApiError as error:
        assert error.parameter in {"page", "page_size"}
        return
    assert 1 <= pager.number <= views.MAX_PAGE
    assert 1 <= pager.size <= views.MAX_PAGE_SIZE


@FAST
@given(text)
def test_any_date_parameter_is_a_date_or_an_error(raw):
    try:
        value = views._date(_request(since=raw), "since")
    except ApiError as error:
        assert error.parameter == "since"
        return
    assert value is None or isinstance(value, datetime.date)


@FAST
@given(st.dates())
def test_a_date_reads_back(value):
    assert views._date(_request(since=value.isoformat()), "since") == value


@FAST
@given(text)
def test_any_choice_boolean_or_text_is_a_value_or_an_error(raw):
    request = _request(x=raw)
    for read in (
        lambda: views._choice(request, "x", ("a", "b")),
        lambda: views._boolean(request, "x"),
        lambda: views._text(request, "x", 10),
    ):
        try:
            value = read()
        except ApiError as error:
            assert error.status == 400 and error.parameter == "x"
            continue
        assert "\x00" not in str(value)


@FAST
@given(st.sampled_from(["true", "True", "TRUE", "false", "False"]))
def test_booleans_read_back_in_any_case(raw):
    assert views._boolean(_request(x=raw), "x") is (raw.lower() == "true")


@FAST
@given(text)
def test_any_id_in_a_path_is_a_number_or_a_404(raw):
    try:
        pk = views._pk(raw)
    except ApiError as error:
        assert error.status == 404
        return
    assert raw.isascii() and pk == int(raw)


@pytest.mark.django_db
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(raw=text)
def test_any_language_parameter_is_a_locale_or_an_error(raw):
    try:
        locale = views.get_locale(_request(lang=raw))
    except ApiError as error:
        assert error.parameter == "lang"
        return
    assert locale.language_code == (raw.strip() or "uz")
