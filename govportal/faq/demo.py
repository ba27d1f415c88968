"""Demo FAQ: four categories, twenty questions, and the FAQ page, in four languages.

Snippets are written in bulk and keyed by a translation key derived from a stable
name, so that a second run finds every row and changes nothing.
"""

import uuid

from django.conf import settings
from wagtail.models import Locale

from govportal.core.demo import ensure_child_page, ensure_translated_rows
from govportal.home.models import HomePage

from .models import FaqCategory, FaqPage, Question

LANGUAGES = ("uz", "kaa", "ru", "en")
KEY_NAMESPACE = uuid.UUID("0f4e61a2-8a47-4d4e-9a43-5b0d8c6e2f70")

PAGE_TEXTS = {
    "uz": {
        "title": "Koʻp beriladigan savollar",
        "slug": "savollar",
        "show_in_menus": True,
        "intro": "Fuqarolar davlat organlariga eng koʻp beradigan savollar va ularga "
        "qisqa javoblar.",
    },
    "kaa": {
        "title": "Jiyi beriletuǵın sorawlar",
        "slug": "sorawlar",
        "show_in_menus": True,
        "intro": "Puqaralar mámleketlik organlarǵa eń kóp beretuǵın sorawlar hám "
        "olarǵa qısqa juwaplar.",
    },
    "ru": {
        "title": "Часто задаваемые вопросы",
        "slug": "voprosy",
        "show_in_menus": True,
        "intro": "Вопросы, которые граждане чаще всего задают государственным "
        "органам, и короткие ответы на них.",
    },
    "en": {
        "title": "Frequently asked questions",
        "slug": "faq",
        "show_in_menus": True,
        "intro": "The questions citizens most often ask government bodies, with "
        "short answers.",
    },
}

CATEGORIES = {
    "documents": {
        "uz": "Hujjatlar",
        "kaa": "Hújjetler",
        "ru": "Документы",
        "en": "Documents",
    },
    "services": {
        "uz": "Davlat xizmatlari",
        "kaa": "Mámleketlik xızmetler",
        "ru": "Государственные услуги",
        "en": "Public services",
    },
    "taxes": {
        "uz": "Soliqlar va toʻlovlar",
        "kaa": "Salıqlar hám tólemler",
        "ru": "Налоги и платежи",
        "en": "Taxes and payments",
    },
    "appeals": {
        "uz": "Murojaatlar va portal",
        "kaa": "Múrájatlar hám portal",
        "ru": "Обращения и портал",
        "en": "Appeals and the portal",
    },
}

# category, times asked, {language: (question, answer)}
QUESTIONS = {
    "id-card": (
        "documents",
        940,
        {
            "uz": (
                "ID-kartani qanday olish mumkin?",
                "Davlat xizmatlari markaziga yoki ichki ishlar organlarining migratsiya "
                "va fuqarolikni rasmiylashtirish boʻlimiga murojaat qiling. Shaxsingizni "
                "tasdiqlovchi hujjatni olib boring; surat joyida olinadi.",
            ),
            "kaa": (
                "ID-kartanı qalay alıwǵa boladı?",
                "Mámleketlik xızmetler orayına yamasa ishki isler organlarınıń "
                "migraciya hám puqaralıqtı rásmiylestiriw bólimine múrájat etiń. "
                "Shaxsıńızdı tastıyıqlaytuǵın hújjetti alıp barıń; súwret sol jerde "
                "alınadı.",
            ),
            "ru": (
                "Как получить ID-карту?",
                "Обратитесь в центр государственных услуг или в отдел миграции и "
                "оформления гражданства органов внутренних дел. Возьмите документ, "
                "удостоверяющий личность; фотографируют на месте.",
            ),
            "en": (
                "How do I get an ID card?",
                "Apply at a public services centre or at the migration and "
                "citizenship department of the internal affairs bodies. Bring a "
                "document proving your identity; the photo is taken on the spot.",
            ),
        },
    ),
    "lost-passport": (
        "documents",
        610,
        {
            "uz": (
                "Pasport yoki ID-karta yoʻqolsa nima qilish kerak?",
                "Yoʻqotish haqida ichki ishlar organlariga xabar bering, soʻng yangi "
                "hujjat uchun davlat xizmatlari markaziga murojaat qiling.",
            ),
            "kaa": (
                "Pasport yamasa ID-karta joǵalsa ne islew kerek?",
                "Joǵaltıw haqqında ishki isler organlarına xabar beriń, keyin jańa "
                "hújjet ushın mámleketlik xızmetler orayına múrájat etiń.",
            ),
            "ru": (
                "Что делать, если потерян паспорт или ID-карта?",
                "Сообщите о потере в органы внутренних дел, затем обратитесь за новым "
                "документом в центр государственных услуг.",
            ),
            "en": (
                "What do I do if I lose my passport or ID card?",
                "Report the loss to the internal affairs bodies, then apply for a new "
                "document at a public services centre.",
            ),
        },
    ),
    "birth": (
        "documents",
        450,
        {
            "uz": (
                "Bola tugʻilganini qanday roʻyxatdan oʻtkazish mumkin?",
                "Tugʻilish FHDYO organida yoki davlat xizmatlari markazida qayd "
                "etiladi. Tibbiy maʼlumotnoma va ota-onaning shaxsini tasdiqlovchi "
                "hujjatlar kerak.",
            ),
            "kaa": (
                "Bala tuwılǵanın qalay dizimnen ótkeriwge boladı?",
                "Tuwılıw PHAJ organında yamasa mámleketlik xızmetler orayında dizimge "
                "alınadı. Medicinalıq maǵlıwmatnama hám ata-ananıń shaxsın "
                "tastıyıqlaytuǵın hújjetler kerek.",
            ),
            "ru": (
                "Как зарегистрировать рождение ребёнка?",
                "Рождение регистрирует орган ЗАГС или центр государственных услуг. "
                "Нужны медицинская справка о рождении и документы родителей.",
            ),
            "en": (
                "How do I register the birth of a child?",
                "A birth is registered by a civil registry office or a public services "
                "centre. You need the medical birth certificate and the parents' "
                "identity documents.",
            ),
        },
    ),
    "criminal-record": (
        "documents",
        380,
        {
            "uz": (
                "Sudlanmaganlik haqida maʼlumotnomani onlayn olsa boʻladimi?",
                "Ha. Interaktiv davlat xizmatlari yagona portali (my.gov.uz) orqali "
                "ariza bering; maʼlumotnoma shaxsiy kabinetingizga elektron shaklda "
                "keladi.",
            ),
            "kaa": (
                "Sudlanbaǵanlıq haqqında maǵlıwmatnamanı onlayn alıwǵa bola ma?",
                "Awa. Interaktiv mámleketlik xızmetlerdiń birden-bir portalı "
                "(my.gov.uz) arqalı arza beriń; maǵlıwmatnama jeke kabinetińizge "
                "elektron túrde keledi.",
            ),
            "ru": (
                "Можно ли получить справку о несудимости онлайн?",
                "Да. Подайте заявление на Едином портале интерактивных "
                "государственных услуг (my.gov.uz); справка придёт в личный кабинет "
                "в электронном виде.",
            ),
            "en": (
                "Can I get a certificate of no criminal record online?",
                "Yes. Apply on the Single portal of interactive public services "
                "(my.gov.uz); the certificate arrives in your personal account in "
                "electronic form.",
            ),
        },
    ),
    "residence": (
        "documents",
        300,
        {
            "uz": (
                "Yashash joyida roʻyxatdan qanday oʻtiladi?",
                "Doimiy va vaqtincha roʻyxatga olish davlat xizmatlari markazlarida "
                "yoki my.gov.uz orqali amalga oshiriladi.",
            ),
            "kaa": (
                "Jasaw ornında dizimnen qalay ótiledi?",
                "Turaqlı hám waqıtsha dizimge alıw mámleketlik xızmetler oraylarında "
                "yamasa my.gov.uz arqalı ámelge asırıladı.",
            ),
            "ru": (
                "Как зарегистрироваться по месту жительства?",
                "Постоянная и временная регистрация оформляется в центрах "
                "государственных услуг или через my.gov.uz.",
            ),
            "en": (
                "How do I register my place of residence?",
                "Permanent and temporary registration is done at public services "
                "centres or through my.gov.uz.",
            ),
        },
    ),
    "single-portal": (
        "services",
        720,
        {
            "uz": (
                "Interaktiv davlat xizmatlari yagona portali nima?",
                "my.gov.uz — fuqarolar va tadbirkorlar davlat xizmatlariga onlayn "
                "ariza beradigan, toʻlov qiladigan va natijani oladigan portal.",
            ),
            "kaa": (
                "Interaktiv mámleketlik xızmetlerdiń birden-bir portalı ne?",
                "my.gov.uz — puqaralar hám isbilermenler mámleketlik xızmetlerge "
                "onlayn arza beretuǵın, tólem qılatuǵın hám nátiyjeni alatuǵın portal.",
            ),
            "ru": (
                "Что такое Единый портал интерактивных государственных услуг?",
                "my.gov.uz — портал, на котором граждане и предприниматели подают "
                "заявления на государственные услуги онлайн, оплачивают их и получают "
                "результат.",
            ),
            "en": (
                "What is the Single portal of interactive public services?",
                "my.gov.uz is the portal where citizens and businesses apply for "
                "public services online, pay for them and receive the result.",
            ),
        },
    ),
    "centres": (
        "services",
        520,
        {
            "uz": (
                "Eng yaqin davlat xizmatlari markazi qayerda?",
                "Davlat xizmatlari markazlari har bir tuman va shaharda ishlaydi. "
                "Manzillar Davlat xizmatlari agentligi sahifasida.",
            ),
            "kaa": (
                "Eń jaqın mámleketlik xızmetler orayı qay jerde?",
                "Mámleketlik xızmetler orayları hár bir rayon hám qalada isleydi. "
                "Mánziller Mámleketlik xızmetler agentligi betinde.",
            ),
            "ru": (
                "Где ближайший центр государственных услуг?",
                "Центры государственных услуг работают в каждом районе и городе. "
                "Адреса — на странице Агентства государственных услуг.",
            ),
            "en": (
                "Where is my nearest public services centre?",
                "Public services centres work in every district and city. Their "
                "addresses are on the Public Services Agency's page.",
            ),
        },
    ),
    "oneid": (
        "services",
        410,
        {
            "uz": (
                "OneID nima?",
                "OneID (id.gov.uz) — yagona identifikatsiya tizimi: bitta login bilan "
                "koʻplab davlat xizmatlaridan foydalanish mumkin.",
            ),
            "kaa": (
                "OneID ne?",
                "OneID (id.gov.uz) — birden-bir identifikaciya sisteması: bir login "
                "menen kóp mámleketlik xızmetlerden paydalanıwǵa boladı.",
            ),
            "ru": (
                "Что такое OneID?",
                "OneID (id.gov.uz) — единая система идентификации: один логин даёт "
                "доступ ко многим государственным услугам.",
            ),
            "en": (
                "What is OneID?",
                "OneID (id.gov.uz) is the single identification system: one login "
                "gives access to many public services.",
            ),
        },
    ),
    "e-signature": (
        "services",
        260,
        {
            "uz": (
                "Elektron raqamli imzoni qanday olish mumkin?",
                "Elektron raqamli imzo kalitlari roʻyxatdan oʻtkazish markazlarida, "
                "jumladan davlat xizmatlari markazlarida beriladi.",
            ),
            "kaa": (
                "Elektron cifrlı qoltańbanı qalay alıwǵa boladı?",
                "Elektron cifrlı qoltańba giltleri dizimnen ótkeriw oraylarında, "
                "sonıń ishinde mámleketlik xızmetler oraylarında beriledi.",
            ),
            "ru": (
                "Как получить электронную цифровую подпись?",
                "Ключи электронной цифровой подписи выдают регистрационные центры, в "
                "том числе центры государственных услуг.",
            ),
            "en": (
                "How do I get an electronic digital signature?",
                "Electronic digital signature keys are issued by registration "
                "centres, including public services centres.",
            ),
        },
    ),
    "deadlines": (
        "services",
        200,
        {
            "uz": (
                "Davlat xizmati qancha vaqtda koʻrsatiladi?",
                "Har bir xizmatning muddati uning maʼmuriy reglamentida belgilangan; "
                "portal muddatni ariza berishdan oldin koʻrsatadi.",
            ),
            "kaa": (
                "Mámleketlik xızmet qansha waqıtta kórsetiledi?",
                "Hár bir xızmettiń múddeti onıń administrativlik reglamentinde "
                "belgilengen; portal múddetti arza beriwden aldın kórsetedi.",
            ),
            "ru": (
                "За какой срок оказывается государственная услуга?",
                "Срок каждой услуги установлен её административным регламентом; "
                "портал показывает его до подачи заявления.",
            ),
            "en": (
                "How long does a public service take?",
                "Every service has a deadline set in its administrative regulation; "
                "the portal shows it before you apply.",
            ),
        },
    ),
    "tin": (
        "taxes",
        560,
        {
            "uz": (
                "STIR raqamimni qanday bilsam boʻladi?",
                "Soliq toʻlovchining identifikatsiya raqami soliq.uz saytidagi shaxsiy "
                "kabinetda koʻrsatiladi.",
            ),
            "kaa": (
                "STIR nomerimdi qalay biliwge boladı?",
                "Salıq tólewshiniń identifikaciya nomeri soliq.uz saytındaǵı jeke "
                "kabinette kórsetiledi.",
            ),
            "ru": (
                "Как узнать свой ИНН?",
                "Идентификационный номер налогоплательщика указан в личном кабинете "
                "на сайте soliq.uz.",
            ),
            "en": (
                "How do I find my taxpayer identification number?",
                "Your taxpayer identification number is shown in your personal "
                "account on soliq.uz.",
            ),
        },
    ),
    "property-tax": (
        "taxes",
        330,
        {
            "uz": (
                "Mol-mulk va yer soligʻini qanday toʻlash mumkin?",
                "Jismoniy shaxslar banklar, toʻlov tizimlari, mobil ilovalar yoki "
                "soliq.uz orqali toʻlaydi; summani soliq organi hisoblaydi.",
            ),
            "kaa": (
                "Múlk hám jer salıǵın qalay tólewge boladı?",
                "Fizikalıq shaxslar banklar, tólem sistemaları, mobil qosımshalar "
                "yamasa soliq.uz arqalı tóleydi; summanı salıq organı esaplaydı.",
            ),
            "ru": (
                "Как оплатить налог на имущество и земельный налог?",
                "Физические лица платят через банки, платёжные системы, мобильные "
                "приложения или soliq.uz; сумму рассчитывает налоговый орган.",
            ),
            "en": (
                "How do I pay property and land tax?",
                "Individuals pay through banks, payment systems, mobile apps or "
                "soliq.uz; the tax authority calculates the amount.",
            ),
        },
    ),
    "state-fee": (
        "taxes",
        240,
        {
            "uz": (
                "Davlat boji qanday toʻlanadi?",
                "Davlat boji my.gov.uz orqali ariza berishda onlayn, bankda yoki "
                "davlat xizmatlari markazida toʻlanadi.",
            ),
            "kaa": (
                "Mámleketlik baj qalay tólenedi?",
                "Mámleketlik baj my.gov.uz arqalı arza beriwde onlayn, bankte yamasa "
                "mámleketlik xızmetler orayında tólenedi.",
            ),
            "ru": (
                "Как оплатить государственную пошлину?",
                "Пошлину платят онлайн при подаче заявления на my.gov.uz, в банке или "
                "в центре государственных услуг.",
            ),
            "en": (
                "How do I pay a state fee?",
                "Pay online when you apply on my.gov.uz, at a bank or at a public "
                "services centre.",
            ),
        },
    ),
    "self-employed": (
        "taxes",
        220,
        {
            "uz": (
                "Oʻzini oʻzi band qilgan shaxs sifatida qanday roʻyxatdan oʻtiladi?",
                "Soliq qoʻmitasining mobil ilovasi yoki shaxsiy kabineti orqali bepul "
                "roʻyxatdan oʻting; ruxsat etilgan faoliyat turlari oʻsha yerda.",
            ),
            "kaa": (
                "Ózin-ózi bánt etken shaxs retinde qalay dizimnen ótiledi?",
                "Salıq komitetiniń mobil qosımshası yamasa jeke kabineti arqalı biypul "
                "dizimnen ótiń; ruqsat etilgen xızmet túrleri sol jerde.",
            ),
            "ru": (
                "Как зарегистрироваться самозанятым?",
                "Зарегистрируйтесь бесплатно в мобильном приложении или личном "
                "кабинете Налогового комитета; там же перечень разрешённых видов "
                "деятельности.",
            ),
            "en": (
                "How do I register as self-employed?",
                "Register free of charge in the Tax Committee's mobile app or "
                "personal account, which also lists the activities allowed.",
            ),
        },
    ),
    "budget": (
        "taxes",
        120,
        {
            "uz": (
                "Davlat byudjeti bilan qayerda tanishish mumkin?",
                "Iqtisodiyot va moliya vazirligi byudjet va uning ijrosi haqidagi "
                "hisobotlarni eʼlon qiladi; ochiq maʼlumotlar ham portalda boʻladi.",
            ),
            "kaa": (
                "Mámleketlik byudjet penen qay jerde tanısıwǵa boladı?",
                "Ekonomika hám qarjı ministrligi byudjet hám onıń orınlanıwı haqqında "
                "esabatlardı járiyalaydı; ashıq maǵlıwmatlar da portalda boladı.",
            ),
            "ru": (
                "Где посмотреть государственный бюджет?",
                "Министерство экономики и финансов публикует бюджет и отчёты о его "
                "исполнении; открытые данные появятся и на портале.",
            ),
            "en": (
                "Where can I see the state budget?",
                "The Ministry of Economy and Finance publishes the budget and reports "
                "on its execution; open data will also be on this portal.",
            ),
        },
    ),
    "appeal": (
        "appeals",
        880,
        {
            "uz": (
                "Davlat organiga qanday murojaat qilish mumkin?",
                "Organning ishonch telefoni yoki sayti orqali yozing yoki Prezident "
                "virtual qabulxonasidan (pm.gov.uz) foydalaning.",
            ),
            "kaa": (
                "Mámleketlik organǵa qalay múrájat etiwge boladı?",
                "Organnıń isenim telefonı yamasa saytı arqalı jazıń yamasa Prezident "
                "virtual qabıllaw bólmesinen (pm.gov.uz) paydalanıń.",
            ),
            "ru": (
                "Как обратиться в государственный орган?",
                "Напишите через телефон доверия или сайт органа либо воспользуйтесь "
                "виртуальной приёмной Президента (pm.gov.uz).",
            ),
            "en": (
                "How do I send an appeal to a government body?",
                "Use the body's helpline or website, or the President's virtual "
                "reception (pm.gov.uz).",
            ),
        },
    ),
    "appeal-deadline": (
        "appeals",
        500,
        {
            "uz": (
                "Murojaatga qancha muddatda javob berilishi kerak?",
                "Qoʻshimcha oʻrganish talab etilmasa — oʻn besh kun ichida, aks holda "
                "bir oygacha.",
            ),
            "kaa": (
                "Múrájatqa qansha múddette juwap beriliwi kerek?",
                "Qosımsha úyreniw talap etilmese — on bes kún ishinde, kerisinshe bir "
                "ayǵa shekem.",
            ),
            "ru": (
                "В какой срок должны ответить на обращение?",
                "В течение пятнадцати дней, если не требуется дополнительное "
                "изучение, иначе — до одного месяца.",
            ),
            "en": (
                "How soon must a government body answer an appeal?",
                "Within fifteen days when no further study is needed, otherwise within "
                "one month.",
            ),
        },
    ),
    "helpline-free": (
        "appeals",
        280,
        {
            "uz": (
                "Ishonch telefoniga qoʻngʻiroq bepulmi?",
                "Koʻpchiligi bepul; ishonch telefonlari roʻyxatida har bir raqam uchun "
                "bu koʻrsatilgan.",
            ),
            "kaa": (
                "Isenim telefonına qońıraw biypul ma?",
                "Kópshiligi biypul; isenim telefonları diziminde hár bir nomer ushın "
                "bul kórsetilgen.",
            ),
            "ru": (
                "Бесплатен ли звонок на телефон доверия?",
                "Большинство — бесплатные; в списке телефонов доверия это указано для "
                "каждого номера.",
            ),
            "en": (
                "Are calls to helplines free?",
                "Most are; the list of helplines shows it for every number.",
            ),
        },
    ),
    "languages": (
        "appeals",
        150,
        {
            "uz": (
                "Portal qaysi tillarda ishlaydi?",
                "Oʻzbek (lotin va kirill yozuvida), qoraqalpoq, rus va ingliz "
                "tillarida.",
            ),
            "kaa": (
                "Portal qaysı tillerde isleydi?",
                "Ózbek (latın hám kirill jazıwında), qaraqalpaq, orıs hám inglis "
                "tillerinde.",
            ),
            "ru": (
                "На каких языках работает портал?",
                "На узбекском (латиница и кириллица), каракалпакском, русском и "
                "английском.",
            ),
            "en": (
                "In which languages is the portal available?",
                "Uzbek (Latin and Cyrillic scripts), Karakalpak, Russian and English.",
            ),
        },
    ),
    "corruption": (
        "appeals",
        230,
        {
            "uz": (
                "Korrupsiya haqida qanday xabar berish mumkin?",
                "Korrupsiyaga qarshi kurashish agentligiga ishonch telefoni yoki sayti "
                "orqali xabar bering.",
            ),
            "kaa": (
                "Korrupciya haqqında qalay xabar beriwge boladı?",
                "Korrupciyaǵa qarsı gúresiw agentligine isenim telefonı yamasa saytı "
                "arqalı xabar beriń.",
            ),
            "ru": (
                "Как сообщить о коррупции?",
                "Сообщите в Агентство по противодействию коррупции по телефону "
                "доверия или через его сайт.",
            ),
            "en": (
                "How do I report corruption?",
                "Report it to the Anti-Corruption Agency through its helpline or "
                "website.",
            ),
        },
    ),
}


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, name)


def load(*, stdout) -> None:
    """The FAQ page and its questions in four languages."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    ensure_translated_rows(
        FaqCategory,
        {
            (_key(f"category:{slug}"), locales[code].id): {
                "name": names[code],
                "sort_order": order,
            }
            for order, (slug, names) in enumerate(CATEGORIES.items())
            for code in LANGUAGES
        },
    )
    categories = {
        (category.translation_key, category.locale_id): category.id
        for category in FaqCategory.objects.filter(
            translation_key__in=[_key(f"category:{slug}") for slug in CATEGORIES]
        )
    }
    ensure_translated_rows(
        Question,
        {
            (_key(f"question:{slug}"), locales[code].id): {
                "category_id": categories[
                    (_key(f"category:{category}"), locales[code].id)
                ],
                "question": texts[code][0],
                "answer": f"<p>{texts[code][1]}</p>",
                "times_asked": times_asked,
                "sort_order": order,
            }
            for order, (slug, (category, times_asked, texts)) in enumerate(
                QUESTIONS.items()
            )
            for code in LANGUAGES
        },
    )
    home = HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)
    ensure_child_page(home, FaqPage, PAGE_TEXTS)
    stdout.write(
        f"faq: {FaqCategory.objects.count()} categories, "
        f"{Question.objects.count()} questions"
    )
