"""The demo datasets: what they are, in four languages, and how to make their figures.

The figures are invented (a seeded random walk around plausible magnitudes) and
every dataset is marked as demo data. Column headings are in English, as in most
machine-readable files; titles, descriptions and keywords are translated.
"""

import datetime
import random

REGIONS = [
    "Republic of Karakalpakstan",
    "Andijan region",
    "Bukhara region",
    "Fergana region",
    "Jizzakh region",
    "Kashkadarya region",
    "Khorezm region",
    "Namangan region",
    "Navoiy region",
    "Samarkand region",
    "Surkhandarya region",
    "Syrdarya region",
    "Tashkent region",
    "Tashkent city",
]
MONTHS_2024 = [f"2024-{month:02d}" for month in range(1, 13)]
QUARTERS = [
    f"{year} Q{quarter}" for year in (2022, 2023, 2024) for quarter in (1, 2, 3, 4)
]
YEARS = ["2020", "2021", "2022", "2023", "2024"]

NOTE = {
    "uz": " Demo maʼlumotlar: raqamlar namuna sifatida berilgan.",
    "kaa": " Demo maǵlıwmatlar: sanlar úlgi retinde berilgen.",
    "ru": " Демо-данные: цифры приведены для примера.",
    "en": " Demo data: the figures are invented examples.",
}


def _walk(rng: random.Random, start: float, count: int, step: float) -> list[float]:
    values, value = [], start
    for _ in range(count):
        values.append(round(value, 1))
        value *= 1 + rng.uniform(-step, step * 2)
    return values


def by_region(*columns: tuple[str, float, float]):
    """Rows per region; each column is (heading, typical value, spread)."""

    def make(rng: random.Random):
        header = ["Region", *(name for name, _base, _spread in columns)]
        rows = [
            [region]
            + [
                round(base * rng.uniform(1 - spread, 1 + spread), 1)
                for _name, base, spread in columns
            ]
            for region in REGIONS
        ]
        return header, rows

    return make


def by_label(label: str, labels: list[str], *columns: tuple[str, float, float]):
    """Rows per label (months, quarters, categories) as a gentle random walk."""

    def make(rng: random.Random):
        header = [label, *(name for name, _base, _step in columns)]
        series = [_walk(rng, base, len(labels), step) for _name, base, step in columns]
        rows = [
            [name, *(values[i] for values in series)] for i, name in enumerate(labels)
        ]
        return header, rows

    return make


def daily_air(rng: random.Random):
    day = datetime.date(2024, 1, 1)
    rows = []
    for offset in range(90):
        rows.append(
            [
                (day + datetime.timedelta(days=offset)).isoformat(),
                round(rng.uniform(12, 65), 1),
                round(rng.uniform(25, 120), 1),
            ]
        )
    return ["Date", "PM2.5 (µg/m³)", "PM10 (µg/m³)"], rows


DATASETS = [
    {
        "name": "population-by-region",
        "agency": "statistics",
        "theme": "soci",
        "frequency": "annual",
        "temporal": ("2020-01-01", "2024-12-31"),
        "make": by_region(*((year, 2600.0, 0.5) for year in YEARS)),
        "texts": {
            "uz": (
                "Hududlar boʻyicha doimiy aholi soni",
                "Yil boshiga doimiy aholi soni, ming kishi, hududlar kesimida.",
                "aholi, demografiya, hududlar",
            ),
            "kaa": (
                "Aymaqlar boyınsha turaqlı xalıq sanı",
                "Jıl basına turaqlı xalıq sanı, mıń adam, aymaqlar kesiminde.",
                "xalıq, demografiya, aymaqlar",
            ),
            "ru": (
                "Численность постоянного населения по регионам",
                "Численность постоянного населения на начало года, тыс. человек, по регионам.",
                "население, демография, регионы",
            ),
            "en": (
                "Resident population by region",
                "Resident population at the start of each year, in thousands, by region.",
                "population, demography, regions",
            ),
        },
    },
    {
        "name": "gdp-by-quarter",
        "agency": "statistics",
        "theme": "econ",
        "frequency": "quarterly",
        "temporal": ("2022-01-01", "2024-12-31"),
        "make": by_label(
            "Quarter",
            QUARTERS,
            ("GDP (trillion UZS)", 180.0, 0.05),
            ("Real growth (%)", 5.5, 0.08),
        ),
        "texts": {
            "uz": (
                "Yalpi ichki mahsulot, choraklar boʻyicha",
                "Joriy narxlarda yalpi ichki mahsulot va real oʻsish surʼati.",
                "YaIM, iqtisodiyot, oʻsish",
            ),
            "kaa": (
                "Jalpı ishki ónim, shereklikler boyınsha",
                "Ámeldegi bahalarda jalpı ishki ónim hám real ósiw pátı.",
                "JIÓ, ekonomika, ósiw",
            ),
            "ru": (
                "Валовой внутренний продукт по кварталам",
                "ВВП в текущих ценах и темп реального роста.",
                "ВВП, экономика, рост",
            ),
            "en": (
                "Gross domestic product by quarter",
                "GDP at current prices and real growth rate.",
                "GDP, economy, growth",
            ),
        },
    },
    {
        "name": "state-budget-execution",
        "agency": "economy-finance",
        "theme": "econ",
        "frequency": "monthly",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_label(
            "Month",
            MONTHS_2024,
            ("Revenue (billion UZS)", 21000.0, 0.06),
            ("Expenditure (billion UZS)", 22500.0, 0.06),
        ),
        "texts": {
            "uz": (
                "Davlat budjetining ijrosi",
                "Davlat budjeti daromadlari va xarajatlari, oylar boʻyicha, mlrd soʻm.",
                "budjet, moliya, xarajatlar",
            ),
            "kaa": (
                "Mámleketlik byudjettiń orınlanıwı",
                "Mámleketlik byudjettiń dáramatları hám qárejetleri, aylar boyınsha, mlrd swm.",
                "byudjet, qarjı, qárejetler",
            ),
            "ru": (
                "Исполнение государственного бюджета",
                "Доходы и расходы государственного бюджета по месяцам, млрд сумов.",
                "бюджет, финансы, расходы",
            ),
            "en": (
                "State budget execution",
                "Revenue and expenditure of the state budget by month, in billions of soʻm.",
                "budget, finance, expenditure",
            ),
        },
    },
    {
        "name": "tax-revenue-by-type",
        "agency": "tax-committee",
        "theme": "econ",
        "frequency": "annual",
        "temporal": ("2022-01-01", "2024-12-31"),
        "make": by_label(
            "Tax",
            [
                "Value added tax",
                "Personal income tax",
                "Corporate profit tax",
                "Excise duties",
                "Property tax",
                "Land tax",
                "Water use tax",
                "Subsoil use tax",
            ],
            ("2022 (billion UZS)", 30000.0, 0.0),
            ("2023 (billion UZS)", 34000.0, 0.0),
            ("2024 (billion UZS)", 39000.0, 0.0),
        ),
        "texts": {
            "uz": (
                "Soliq tushumlari, soliq turlari boʻyicha",
                "Davlat budjetiga soliq tushumlari, mlrd soʻm.",
                "soliqlar, budjet, tushumlar",
            ),
            "kaa": (
                "Salıq túsimleri, salıq túrleri boyınsha",
                "Mámleketlik byudjetke salıq túsimleri, mlrd swm.",
                "salıqlar, byudjet, túsimler",
            ),
            "ru": (
                "Налоговые поступления по видам налогов",
                "Налоговые поступления в государственный бюджет, млрд сумов.",
                "налоги, бюджет, поступления",
            ),
            "en": (
                "Tax revenue by type of tax",
                "Tax revenue of the state budget, in billions of soʻm.",
                "taxes, budget, revenue",
            ),
        },
    },
    {
        "name": "foreign-trade-by-country",
        "agency": "customs-committee",
        "theme": "intr",
        "frequency": "quarterly",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_label(
            "Country",
            [
                "China",
                "Russia",
                "Kazakhstan",
                "Turkey",
                "Korea",
                "Kyrgyzstan",
                "Germany",
                "Afghanistan",
                "Tajikistan",
                "India",
            ],
            ("Exports (million USD)", 1500.0, 0.0),
            ("Imports (million USD)", 2200.0, 0.0),
        ),
        "texts": {
            "uz": (
                "Tashqi savdo aylanmasi, mamlakatlar boʻyicha",
                "Eksport va import hajmi, mln AQSH dollari, asosiy hamkor mamlakatlar kesimida.",
                "eksport, import, savdo",
            ),
            "kaa": (
                "Sırtqı sawda aylanbası, mámleketler boyınsha",
                "Eksport hám import kólemi, mln AQSH dolları, tiykarǵı sheriklik mámleketler kesiminde.",
                "eksport, import, sawda",
            ),
            "ru": (
                "Внешнеторговый оборот по странам",
                "Объём экспорта и импорта, млн долларов США, по основным странам-партнёрам.",
                "экспорт, импорт, торговля",
            ),
            "en": (
                "Foreign trade by country",
                "Exports and imports, in millions of US dollars, with the main partner countries.",
                "exports, imports, trade",
            ),
        },
    },
    {
        "name": "schools-by-region",
        "agency": "school-education",
        "theme": "educ",
        "frequency": "annual",
        "temporal": ("2024-09-01", "2025-06-30"),
        "make": by_region(
            ("Schools", 720.0, 0.4),
            ("Pupils (thousands)", 460.0, 0.45),
            ("Teachers (thousands)", 35.0, 0.4),
        ),
        "texts": {
            "uz": (
                "Umumtaʼlim maktablari, hududlar boʻyicha",
                "Maktablar, oʻquvchilar va oʻqituvchilar soni, 2024/2025 oʻquv yili.",
                "maktablar, taʼlim, oʻquvchilar",
            ),
            "kaa": (
                "Ulıwma bilim beriw mektepleri, aymaqlar boyınsha",
                "Mektepler, oqıwshılar hám muǵallimler sanı, 2024/2025 oqıw jılı.",
                "mektepler, bilim, oqıwshılar",
            ),
            "ru": (
                "Общеобразовательные школы по регионам",
                "Число школ, учащихся и учителей, 2024/2025 учебный год.",
                "школы, образование, учащиеся",
            ),
            "en": (
                "Schools by region",
                "Number of schools, pupils and teachers in the 2024/2025 school year.",
                "schools, education, pupils",
            ),
        },
    },
    {
        "name": "university-admissions",
        "agency": "higher-education",
        "theme": "educ",
        "frequency": "annual",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_label(
            "Field of study",
            [
                "Education",
                "Engineering",
                "Medicine",
                "Economics",
                "Law",
                "Agriculture",
                "Information technology",
                "Arts",
            ],
            ("Applications", 60000.0, 0.0),
            ("Places", 15000.0, 0.0),
            ("Admitted", 14500.0, 0.0),
        ),
        "texts": {
            "uz": (
                "Oliy taʼlimga qabul, taʼlim yoʻnalishlari boʻyicha",
                "Arizalar, qabul kvotalari va qabul qilinganlar soni, 2024 yil.",
                "oliy taʼlim, qabul, talabalar",
            ),
            "kaa": (
                "Joqarı bilimlendiriwge qabıllaw, baǵdarlar boyınsha",
                "Arzalar, qabıllaw kvotaları hám qabıllanǵanlar sanı, 2024 jıl.",
                "joqarı bilim, qabıllaw, studentler",
            ),
            "ru": (
                "Приём в высшие учебные заведения по направлениям",
                "Заявления, квоты приёма и число принятых, 2024 год.",
                "высшее образование, приём, студенты",
            ),
            "en": (
                "University admissions by field of study",
                "Applications, places and students admitted in 2024.",
                "higher education, admissions, students",
            ),
        },
    },
    {
        "name": "hospital-beds-by-region",
        "agency": "health",
        "theme": "heal",
        "frequency": "annual",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_region(
            ("Hospitals", 85.0, 0.4),
            ("Beds", 9800.0, 0.45),
            ("Beds per 10,000 people", 39.0, 0.2),
        ),
        "texts": {
            "uz": (
                "Kasalxonalar va koʻrpa-joylar, hududlar boʻyicha",
                "Kasalxonalar, koʻrpa-joylar soni va 10 ming aholiga koʻrpa-joylar.",
                "sogʻliqni saqlash, kasalxonalar, koʻrpa-joylar",
            ),
            "kaa": (
                "Emlewxanalar hám orınlar, aymaqlar boyınsha",
                "Emlewxanalar, orınlar sanı hám 10 mıń xalıqqa orınlar.",
                "densawlıqtı saqlaw, emlewxanalar, orınlar",
            ),
            "ru": (
                "Больницы и койки по регионам",
                "Число больниц, коек и коек на 10 тысяч населения.",
                "здравоохранение, больницы, койки",
            ),
            "en": (
                "Hospitals and beds by region",
                "Hospitals, hospital beds and beds per 10,000 people.",
                "health, hospitals, beds",
            ),
        },
    },
    {
        "name": "vaccination-coverage",
        "agency": "health",
        "theme": "heal",
        "frequency": "annual",
        "temporal": ("2022-01-01", "2024-12-31"),
        "make": by_label(
            "Vaccine",
            [
                "BCG",
                "Hepatitis B",
                "DTP3",
                "Polio",
                "Measles, mumps, rubella",
                "Pneumococcal",
                "Rotavirus",
                "HPV",
            ],
            ("2022 (%)", 96.0, 0.0),
            ("2023 (%)", 96.5, 0.0),
            ("2024 (%)", 97.0, 0.005),
        ),
        "texts": {
            "uz": (
                "Emlash bilan qamrov darajasi",
                "Milliy emlash taqvimi boʻyicha bolalarni emlash bilan qamrov, foizda.",
                "emlash, bolalar, sogʻliqni saqlash",
            ),
            "kaa": (
                "Egiw menen qamtıw dárejesi",
                "Milliy egiw kalendarı boyınsha balalardı egiw menen qamtıw, procentte.",
                "egiw, balalar, densawlıqtı saqlaw",
            ),
            "ru": (
                "Охват вакцинацией",
                "Охват детей прививками по национальному календарю, в процентах.",
                "вакцинация, дети, здравоохранение",
            ),
            "en": (
                "Vaccination coverage",
                "Children vaccinated under the national schedule, in per cent.",
                "vaccination, children, health",
            ),
        },
    },
    {
        "name": "electricity-generation",
        "agency": "energy",
        "theme": "ener",
        "frequency": "monthly",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_label(
            "Month",
            MONTHS_2024,
            ("Thermal (GWh)", 5200.0, 0.04),
            ("Hydro (GWh)", 600.0, 0.1),
            ("Solar and wind (GWh)", 150.0, 0.12),
        ),
        "texts": {
            "uz": (
                "Elektr energiyasi ishlab chiqarish",
                "Elektr energiyasi ishlab chiqarish manbalar boʻyicha, oylar kesimida, GVt·soat.",
                "energetika, elektr, quyosh",
            ),
            "kaa": (
                "Elektr energiyasın islep shıǵarıw",
                "Elektr energiyasın islep shıǵarıw deregi boyınsha, aylar kesiminde, GVt·saat.",
                "energetika, elektr, quyash",
            ),
            "ru": (
                "Производство электроэнергии",
                "Производство электроэнергии по источникам и месяцам, ГВт·ч.",
                "энергетика, электроэнергия, солнце",
            ),
            "en": (
                "Electricity generation",
                "Electricity generated by source and month, in GWh.",
                "energy, electricity, solar",
            ),
        },
    },
    {
        "name": "emergency-calls",
        "agency": "emergency-situations",
        "theme": "just",
        "frequency": "monthly",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_label(
            "Month",
            MONTHS_2024,
            ("Fires", 900.0, 0.1),
            ("Floods and mudflows", 40.0, 0.3),
            ("Rescue operations", 1300.0, 0.08),
        ),
        "texts": {
            "uz": (
                "Favqulodda vaziyatlar va qutqaruv ishlari",
                "Yongʻinlar, suv toshqinlari va qutqaruv ishlari soni, oylar boʻyicha.",
                "favqulodda vaziyatlar, yongʻin, qutqaruv",
            ),
            "kaa": (
                "Tótenshe jaǵdaylar hám qutqarıw jumısları",
                "Órtler, suw tasqınları hám qutqarıw jumısları sanı, aylar boyınsha.",
                "tótenshe jaǵdaylar, órt, qutqarıw",
            ),
            "ru": (
                "Чрезвычайные ситуации и спасательные работы",
                "Число пожаров, паводков и спасательных операций по месяцам.",
                "чрезвычайные ситуации, пожары, спасение",
            ),
            "en": (
                "Emergencies and rescue operations",
                "Fires, floods and rescue operations by month.",
                "emergencies, fires, rescue",
            ),
        },
    },
    {
        "name": "public-service-requests",
        "agency": "public-services",
        "theme": "gove",
        "frequency": "monthly",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_label(
            "Service",
            [
                "Birth registration",
                "Passport",
                "Marriage registration",
                "Business registration",
                "Building permit",
                "Pension",
                "Child allowance",
                "Driving licence",
                "Address registration",
                "Certificate of no criminal record",
            ],
            ("Requests", 42000.0, 0.0),
            ("Online share (%)", 61.0, 0.0),
        ),
        "texts": {
            "uz": (
                "Davlat xizmatlariga murojaatlar",
                "Eng koʻp soʻraladigan davlat xizmatlariga murojaatlar va onlayn ulushi, 2024 yil.",
                "davlat xizmatlari, murojaatlar, onlayn",
            ),
            "kaa": (
                "Mámleketlik xızmetlerge múrájatlar",
                "Eń kóp soralatuǵın mámleketlik xızmetlerge múrájatlar hám onlayn úlesi, 2024 jıl.",
                "mámleketlik xızmetler, múrájatlar, onlayn",
            ),
            "ru": (
                "Обращения за государственными услугами",
                "Обращения за самыми востребованными услугами и доля онлайн, 2024 год.",
                "госуслуги, обращения, онлайн",
            ),
            "en": (
                "Requests for public services",
                "Requests for the most used public services and the share made online, 2024.",
                "public services, requests, online",
            ),
        },
    },
    {
        "name": "internet-coverage-by-region",
        "agency": "digital-technologies",
        "theme": "tech",
        "frequency": "annual",
        "temporal": ("2024-01-01", "2024-12-31"),
        "make": by_region(
            ("4G coverage (%)", 88.0, 0.12),
            ("Households online (%)", 79.0, 0.15),
            ("Fixed broadband per 100 people", 14.0, 0.4),
        ),
        "texts": {
            "uz": (
                "Internet bilan qamrov, hududlar boʻyicha",
                "Mobil 4G qamrovi, internetga ulangan xonadonlar va keng polosali ulanishlar.",
                "internet, raqamlashtirish, aloqa",
            ),
            "kaa": (
                "Internet penen qamtıw, aymaqlar boyınsha",
                "Mobil 4G qamtıwı, internetke jalǵanǵan xojalıqlar hám keń polosalı jalǵanıwlar.",
                "internet, cifrlastırıw, baylanıs",
            ),
            "ru": (
                "Покрытие интернетом по регионам",
                "Покрытие 4G, домохозяйства с доступом в интернет и широкополосные подключения.",
                "интернет, цифровизация, связь",
            ),
            "en": (
                "Internet coverage by region",
                "4G coverage, households online and fixed broadband subscriptions.",
                "internet, digital, telecommunications",
            ),
        },
    },
    {
        "name": "notarial-acts",
        "agency": "justice",
        "theme": "just",
        "frequency": "quarterly",
        "temporal": ("2022-01-01", "2024-12-31"),
        "make": by_label(
            "Quarter",
            QUARTERS,
            ("Notarial acts (thousands)", 820.0, 0.05),
            ("Made electronically (%)", 35.0, 0.06),
        ),
        "texts": {
            "uz": (
                "Notarial harakatlar",
                "Bajarilgan notarial harakatlar soni va elektron ulushi, choraklar boʻyicha.",
                "notariat, adliya, elektron xizmatlar",
            ),
            "kaa": (
                "Notariallıq háreketler",
                "Orınlanǵan notariallıq háreketler sanı hám elektron úlesi, shereklikler boyınsha.",
                "notariat, ádillik, elektron xızmetler",
            ),
            "ru": (
                "Нотариальные действия",
                "Число нотариальных действий и доля электронных, по кварталам.",
                "нотариат, юстиция, электронные услуги",
            ),
            "en": (
                "Notarial acts",
                "Notarial acts performed and the share done electronically, by quarter.",
                "notaries, justice, e-services",
            ),
        },
    },
    {
        "name": "air-quality-tashkent",
        "agency": "region-tk",
        "theme": "envi",
        "frequency": "daily",
        "temporal": ("2024-01-01", "2024-03-30"),
        "spatial": "TK",
        "json": True,
        "make": daily_air,
        "texts": {
            "uz": (
                "Toshkent shahrida havo sifati",
                "PM2.5 va PM10 zarrachalarining sutkalik oʻrtacha konsentratsiyasi.",
                "havo sifati, ekologiya, Toshkent",
            ),
            "kaa": (
                "Tashkent qalasında hawa sapası",
                "PM2.5 hám PM10 bólekshelerdiń sutkalıq ortasha konsentraciyası.",
                "hawa sapası, ekologiya, Tashkent",
            ),
            "ru": (
                "Качество воздуха в Ташкенте",
                "Среднесуточная концентрация частиц PM2.5 и PM10.",
                "качество воздуха, экология, Ташкент",
            ),
            "en": (
                "Air quality in Tashkent",
                "Daily mean concentration of PM2.5 and PM10 particles.",
                "air quality, environment, Tashkent",
            ),
        },
    },
    {
        "name": "corruption-reports",
        "agency": "anti-corruption",
        "theme": "gove",
        "frequency": "quarterly",
        "temporal": ("2022-01-01", "2024-12-31"),
        "licence": "cc-zero",
        "make": by_label(
            "Quarter",
            QUARTERS,
            ("Reports received", 2400.0, 0.07),
            ("Reports checked", 2100.0, 0.07),
            ("Sent to investigators", 310.0, 0.1),
        ),
        "texts": {
            "uz": (
                "Korrupsiya haqidagi xabarlar",
                "Qabul qilingan, oʻrganilgan va tergov organlariga yuborilgan xabarlar soni.",
                "korrupsiya, murojaatlar, shaffoflik",
            ),
            "kaa": (
                "Korrupciya haqqındaǵı xabarlar",
                "Qabıllanǵan, úyrenilgen hám tergew organlarına jiberilgen xabarlar sanı.",
                "korrupciya, múrájatlar, ashıqlıq",
            ),
            "ru": (
                "Сообщения о коррупции",
                "Число полученных, проверенных и переданных следствию сообщений.",
                "коррупция, обращения, прозрачность",
            ),
            "en": (
                "Reports of corruption",
                "Reports received, checked and sent to investigators, by quarter.",
                "corruption, reports, transparency",
            ),
        },
    },
]

RESOURCE_NAMES = {
    "CSV": {
        "uz": "Jadval (CSV)",
        "kaa": "Keste (CSV)",
        "ru": "Таблица (CSV)",
        "en": "Table (CSV)",
    },
    "XLSX": {
        "uz": "Jadval (Excel)",
        "kaa": "Keste (Excel)",
        "ru": "Таблица (Excel)",
        "en": "Table (Excel)",
    },
    "JSON": {
        "uz": "Maʼlumotlar (JSON)",
        "kaa": "Maǵlıwmatlar (JSON)",
        "ru": "Данные (JSON)",
        "en": "Data (JSON)",
    },
}
