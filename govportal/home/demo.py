"""Demo home pages: one per language, the default one being the site's root.

The Uzbek Cyrillic page is not written here: publishing the Latin one generates it
(``govportal.cyrillic``).
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from govportal.core.demo import ensure_translations, publish_if_changed

from .models import HomePage

HOME_TEXTS = {
    "uz": {
        "title": "Oʻzbekiston Respublikasining Hukumat portali",
        "intro": "Davlat organlarining yangiliklari, ishonch telefonlari, "
        "koʻp beriladigan savollarga javoblar va ochiq maʼlumotlar — "
        "barchasi bir joyda.",
    },
    "kaa": {
        "title": "Ózbekstan Respublikasınıń Húkimet portalı",
        "intro": "Mámleketlik shólkemlerdiń jańalıqları, isenim telefonları, jiyi "
        "beriletuǵın sorawlarǵa juwaplar hám ashıq maǵlıwmatlar — barlıǵı bir jerde.",
    },
    "ru": {
        "title": "Правительственный портал Республики Узбекистан",
        "intro": "Новости государственных органов, телефоны доверия, ответы на частые "
        "вопросы и открытые данные — всё в одном месте.",
    },
    "en": {
        "title": "The Government portal of the Republic of Uzbekistan",
        "intro": "News from government bodies, helplines, answers to common questions "
        "and open data, all in one place.",
    },
}


def ensure_home_page() -> HomePage:
    """The default language's home page, made the root of the default site."""
    # Wagtail's own placeholder page, left by its first migration (its site goes too).
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale)
        )
        home = root.add_child(
            instance=HomePage(
                slug="home", locale=locale, live=False, **HOME_TEXTS["uz"]
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, root_page=home)
    if site.root_page_id != home.id or site.site_name != "govportal":
        site.root_page = home
        site.site_name = "govportal"
        site.save()
    return home


def load(*, stdout) -> None:
    """Create or update the home page in every language."""
    home = ensure_home_page()
    publish_if_changed(home, HOME_TEXTS[settings.LANGUAGE_CODE])
    default = home.locale.language_code
    others = {code: texts for code, texts in HOME_TEXTS.items() if code != default}
    ensure_translations(home, others)
    stdout.write(f"home pages: {HomePage.objects.live().count()}")
