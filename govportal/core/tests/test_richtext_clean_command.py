"""``manage.py clean_rich_text`` cleans rich text stored before it was cleaned on save:
in place, only where needed, without a new revision or a publish."""

import io
import json
import re
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Revision
from wagtail.search import index
from wagtail.signals import page_published

from govportal.core.richtext import sanitize_html
from govportal.core.testing import assert_page

# Script content, an event handler and a javascript: link, each with a word that
# shows whether any of it is left.
DIRTY = (
    '<p>a<script>alert("zxqscript")</script>b</p>'
    '<p><img src="x" onerror="alert(1)">c</p>'
    '<p><a href="javascript:alert(1)">d</a></p>'
)
FORBIDDEN = ("<script", "zxqscript", "onerror", "javascript:", "<img")


def wagtail_markup() -> str:
    """Rich text as Wagtail's editor stores it: a block key, a page link, a web
    link and an image embed (of an image that exists, so the page renders)."""
    image = get_image_model().objects.order_by("pk").first()
    return (
        '<p data-block-key="k1">See <a linktype="page" id="3">this page</a> and '
        '<a href="https://gov.uz/?a=1&amp;b=2">gov.uz</a>.</p>'
        f'<embed alt="A chart" embedtype="image" format="left" id="{image.pk}"/>'
    )


def assert_clean(html: str) -> None:
    for needle in FORBIDDEN:
        assert needle not in html, (needle, html)


def clean_rich_text(*args) -> dict[str, tuple[int, int]]:
    """Run the command; its report as label → (examined, cleaned)."""
    out = io.StringIO()
    call_command("clean_rich_text", *args, stdout=out)
    report = {}
    for line in out.getvalue().splitlines():
        found = re.fullmatch(r"(.+): (\d+) examined, (\d+) (?:would be )?cleaned", line)
        if found:
            report[found[1]] = (int(found[2]), int(found[3]))
    assert report, out.getvalue()
    return report


def cleaned_counts(report) -> dict[str, int]:
    return {label: cleaned for label, (_examined, cleaned) in report.items() if cleaned}


def page_state(page) -> tuple:
    page.refresh_from_db()
    return (
        page.last_published_at,
        page.latest_revision_id,
        page.latest_revision_created_at,
        page.live_revision_id,
        page.has_unpublished_changes,
    )


@pytest.fixture
def dirty(demo):
    """Markup written past ``save()``, as on a site upgraded from before the
    cleaning: in a RichTextField of a page, in a StreamField block, in a snippet
    and in a revision's stored content."""
    from govportal.faq.models import Question
    from govportal.news.models import AnnouncementPage, NewsPage

    clean = wagtail_markup()
    assert sanitize_html(clean) == clean

    english = {"live": True, "locale__language_code": "en"}
    announcement = AnnouncementPage.objects.filter(**english).order_by("pk").first()
    AnnouncementPage.objects.filter(pk=announcement.pk).update(body=clean + DIRTY)

    news = NewsPage.objects.filter(**english).order_by("pk").first()
    stream = [
        {"type": "paragraph", "value": clean, "id": "clean-block"},
        {"type": "paragraph", "value": DIRTY, "id": "dirty-block"},
    ]
    NewsPage.objects.filter(pk=news.pk).update(body=stream)

    revision = news.latest_revision
    content = {**revision.content, "body": json.dumps(stream)}
    Revision.objects.filter(pk=revision.pk).update(content=content)

    question = Question.objects.order_by("pk").first()
    Question.objects.filter(pk=question.pk).update(answer=DIRTY + clean)

    return SimpleNamespace(
        clean=clean,
        announcement=announcement,
        news=news,
        revision=revision,
        question=question,
        states={page.pk: page_state(page) for page in (announcement, news)},
        revisions=Revision.objects.count(),
    )


def stored(dirty) -> SimpleNamespace:
    """The rich text of the dirty rows as the database holds it now."""
    from govportal.faq.models import Question
    from govportal.news.models import AnnouncementPage, NewsPage

    revision = Revision.objects.get(pk=dirty.revision.pk)
    return SimpleNamespace(
        announcement=AnnouncementPage.objects.get(pk=dirty.announcement.pk).body,
        news=list(NewsPage.objects.get(pk=dirty.news.pk).body.raw_data),
        revision=json.loads(revision.content["body"]),
        question=Question.objects.get(pk=dirty.question.pk).answer,
    )


EXPECTED = {
    "news.AnnouncementPage": 1,
    "news.NewsPage": 1,
    "news.NewsPage revisions": 1,
    "faq.Question": 1,
}


def test_dirty_rows_are_cleaned_and_wagtail_markup_is_kept_byte_for_byte(dirty):
    report = clean_rich_text()

    assert cleaned_counts(report) == EXPECTED
    now = stored(dirty)
    assert now.announcement == dirty.clean + sanitize_html(DIRTY)
    assert now.question == sanitize_html(DIRTY) + dirty.clean
    for blocks in (now.news, now.revision):
        assert [block["id"] for block in blocks] == ["clean-block", "dirty-block"]
        assert blocks[0]["value"] == dirty.clean
        assert blocks[1]["value"] == sanitize_html(DIRTY)
    for html in (now.announcement, now.question, now.news[1]["value"]):
        assert_clean(html)
    assert_clean(json.dumps(now.revision))


def test_every_model_with_rich_text_is_examined(demo):
    from govportal.faq.models import Question
    from govportal.news.models import AnnouncementPage, NewsPage
    from govportal.opengov.models import OpenGovernmentPage

    report = clean_rich_text()

    for model in (AnnouncementPage, NewsPage, OpenGovernmentPage, Question):
        assert report[model._meta.label] == (model.objects.count(), 0)
    revisions = Revision.objects.filter(
        content_type__app_label="news", content_type__model="newspage"
    )
    assert report["news.NewsPage revisions"] == (revisions.count(), 0)


def test_cleaning_creates_no_revision_and_publishes_nothing(dirty):
    published = []

    def record(sender, instance, **kwargs):
        published.append(instance)

    page_published.connect(record, weak=False)
    try:
        clean_rich_text()
    finally:
        page_published.disconnect(record)

    assert published == []
    assert Revision.objects.count() == dirty.revisions
    for page in (dirty.announcement, dirty.news):
        assert page_state(page) == dirty.states[page.pk]


def test_a_dry_run_reports_what_would_change_and_writes_nothing(dirty):
    before = stored(dirty)
    with CaptureQueriesContext(connection) as queries:
        report = clean_rich_text("--dry-run")

    assert cleaned_counts(report) == EXPECTED
    assert stored(dirty) == before
    assert "zxqscript" in before.announcement
    writes = [q["sql"] for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert writes == []


def test_a_second_run_changes_nothing_and_writes_nothing(dirty):
    clean_rich_text()
    after_first = stored(dirty)
    with CaptureQueriesContext(connection) as queries:
        report = clean_rich_text()

    assert cleaned_counts(report) == {}
    assert stored(dirty) == after_first
    writes = [q["sql"] for q in queries if q["sql"].startswith(("UPDATE", "INSERT"))]
    assert writes == []


def test_small_batches_clean_the_same_rows(dirty):
    report = clean_rich_text("--batch-size", "1")

    assert cleaned_counts(report) == EXPECTED
    assert_clean(stored(dirty).announcement)


def test_the_page_cache_stops_serving_the_dirty_page(client, dirty):
    url = dirty.announcement.url
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    assert "zxqscript" in cached.content.decode()

    clean_rich_text()

    main = str(assert_page(client.get(url), lang="en").find("main"))
    assert "zxqscript" not in main and "onerror" not in main


def test_the_search_index_loses_the_removed_text(dirty):
    from govportal.search.models import SearchEntry, Source

    question = type(dirty.question).objects.get(pk=dirty.question.pk)
    index.insert_or_update_object(question)
    entry = SearchEntry.objects.filter(source=Source.QUESTION, object_id=question.pk)
    assert "zxqscript" in entry.get().body

    clean_rich_text()

    assert "zxqscript" not in entry.get().body
