"""Many agencies and helplines at once, for query-count tests and benchmarks.

Creating pages one by one through Wagtail takes about 50 ms each; these helpers
write the tree rows directly (live, published, no revisions), which is what a
listing reads.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from govportal.agencies.models import AgencyPage, AgencyType, Helpline, Region

BATCH = 200


def bulk_agencies(directory, count: int, *, prefix: str = "Agency", image=None):
    """Add ``count`` live agencies under ``directory``; returns their pages."""
    content_type = ContentType.objects.get_for_model(AgencyPage)
    now = timezone.now()
    types = list(AgencyType.values)
    regions = ["", *Region.values]
    first = directory.numchild + 1
    pages = []
    for number in range(first, first + count):
        slug = f"{prefix.lower()}-{number}"
        pages.append(
            Page(
                title=f"{prefix} {number:05d}",
                draft_title=f"{prefix} {number:05d}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(directory.path, directory.depth + 1, number),
                depth=directory.depth + 1,
                numchild=0,
                url_path=f"{directory.url_path}{slug}/",
                locale_id=directory.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=BATCH)
    agencies = [
        AgencyPage(
            page_ptr_id=page.id,
            agency_type=types[index % len(types)],
            region=regions[index % len(regions)],
            phone=f"+998 71 000-{index // 100:02d}-{index % 100:02d}",
            head_photo=image,
            is_demo_data=True,
        )
        for index, page in enumerate(pages)
    ]
    fields = AgencyPage._meta.local_concrete_fields
    for start in range(0, len(agencies), BATCH):
        # The child table's rows only: Django's bulk_create refuses multi-table
        # inheritance, and the Page rows exist already.
        AgencyPage._base_manager._insert(agencies[start : start + BATCH], fields=fields)
    Page.objects.filter(pk=directory.pk).update(numchild=first - 1 + count)
    directory.numchild = first - 1 + count
    return pages


def bulk_helplines(pages, count: int) -> None:
    """Spread ``count`` helplines over the agency ``pages``."""
    Helpline.objects.bulk_create(
        [
            Helpline(
                agency_id=pages[index % len(pages)].id,
                locale_id=pages[index % len(pages)].locale_id,
                translation_key=uuid.uuid4(),
                number=f"+998 71 000-{index // 100:02d}-{index % 100:02d}",
                short_number="",
                purpose=f"Line {index}",
                hours="9:00–18:00",
                is_free=bool(index % 2),
                languages="Uzbek, Russian",
                sort_order=index,
            )
            for index in range(count)
        ],
        batch_size=BATCH,
    )
