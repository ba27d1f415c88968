"""Property tests (hypothesis) on what the news lists read from a visitor: page
numbers and archive dates, as functions and as addresses."""

import datetime

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal.core.tests import page_types
from govportal.news.calendar import FIRST_ARCHIVE_YEAR
from govportal.news.models import archive_date
from govportal.news.pagination import MAX_PAGE_NUMBER, page_number

FAST = settings(max_examples=100, deadline=None)
factory = RequestFactory()
# Digits of any script, as ``\d`` in the archive routes matches them all.
digits = st.text(st.characters(whitelist_categories=["Nd"]), min_size=1, max_size=5)


@FAST
@given(st.text())
def test_any_page_parameter_is_a_page_number_or_a_404(raw):
    request = factory.get("/", {"page": raw})
    try:
        number = page_number(request)
    except Http404:
        return
    assert 1 <= number <= MAX_PAGE_NUMBER


@FAST
@given(st.integers(min_value=1, max_value=MAX_PAGE_NUMBER))
def test_a_page_number_reads_back(number):
    assert page_number(factory.get("/", {"page": str(number)})) == number


@FAST
@given(st.text(), st.text(), st.text())
def test_any_archive_date_is_a_date_or_a_404(year, month, day):
    try:
        value = archive_date(year, month, day)
    except Http404:
        return
    assert FIRST_ARCHIVE_YEAR <= value.year <= timezone.localdate().year + 1


@FAST
@given(
    st.dates(
        min_value=datetime.date(FIRST_ARCHIVE_YEAR, 1, 1),
        max_value=datetime.date(timezone.localdate().year + 1, 12, 31),
    )
)
def test_an_archive_date_reads_back(value):
    assert archive_date(f"{value:%Y}", f"{value:%m}", f"{value:%d}") == value


@pytest.mark.usefixtures("demo")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(year=digits, month=digits, day=digits, depth=st.integers(1, 3))
def test_any_archive_address_is_a_page_or_a_404(client, year, month, day, depth):
    parts = [year, month, day][:depth]
    index = page_types.page_type("news_index").find("en")
    response = client.get(index + "".join(f"{part}/" for part in parts))
    assert response.status_code in {200, 404}
