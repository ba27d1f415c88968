import pytest
from django.conf import settings
from wagtail.models import Locale

from govportal.agencies.models import AgencyIndexPage, AgencyPage, HelplinesPage

# The languages the demo writes; Uzbek Cyrillic is generated, if at all, elsewhere.
DEMO_LANGUAGES = ["uz", "kaa", "ru", "en"]


def in_language(model, code):
    return model.objects.live().get(locale=Locale.objects.get(language_code=code))


@pytest.fixture
def directory():
    return in_language(AgencyIndexPage, settings.LANGUAGE_CODE)


@pytest.fixture
def helplines_page():
    return in_language(HelplinesPage, settings.LANGUAGE_CODE)


@pytest.fixture
def justice():
    return AgencyPage.objects.get(slug="justice", locale__language_code="uz")


@pytest.fixture
def health():
    return AgencyPage.objects.get(slug="health", locale__language_code="uz")
