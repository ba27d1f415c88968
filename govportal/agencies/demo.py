"""Demo agencies, their helplines, the directory and the helplines page.

The names of the agencies are real; their contact details are invented, every
agency is marked as demo data, and the phone numbers use the unassigned ``000``
exchange (``+998 71 000-…``). People's names are left out on purpose.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale

from govportal.core.demo import (
    ensure_child_page,
    ensure_translated_rows,
    publish_if_changed,
)
from govportal.home.models import HomePage
from govportal.news.demo import ensure_agency_news

from .models import AgencyIndexPage, AgencyPage, AgencyType, Helpline, HelplinesPage

LANGUAGES = ("uz", "kaa", "ru", "en")
KEY_NAMESPACE = uuid.UUID("7d0c8a2e-3f9b-4c55-9a51-0b6f0d2b8c11")

DIRECTORY_TEXTS = {
    "uz": {
        "title": "Davlat organlari",
        "slug": "davlat-organlari",
        "show_in_menus": True,
        "intro": "Vazirliklar, qoʻmitalar, agentliklar, inspeksiyalar va hududiy "
        "hokimliklarning manzillari va telefonlari.",
    },
    "kaa": {
        "title": "Mámleketlik organlar",
        "slug": "mamleketlik-organlar",
        "show_in_menus": True,
        "intro": "Ministrlikler, komitetler, agentlikler, inspekciyalar hám aymaqlıq "
        "hákimliklerdiń mánzilleri hám telefonları.",
    },
    "ru": {
        "title": "Государственные органы",
        "slug": "gosorgany",
        "show_in_menus": True,
        "intro": "Адреса и телефоны министерств, комитетов, агентств, инспекций и "
        "региональных хокимиятов.",
    },
    "en": {
        "title": "Government agencies",
        "slug": "agencies",
        "show_in_menus": True,
        "intro": "Addresses and phone numbers of ministries, committees, agencies, "
        "inspections and regional administrations.",
    },
}

HELPLINES_TEXTS = {
    "uz": {
        "title": "Ishonch telefonlari",
        "slug": "ishonch-telefonlari",
        "show_in_menus": True,
        "intro": "Davlat organlarining ishonch telefonlari va murojaat markazlari.",
    },
    "kaa": {
        "title": "Isenim telefonları",
        "slug": "isenim-telefonlari",
        "show_in_menus": True,
        "intro": "Mámleketlik organlardıń isenim telefonları hám múrájat orayları.",
    },
    "ru": {
        "title": "Телефоны доверия",
        "slug": "telefony-doveriya",
        "show_in_menus": True,
        "intro": "Телефоны доверия и контакт-центры государственных органов.",
    },
    "en": {
        "title": "Helplines",
        "slug": "helplines",
        "show_in_menus": True,
        "intro": "Trust lines and call centres of government bodies.",
    },
}

# slug, type, parent slug, website, names {language: (title, official name, short)}
NATIONAL = [
    (
        "economy-finance",
        AgencyType.MINISTRY,
        "",
        "https://imv.uz",
        {
            "uz": ("Iqtisodiyot va moliya vazirligi", "", ""),
            "kaa": ("Ekonomika hám qarjı ministrligi", "", ""),
            "ru": ("Министерство экономики и финансов", "", ""),
            "en": ("Ministry of Economy and Finance", "", ""),
        },
    ),
    (
        "foreign-affairs",
        AgencyType.MINISTRY,
        "",
        "https://mfa.uz",
        {
            "uz": ("Tashqi ishlar vazirligi", "", "TIV"),
            "kaa": ("Sırtqı isler ministrligi", "", "SIM"),
            "ru": ("Министерство иностранных дел", "", "МИД"),
            "en": ("Ministry of Foreign Affairs", "", "MFA"),
        },
    ),
    (
        "justice",
        AgencyType.MINISTRY,
        "",
        "https://adliya.uz",
        {
            "uz": ("Adliya vazirligi", "", ""),
            "kaa": ("Ádillik ministrligi", "", ""),
            "ru": ("Министерство юстиции", "", "Минюст"),
            "en": ("Ministry of Justice", "", ""),
        },
    ),
    (
        "health",
        AgencyType.MINISTRY,
        "",
        "",
        {
            "uz": ("Sogʻliqni saqlash vazirligi", "", "SSV"),
            "kaa": ("Densawlıqtı saqlaw ministrligi", "", ""),
            "ru": ("Министерство здравоохранения", "", "Минздрав"),
            "en": ("Ministry of Health", "", ""),
        },
    ),
    (
        "school-education",
        AgencyType.MINISTRY,
        "",
        "https://uzedu.uz",
        {
            "uz": ("Maktabgacha va maktab taʼlimi vazirligi", "", ""),
            "kaa": ("Mektepke shekemgi hám mektep bilimlendiriwi ministrligi", "", ""),
            "ru": ("Министерство дошкольного и школьного образования", "", ""),
            "en": ("Ministry of Preschool and School Education", "", ""),
        },
    ),
    (
        "higher-education",
        AgencyType.MINISTRY,
        "",
        "https://edu.uz",
        {
            "uz": ("Oliy taʼlim, fan va innovatsiyalar vazirligi", "", ""),
            "kaa": ("Joqarı bilimlendiriw, ilim hám innovaciyalar ministrligi", "", ""),
            "ru": ("Министерство высшего образования, науки и инноваций", "", ""),
            "en": ("Ministry of Higher Education, Science and Innovation", "", ""),
        },
    ),
    (
        "digital-technologies",
        AgencyType.MINISTRY,
        "",
        "https://digital.uz",
        {
            "uz": ("Raqamli texnologiyalar vazirligi", "", ""),
            "kaa": ("Cifrlı texnologiyalar ministrligi", "", ""),
            "ru": ("Министерство цифровых технологий", "", ""),
            "en": ("Ministry of Digital Technologies", "", ""),
        },
    ),
    (
        "energy",
        AgencyType.MINISTRY,
        "",
        "https://minenergy.uz",
        {
            "uz": ("Energetika vazirligi", "", ""),
            "kaa": ("Energetika ministrligi", "", ""),
            "ru": ("Министерство энергетики", "", "Минэнерго"),
            "en": ("Ministry of Energy", "", ""),
        },
    ),
    (
        "emergency-situations",
        AgencyType.MINISTRY,
        "",
        "",
        {
            "uz": ("Favqulodda vaziyatlar vazirligi", "", "FVV"),
            "kaa": ("Tótenshe jaǵdaylar ministrligi", "", ""),
            "ru": ("Министерство по чрезвычайным ситуациям", "", "МЧС"),
            "en": ("Ministry of Emergency Situations", "", ""),
        },
    ),
    (
        "tax-committee",
        AgencyType.COMMITTEE,
        "economy-finance",
        "https://soliq.uz",
        {
            "uz": (
                "Soliq qoʻmitasi",
                "Oʻzbekiston Respublikasi Iqtisodiyot va moliya vazirligi huzuridagi "
                "Soliq qoʻmitasi",
                "",
            ),
            "kaa": (
                "Salıq komiteti",
                "Ózbekstan Respublikası Ekonomika hám qarjı ministrligi janındaǵı "
                "Salıq komiteti",
                "",
            ),
            "ru": (
                "Налоговый комитет",
                "Налоговый комитет при Министерстве экономики и финансов "
                "Республики Узбекистан",
                "",
            ),
            "en": (
                "Tax Committee",
                "Tax Committee under the Ministry of Economy and Finance of the "
                "Republic of Uzbekistan",
                "",
            ),
        },
    ),
    (
        "customs-committee",
        AgencyType.COMMITTEE,
        "economy-finance",
        "https://customs.uz",
        {
            "uz": (
                "Bojxona qoʻmitasi",
                "Oʻzbekiston Respublikasi Iqtisodiyot va moliya vazirligi huzuridagi "
                "Bojxona qoʻmitasi",
                "",
            ),
            "kaa": (
                "Bajıxana komiteti",
                "Ózbekstan Respublikası Ekonomika hám qarjı ministrligi janındaǵı "
                "Bajıxana komiteti",
                "",
            ),
            "ru": (
                "Таможенный комитет",
                "Таможенный комитет при Министерстве экономики и финансов "
                "Республики Узбекистан",
                "",
            ),
            "en": (
                "Customs Committee",
                "Customs Committee under the Ministry of Economy and Finance of the "
                "Republic of Uzbekistan",
                "",
            ),
        },
    ),
    (
        "industrial-safety",
        AgencyType.COMMITTEE,
        "",
        "",
        {
            "uz": ("Sanoat xavfsizligi davlat qoʻmitasi", "", ""),
            "kaa": ("Sanaat qáwipsizligi mámleketlik komiteti", "", ""),
            "ru": ("Государственный комитет промышленной безопасности", "", ""),
            "en": ("State Committee for Industrial Safety", "", ""),
        },
    ),
    (
        "veterinary",
        AgencyType.COMMITTEE,
        "",
        "",
        {
            "uz": (
                "Veterinariya va chorvachilikni rivojlantirish davlat qoʻmitasi",
                "",
                "",
            ),
            "kaa": (
                "Veterinariya hám sharwashılıqtı rawajlandırıw mámleketlik komiteti",
                "",
                "",
            ),
            "ru": (
                "Государственный комитет ветеринарии и развития животноводства",
                "",
                "",
            ),
            "en": (
                "State Committee for Veterinary Medicine and Livestock Development",
                "",
                "",
            ),
        },
    ),
    (
        "statistics",
        AgencyType.AGENCY,
        "",
        "https://stat.uz",
        {
            "uz": (
                "Statistika agentligi",
                "Oʻzbekiston Respublikasi Prezidenti huzuridagi Statistika agentligi",
                "",
            ),
            "kaa": (
                "Statistika agentligi",
                "Ózbekstan Respublikası Prezidenti janındaǵı Statistika agentligi",
                "",
            ),
            "ru": (
                "Агентство статистики",
                "Агентство статистики при Президенте Республики Узбекистан",
                "",
            ),
            "en": (
                "Statistics Agency",
                "Statistics Agency under the President of the Republic of Uzbekistan",
                "",
            ),
        },
    ),
    (
        "public-services",
        AgencyType.AGENCY,
        "justice",
        "",
        {
            "uz": (
                "Davlat xizmatlari agentligi",
                "Oʻzbekiston Respublikasi Adliya vazirligi huzuridagi Davlat xizmatlari "
                "agentligi",
                "",
            ),
            "kaa": (
                "Mámleketlik xızmetler agentligi",
                "Ózbekstan Respublikası Ádillik ministrligi janındaǵı Mámleketlik "
                "xızmetler agentligi",
                "",
            ),
            "ru": (
                "Агентство государственных услуг",
                "Агентство государственных услуг при Министерстве юстиции "
                "Республики Узбекистан",
                "",
            ),
            "en": (
                "Public Services Agency",
                "Public Services Agency under the Ministry of Justice of the "
                "Republic of Uzbekistan",
                "",
            ),
        },
    ),
    (
        "anti-corruption",
        AgencyType.AGENCY,
        "",
        "https://anticorruption.uz",
        {
            "uz": ("Korrupsiyaga qarshi kurashish agentligi", "", ""),
            "kaa": ("Korrupciyaǵa qarsı gúresiw agentligi", "", ""),
            "ru": ("Агентство по противодействию коррупции", "", ""),
            "en": ("Anti-Corruption Agency", "", ""),
        },
    ),
    (
        "uzenergoinspeksiya",
        AgencyType.INSPECTION,
        "energy",
        "",
        {
            "uz": (
                "Oʻzenergoinspeksiya",
                "Energetika vazirligi huzuridagi Elektr energetikasi, neft mahsulotlari "
                "va gazdan foydalanish sohasida nazorat qilish inspeksiyasi",
                "",
            ),
            "kaa": (
                "Ózenergoinspekciya",
                "Energetika ministrligi janındaǵı Elektr energetikası, neft ónimleri "
                "hám gazdan paydalanıw tarawında qadaǵalaw inspekciyası",
                "",
            ),
            "ru": (
                "Узэнергоинспекция",
                "Инспекция по контролю в сфере электроэнергетики, нефтепродуктов и "
                "использования газа при Министерстве энергетики",
                "",
            ),
            "en": (
                "Uzenergoinspeksiya",
                "Inspection for Control in Electric Power, Oil Products and Gas Use "
                "under the Ministry of Energy",
                "",
            ),
        },
    ),
    (
        "agro-inspection",
        AgencyType.INSPECTION,
        "",
        "",
        {
            "uz": (
                "Agrosanoat majmui ustidan nazorat qilish inspeksiyasi",
                "Oʻzbekiston Respublikasi Vazirlar Mahkamasi huzuridagi Agrosanoat "
                "majmui ustidan nazorat qilish inspeksiyasi",
                "",
            ),
            "kaa": (
                "Agrosanaat kompleksi ústinen qadaǵalaw inspekciyası",
                "Ózbekstan Respublikası Ministrler Kabineti janındaǵı Agrosanaat "
                "kompleksi ústinen qadaǵalaw inspekciyası",
                "",
            ),
            "ru": (
                "Инспекция по контролю за агропромышленным комплексом",
                "Инспекция по контролю за агропромышленным комплексом при Кабинете "
                "Министров Республики Узбекистан",
                "",
            ),
            "en": (
                "Inspection for Control over the Agro-Industrial Complex",
                "Inspection for Control over the Agro-Industrial Complex under the "
                "Cabinet of Ministers of the Republic of Uzbekistan",
                "",
            ),
        },
    ),
]

# region code, phone area code, latitude, longitude,
# names {language: (title, centre)}
REGIONAL = [
    (
        "QR",
        "61",
        "42.461900",
        "59.616600",
        {
            "uz": ("Qoraqalpogʻiston Respublikasi Vazirlar Kengashi", "Nukus"),
            "kaa": ("Qaraqalpaqstan Respublikası Ministrler Keńesi", "Nókis"),
            "ru": ("Совет Министров Республики Каракалпакстан", "Нукус"),
            "en": ("Council of Ministers of the Republic of Karakalpakstan", "Nukus"),
        },
    ),
    (
        "TK",
        "71",
        "41.311100",
        "69.279700",
        {
            "uz": ("Toshkent shahar hokimligi", "Toshkent"),
            "kaa": ("Tashkent qalası hákimligi", "Tashkent"),
            "ru": ("Хокимият города Ташкента", "Ташкент"),
            "en": ("Tashkent City Khokimiyat", "Tashkent"),
        },
    ),
    (
        "AN",
        "74",
        "40.782100",
        "72.344200",
        {
            "uz": ("Andijon viloyati hokimligi", "Andijon"),
            "kaa": ("Ánjan walayatı hákimligi", "Ánjan"),
            "ru": ("Хокимият Андижанской области", "Андижан"),
            "en": ("Andijan Regional Khokimiyat", "Andijan"),
        },
    ),
    (
        "BU",
        "65",
        "39.774700",
        "64.428600",
        {
            "uz": ("Buxoro viloyati hokimligi", "Buxoro"),
            "kaa": ("Buxara walayatı hákimligi", "Buxara"),
            "ru": ("Хокимият Бухарской области", "Бухара"),
            "en": ("Bukhara Regional Khokimiyat", "Bukhara"),
        },
    ),
    (
        "FA",
        "73",
        "40.386400",
        "71.786400",
        {
            "uz": ("Fargʻona viloyati hokimligi", "Fargʻona"),
            "kaa": ("Ferǵana walayatı hákimligi", "Ferǵana"),
            "ru": ("Хокимият Ферганской области", "Фергана"),
            "en": ("Fergana Regional Khokimiyat", "Fergana"),
        },
    ),
    (
        "JI",
        "72",
        "40.115800",
        "67.842200",
        {
            "uz": ("Jizzax viloyati hokimligi", "Jizzax"),
            "kaa": ("Jizzax walayatı hákimligi", "Jizzax"),
            "ru": ("Хокимият Джизакской области", "Джизак"),
            "en": ("Jizzakh Regional Khokimiyat", "Jizzakh"),
        },
    ),
    (
        "QA",
        "75",
        "38.860600",
        "65.789100",
        {
            "uz": ("Qashqadaryo viloyati hokimligi", "Qarshi"),
            "kaa": ("Qashqadárya walayatı hákimligi", "Qarshı"),
            "ru": ("Хокимият Кашкадарьинской области", "Карши"),
            "en": ("Kashkadarya Regional Khokimiyat", "Karshi"),
        },
    ),
    (
        "XO",
        "62",
        "41.550000",
        "60.633300",
        {
            "uz": ("Xorazm viloyati hokimligi", "Urganch"),
            "kaa": ("Xorezm walayatı hákimligi", "Úrgenish"),
            "ru": ("Хокимият Хорезмской области", "Ургенч"),
            "en": ("Khorezm Regional Khokimiyat", "Urgench"),
        },
    ),
    (
        "NG",
        "69",
        "40.998300",
        "71.672600",
        {
            "uz": ("Namangan viloyati hokimligi", "Namangan"),
            "kaa": ("Namangan walayatı hákimligi", "Namangan"),
            "ru": ("Хокимият Наманганской области", "Наманган"),
            "en": ("Namangan Regional Khokimiyat", "Namangan"),
        },
    ),
    (
        "NW",
        "79",
        "40.084400",
        "65.379200",
        {
            "uz": ("Navoiy viloyati hokimligi", "Navoiy"),
            "kaa": ("Nawayı walayatı hákimligi", "Nawayı"),
            "ru": ("Хокимият Навоийской области", "Навои"),
            "en": ("Navoiy Regional Khokimiyat", "Navoiy"),
        },
    ),
    (
        "SA",
        "66",
        "39.654200",
        "66.959700",
        {
            "uz": ("Samarqand viloyati hokimligi", "Samarqand"),
            "kaa": ("Samarqand walayatı hákimligi", "Samarqand"),
            "ru": ("Хокимият Самаркандской области", "Самарканд"),
            "en": ("Samarkand Regional Khokimiyat", "Samarkand"),
        },
    ),
    (
        "SU",
        "76",
        "37.224200",
        "67.278300",
        {
            "uz": ("Surxondaryo viloyati hokimligi", "Termiz"),
            "kaa": ("Surxandárya walayatı hákimligi", "Termiz"),
            "ru": ("Хокимият Сурхандарьинской области", "Термез"),
            "en": ("Surkhandarya Regional Khokimiyat", "Termez"),
        },
    ),
    (
        "SI",
        "67",
        "40.489700",
        "68.784200",
        {
            "uz": ("Sirdaryo viloyati hokimligi", "Guliston"),
            "kaa": ("Sırdárya walayatı hákimligi", "Gulistan"),
            "ru": ("Хокимият Сырдарьинской области", "Гулистан"),
            "en": ("Syrdarya Regional Khokimiyat", "Gulistan"),
        },
    ),
    (
        "TO",
        "70",
        "41.043600",
        "69.357800",
        {
            "uz": ("Toshkent viloyati hokimligi", "Nurafshon"),
            "kaa": ("Tashkent walayatı hákimligi", "Nurafshan"),
            "ru": ("Хокимият Ташкентской области", "Нурафшан"),
            "en": ("Tashkent Regional Khokimiyat", "Nurafshon"),
        },
    ),
]

TASHKENT = ("41.311100", "69.279700")
ADDRESS = {
    "uz": "{city} shahri, Namuna koʻchasi, {number}-uy (demo manzil)",
    "kaa": "{city} qalası, Úlgi kóshesi, {number}-úy (demo mánzil)",
    "ru": "г. {city}, ул. Примерная, д. {number} (демо-адрес)",
    "en": "{number} Example Street, {city} (demo address)",
}
TASHKENT_NAMES = {
    "uz": "Toshkent",
    "kaa": "Tashkent",
    "ru": "Ташкент",
    "en": "Tashkent",
}
RECEPTION_HOURS = {
    "uz": "Dushanba–juma, 9:00–18:00; tushlik 13:00–14:00",
    "kaa": "Dúyshembi–juma, 9:00–18:00; túslik 13:00–14:00",
    "ru": "Пн–пт, 9:00–18:00; обед 13:00–14:00",
    "en": "Monday to Friday, 9:00–18:00; lunch 13:00–14:00",
}
PURPOSES = {
    "trust": {
        "uz": "Ishonch telefoni",
        "kaa": "Isenim telefonı",
        "ru": "Телефон доверия",
        "en": "Trust line",
    },
    "calls": {
        "uz": "Murojaatlar markazi",
        "kaa": "Múrájatlar orayı",
        "ru": "Контакт-центр",
        "en": "Call centre",
    },
    "rescue": {
        "uz": "Favqulodda vaziyatlar xizmati",
        "kaa": "Tótenshe jaǵdaylar xızmeti",
        "ru": "Служба спасения",
        "en": "Fire and rescue",
    },
    "ambulance": {
        "uz": "Tez tibbiy yordam",
        "kaa": "Tez medicinalıq járdem",
        "ru": "Скорая медицинская помощь",
        "en": "Ambulance",
    },
}
HOURS = {
    "always": {
        "uz": "Har kuni, 24 soat",
        "kaa": "Hár kúni, 24 saat",
        "ru": "Ежедневно, круглосуточно",
        "en": "Every day, 24 hours",
    },
    "office": {
        "uz": "Dushanba–juma, 9:00–18:00",
        "kaa": "Dúyshembi–juma, 9:00–18:00",
        "ru": "Пн–пт, 9:00–18:00",
        "en": "Monday to Friday, 9:00–18:00",
    },
}
SPOKEN = {
    "national": {
        "uz": "oʻzbek, rus",
        "kaa": "ózbek, orıs",
        "ru": "узбекский, русский",
        "en": "Uzbek, Russian",
    },
    "english": {
        "uz": "oʻzbek, rus, ingliz",
        "kaa": "ózbek, orıs, inglis",
        "ru": "узбекский, русский, английский",
        "en": "Uzbek, Russian, English",
    },
    "karakalpak": {
        "uz": "qoraqalpoq, oʻzbek, rus",
        "kaa": "qaraqalpaq, ózbek, orıs",
        "ru": "каракалпакский, узбекский, русский",
        "en": "Karakalpak, Uzbek, Russian",
    },
}
# slug: [(purpose, hours, spoken, short number, free)]; the others get one trust line.
SPECIAL_HELPLINES = {
    "health": [
        ("trust", "always", "national", "", True),
        ("ambulance", "always", "national", "103", True),
    ],
    "emergency-situations": [("rescue", "always", "national", "101", True)],
    "foreign-affairs": [("calls", "office", "english", "", True)],
    "tax-committee": [("calls", "office", "national", "", True)],
    "customs-committee": [("calls", "office", "english", "", False)],
    "public-services": [("calls", "office", "national", "", True)],
    "QR": [("trust", "office", "karakalpak", "", True)],
}
DEFAULT_HELPLINES = [("trust", "office", "national", "", True)]


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, name)


def agency_specs() -> list[dict]:
    """Every demo agency as plain data: slug, fields per language, helplines."""
    specs = []
    for number, (slug, agency_type, parent, website, names) in enumerate(
        NATIONAL, start=1
    ):
        specs.append(
            {
                "slug": slug,
                "parent": parent,
                "area": "71",
                "coordinates": TASHKENT,
                "fields": {
                    "agency_type": agency_type,
                    "region": "",
                    "website": website,
                },
                "texts": {
                    code: {
                        "title": title,
                        "official_name": official
                        or _official_name(code, title, agency_type),
                        "short_name": short,
                        "address": ADDRESS[code].format(
                            city=TASHKENT_NAMES[code], number=number
                        ),
                    }
                    for code, (title, official, short) in names.items()
                },
            }
        )
    for number, (region, area, latitude, longitude, names) in enumerate(
        REGIONAL, start=1
    ):
        specs.append(
            {
                "slug": f"region-{region.lower()}",
                "parent": "",
                "area": area,
                "coordinates": (latitude, longitude),
                "helplines_key": region,
                "fields": {
                    "agency_type": AgencyType.REGIONAL,
                    "region": region,
                    "website": "",
                },
                "texts": {
                    code: {
                        "title": title,
                        "official_name": "",
                        "short_name": "",
                        "address": ADDRESS[code].format(city=city, number=number),
                    }
                    for code, (title, city) in names.items()
                },
            }
        )
    for number, spec in enumerate(specs, start=1):
        latitude, longitude = spec["coordinates"]
        spec["fields"].update(
            phone=f"+998 {spec['area']} 000-01-{number:02d}",
            email=f"{spec['slug']}@example.org",
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            is_demo_data=True,
        )
        lines = SPECIAL_HELPLINES.get(
            spec.get("helplines_key", spec["slug"]), DEFAULT_HELPLINES
        )
        spec["helplines"] = [
            {
                "translation_key": _key(f"helpline:{spec['slug']}:{index}"),
                "number": f"+998 {spec['area']} 000-02-{number:02d}"
                if not index
                else f"+998 {spec['area']} 000-03-{number:02d}",
                "short_number": short,
                "is_free": free,
                "texts": {
                    code: {
                        "purpose": PURPOSES[purpose][code],
                        "hours": HOURS[hours][code],
                        "languages": SPOKEN[spoken][code],
                    }
                    for code in LANGUAGES
                },
            }
            for index, (purpose, hours, spoken, short, free) in enumerate(lines)
        ]
    return specs


def _official_name(code: str, title: str, agency_type: str) -> str:
    """ "Ministry of X of the Republic of Uzbekistan" in each language."""
    if agency_type == AgencyType.REGIONAL:
        return ""
    return {
        "uz": f"Oʻzbekiston Respublikasi {title}",
        "kaa": f"Ózbekstan Respublikası {title}",
        "ru": f"{title} Республики Узбекистан",
        "en": f"{title} of the Republic of Uzbekistan",
    }[code]


def ensure_agencies(directories: dict[str, AgencyIndexPage]) -> int:
    """Create or update every demo agency in every language."""
    default = settings.LANGUAGE_CODE
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    existing = {
        page.slug: page for page in AgencyPage.objects.child_of(directories[default])
    }
    by_slug: dict[str, dict[str, AgencyPage]] = {}
    helplines: dict[tuple, dict] = {}
    changes = 0
    for spec in agency_specs():
        source = existing.get(spec["slug"])
        if source is None:
            source = directories[default].add_child(
                instance=AgencyPage(
                    slug=spec["slug"],
                    live=False,
                    **spec["fields"],
                    **spec["texts"][default],
                )
            )
        pages = {default: source}
        for code in LANGUAGES:
            if code == default:
                continue
            page = source.get_translation_or_none(locales[code])
            pages[code] = (page or source.copy_for_translation(locales[code])).specific
        parents = by_slug.get(spec["parent"], {})
        for code, page in pages.items():
            values = {
                **spec["fields"],
                **spec["texts"][code],
                "parent_agency_id": parents[code].id if parents else None,
            }
            changes += publish_if_changed(page, values)
            for index, line in enumerate(spec["helplines"]):
                helplines[(line["translation_key"], locales[code].id)] = {
                    "agency_id": page.id,
                    "number": line["number"],
                    "short_number": line["short_number"],
                    "is_free": line["is_free"],
                    "sort_order": index,
                    **line["texts"][code],
                }
        by_slug[spec["slug"]] = pages
    ensure_translated_rows(Helpline, helplines)
    return changes


def load(*, stdout) -> None:
    """The directory, the helplines page and every demo agency, in four languages."""
    home = HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)
    directories = ensure_child_page(home, AgencyIndexPage, DIRECTORY_TEXTS)
    ensure_child_page(home, HelplinesPage, HELPLINES_TEXTS)
    changes = ensure_agencies(directories)
    ministry = AgencyPage.objects.get(
        slug="digital-technologies", locale__language_code=settings.LANGUAGE_CODE
    )
    ensure_agency_news(ministry)
    stdout.write(
        f"agencies: {AgencyPage.objects.live().count()} pages "
        f"({changes} published), {Helpline.objects.count()} helplines"
    )
