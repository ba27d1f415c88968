"""Demo news, categories, "New on the portal" notes and the news workflow.

Texts are written in Uzbek (Latin), Karakalpak, Russian and English; publishing the
Uzbek pages generates their Uzbek Cyrillic versions.
"""

import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from govportal.core.demo import ensure_translations, publish_if_changed
from govportal.home.models import HomePage
from govportal.translit import normalize

from .demo_stories import CATEGORIES, STORIES
from .models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)

LANGUAGES = ("uz", "kaa", "ru", "en")

NEWS_INDEX = {
    "uz": (
        "Yangiliklar",
        "Hukumat va davlat organlari yangiliklari (namunaviy maʼlumotlar).",
    ),
    "kaa": (
        "Jańalıqlar",
        "Húkimet hám mámleketlik shólkemler jańalıqları (úlgi maǵlıwmatlar).",
    ),
    "ru": (
        "Новости",
        "Новости правительства и государственных органов (демонстрационные данные).",
    ),
    "en": ("News", "News from the government and public bodies (demo content)."),
}
ANNOUNCEMENT_INDEX = {
    "uz": ("Portalda yangi", "Portaldagi yangi boʻlim va imkoniyatlar."),
    "kaa": ("Portalda jańa", "Portaldaǵı jańa bólimler hám múmkinshilikler."),
    "ru": ("Новое на портале", "Новые разделы и возможности портала."),
    "en": ("New on the portal", "New sections and features of the portal."),
}
# The seed page's five "New on the portal" notes, in our own words.
ANNOUNCEMENTS = [
    (
        "open-government-page",
        "2026-06-10",
        {
            "uz": (
                "«Ochiq hukumat» yangi sahifasi",
                "Hukumat faoliyati, ochiq maʼlumotlar va jamoatchilik muhokamalari bir sahifada jamlandi.",
            ),
            "kaa": (
                "«Ashıq húkimet» jańa beti",
                "Húkimet iskerligi, ashıq maǵlıwmatlar hám jámiyetshilik talqılawları bir bette jıynaldı.",
            ),
            "ru": (
                "Новая страница «Открытое правительство»",
                "Деятельность правительства, открытые данные и общественные обсуждения собраны на одной странице.",
            ),
            "en": (
                "New page: Open Government",
                "The government's work, open data and public consultations, gathered on one page.",
            ),
        },
    ),
    (
        "faq-widget",
        "2026-07-15",
        {
            "uz": (
                "Koʻp beriladigan savollar vidjeti qoʻshildi",
                "Bosh sahifada fuqarolar eng koʻp beradigan savollarga qisqa javoblar paydo boʻldi.",
            ),
            "kaa": (
                "Jiyi beriletuǵın sorawlar vidjeti qosıldı",
                "Bas bette puqaralar eń kóp beretuǵın sorawlarǵa qısqa juwaplar payda boldı.",
            ),
            "ru": (
                "Добавлен виджет частых вопросов",
                "На главной странице появились короткие ответы на самые частые вопросы граждан.",
            ),
            "en": (
                "FAQ widget added",
                "Short answers to the questions citizens ask most now appear on the home page.",
            ),
        },
    ),
    (
        "agencies-in-karakalpak",
        "2026-08-20",
        {
            "uz": (
                "Davlat idoralari roʻyxati qoraqalpoq tilida",
                "Vazirlik va idoralar roʻyxati endi qoraqalpoq tilida ham mavjud.",
            ),
            "kaa": (
                "Mámleketlik mákemeler dizimi qaraqalpaq tilinde",
                "Ministrlikler hám mákemeler dizimi endi qaraqalpaq tilinde de bar.",
            ),
            "ru": (
                "Список госорганов на каракалпакском языке",
                "Список министерств и ведомств теперь доступен и на каракалпакском языке.",
            ),
            "en": (
                "List of government agencies in Karakalpak",
                "The list of ministries and agencies is now available in Karakalpak too.",
            ),
        },
    ),
    (
        "helplines",
        "2026-09-25",
        {
            "uz": (
                "Vazirlik va idoralarning ishonch telefonlari",
                "Barcha davlat organlarining ishonch telefonlari bir sahifada, qisqa raqamlari va ish vaqti bilan.",
            ),
            "kaa": (
                "Ministrlikler hám mákemelerdiń isenim telefonları",
                "Barlıq mámleketlik shólkemlerdiń isenim telefonları bir bette, qısqa nomerleri hám jumıs waqtı menen.",
            ),
            "ru": (
                "Телефоны доверия министерств и ведомств",
                "Телефоны доверия всех госорганов на одной странице, с короткими номерами и часами работы.",
            ),
            "en": (
                "Helplines of ministries and agencies",
                "Every public body's helpline on one page, with short numbers and opening hours.",
            ),
        },
    ),
    (
        "portal-in-karakalpak",
        "2026-10-30",
        {
            "uz": (
                "Hukumat portali qoraqalpoq tilida",
                "Portalning barcha boʻlimlari endi qoraqalpoq tilida ham ochiladi.",
            ),
            "kaa": (
                "Húkimet portalı qaraqalpaq tilinde",
                "Portaldıń barlıq bólimleri endi qaraqalpaq tilinde de ashıladı.",
            ),
            "ru": (
                "Правительственный портал на каракалпакском языке",
                "Все разделы портала теперь открываются и на каракалпакском языке.",
            ),
            "en": (
                "Government portal in Karakalpak",
                "Every section of the portal now opens in Karakalpak too.",
            ),
        },
    ),
]
DEMO_IMAGES = [
    (
        "Demo: forum hall",
        "A conference hall with rows of seats (demo illustration).",
        (11, 61, 110),
        (30, 181, 58),
    ),
    (
        "Demo: school building",
        "A modern school building (demo illustration).",
        (206, 17, 38),
        (255, 191, 71),
    ),
    (
        "Demo: metro station",
        "A metro platform with a train (demo illustration).",
        (8, 48, 90),
        (0, 114, 206),
    ),
    (
        "Demo: cotton field",
        "A cotton field at harvest time (demo illustration).",
        (30, 120, 60),
        (240, 240, 230),
    ),
]


def _clean(code: str, text: str) -> str:
    return normalize(text, lang=code) if code in ("uz", "kaa") else text


def _aware(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.strptime(text, "%Y-%m-%d %H:%M"))


def ensure_categories(locales) -> dict[tuple[str, str], NewsCategory]:
    """The categories in every written language, by (slug, language)."""
    result = {}
    for slug, names in CATEGORIES.items():
        source = NewsCategory.objects.filter(locale=locales["uz"], slug=slug).first()
        if source is None:
            source = NewsCategory.objects.create(
                locale=locales["uz"], slug=slug, name=names[0]
            )
        elif source.name != names[0]:
            source.name = names[0]
            source.save()
        result[(slug, "uz")] = source
        for code, name in zip(LANGUAGES[1:], names[1:], strict=True):
            category = source.get_translation_or_none(locales[code])
            if category is None:
                category = source.copy_for_translation(locales[code])
            if category.pk is None or category.name != name:
                category.name = name
                category.save()
            result[(slug, code)] = category
    return result


def ensure_index(model, slug: str, texts: dict, home: HomePage):
    """An index page in the main menu under every written language's home page."""
    index = model.objects.filter(locale=home.locale, depth=3, slug=slug).first()
    if index is None:
        title, intro = texts["uz"]
        index = home.add_child(
            instance=model(title=title, slug=slug, intro=intro, live=False)
        )
    values = {
        code: {"title": texts[code][0], "intro": texts[code][1], "show_in_menus": True}
        for code in LANGUAGES
    }
    publish_if_changed(index, values["uz"])
    ensure_translations(index, {code: values[code] for code in LANGUAGES[1:]})
    return index


def demo_image(number: int):
    """A generated illustration, so that the demo needs no download."""
    title, description, background, accent = DEMO_IMAGES[number % len(DEMO_IMAGES)]
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", (1200, 800), background)
    draw = ImageDraw.Draw(picture)
    for step in range(8):
        inset = step * 45
        draw.rectangle(
            [inset, 400 + step * 20, 1200 - inset, 800],
            fill=accent if step % 2 else background,
        )
    draw.ellipse([850, 80, 1050, 280], fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return image_model.objects.create(
        title=title,
        description=description,
        file=ImageFile(buffer, name=f"demo-{number}.jpg"),
    )


def ensure_story(index, categories, story, number: int, locales) -> None:
    slug, when, category, author, source, texts = story
    values = {}
    for code in LANGUAGES:
        title, lead, body = texts[code]
        values[code] = {
            "title": _clean(code, title),
            "lead": _clean(code, lead),
            "body": [{"type": "paragraph", "value": f"<p>{_clean(code, body)}</p>"}],
            "date": _aware(when),
            "category": categories[(category, code)],
            "author": author,
            "source": source,
        }
    page = NewsPage.objects.filter(locale=index.locale, slug=slug).first()
    if page is None:
        image = demo_image(number)
        page = index.add_child(
            instance=NewsPage(slug=slug, live=False, lead_image=image, **values["uz"])
        )
    publish_if_changed(page, values["uz"])
    ensure_translations(page, {code: values[code] for code in LANGUAGES[1:]})


AGENCY_NEWS_INDEX = {
    "uz": (
        "Vazirlik yangiliklari",
        "Vazirlikning oʻz yangiliklari (namunaviy maʼlumotlar).",
    ),
    "kaa": (
        "Ministrlik jańalıqları",
        "Ministrliktiń óz jańalıqları (úlgi maǵlıwmatlar).",
    ),
    "ru": (
        "Новости министерства",
        "Собственные новости министерства (демонстрационные данные).",
    ),
    "en": ("Ministry news", "The ministry's own news (demo content)."),
}
AGENCY_STORIES = [
    (
        "mobile-app-new-services",
        "2026-11-25 10:00",
        "technology",
        "",
        "",
        {
            "uz": (
                "Mobil ilovaga 20 ta yangi davlat xizmati qoʻshildi",
                "Endi maʼlumotnomalarni telefon orqali olish mumkin.",
                "Xizmatlar roʻyxatiga ish joyidan maʼlumotnoma, soliq qarzi yoʻqligi haqida maʼlumotnoma va boshqalar kiritildi.",
            ),
            "kaa": (
                "Mobil qosımshaǵa 20 jańa mámleketlik xızmet qosıldı",
                "Endi maǵlıwmatnamalardı telefon arqalı alıw múmkin.",
                "Xızmetler dizimine jumıs ornınan maǵlıwmatnama hám basqalar kirgizildi.",
            ),
            "ru": (
                "В мобильное приложение добавлено 20 новых госуслуг",
                "Справки теперь можно получить через телефон.",
                "В список вошли справка с места работы, справка об отсутствии налоговой задолженности и другие.",
            ),
            "en": (
                "Twenty new public services in the mobile app",
                "Certificates can now be obtained by phone.",
                "They include employment certificates, tax clearance certificates and more.",
            ),
        },
    ),
    (
        "rural-broadband",
        "2026-11-21 09:30",
        "technology",
        "",
        "",
        {
            "uz": (
                "Yana 300 ta qishloqqa tezkor internet oʻtkazildi",
                "Optik tolali tarmoq uzunligi yil boshidan 8 ming kilometrga oshdi.",
                "Maktablar, oilaviy poliklinikalar va mahalla idoralari birinchi navbatda ulanmoqda.",
            ),
            "kaa": (
                "Jáne 300 awılǵa tez internet ótkerildi",
                "Optikalıq talshıqlı tarmaq uzınlıǵı jıl basınan 8 mıń kilometrge artti.",
                "Mektepler, shańaraqlıq poliklinikalar hám máhálle mákemeleri birinshi gezekte jalǵanbaqta.",
            ),
            "ru": (
                "Ещё 300 сёл подключены к скоростному интернету",
                "С начала года оптоволоконная сеть выросла на 8 тысяч километров.",
                "В первую очередь подключают школы, семейные поликлиники и махаллинские сходы.",
            ),
            "en": (
                "Fast internet reaches 300 more villages",
                "The fibre network has grown by 8,000 km since the start of the year.",
                "Schools, family clinics and neighbourhood offices are connected first.",
            ),
        },
    ),
]


def ensure_agency_news(agency) -> None:
    """A news section inside an agency's own pages, with a few items."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    categories = ensure_categories(locales)
    index = NewsIndexPage.objects.child_of(agency).first()
    if index is None:
        title, intro = AGENCY_NEWS_INDEX["uz"]
        index = agency.add_child(
            instance=NewsIndexPage(title=title, slug="news", intro=intro, live=False)
        )
    values = {
        code: {"title": AGENCY_NEWS_INDEX[code][0], "intro": AGENCY_NEWS_INDEX[code][1]}
        for code in LANGUAGES
    }
    publish_if_changed(index, values["uz"])
    ensure_translations(index, {code: values[code] for code in LANGUAGES[1:]})
    for number, story in enumerate(AGENCY_STORIES):
        ensure_story(index, categories, story, number, locales)


def ensure_announcements(index) -> None:
    for slug, day, texts in ANNOUNCEMENTS:
        values = {
            code: {
                "title": _clean(code, texts[code][0]),
                "summary": _clean(code, texts[code][1]),
                "date": datetime.date.fromisoformat(day),
            }
            for code in LANGUAGES
        }
        page = AnnouncementPage.objects.filter(locale=index.locale, slug=slug).first()
        if page is None:
            page = index.add_child(
                instance=AnnouncementPage(slug=slug, live=False, **values["uz"])
            )
        publish_if_changed(page, values["uz"])
        ensure_translations(page, {code: values[code] for code in LANGUAGES[1:]})


def ensure_news_workflow() -> None:
    """Editors submit news; moderators approve and publish (docs/editing.md)."""
    editors, _ = Group.objects.get_or_create(name="News editors")
    moderators, _ = Group.objects.get_or_create(name="News moderators")
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in (editors, moderators):
        group.permissions.add(admin_access)
    task, _ = GroupApprovalTask.objects.get_or_create(name="Moderator approval")
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name="News moderation")
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for index in NewsIndexPage.objects.filter(depth=3):
        for group, codenames in (
            (editors, ["add_page", "change_page"]),
            (moderators, ["add_page", "change_page", "publish_page"]),
        ):
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=index,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def load(*, stdout) -> None:
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    home = HomePage.objects.get(locale=locales["uz"], depth=2)
    categories = ensure_categories(locales)
    news_index = ensure_index(NewsIndexPage, "news", NEWS_INDEX, home)
    announcement_index = ensure_index(
        AnnouncementIndexPage, "new", ANNOUNCEMENT_INDEX, home
    )
    for number, story in enumerate(STORIES):
        ensure_story(news_index, categories, story, number, locales)
    ensure_announcements(announcement_index)
    ensure_news_workflow()
    stdout.write(f"news: {NewsPage.objects.live().count()} pages in all languages")
