"""Property tests (hypothesis) on what the search reads from a visitor: the query,
its numeric parameters, and the highlighted text it writes back."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal.search.highlight import highlight, snippet
from govportal.search.text import fold, matches, parse
from govportal.search.views import _positive_int

FAST = settings(max_examples=100, deadline=None)
FAMILIES = ("uz", "kaa", "ru", "en")
MARK = re.compile(r"</?mark>")
letters = st.characters(whitelist_categories=["Lu", "Ll"])


@FAST
@given(st.text(max_size=15), st.integers(min_value=1, max_value=2**31))
def test_any_numeric_parameter_is_a_number_in_range_none_or_a_value_error(raw, upper):
    try:
        number = _positive_int(raw, upper=upper)
    except ValueError:
        return
    assert number is None or 1 <= number <= upper


@FAST
@given(st.integers(min_value=1, max_value=2**31))
def test_a_number_in_range_reads_back(number):
    assert _positive_int(str(number), upper=2**31) == number


@FAST
@given(st.text(letters, min_size=1, max_size=20), st.sampled_from(FAMILIES))
def test_a_word_is_found_by_a_search_for_it(word, family):
    query = parse(word, (family,))
    assert all(matches(token, query) for token in fold(word, family))


@FAST
@given(st.text(max_size=300), st.text(max_size=60), st.sampled_from(FAMILIES))
def test_highlighted_text_is_escaped_but_for_the_marks(text, raw_query, family):
    query = parse(raw_query, (family,))
    for html in (highlight(text, query, family), snippet(text, query, family)):
        assert "<" not in MARK.sub("", html)


@pytest.fixture
def unlimited(settings):
    settings.THROTTLE_RATES = {}


@pytest.mark.usefixtures("demo", "unlimited")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "page", "type", "agency", "category", "year", "sort"]),
        st.text(st.characters(blacklist_categories=["Cs"]), max_size=40),
    )
)
def test_any_search_parameters_get_an_answer(client, params):
    response = client.get("/en/search/", params)
    assert response.status_code in {200, 400, 404}
