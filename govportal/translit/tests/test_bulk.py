"""The whole-text converters give the same result as the per-word path."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govportal.translit import _kaa, _uz, to_cyrillic, to_latin
from govportal.translit._text import keep_words

SETTINGS = settings(
    max_examples=int(os.environ.get("TRANSLIT_EXAMPLES", "150")) * 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
OK, TQ = "\u02bb", "\u02bc"
BYTE_PASS_UNITS = [
    "\u201c",
    "\u201d",
    "\u2014",
    "€",
    "😀",
    "\x80",
    "\x81",
    "\x9f",
    "\ue001",
    "×",
    "ÿ",
    "?",
    " www.gov.uz",
    " info@gov.uz",
    " https://my.gov.uz/uz",
    " " + TQ,
    OK + " ",
]
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
    # what the byte-level letter pass must not see: characters above U+00FF,
    # C1 controls (its slots), URLs and e-mail addresses, signs on their own
    *BYTE_PASS_UNITS,
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


KAA_LATIN_UNITS = [
    *"aábdefgǵhxıijkqlmnńoóprstuúvwyzc",
    *"AÁEÍIOÓUÚSQNDTLY",
    "sh",
    "Sh",
    "ch",
    "ye",
    "yo",
    "ya",
    "yu",
    "el",
    "shik",
    "'",
    "\u2019",
    OK,
    "í",
    "İ",
    "é",
    "-",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "1",
    "(",
    # words the lexicon, keep list and rules care about
    " ekonomika",
    " Epos",
    " eki",
    " dárya",
    " ákel",
    " motel",
    " batalyon",
    " klient",
    " oktyabr",
    " obyekt",
    " kino",
    " IT",
    " google",
    " XXI",
    " don't",
    " No'kis",
    *BYTE_PASS_UNITS,
]
KAA_CYR_UNITS = [
    *"аәбвгғдеёжзийкқлмнңоөпрстуүўфхҳцчшщъыьэюя",
    *"АӘЕЁИОӨУҮЫЪЬШЧЯЮЩ",
    " ",
    ", ",
    "-",
    "a",
    "1",
    " сентябрь",
    " ЫДЫРЫС",
    " Ш. ",
    " https://uza.uz/уз",
]
LANGS = {"uz": _uz.LANG, "kaa": _kaa.LANG}


def _latin(lang):
    units = LATIN_UNITS if lang == "uz" else KAA_LATIN_UNITS
    return st.lists(st.sampled_from(units), max_size=30).map("".join)


def _cyrillic(lang):
    units = CYR_UNITS if lang == "uz" else KAA_CYR_UNITS
    return st.lists(st.sampled_from(units), max_size=30).map("".join)


@SETTINGS
@given(st.data())
@pytest.mark.parametrize("lang", ["uz", "kaa"])
def test_latin_bulk_matches_word_by_word(lang, data):
    text = data.draw(_latin(lang))
    keep = keep_words()
    assert LANGS[lang].l2c_text(text, keep) == LANGS[lang].l2c_words(text, keep)


@SETTINGS
@given(st.data())
@pytest.mark.parametrize("lang", ["uz", "kaa"])
def test_cyrillic_bulk_matches_word_by_word(lang, data):
    text = data.draw(_cyrillic(lang))
    assert LANGS[lang].c2l_text(text) == LANGS[lang].c2l_words(text)


def test_placeholder_in_input_falls_back():
    assert to_latin("Салом\ue001дунё") == "Salom\ue001dunyo"
    assert to_cyrillic("salom\ue001dunyo") == "салом\ue001дунё"
    assert to_latin("Сәлем\ue001жыл", "kaa") == "Sálem\ue001jıl"
    assert to_cyrillic("sálem\ue001jıl", "kaa") == "сәлем\ue001жыл"
