"""The demo catalogue: the catalogue page and 16 datasets with files made here.

Each dataset's figures come from a seeded generator (``demo_data.py``), written as
CSV and XLSX (and JSON for one) into the media storage; nothing is downloaded. A
file is rewritten only when its CSV content changes, and rows are written in bulk
only when a value differs, so a second run changes nothing. The Cyrillic versions
follow from ``govportal.cyrillic``'s last demo step.
"""

import csv
import datetime
import hashlib
import io
import json
import random
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.models import Locale

from govportal.agencies.models import AgencyPage
from govportal.core.demo import ensure_child_page, ensure_translated_rows
from govportal.opengov.models import OpenGovernmentPage

from .demo_data import DATASETS, NOTE, RESOURCE_NAMES
from .models import DataCatalogPage, Dataset, Resource, fold_for_search, split_keywords

LANGUAGES = ("uz", "kaa", "ru", "en")
KEY_NAMESPACE = uuid.UUID("5b8e2f0c-6a3d-4f7e-8c21-9d4a1e7b3c60")
FIXED_TIME = datetime.datetime(2025, 1, 1)

CATALOGUE_TEXTS = {
    "uz": {
        "title": "Ochiq maʼlumotlar",
        "slug": "ochiq-malumotlar",
        "intro": "Davlat organlari eʼlon qilgan maʼlumotlar toʻplamlari: erkin "
        "foydalanish, yuklab olish va dasturlar orqali olish mumkin.",
    },
    "kaa": {
        "title": "Ashıq maǵlıwmatlar",
        "slug": "ashiq-maglywmatlar",
        "intro": "Mámleketlik organlar járiyalaǵan maǵlıwmatlar toplamları: erkin "
        "paydalanıw, júklep alıw hám programmalar arqalı alıw múmkin.",
    },
    "ru": {
        "title": "Открытые данные",
        "slug": "otkrytye-dannye",
        "intro": "Наборы данных государственных органов: свободно используйте, "
        "скачивайте и получайте их программами.",
    },
    "en": {
        "title": "Open data",
        "slug": "open-data",
        "intro": "Datasets published by government bodies, free to use, to download "
        "and to read from programs.",
    },
}


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, name)


def table_for(spec: dict) -> tuple[list[str], list[list]]:
    """The dataset's header and rows, the same on every run."""
    seed = int(hashlib.sha256(spec["name"].encode()).hexdigest()[:8], 16)
    return spec["make"](random.Random(seed))  # noqa: S311 - demo figures


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def xlsx_bytes(header: list[str], rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "data"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.properties.creator = "govportal"
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def json_bytes(header: list[str], rows: list[list]) -> bytes:
    records = [dict(zip(header, row, strict=True)) for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1).encode()


def write_files(spec: dict) -> dict[str, tuple[str, int, str]]:
    """Write the dataset's files if their content changed: {format: (path, size,
    SHA-256)}. XLSX files embed the time of writing, so they are rewritten only
    together with a changed CSV."""
    header, rows = table_for(spec)
    base = f"opendata/demo/{spec['name']}"
    data = csv_bytes(header, rows)
    csv_path = f"{base}.csv"
    unchanged = default_storage.exists(csv_path) and (
        default_storage.open(csv_path).read() == data
    )
    wanted = {"CSV": (csv_path, lambda: data), "XLSX": (f"{base}.xlsx", None)}
    if spec.get("json"):
        wanted["JSON"] = (f"{base}.json", lambda: json_bytes(header, rows))
    files = {}
    for fmt, (path, make) in wanted.items():
        if not (unchanged and default_storage.exists(path)):
            content = make() if make else xlsx_bytes(header, rows)
            if default_storage.exists(path):
                default_storage.delete(path)
            default_storage.save(path, ContentFile(content))
        with default_storage.open(path) as handle:
            stored = handle.read()
        files[fmt] = (path, len(stored), hashlib.sha256(stored).hexdigest())
    return files


def ensure_datasets(locales: dict[str, Locale]) -> int:
    """Every demo dataset and its resources in the four written languages."""
    agencies = {
        (agency.slug, agency.locale_id): agency
        for agency in AgencyPage.objects.filter(
            locale__in=locales.values(), depth=4
        ).only("id", "slug", "locale_id", "translation_key")
    }
    default = locales[settings.LANGUAGE_CODE]
    wanted, resources = {}, {}
    for spec in DATASETS:
        key = _key(f"dataset:{spec['name']}")
        start, end = (datetime.date.fromisoformat(day) for day in spec["temporal"])
        source_agency = agencies[(spec["agency"], default.id)]
        for code, locale in locales.items():
            title, notes, keywords = spec["texts"][code]
            notes += NOTE[code]
            agency = agencies.get((spec["agency"], locale.id), source_agency)
            keywords = ", ".join(split_keywords(keywords))
            wanted[(key, locale.id)] = {
                "name": spec["name"],
                "title": title,
                "notes": notes,
                "keywords": keywords,
                "agency_id": agency.id,
                "agency_key": source_agency.translation_key,
                "theme": spec["theme"],
                "licence": spec.get("licence", "cc-by"),
                "frequency": spec["frequency"],
                "temporal_start": start,
                "temporal_end": end,
                "spatial": spec.get("spatial", ""),
                "contact_email": f"{spec['agency']}@example.org",
                "issued": datetime.date(2025, 1, 15),
                "is_demo_data": True,
                "search_text": fold_for_search(
                    " ".join([title, spec["name"], keywords, notes]), code
                ),
            }
        for position, (fmt, (path, size, checksum)) in enumerate(
            write_files(spec).items()
        ):
            for code, locale in locales.items():
                resources[(_key(f"resource:{spec['name']}:{fmt}"), locale.id)] = {
                    "dataset_key": key,
                    "name": RESOURCE_NAMES[fmt][code],
                    "format": fmt,
                    "file": path,
                    "size": size,
                    "checksum": checksum,
                    "sort_order": position,
                }
    ensure_translated_rows(Dataset, wanted)
    ids = {
        (row["translation_key"], row["locale_id"]): row["id"]
        for row in Dataset.objects.filter(
            translation_key__in={key for key, _locale in wanted}
        ).values("id", "translation_key", "locale_id")
    }
    for (_resource_key, locale_id), values in resources.items():
        values["dataset_id"] = ids[(values.pop("dataset_key"), locale_id)]
    ensure_translated_rows(Resource, resources)
    return len(DATASETS)


def load(*, stdout) -> None:
    """The catalogue page under each Open Government page, and the datasets."""
    home_page = OpenGovernmentPage.objects.get(
        locale__language_code=settings.LANGUAGE_CODE
    )
    ensure_child_page(home_page, DataCatalogPage, CATALOGUE_TEXTS)
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    count = ensure_datasets(locales)
    stdout.write(f"open data: {count} datasets")
