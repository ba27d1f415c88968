"""What the round-trip test reads and changes in a portal, run as its own process.

``python -m govportal.backup.tests.portal_state ACTION OUTPUT.json`` with the
portal's DATABASE_URL and MEDIA_ROOT in the environment, as ``manage.py`` runs:

``snapshot``
    every page (id, path, title, live status, live content, latest revision content)
    in every locale, every revision, every image, rendition and document row, the
    row count of every model and the SHA-256 of every file under MEDIA_ROOT;
``prepare``
    what an editor leaves behind: a draft revision on a live page, and an uploaded
    image (with a rendition) and document;
``mutate``
    what a bad day does: a page deleted, another edited and published, the draft
    saved over, the image deleted, a media file deleted, a stray file added.

``prepare`` and ``mutate`` add the snapshot taken after them, under ``state``.
"""

import hashlib
import io
import json
import os
import sys
from pathlib import Path


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govportal.settings.dev")
    import django

    django.setup()


def media_files(root: Path) -> dict[str, str]:
    files = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            files[path.relative_to(root).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return dict(sorted(files.items()))


def snapshot() -> dict:
    from django.apps import apps
    from django.conf import settings
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    Image = get_image_model()  # noqa: N806
    pages = []
    queryset = (
        Page.objects.order_by("path")
        .select_related("locale", "content_type", "latest_revision")
        .specific(defer=False)
    )
    for page in queryset:
        latest = page.latest_revision
        pages.append(
            {
                "id": page.pk,
                "path": page.path,
                "depth": page.depth,
                "url_path": page.url_path,
                "title": page.title,
                "slug": page.slug,
                "locale": page.locale.language_code,
                "translation_key": str(page.translation_key),
                "type": page.content_type.model,
                "live": page.live,
                "has_unpublished_changes": page.has_unpublished_changes,
                "live_revision_id": page.live_revision_id,
                "latest_revision_id": page.latest_revision_id,
                "latest_revision_content": latest.content if latest else None,
                "live_content": page.serializable_data(),
            }
        )
    revisions = list(Revision.objects.order_by("pk").values())
    images = list(Image.objects.order_by("pk").values())
    renditions = list(Image.get_rendition_model().objects.order_by("pk").values())
    documents = list(get_document_model().objects.order_by("pk").values())
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }
    state = {
        "pages": pages,
        "revisions": revisions,
        "images": images,
        "renditions": renditions,
        "documents": documents,
        "counts": counts,
        "media": media_files(Path(settings.MEDIA_ROOT)),
    }
    from django.core.serializers.json import DjangoJSONEncoder

    # Through JSON and back, so that states taken by two processes compare as equal.
    return json.loads(json.dumps(state, cls=DjangoJSONEncoder))


def _png() -> bytes:
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), (30, 110, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def prepare() -> dict:
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from govportal.news.models import NewsPage

    page = NewsPage.objects.live().filter(locale__language_code="en").first()
    page.title = "Draft kept by the backup"
    page.lead = "A draft the editor has not published yet."
    page.save_revision()  # a draft: the live page stays as it was

    image = get_image_model()(
        title="Backup test image",
        file=ImageFile(io.BytesIO(_png()), name="backup-test.png"),
    )
    image.save()
    rendition = image.get_rendition("fill-32x32")
    document = get_document_model()(
        title="Backup test document",
        file=ContentFile(
            "Hisobot: oʻzbekcha, ўзбекча, қарақалпақша.\n".encode(),
            name="backup-test.txt",
        ),
    )
    document.save()
    return {
        "draft_page": page.pk,
        "image": image.pk,
        "rendition": rendition.file.name,
        "document": document.pk,
        "document_file": document.file.name,
    }


def mutate() -> dict:
    from django.conf import settings
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from govportal.news.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("pk")
    drafted = news.first()
    deleted = news.exclude(pk=drafted.pk).last()
    deleted_id = deleted.pk
    deleted.delete()

    edited = news.exclude(pk=drafted.pk).first()
    edited.title = "Edited after the backup"
    edited.save_revision().publish()

    drafted = drafted.get_latest_revision_as_object()
    drafted.title = "Draft saved over after the backup"
    drafted.save_revision()

    get_image_model().objects.get(title="Backup test image").delete()
    document = get_document_model().objects.get(title="Backup test document")
    os.remove(document.file.path)
    Path(settings.MEDIA_ROOT, "stray-after-backup.txt").write_text("not in the backup")
    return {"deleted_page": deleted_id, "edited_page": edited.pk}


def main(argv: list[str]) -> int:
    action, output = argv
    _setup()
    if action == "snapshot":
        result = snapshot()
    else:  # the change, then the state it leaves: one process instead of two
        result = {"prepare": prepare, "mutate": mutate}[action]()
        result["state"] = snapshot()
    Path(output).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
