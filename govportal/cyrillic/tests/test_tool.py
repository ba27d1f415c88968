import pytest
from wagtail.models import Locale

from govportal.core.testing import assert_page
from govportal.cyrillic.forms import MAX_CHARACTERS
from govportal.cyrillic.translator import TransliterationTranslator


@pytest.mark.parametrize("code", ["uz", "uz-cyrl", "kaa", "ru", "en"])
def test_tool_page_renders_in_each_language(client, demo, code):
    soup = assert_page(client.get(f"/{code}/translit/"), lang=code)
    assert soup.find("textarea", attrs={"name": "text"}) is not None


def test_tool_converts_latin_to_cyrillic(client, demo):
    response = client.post(
        "/uz/translit/",
        {"text": "Oʻzbekiston, sentabr", "direction": "cyrillic", "language": "uz"},
    )
    soup = assert_page(response, lang="uz")
    output = soup.find("output")
    assert output.get_text() == "Ўзбекистон, сентябрь"
    assert output["lang"] == "uz-Cyrl"


def test_tool_converts_cyrillic_to_latin(client, demo):
    response = client.post(
        "/ru/translit/",
        {"text": "Исҳоқ цирк", "direction": "latin", "language": "uz"},
    )
    soup = assert_page(response, lang="ru")
    assert soup.find("output").get_text() == "Isʼhoq sirk"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "text": "x" * (MAX_CHARACTERS + 1),
                "direction": "latin",
                "language": "uz",
            },
            "too long",
        ),
        ({"text": "", "direction": "latin", "language": "uz"}, "Paste or type"),
        ({"text": "a\x00b", "direction": "latin", "language": "uz"}, "Null characters"),
        (
            {"text": "abc", "direction": "klingon", "language": "uz"},
            "Select a valid choice",
        ),
    ],
)
def test_tool_answers_bad_input_with_a_clear_400(client, demo, data, message):
    response = client.post("/en/translit/", data)
    soup = assert_page(response, lang="en", status=400)
    assert message in soup.find(class_="error-summary").get_text()


def test_machine_translate_button_transliterates_for_wagtail_localize(demo):
    from wagtail_localize.strings import StringValue

    translator = TransliterationTranslator({})
    uz, uz_cyrl, ru = (
        Locale.objects.get(language_code=c) for c in ("uz", "uz-cyrl", "ru")
    )
    assert translator.can_translate(uz, uz_cyrl)
    assert translator.can_translate(uz_cyrl, uz)
    assert not translator.can_translate(uz, ru)
    source = StringValue("Shahar <b>markazi</b>")
    result = translator.translate(uz, uz_cyrl, [source])
    assert result[source].data == "Шаҳар <b>маркази</b>"
