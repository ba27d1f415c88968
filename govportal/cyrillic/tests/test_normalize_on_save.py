"""What editors save in Uzbek and Karakalpak is repaired: official apostrophes, no
look-alike letters from the other script inside a word."""

from wagtail.models import Locale

from govportal.news.models import NewsCategory, NewsIndexPage, NewsPage

MIXED = "O'zbekiston Tоshkеnt"  # a typed apostrophe and Cyrillic о and е inside Latin
# Apostrophes in markup stay; the one in the text becomes the tutuq.
LINK = "<p><a href=\"/uz/?q='\">ma'lumot</a></p>"
LINK_NORMALIZED = '<p><a href="/uz/?q=\'">maʼlumot</a></p>'


def _news(code: str, **fields) -> NewsPage:
    index = NewsIndexPage.objects.get(locale__language_code=code, depth=3)
    page = index.add_child(instance=NewsPage(slug="mixed", lead="x", **fields))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_uzbek_page_text_is_normalized_when_saved(demo):
    page = _news(
        "uz",
        title=MIXED,
        body=[{"type": "paragraph", "value": LINK}],
    )
    assert page.title == "Oʻzbekiston Toshkent"
    assert page.body.raw_data[0]["value"] == LINK_NORMALIZED


def test_karakalpak_page_text_is_normalized_when_saved(demo):
    page = _news("kaa", title="Qarаqalpaqstan Respublikası")  # a Cyrillic а
    assert page.title == "Qaraqalpaqstan Respublikası"


def test_russian_and_english_text_is_left_as_typed(demo):
    assert _news("ru", title="Ташкент O'zbekiston").title == "Ташкент O'zbekiston"
    english = "Uzbekistan's O'zbekiston"
    assert _news("en", title=english).title == english


def test_snippets_are_normalized_on_clean(demo):
    category = NewsCategory(
        locale=Locale.objects.get(language_code="uz"), slug="mixed", name="Ta'lim"
    )
    category.full_clean()
    assert category.name == "Taʼlim"


def test_drafts_are_normalized_too(demo):
    page = NewsPage.objects.get(locale__language_code="uz", slug="tourism-visa-free")
    page.title = MIXED
    page.save_revision()
    assert page.get_latest_revision_as_object().title == "Oʻzbekiston Toshkent"
