from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

CATALOGUES = sorted(
    Path(settings.BASE_DIR, "govportal").glob("*/locale/*/LC_MESSAGES/*.po")
)


def test_every_language_has_a_catalogue_per_app():
    wanted = {to_locale(code) for code, _name in settings.LANGUAGES}
    apps = {path.parts[-5] for path in CATALOGUES}
    for app in apps:
        found = {path.parts[-3] for path in CATALOGUES if path.parts[-5] == app}
        assert wanted <= found, (app, wanted - found)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: "/".join(p.parts[-5:-2]))
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    assert not catalogue.untranslated_entries(), [
        e.msgid for e in catalogue.untranslated_entries()
    ]
    assert not catalogue.fuzzy_entries(), [e.msgid for e in catalogue.fuzzy_entries()]
    assert catalogue.metadata.get("Plural-Forms")
