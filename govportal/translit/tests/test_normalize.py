"""normalize(): repairs mixed scripts and apostrophes, leaves good text alone."""

import pytest

from govportal.translit import normalize

OK = "\u02bb"
TQ = "\u02bc"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("O'zbekiston", f"O{OK}zbekiston"),
        ("O‘zbekiston", f"O{OK}zbekiston"),
        ("O’zbekiston", f"O{OK}zbekiston"),
        ("O`zbekiston", f"O{OK}zbekiston"),
        ("Oʼzbekiston", f"O{OK}zbekiston"),
        ("g'alaba", f"g{OK}alaba"),
        ("bog'", f"bog{OK}"),
        ("ma'no", f"ma{TQ}no"),
        ("ta‘lim", f"ta{TQ}lim"),
        ("mo''jiza", f"mo{OK}{TQ}jiza"),
        # Cyrillic look-alikes inside Latin words.
        ("Tоshkеnt", "Toshkent"),  # Cyrillic о е
        ("Samarqаnd", "Samarqand"),
        ("НОКИМ", "НОКИМ"),  # all Cyrillic: left alone
        # Latin look-alikes inside Cyrillic words.
        ("Тoшкент", "Тошкент"),  # Latin o
        ("сaлом", "салом"),
        ("ҲOКИМ", "ҲОКИМ"),
        ("у\u0306", "ў"),  # NFC
    ],
)
def test_repairs(dirty, clean):
    assert normalize(dirty) == clean


@pytest.mark.parametrize(
    "text",
    [
        "https://my.gov.uz/o'z/ma'lumot?q=g'",
        "o'zbek@mail.uz",
        "Don't stop, it's John's car; I'm sure you'll see O'Brien at 5 o'clock.",
        "print('o') and x = 'tog'",
        "rock'n'roll",
        "Привет, как дела? Всё хорошо.",
        "Hello world, Wi-Fi and iPhone",
        f"O{OK}zbekiston Respublikasi ma{TQ}lumotlari",
        "Ўзбекистон Республикаси",
        "x86_64 base64 my_var 3.14 v2.0",
        "iPhoneни",  # an intended mix: Cyrillic suffix on a brand
        "'Salom' dedi u.",
    ],
)
def test_leaves_correct_text_alone(text):
    assert normalize(text) == text


def test_idempotent():
    text = "O'zbekiston Tоshkеnt ma'no 'tog'"
    once = normalize(text)
    assert normalize(once) == once


def test_karakalpak_old_letters():
    assert normalize("No'kis qalasi", "kaa") == "Nókis qalası".replace("ı", "i")
    assert normalize("ji'l", "kaa") == "jıl"
    assert normalize("jíl", "kaa") == "jıl"


def test_bad_lang():
    with pytest.raises(ValueError):
        normalize("x", "en")
