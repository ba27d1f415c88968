import io

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from govportal.home.models import HomePage


def test_demo_has_a_live_home_page_in_every_language(demo):
    homes = HomePage.objects.live()
    assert sorted(homes.values_list("locale__language_code", flat=True)) == sorted(
        code for code, _name in settings.LANGUAGES
    )
    assert len(set(homes.values_list("translation_key", flat=True))) == 1
    assert (
        Site.objects.get(is_default_site=True).root_page.specific.locale.language_code
        == "uz"
    )


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_wagtail_placeholder_page_is_gone(demo):
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
