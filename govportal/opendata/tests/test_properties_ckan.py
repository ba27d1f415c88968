"""Property tests (hypothesis) on the CKAN parameters (``fq``, ``sort``, ``q``,
``rows``, ``start``, ``facet.field``, ...), the request bodies of the Action API and
the catalogue page's filters: anything a client sends is a value or the documented
error, and what a client means is read back as meant."""

import pytest
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal.opendata.catalogue import (
    FILTER_FIELDS,
    SORT_FIELDS,
    SearchQueryError,
    parse_fq,
    parse_sort,
    split_query,
)
from govportal.opendata.ckan import ActionError, Context, _request_data
from govportal.opendata.views import CatalogueFilterForm

FAST = settings(max_examples=100, deadline=None)
WITH_DB = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
factory = RequestFactory()
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=80)
word = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=12)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinity too, as json.loads reads 1e400
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)


@FAST
@given(text)
def test_any_fq_is_filters_or_a_search_query_error(raw):
    try:
        filters = parse_fq(raw)
    except SearchQueryError:
        return
    assert set(filters) <= set(FILTER_FIELDS)


@FAST
@given(
    st.lists(
        st.tuples(
            st.sampled_from(FILTER_FIELDS),
            st.one_of(word, st.lists(word, min_size=2, max_size=3).map(" ".join)),
        ),
        max_size=4,
    )
)
def test_written_filters_read_back(terms):
    fq = " AND ".join(
        f'{field}:"{value}"' if " " in value else f"{field}:{value}"
        for field, value in terms
    )
    expected = {}
    for field, value in terms:
        expected.setdefault(field, []).append(value)
    assert parse_fq(fq) == expected


@FAST
@given(text)
def test_any_sort_is_an_ordering_or_a_search_query_error(raw):
    try:
        order = parse_sort(raw)
    except SearchQueryError:
        return
    assert order[-1] == "pk"


@FAST
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(SORT_FIELDS)), st.sampled_from(["asc", "desc"])
        ),
        min_size=1,
        max_size=3,
    )
)
def test_written_sorts_read_back(parts):
    order = parse_sort(", ".join(f"{name} {direction}" for name, direction in parts))
    expected = [
        f"-{SORT_FIELDS[name]}" if direction == "desc" else SORT_FIELDS[name]
        for name, direction in parts
        if SORT_FIELDS[name]
    ]
    assert order == [*(expected or ["-modified"]), "pk"]


@FAST
@given(text)
def test_any_q_splits_into_words_and_known_filters(raw):
    words, filters = split_query(raw)
    assert set(filters) <= set(FILTER_FIELDS)
    assert len(words) <= len(raw)


@FAST
@given(st.binary(max_size=200), st.sampled_from(["application/json", "text/plain"]))
def test_any_posted_body_is_a_dict_or_an_action_error(body, content_type):
    request = factory.post("/api/3/action/package_search", body, content_type)
    try:
        data = _request_data(request)
    except ActionError as error:
        assert error.status == 400
        return
    assert isinstance(data, dict)


@pytest.mark.django_db
@WITH_DB
@given(data=st.dictionaries(st.sampled_from(["lang", "x"]), json_values))
def test_any_parameter_value_converts_or_is_an_action_error(data):
    request = factory.get("/api/3/action/package_search")
    try:
        context = Context(request, data)
    except ActionError as error:
        assert error.status == 409 and "lang" in error.fields
        return
    for name, convert in (
        ("text", lambda: context.text("x")),
        ("integer", lambda: context.integer("x", 0, maximum=1000)),
        ("boolean", lambda: context.boolean("x")),
        ("list", lambda: context.text_list("x")),
        ("text", lambda: context.required("x")),
    ):
        try:
            value = convert()
        except ActionError as error:
            assert error.status == 409 and "x" in error.fields
            continue
        if name == "text":  # text reaches the database, which refuses NUL
            assert "\x00" not in value


@pytest.mark.django_db
@WITH_DB
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_rows_and_start_read_back_up_to_the_maximum(rows, start):
    request = factory.get("/")
    context = Context(request, {"rows": str(rows), "start": start})
    assert context.integer("rows", 10, maximum=1000) == min(rows, 1000)
    assert context.integer("start", 0) == start


@FAST
@given(
    st.dictionaries(
        st.sampled_from(
            ["q", "organization", "groups", "res_format", "license_id", "sort", "page"]
        ),
        text,
    )
)
def test_any_catalogue_filters_are_valid_or_not_without_an_exception(params):
    form = CatalogueFilterForm(params)
    if form.is_valid():
        assert set(form.cleaned_data) >= {"q", "sort"}
