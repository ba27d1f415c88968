import re

from django.contrib.contenttypes.models import ContentType
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.models import Locale

from govportal.core.testing import assert_page
from govportal.cyrillic.models import GeneratedTranslation
from govportal.cyrillic.sync import resume, transliterate_block
from govportal.home.models import HomePage


def _page(code: str, slug: str) -> HomePage:
    return HomePage.objects.get(locale__language_code=code, slug=slug)


def _publish_uz_child(
    title="Yangi sahifa", intro="Toshkent shahrida forum boʻlib oʻtdi."
):
    home = HomePage.objects.get(locale__language_code="uz", depth=2)
    page = home.add_child(instance=HomePage(title=title, slug="yangi", intro=intro))
    page.save_revision().publish()
    return page


def test_demo_home_page_in_uzbek_cyrillic_is_generated(demo):
    cyrillic = HomePage.objects.get(locale__language_code="uz-cyrl", depth=2)
    assert cyrillic.title == "Ўзбекистон Республикасининг Ҳукумат портали"
    assert cyrillic.intro.startswith("Давлат органларининг янгиликлари")
    record = GeneratedTranslation.objects.get(
        content_type=ContentType.objects.get_for_model(HomePage), object_id=cyrillic.pk
    )
    assert not record.diverged


def test_publishing_a_latin_page_publishes_its_cyrillic_version(client, demo):
    source = _publish_uz_child()
    cyrillic = source.get_translation(Locale.objects.get(language_code="uz-cyrl"))
    assert cyrillic.live
    assert cyrillic.title == "Янги саҳифа"
    assert cyrillic.specific.intro == "Тошкент шаҳрида форум бўлиб ўтди."
    assert cyrillic.slug == source.slug
    soup = assert_page(client.get("/uz-cyrl/yangi/"), lang="uz-cyrl")
    assert soup.h1.get_text() == "Янги саҳифа"


def test_republishing_the_source_updates_the_cyrillic_version(demo):
    source = _publish_uz_child()
    source.intro = "Sentabr oyida aprel emas."
    source.save_revision().publish()
    cyrillic = source.get_translation(
        Locale.objects.get(language_code="uz-cyrl")
    ).specific
    assert cyrillic.intro == "Сентябрь ойида апрель эмас."


def test_a_cyrillic_version_edited_by_hand_is_left_alone_and_marked(demo):
    source = _publish_uz_child()
    cyrillic = source.get_translation(
        Locale.objects.get(language_code="uz-cyrl")
    ).specific
    cyrillic.intro = "Муҳаррир ўзи ёзган матн."
    cyrillic.save_revision()  # a draft is enough: it must not be lost

    source.intro = "Yangi matn."
    source.save_revision().publish()

    cyrillic.refresh_from_db()
    latest = cyrillic.get_latest_revision_as_object()
    assert latest.intro == "Муҳаррир ўзи ёзган матн."
    record = GeneratedTranslation.objects.get(
        content_type=ContentType.objects.get_for_model(HomePage), object_id=cyrillic.pk
    )
    assert record.diverged

    resume(record)
    cyrillic.refresh_from_db()
    assert cyrillic.intro == "Янги матн."
    record.refresh_from_db()
    assert not record.diverged


def test_unpublishing_the_source_unpublishes_the_generated_version(demo):
    source = _publish_uz_child()
    source.unpublish()
    cyrillic = source.get_translation(Locale.objects.get(language_code="uz-cyrl"))
    assert not cyrillic.live


def test_diverged_report_lists_hand_edited_versions(client, demo, admin_user):
    source = _publish_uz_child()
    cyrillic = source.get_translation(
        Locale.objects.get(language_code="uz-cyrl")
    ).specific
    cyrillic.title = "Қўлда"
    cyrillic.save_revision()
    source.save_revision().publish()
    client.force_login(admin_user)
    response = client.get("/admin/cyrillic/diverged/")
    assert response.status_code == 200
    record = GeneratedTranslation.objects.get(
        content_type=ContentType.objects.get_for_model(HomePage),
        object_id=cyrillic.pk,
        diverged=True,
    )
    assert f'action="/admin/cyrillic/diverged/{record.pk}/resume/"' in response.text


def test_stream_and_table_blocks_change_only_their_text():
    stream = blocks.StreamBlock(
        [
            ("paragraph", blocks.RichTextBlock()),
            (
                "quote",
                blocks.StructBlock(
                    [("text", blocks.TextBlock()), ("url", blocks.URLBlock())]
                ),
            ),
            ("table", TableBlock()),
            ("items", blocks.ListBlock(blocks.CharBlock())),
        ]
    )
    raw = [
        {
            "type": "paragraph",
            "value": '<p>Shahar <a href="https://uza.uz/oz">UzA</a></p>',
            "id": "1",
        },
        {
            "type": "quote",
            "value": {"text": "Yaxshi", "url": "https://gov.uz/oz"},
            "id": "2",
        },
        {
            "type": "table",
            "value": {
                "data": [["Yil", "Soni"], ["2017", "15"]],
                "table_caption": "Jadval",
            },
            "id": "3",
        },
        {
            "type": "items",
            "value": [{"type": "item", "value": "Bir", "id": "4"}],
            "id": "5",
        },
    ]
    result = transliterate_block(stream, raw, "uz")
    assert result[0]["value"] == '<p>Шаҳар <a href="https://uza.uz/oz">UzA</a></p>'
    assert result[1]["value"] == {"text": "Яхши", "url": "https://gov.uz/oz"}
    assert result[2]["value"]["data"] == [["Йил", "Сони"], ["2017", "15"]]
    assert result[2]["value"]["table_caption"] == "Жадвал"
    assert result[3]["value"][0]["value"] == "Бир"
    assert [block["id"] for block in result] == ["1", "2", "3", "5"]


def test_karakalpak_cyrillic_is_generated_from_karakalpak_latin(client, demo):
    cyrillic = HomePage.objects.get(locale__language_code="kaa-cyrl", depth=2)
    assert cyrillic.title == "Өзбекстан Республикасының Ҳүкимет порталы"
    soup = assert_page(client.get("/kaa-cyrl/"), lang="kaa-cyrl")
    assert soup.find("a", class_="skip-link").get_text() == "Тийкарғы мазмунға өтиў"


def test_snippets_written_in_bulk_get_cyrillic_versions(client, demo):
    from govportal.agencies.models import Helpline
    from govportal.faq.models import Question

    for model in (Question, Helpline):
        latin = model.objects.filter(locale__language_code="uz").count()
        assert latin
        assert model.objects.filter(locale__language_code="uz-cyrl").count() == latin
    soup = assert_page(client.get("/uz-cyrl/"), lang="uz-cyrl")
    questions = [s.get_text() for s in soup.select(".faq-widget summary")]
    assert questions
    # Acronyms such as "ID" stay Latin; every question is written in Cyrillic.
    assert all(re.search("[а-яўқғҳ]{3}", q) for q in questions), questions


def test_records_of_different_models_with_the_same_id_are_kept_apart(demo):
    from govportal.cyrillic.sync import _edited_by_hand, _remember
    from govportal.news.models import NewsCategory, NewsPage

    page = NewsPage.objects.filter(locale__language_code="uz-cyrl").first()
    GeneratedTranslation.objects.filter(object_id=page.pk).delete()
    # A hand-edited category (same app) that happens to share the page's id ...
    same_id = NewsCategory(pk=page.pk, name="Қўлда", slug="x", locale=page.locale)
    _remember(same_id, diverged=True)
    _remember(page, diverged=False, latest=page.get_latest_revision_as_object())
    # ... must not make the generated, untouched page look edited by hand.
    assert not _edited_by_hand(page, page.get_latest_revision_as_object())
