from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(
    Path(settings.BASE_DIR, "govportal").glob("*/locale/*/LC_MESSAGES/*.po")
)


def test_every_language_has_a_catalogue_per_app():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {"uz", "uz_Cyrl", "kaa", "ru", "en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    assert not catalogue.untranslated_entries(), [
        e.msgid for e in catalogue.untranslated_entries()
    ]
    assert not catalogue.fuzzy_entries(), [e.msgid for e in catalogue.fuzzy_entries()]
    assert catalogue.metadata.get("Plural-Forms")
