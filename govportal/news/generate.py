"""Synthetic news for load tests and benchmarks: many realistic items, fast.

Saving Wagtail pages one by one costs tens of milliseconds each; 100,000 news items
would take hours. This module writes the page rows in bulk instead, computing the
tree paths itself, and writes the Uzbek Cyrillic versions with the transliteration
library directly (bulk writes send no publish signals). The rows are what Wagtail
itself would have written for a published page without revisions.
"""

import datetime
import random
import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from govportal.core.richtext import sanitize_html
from govportal.translit import to_cyrillic

from .demo_phrases import ACTIONS, BODIES, LEADS, REGIONS, SUBJECTS, TOPICS
from .models import NewsCategory, NewsIndexPage, NewsPage

WRITTEN = ("uz", "kaa", "ru", "en")


def _story(rng: random.Random, first: datetime.datetime, span: float):
    subject, action, topic, region = (
        rng.choice(SUBJECTS),
        rng.choice(ACTIONS),
        rng.choice(TOPICS),
        rng.choice(REGIONS),
    )
    moment = first + datetime.timedelta(seconds=rng.random() * span)
    projects = rng.randint(5, 20)
    texts = {}
    for number, code in enumerate(WRITTEN):
        if code == "en":
            title = f"{subject[3]} {action[3]} on {topic[3]}"
        elif code == "ru":
            title = f"{subject[2]} {action[2]} по вопросам {topic[2]}"
        else:
            postposition = "boʻyicha" if code == "uz" else "boyınsha"
            title = f"{subject[number]} {topic[number]} {postposition} {action[number]}"
        lead = LEADS[number].format(
            region=region[number], topic=topic[number], n=projects
        )
        body = BODIES[number].format(lead=lead, year=moment.year)
        texts[code] = (title, lead, body)
    return moment, topic[4], texts


def _page_path(parent: Page, step: int) -> str:
    return Page._get_path(parent.path, parent.depth + 1, step)


def generate_news(
    *,
    count: int,
    seed: int = 2017,
    first_year: int = 2016,
    batch_stories: int = 200,
    image_share: float = 0.7,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Create about ``count`` live news items, spread over years, categories and
    the enabled languages; return the number created."""
    enabled = {code for code in Locale.objects.values_list("language_code", flat=True)}
    codes = [code for code in (*WRITTEN, "uz-cyrl", "kaa-cyrl") if code in enabled]
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=codes)
    }
    indexes = {
        code: NewsIndexPage.objects.get(locale=locales[code], depth=3) for code in codes
    }
    categories = {
        (category.slug, category.locale.language_code): category.pk
        for category in NewsCategory.objects.select_related("locale")
    }
    content_type_id = ContentType.objects.get_for_model(NewsPage).pk
    steps = {}
    for code, index in indexes.items():
        last = index.get_last_child()
        steps[code] = Page._str2int(last.path[-Page.steplen :]) if last else 0
    rng = random.Random(seed)  # noqa: S311 - repeatable content, not secrets
    # Most real news has a picture: reuse the images already in the library.
    images = list(get_image_model().objects.values_list("pk", flat=True)[:20])
    first = timezone.make_aware(datetime.datetime(first_year, 1, 1))
    span = (timezone.now() - first).total_seconds()
    stories = -(-count // len(codes))
    created = 0
    news_fields = NewsPage._meta.local_concrete_fields
    table = connection.ops.quote_name(NewsPage._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(field.column) for field in news_fields
    )
    placeholders = ", ".join(["%s"] * len(news_fields))
    insert_sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - our own table
    for start in range(0, stories, batch_stories):
        pages, details = [], []
        for number in range(start, min(start + batch_stories, stories)):
            moment, category, texts = _story(rng, first, span)
            image = (
                rng.choice(images) if images and rng.random() < image_share else None
            )
            for latin, cyrillic in (("uz", "uz-cyrl"), ("kaa", "kaa-cyrl")):
                if cyrillic in codes:
                    texts[cyrillic] = tuple(
                        to_cyrillic(text, lang=latin) for text in texts[latin]
                    )
            key = uuid.uuid4()
            slug = f"{slugify(texts['en'][0])[:60]}-{number + 1}"
            for code in codes:
                title, lead, body = texts[code]
                steps[code] += 1
                index = indexes[code]
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=_page_path(index, steps[code]),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        content_type_id=content_type_id,
                        locale_id=locales[code].pk,
                        translation_key=key,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=moment,
                        last_published_at=moment,
                    )
                )
                details.append(
                    (moment, categories.get((category, code)), lead, body, image)
                )
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=500)
            rows = []
            for page, (moment, category_id, lead, body, image) in zip(
                pages, details, strict=True
            ):
                news = NewsPage(
                    page_ptr_id=page.pk,
                    date=moment,
                    category_id=category_id,
                    lead=lead,
                    # Raw SQL skips save(): clean the rich text here.
                    body=[
                        {"type": "paragraph", "value": sanitize_html(f"<p>{body}</p>")}
                    ],
                    lead_image_id=image,
                    listing_locale_id=page.locale_id,
                )
                rows.append(
                    [
                        field.get_db_prep_save(getattr(news, field.attname), connection)
                        for field in news_fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert_sql, rows)
        created += len(pages)
        if progress is not None:
            progress(created)
    for index in indexes.values():
        Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    if connection.vendor == "sqlite":
        # Fresh statistics let SQLite's planner use the date indexes after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return created
