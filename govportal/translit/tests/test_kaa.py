"""Karakalpak (2016 Latin alphabet), both directions."""

import pytest

from govportal.translit import search_key, to_cyrillic, to_latin

BOTH_WAYS = [
    ("Қарақалпақстан", "Qaraqalpaqstan"),
    ("Нөкис", "Nókis"),
    ("әке", "áke"),
    ("ғалаба", "ǵalaba"),
    ("таң", "tań"),
    ("үй", "úy"),
    ("ўақыт", "waqıt"),
    ("ҳәм", "hám"),
    ("халық", "xalıq"),
    ("цирк", "cirk"),
    ("шаҳар", "shahar"),
    ("чемпион", "chempion"),
    ("жыл", "jıl"),
    ("бир", "bir"),
    ("ЫДЫРЫС", "ÍDÍRÍS"),  # capital of ı is Í
    ("Ыдырыс", "Ídırıs"),
    ("ИНСАН", "INSAN"),  # capital of i is I
    ("модель", "model"),
    ("экономика", "ekonomika"),
    ("поэзия", "poeziya"),
    ("самолёт", "samolyot"),
    ("объект", "obyekt"),
]


@pytest.mark.parametrize(("cyr", "lat"), BOTH_WAYS)
def test_to_latin(cyr, lat):
    assert to_latin(cyr, "kaa") == lat


@pytest.mark.parametrize(("cyr", "lat"), BOTH_WAYS)
def test_to_cyrillic(cyr, lat):
    assert to_cyrillic(lat, "kaa") == cyr


@pytest.mark.parametrize(
    ("old", "cyr"),
    [
        ("Qaraqalpaqstan", "Қарақалпақстан"),
        ("No'kis", "Нөкис"),  # 1994-2016 apostrophe letters
        ("a'ke", "әке"),
        ("g'alaba", "ғалаба"),
        ("tan'", "таң"),
        ("u'y", "үй"),
        ("ji'l", "жыл"),  # iʻ for ы (2009-2016)
        ("jíl", "жыл"),  # í typed for ı
    ],
)
def test_older_spellings(old, cyr):
    assert to_cyrillic(old, "kaa") == cyr


def test_search_key_keeps_dotless_i_distinct():
    assert search_key("ЖЫЛ", "kaa") == search_key("jıl", "kaa") == "jıl"
    assert search_key("Íshki", "kaa") == "ıshki"
    assert search_key("ИНСАН", "kaa") == "insan"
    assert search_key("jıl", "kaa") != search_key("jil", "kaa")
    assert search_key("No'kis", "kaa") == search_key("Нөкис", "kaa") == "nókis"


@pytest.mark.parametrize(
    ("lat", "cyr"),
    [
        ("dárya", "дәрья"),  # consonant + ya in a Karakalpak word
        ("dúnya", "дүнья"),
        ("kartofel", "картофель"),
        ("motel", "мотель"),
        ("kesel", "кесел"),  # Karakalpak -el stays
        ("batalyon", "батальон"),
        ("lyotchik", "лётчик"),  # consonant + yo is ё
        ("nachalnik", "начальник"),
        ("alkogol", "алкоголь"),
        ("jıl", "жыл"),
    ],
)
def test_loanword_patterns(lat, cyr):
    assert to_cyrillic(lat, "kaa") == cyr
