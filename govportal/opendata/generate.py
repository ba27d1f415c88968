"""Synthetic datasets for load tests and benchmarks: thousands, written in bulk.

Each dataset gets a row in every enabled language (the Cyrillic ones by the
transliteration library, as the sync would write them) and a CSV and an XLSX
resource that point at one of the demo files. Run after ``load_demo``.
"""

import random
import uuid
from collections.abc import Callable

from django.db import connection, transaction
from wagtail.models import Locale

from govportal.agencies.models import AgencyPage
from govportal.translit import to_cyrillic

from .demo_data import DATASETS, RESOURCE_NAMES
from .models import Dataset, DataTheme, Frequency, Licence, Resource, fold_for_search

WRITTEN = ("uz", "kaa", "ru", "en")
CYRILLIC = {"uz-cyrl": "uz", "kaa-cyrl": "kaa"}
YEARS = {"uz": "{} yil", "kaa": "{} jıl", "ru": "{} год", "en": "{}"}


def generate_datasets(
    *,
    count: int,
    seed: int = 2024,
    batch: int = 500,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Create ``count`` datasets (each in every language); return how many."""
    rng = random.Random(seed)  # noqa: S311 - repeatable content, not secrets
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=[*WRITTEN, *CYRILLIC])
    }
    agencies: dict = {}
    for agency in AgencyPage.objects.filter(depth=4).only(
        "id", "locale_id", "translation_key"
    ):
        agencies.setdefault(agency.translation_key, {})[agency.locale_id] = agency.id
    keys = sorted(agencies)
    templates = {
        fmt: Resource.objects.filter(format=fmt).exclude(checksum="").first()
        for fmt in ("CSV", "XLSX")
    }
    if not keys or not all(templates.values()):
        raise RuntimeError("Load the demo first: no agencies or demo files.")
    first = Dataset.objects.count()
    created = 0
    for start in range(0, count, batch):
        datasets, specs = [], []
        for number in range(start, min(start + batch, count)):
            spec = rng.choice(DATASETS)
            year = rng.randint(2010, 2025)
            agency_key = rng.choice(keys)
            key = uuid.uuid4()
            name = f"{spec['name']}-{year}-{first + number + 1}"
            texts = {}
            for code in WRITTEN:
                title, notes, keywords = spec["texts"][code]
                texts[code] = (f"{title}, {YEARS[code].format(year)}", notes, keywords)
            for code, lang in CYRILLIC.items():
                texts[code] = tuple(
                    to_cyrillic(text, lang=lang) for text in texts[lang]
                )
            facts = {
                "name": name,
                "theme": rng.choice(DataTheme.values),
                "licence": rng.choice(Licence.values),
                "frequency": rng.choice(Frequency.values),
                "agency_key": agency_key,
                "is_demo_data": True,
            }
            for code, locale in locales.items():
                title, notes, keywords = texts[code]
                agency_ids = agencies[agency_key]
                datasets.append(
                    Dataset(
                        translation_key=key,
                        locale=locale,
                        title=title,
                        notes=notes,
                        keywords=keywords,
                        agency_id=agency_ids.get(locale.id)
                        or next(iter(agency_ids.values())),
                        search_text=fold_for_search(
                            " ".join([title, name, keywords, notes]), code
                        ),
                        **facts,
                    )
                )
                specs.append(code)
        with transaction.atomic():
            Dataset.objects.bulk_create(datasets, batch_size=500)
            resources = []
            resource_keys: dict = {}
            for dataset, code in zip(datasets, specs, strict=True):
                for position, (fmt, template) in enumerate(templates.items()):
                    resource_key = resource_keys.setdefault(
                        (dataset.translation_key, fmt), uuid.uuid4()
                    )
                    resources.append(
                        Resource(
                            translation_key=resource_key,
                            locale_id=dataset.locale_id,
                            dataset=dataset,
                            name=RESOURCE_NAMES[fmt].get(
                                code, RESOURCE_NAMES[fmt]["uz"]
                            ),
                            format=fmt,
                            file=template.file.name,
                            size=template.size,
                            checksum=template.checksum,
                            sort_order=position,
                        )
                    )
            Resource.objects.bulk_create(resources, batch_size=500)
        created += len(datasets) // max(1, len(locales))
        if progress is not None:
            progress(created)
    # Fresh statistics, or the planner may not use the facet indexes at once. On
    # PostgreSQL, VACUUM also marks the new rows visible to index-only scans, as
    # autovacuum would soon after a bulk load; it cannot run in a transaction.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            for model in (Dataset, Resource):
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"{command} {table}")
    return created
