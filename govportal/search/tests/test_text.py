"""Folding and query parsing: one key per word whatever the script or spelling."""

import re

from hypothesis import given
from hypothesis import strategies as st

from govportal.search.text import (
    MAX_QUERY_CHARACTERS,
    MAX_TERMS,
    fold,
    matches,
    parse,
    turkic_stem,
)

SAFE_TOKEN = re.compile(r"^[^\W_]+$")


def test_uzbek_words_fold_to_one_key_in_either_script_and_any_apostrophe():
    spellings = [
        "Oʻzbekiston",
        "O'zbekiston",
        "O‘zbekiston",
        "Ozbekiston",
        "ЎЗБЕКИСТОН",
    ]
    assert {tuple(fold(word, "uz")) for word in spellings} == {("ozbekiston",)}
    assert fold("Sogʻliqni saqlash", "uz") == fold("Соғлиқни сақлаш", "uz")


def test_karakalpak_letters_fold_to_what_people_type_without_diacritics():
    assert fold("Respublikası Keńesi", "kaa") == ["respublikasi", "kenesi"]
    assert fold("Республикасы Кеңеси", "kaa") == ["respublikasi", "kenesi"]


def test_capital_dotted_i_folds_without_a_combining_dot():
    assert fold("İSTANBUL", "en") == ["istanbul"]
    assert fold("İqtisodiyot", "uz") == ["iqtisodiyot"]


def test_russian_and_english_are_stemmed():
    assert fold("министерства", "ru") == fold("министерство", "ru")
    assert fold("Ёлка", "ru") == fold("елка", "ru")
    assert fold("ministries", "en") == fold("ministry", "en")


def test_turkic_endings_are_cut_to_a_stem_of_at_least_four_letters():
    assert turkic_stem("vazirligi") == "vazir"
    assert turkic_stem("vazirlarning") == "vazir"
    assert turkic_stem("soliq") == "soliq"
    assert turkic_stem("ishi") == "ishi"  # would leave three letters


def test_query_words_match_as_stems_and_phrases_exactly():
    query = parse('vazirligi "davlat xizmati"', ("uz",))
    first, phrase = query.clauses
    assert first.alternatives[0].tokens == ("vazir",)
    assert first.alternatives[0].prefix
    assert phrase.alternatives[0].tokens == ("davlat", "xizmati")
    assert not phrase.alternatives[0].prefix
    assert matches("vazirlik", query)
    assert not matches("vaziyat", query)


def test_engine_operators_are_plain_text_or_dropped():
    query = parse('soliq AND NOT "unclosed OR * ^ title:x -y NEAR(a b)', ("uz",))
    tokens = query.tokens()
    assert "and" not in tokens and "not" not in tokens
    assert all(SAFE_TOKEN.match(token) for token in tokens)


def test_long_queries_are_cut():
    query = parse("soʻz " * 5000, ("uz",))
    assert len(query.text) <= MAX_QUERY_CHARACTERS
    assert len(query.clauses) <= MAX_TERMS


def test_a_search_in_all_languages_matches_each_language_s_folding():
    query = parse("налоги", ("uz", "kaa", "ru", "en"))
    (clause,) = query.clauses
    tokens = {alternative.tokens[0] for alternative in clause.alternatives}
    assert "nalog" in tokens  # Uzbek and Karakalpak fold Cyrillic to Latin
    assert "налог" in tokens  # Russian stems


@given(st.text(max_size=400))
def test_any_input_parses_into_safe_tokens(text):
    query = parse(text, ("uz", "kaa", "ru", "en"))
    assert len(query.clauses) <= MAX_TERMS
    for token in query.tokens():
        assert SAFE_TOKEN.match(token)
