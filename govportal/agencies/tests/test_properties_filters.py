"""Property tests (hypothesis) on the filters of the agency directory and the
helplines page, and the text helpers they match with."""

from hypothesis import given, settings
from hypothesis import strategies as st

from govportal.agencies.forms import DirectoryFilterForm, HelplineFilterForm
from govportal.agencies.models import AgencyType, Region
from govportal.agencies.text import first_letter, matches, sort_key, tel_uri

FAST = settings(max_examples=100, deadline=None)
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=120)


@FAST
@given(st.dictionaries(st.sampled_from(["q", "type", "region", "letter", "x"]), text))
def test_any_directory_filters_are_valid_or_not_without_an_exception(data):
    form = DirectoryFilterForm(data)
    if form.is_valid():
        assert form.cleaned_data["type"] in {"", *AgencyType.values}
        assert form.cleaned_data["region"] in {"", *Region.values}
        assert len(form.cleaned_data["letter"]) <= 1


@FAST
@given(st.sampled_from(AgencyType.values), st.sampled_from(Region.values))
def test_every_type_and_region_is_accepted(agency_type, region):
    form = DirectoryFilterForm({"type": agency_type, "region": region})
    assert form.is_valid()
    assert (form.cleaned_data["type"], form.cleaned_data["region"]) == (
        agency_type,
        region,
    )


@FAST
@given(
    st.dictionaries(st.sampled_from(["q", "agency", "free", "x"]), text),
    st.lists(st.integers(1, 10**6), max_size=5, unique=True),
)
def test_any_helpline_filters_are_valid_or_not_without_an_exception(data, ids):
    form = HelplineFilterForm(data, agencies=[(pk, f"Agency {pk}") for pk in ids])
    if form.is_valid():
        assert form.cleaned_data["agency"] in {None, *ids}


@FAST
@given(text, text)
def test_matching_and_sorting_take_any_text(query, name):
    assert isinstance(matches(query, name), bool)
    assert matches(name, name)
    assert isinstance(sort_key(name), str)
    letter = first_letter(name)
    assert letter == "#" or letter.isalpha()


@FAST
@given(text)
def test_a_phone_link_dials_only_digits(number):
    uri = tel_uri(number)
    assert uri == "" or (uri.startswith("tel:") and uri[4:].lstrip("+").isdigit())
