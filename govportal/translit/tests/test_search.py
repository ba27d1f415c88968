"""search_key(): queries in either script find text in either script."""

from govportal.translit import search_key


def test_scripts_meet():
    keys = {
        search_key("Ўзбекистон"),
        search_key("O'zbekiston"),
        search_key("OʻZBEKISTON"),
        search_key("O‘zbekiston"),
        search_key("Ozbekiston"),
    }
    assert keys == {"ozbekiston"}


def test_phrases():
    assert search_key("Давлат хизматлари") == search_key("davlat xizmatlari")
    assert search_key("маъно") == search_key("ma'no") == "mano"


def test_look_alikes():
    assert search_key("Tоshkent") == search_key("Тошкент") == "toshkent"


def test_no_turkish_i_surprise():
    assert search_key("ISHONCH") == "ishonch"
    assert search_key("İstanbul") == "istanbul"
    assert search_key("Işık") == "işik"  # ş is a letter of its own


def test_hyphens():
    assert search_key("қадр‐қиммат") == "qadr-qimmat"
