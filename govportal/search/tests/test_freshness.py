"""The index follows every publish, unpublish, edit, move and delete at once."""

import io
import re

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from govportal.agencies.models import AgencyPage, Helpline
from govportal.faq.models import Question
from govportal.news.models import NewsIndexPage, NewsPage
from govportal.search.models import SearchEntry, Source, rank_key


def _urls(client, path: str, query: str) -> list[str]:
    html = client.get(path, {"q": query}).content.decode()
    return re.findall(r'class="search-hit-title"><a href="([^"]*)"', html)


def _news(
    language: str = "en", title: str = "Zyxwv harvest festival opens"
) -> NewsPage:
    index = NewsIndexPage.objects.get(locale__language_code=language, depth=3)
    page = index.add_child(
        instance=NewsPage(
            title=title, slug="zyxwv", lead="Farmers gather.", date=timezone.now()
        )
    )
    page.save_revision().publish()
    return page


def test_publishing_unpublishing_and_deleting_update_the_index(client, demo):
    page = _news()
    assert _urls(client, "/en/search/", "zyxwv") == ["/en/news/zyxwv/"]

    page.unpublish()
    assert _urls(client, "/en/search/", "zyxwv") == []

    page.refresh_from_db()
    page.save_revision().publish()
    assert _urls(client, "/en/search/", "zyxwv") == ["/en/news/zyxwv/"]

    page.delete()
    assert _urls(client, "/en/search/", "zyxwv") == []
    assert not SearchEntry.objects.filter(title__contains="Zyxwv").exists()


def test_an_edit_replaces_the_old_words(client, demo):
    page = _news()
    page.title = "Qwvbn orchards bloom"
    page.save_revision().publish()
    assert _urls(client, "/en/search/", "zyxwv") == []
    assert _urls(client, "/en/search/", "qwvbn") == ["/en/news/zyxwv/"]


def test_a_draft_is_not_found_until_it_is_published(client, demo):
    page = _news()
    page.title = "Draft-only vbnmq title"
    page.save_revision()  # saved, not published
    assert _urls(client, "/en/search/", "vbnmq") == []


def test_a_moved_page_is_found_at_its_new_address(client, demo):
    page = _news()
    agency_news = (
        NewsIndexPage.objects.filter(locale__language_code="en", depth__gt=3)
        .order_by("path")
        .first()
    )
    page.move(agency_news, pos="last-child")
    (url,) = _urls(client, "/en/search/", "zyxwv")
    assert url == NewsPage.objects.get(pk=page.pk).url
    # The agency facet follows the move.
    entry = SearchEntry.objects.get(source=Source.PAGE, object_id=page.pk)
    assert entry.agency_id == agency_news.get_parent().pk


def test_the_uzbek_cyrillic_copy_is_found_too(client, demo):
    _news("uz", "Zyxwv bogʻdorchilik bayrami")
    assert _urls(client, "/uz-cyrl/search/", "zyxwv") == ["/uz-cyrl/news/zyxwv/"]


def test_snippets_are_indexed_on_save_and_removed_on_delete(client, demo):
    helpline = Helpline.objects.filter(locale__language_code="en").first()
    helpline.purpose = "Qzxvw reporting line"
    helpline.save()
    (url,) = _urls(client, "/en/search/", "qzxvw")
    assert url.endswith("#agency-helplines")
    assert (
        AgencyPage.objects.get(
            translation_key=helpline.agency.translation_key, locale=helpline.locale
        ).url
        in url
    )

    question = Question.objects.filter(locale__language_code="en").first()
    question.question = "Can I pay the wxqzv fee online?"
    question.save()
    (url,) = _urls(client, "/en/search/", "wxqzv")
    assert url.endswith("#" + question.anchor)
    question.delete()
    assert _urls(client, "/en/search/", "wxqzv") == []


def test_update_index_rebuilds_with_a_progress_bar_and_drops_stale_entries(demo):
    before = set(SearchEntry.objects.values_list("id", "title"))
    SearchEntry.objects.filter(pk__in=[key for key, _ in sorted(before)[:5]]).delete()
    ghost = SearchEntry.objects.first()
    ghost.pk = rank_key(Source.PAGE, 9_999_999, None)
    ghost.object_id = 9_999_999
    ghost.indexed_at = timezone.now().replace(year=2000)
    ghost.save(force_insert=True)
    out = io.StringIO()
    call_command("update_index", backend_name="portal", stdout=out)
    assert "100%" in out.getvalue()
    assert set(SearchEntry.objects.values_list("id", "title")) == before


def test_private_pages_are_not_found(client, demo):
    page = _news()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    page.save_revision().publish()
    assert _urls(client, "/en/search/", "zyxwv") == []
