"""Property tests (hypothesis) on the transliteration tool's form: any text,
direction and language is valid or not without an exception, and what a visitor
means is accepted as typed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from govportal.cyrillic.forms import MAX_CHARACTERS, TransliterationForm

FAST = settings(max_examples=100, deadline=None)
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=200)


@FAST
@given(st.dictionaries(st.sampled_from(["text", "direction", "language", "x"]), text))
def test_any_form_data_is_valid_or_not_without_an_exception(data):
    form = TransliterationForm(data)
    if form.is_valid():
        assert form.cleaned_data["direction"] in {"cyrillic", "latin"}
        assert form.cleaned_data["language"] in {"uz", "kaa"}
        assert "\x00" not in form.cleaned_data["text"]


@FAST
@given(
    st.text(
        st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=500
    ).filter(str.strip),
    st.sampled_from(["cyrillic", "latin"]),
    st.sampled_from(["uz", "kaa"]),
)
def test_text_within_the_limit_is_accepted_as_typed(value, direction, language):
    form = TransliterationForm(
        {"text": value, "direction": direction, "language": language}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["text"] == value


def test_text_over_the_limit_is_refused():
    form = TransliterationForm(
        {"text": "a" * (MAX_CHARACTERS + 1), "direction": "latin", "language": "uz"}
    )
    assert not form.is_valid()
