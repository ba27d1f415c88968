"""The whole-text converters give the same result as the per-word path."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal.translit import _uz, to_cyrillic, to_latin
from govportal.translit._text import keep_words

SETTINGS = settings(
    max_examples=int(os.environ.get("TRANSLIT_EXAMPLES", "150")) * 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
OK, TQ = "\u02bb", "\u02bc"
LATIN_UNITS = [
    *"abdefghijklmnopqrstuvxyz",
    *"AEIOUYSGTLCWXMDV",
    "o" + OK,
    "g" + OK,
    "O" + OK,
    "sh",
    "Sh",
    "SH",
    "ch",
    "ye",
    "Ye",
    "YE",
    "ts",
    "el",
    "yo",
    "s" + TQ + "h",
    TQ,
    OK,
    "'",
    "\u2019",
    "‘",
    "-",
    "c",
    "w",
    "é",
    "ı",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "1",
    "(",
    "»",
    # words the lexicon, keep list and rules care about
    " kompyuter",
    " IT",
    " Google",
    " sentabr",
    " aprel",
    " Nyu-York",
    " vitse-prezident",
    " XXI",
    " kino",
    " tele",
    " obyekt",
    " model",
    " don't",
    " ",
]
CYR_UNITS = [
    *"абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ",
    *"АЕЁОУШЧЦЯЮЎҒЪЬИ",
    "і",
    "ә",
    " ",
    " ",
    ", ",
    "-",
    "a",
    "X",
    "1",
    " сентябрь",
    " Октябрда",
    " нуқтаи",
    " ТошДУнинг",
    " https://uza.uz/уз",
]


@SETTINGS
@given(st.lists(st.sampled_from(LATIN_UNITS), max_size=30).map("".join))
def test_latin_bulk_matches_word_by_word(text):
    keep = keep_words()
    assert _uz.l2c_text(text, keep) == _uz.l2c_words(text, keep)


@SETTINGS
@given(st.lists(st.sampled_from(CYR_UNITS), max_size=30).map("".join))
def test_cyrillic_bulk_matches_word_by_word(text):
    assert _uz.c2l_text(text) == _uz.c2l_words(text)


def test_placeholder_in_input_falls_back():
    assert to_latin("Салом\ue001дунё") == "Salom\ue001dunyo"
    assert to_cyrillic("salom\ue001dunyo") == "салом\ue001дунё"
