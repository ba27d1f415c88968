"""The demo Open Government page in four languages.

Block ids are derived from stable names, so that comparing the stored StreamField
with the wanted one tells whether anything changed, and a second run publishes no
revision.
"""

import json
import uuid

from django.conf import settings

from govportal.core.demo import ensure_translations
from govportal.home.models import HomePage

from .models import OpenGovernmentPage

KEY_NAMESPACE = uuid.UUID("3c1d8a7e-52f0-4d8e-8f0e-6e4b9d1a2c55")

LINKS = [
    ("data.gov.uz", "https://data.gov.uz"),
    ("regulation.gov.uz", "https://regulation.gov.uz"),
    ("my.gov.uz", "https://my.gov.uz"),
    ("pm.gov.uz", "https://pm.gov.uz"),
]

TEXTS = {
    "uz": {
        "title": "Ochiq hukumat",
        "slug": "ochiq-hukumat",
        "intro": "Davlat organlari faoliyatining ochiqligi: maʼlumotlar, hujjatlar "
        "loyihalari va jamoatchilik muhokamalari.",
        "heading": "Fuqarolar ishtiroki",
        "paragraph": "Hukumat qarorlari loyihalari jamoatchilik muhokamasiga "
        "qoʻyiladi. Quyidagi manbalarda maʼlumotlar va loyihalar bilan tanishing.",
        "links": [
            "Ochiq maʼlumotlar portali",
            "Normativ-huquqiy hujjatlar loyihalari muhokamasi",
            "Interaktiv davlat xizmatlari",
            "Prezident virtual qabulxonasi",
        ],
        "consultations": [
            (
                "Davlat xizmatlari koʻrsatish tartibi toʻgʻrisidagi nizom loyihasi",
                "Demo muhokama: sanalar va holat namuna sifatida berilgan.",
            ),
            (
                "Ochiq maʼlumotlarni eʼlon qilish qoidalari loyihasi",
                "Demo muhokama: sanalar va holat namuna sifatida berilgan.",
            ),
            (
                "Fuqarolar murojaatlarini koʻrib chiqish reglamenti loyihasi",
                "Demo muhokama: sanalar va holat namuna sifatida berilgan.",
            ),
        ],
    },
    "kaa": {
        "title": "Ashıq húkimet",
        "slug": "ashiq-hukimet",
        "intro": "Mámleketlik organlar iskerliginiń ashıqlıǵı: maǵlıwmatlar, "
        "hújjetler joybarları hám jámiyetshilik dodalawları.",
        "heading": "Puqaralardıń qatnasıwı",
        "paragraph": "Húkimet qararlarınıń joybarları jámiyetshilik dodalawına "
        "qoyıladı. Tómendegi dereklerde maǵlıwmatlar hám joybarlar menen tanısıń.",
        "links": [
            "Ashıq maǵlıwmatlar portalı",
            "Normativlik-huqıqıy hújjetler joybarların dodalaw",
            "Interaktiv mámleketlik xızmetler",
            "Prezidenttiń virtual qabıllaw bólmesi",
        ],
        "consultations": [
            (
                "Mámleketlik xızmetler kórsetiw tártibi haqqındaǵı nızam joybarı",
                "Demo dodalaw: sáneler hám jaǵday úlgi retinde berilgen.",
            ),
            (
                "Ashıq maǵlıwmatlardı járiyalaw qaǵıydaları joybarı",
                "Demo dodalaw: sáneler hám jaǵday úlgi retinde berilgen.",
            ),
            (
                "Puqaralar múrájatların kórip shıǵıw reglamenti joybarı",
                "Demo dodalaw: sáneler hám jaǵday úlgi retinde berilgen.",
            ),
        ],
    },
    "ru": {
        "title": "Открытое правительство",
        "slug": "otkrytoe-pravitelstvo",
        "intro": "Открытость работы государственных органов: данные, проекты "
        "документов и общественные обсуждения.",
        "heading": "Участие граждан",
        "paragraph": "Проекты решений правительства выносятся на общественное "
        "обсуждение. Данные и проекты — на ресурсах ниже.",
        "links": [
            "Портал открытых данных",
            "Обсуждение проектов нормативно-правовых актов",
            "Интерактивные государственные услуги",
            "Виртуальная приёмная Президента",
        ],
        "consultations": [
            (
                "Проект положения о порядке оказания государственных услуг",
                "Демо-обсуждение: даты и статус приведены для примера.",
            ),
            (
                "Проект правил публикации открытых данных",
                "Демо-обсуждение: даты и статус приведены для примера.",
            ),
            (
                "Проект регламента рассмотрения обращений граждан",
                "Демо-обсуждение: даты и статус приведены для примера.",
            ),
        ],
    },
    "en": {
        "title": "Open Government",
        "slug": "open-government",
        "intro": "Openness of government bodies: data, draft documents and public "
        "consultations.",
        "heading": "Taking part",
        "paragraph": "Draft government decisions are put to public consultation. "
        "Find data and drafts on the sites below.",
        "links": [
            "Open data portal",
            "Consultation on draft legal acts",
            "Interactive public services",
            "The President's virtual reception",
        ],
        "consultations": [
            (
                "Draft regulation on the provision of public services",
                "Demo consultation: the dates and status are examples.",
            ),
            (
                "Draft rules for publishing open data",
                "Demo consultation: the dates and status are examples.",
            ),
            (
                "Draft procedure for handling citizens' appeals",
                "Demo consultation: the dates and status are examples.",
            ),
        ],
    },
}

CONSULTATION_FACTS = [
    ("2025-01-15", "2025-02-15", "results"),
    ("2025-06-01", "2025-07-01", "closed"),
    ("2026-09-01", "2026-10-01", "planned"),
]


def _id(name: str) -> str:
    return str(uuid.uuid5(KEY_NAMESPACE, name))


def page_values(code: str) -> tuple[dict, dict]:
    """The plain fields and the raw StreamField values of the page in a language."""
    texts = TEXTS[code]
    body = [
        {"type": "heading", "value": texts["heading"], "id": _id("heading")},
        {
            "type": "paragraph",
            "value": f"<p>{texts['paragraph']}</p>",
            "id": _id("paragraph"),
        },
        {
            "type": "links",
            "value": [
                {
                    "type": "item",
                    "value": {"title": title, "url": url, "description": label},
                    "id": _id(f"link:{url}"),
                }
                for (title, url), label in zip(LINKS, texts["links"], strict=True)
            ],
            "id": _id("links"),
        },
    ]
    consultations = [
        {
            "type": "consultation",
            "value": {
                "title": title,
                "summary": summary,
                "start_date": start,
                "end_date": end,
                "status": status,
                "url": "https://regulation.gov.uz",
            },
            "id": _id(f"consultation:{index}"),
        }
        for index, ((title, summary), (start, end, status)) in enumerate(
            zip(texts["consultations"], CONSULTATION_FACTS, strict=True)
        )
    ]
    fields = {name: texts[name] for name in ("title", "slug", "intro")}
    fields["show_in_menus"] = True
    return fields, {"body": body, "consultations": consultations}


def _stored(page, name: str) -> str:
    return json.dumps(getattr(page, name).get_prep_value(), sort_keys=True)


def publish_page(page: OpenGovernmentPage, code: str) -> bool:
    """Publish ``page`` with the language's content, unless nothing changes."""
    fields, streams = page_values(code)
    changed = (
        not page.live
        or any(getattr(page, name) != value for name, value in fields.items())
        or any(
            _stored(page, name) != json.dumps(value, sort_keys=True)
            for name, value in streams.items()
        )
    )
    if changed:
        for name, value in {**fields, **streams}.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return changed


def load(*, stdout) -> None:
    """The Open Government page under each language's home page."""
    default = settings.LANGUAGE_CODE
    home = HomePage.objects.get(depth=2, locale__language_code=default)
    page = OpenGovernmentPage.objects.child_of(home).first()
    if page is None:
        fields, _streams = page_values(default)
        page = home.add_child(instance=OpenGovernmentPage(live=False, **fields))
    publish_page(page, default)
    others = [code for code in TEXTS if code != default]
    # Create the translations first, then give each its own content.
    pages = ensure_translations(page, {code: {} for code in others})
    for code, translation in pages.items():
        publish_page(translation, code)
    stdout.write(f"open government: {OpenGovernmentPage.objects.live().count()} pages")
