"""Parallel phrases (uz, kaa, ru, en) that synthetic news is made of."""

# Parallel phrases: (uz, kaa, ru, en). Russian subjects are neuter to agree with verbs.
SUBJECTS = [
    (
        "Raqamli texnologiyalar vazirligi",
        "Cifrlı texnologiyalar ministrligi",
        "Министерство цифровых технологий",
        "The Ministry of Digital Technologies",
    ),
    (
        "Sogʻliqni saqlash vazirligi",
        "Densawlıqtı saqlaw ministrligi",
        "Министерство здравоохранения",
        "The Ministry of Health",
    ),
    (
        "Iqtisodiyot va moliya vazirligi",
        "Ekonomika hám finans ministrligi",
        "Министерство экономики и финансов",
        "The Ministry of Economy and Finance",
    ),
    (
        "Maktabgacha va maktab taʼlimi vazirligi",
        "Mektepke shekemgi hám mektep bilimlendiriwi ministrligi",
        "Министерство дошкольного и школьного образования",
        "The Ministry of Preschool and School Education",
    ),
    (
        "Adliya vazirligi",
        "Ádillik ministrligi",
        "Министерство юстиции",
        "The Ministry of Justice",
    ),
    (
        "Qishloq xoʻjaligi vazirligi",
        "Awıl xojalıǵı ministrligi",
        "Министерство сельского хозяйства",
        "The Ministry of Agriculture",
    ),
    (
        "Statistika agentligi",
        "Statistika agentligi",
        "Агентство статистики",
        "The Statistics Agency",
    ),
    ("Hukumat", "Húkimet", "Правительство", "The Government"),
]
ACTIONS = [
    (
        "yangi dasturni taqdim etdi",
        "jańa baǵdarlamanı usındı",
        "представило новую программу",
        "presents a new programme",
    ),
    (
        "kengash yigʻilishini oʻtkazdi",
        "keńes májilisin ótkerdi",
        "провело заседание совета",
        "holds a council meeting",
    ),
    (
        "hisobotini eʼlon qildi",
        "esabatın járiyaladı",
        "опубликовало отчёт",
        "publishes a report",
    ),
    (
        "jamoatchilik muhokamasini boshladi",
        "jámiyetshilik talqılawın basladı",
        "начало общественное обсуждение",
        "opens a public consultation",
    ),
    (
        "xalqaro hamkorlar bilan memorandum imzoladi",
        "xalıqaralıq sheriklar menen memorandum dúzdi",
        "подписало меморандум с международными партнёрами",
        "signs a memorandum with international partners",
    ),
    (
        "viloyatlarda sayyor qabullar oʻtkazdi",
        "wálayatlarda kóshpeli qabıllawlar ótkerdi",
        "провело выездные приёмы в регионах",
        "holds open receptions in the regions",
    ),
]
# (uz, kaa, ru genitive, en, category slug)
TOPICS = [
    ("taʼlim", "bilimlendiriw", "образования", "education", "education"),
    (
        "sogʻliqni saqlash",
        "densawlıqtı saqlaw",
        "здравоохранения",
        "health care",
        "health",
    ),
    ("raqamlashtirish", "cifrlastırıw", "цифровизации", "digitalisation", "technology"),
    (
        "qishloq xoʻjaligi",
        "awıl xojalıǵı",
        "сельского хозяйства",
        "agriculture",
        "economics",
    ),
    (
        "tadbirkorlikni qoʻllab-quvvatlash",
        "isbilermenlikti qollap-quwatlaw",
        "поддержки предпринимательства",
        "support for business",
        "economics",
    ),
    ("ekologiya", "ekologiya", "экологии", "the environment", "society"),
    (
        "ijtimoiy himoya",
        "sociallıq qorǵaw",
        "социальной защиты",
        "social protection",
        "society",
    ),
    ("transport", "transport", "транспорта", "transport", "society"),
    ("turizm", "turizm", "туризма", "tourism", "economics"),
    (
        "madaniy meros",
        "mádeniy miyras",
        "культурного наследия",
        "cultural heritage",
        "culture",
    ),
]
REGIONS = [
    ("Toshkentda", "Tashkentte", "В Ташкенте", "in Tashkent"),
    (
        "Samarqand viloyatida",
        "Samarqand wálayatında",
        "В Самаркандской области",
        "in Samarkand region",
    ),
    (
        "Qoraqalpogʻistonda",
        "Qaraqalpaqstanda",
        "В Каракалпакстане",
        "in Karakalpakstan",
    ),
    (
        "Fargʻona vodiysida",
        "Ferǵana oypatlıǵında",
        "В Ферганской долине",
        "in the Fergana valley",
    ),
    (
        "Buxoro viloyatida",
        "Buxara wálayatında",
        "В Бухарской области",
        "in Bukhara region",
    ),
    (
        "Xorazm viloyatida",
        "Xorezm wálayatında",
        "В Хорезмской области",
        "in Khorezm region",
    ),
]
LEADS = (
    "{region} {topic} boʻyicha {n} ta loyiha amalga oshirilishi rejalashtirilgan.",
    "{region} {topic} boyınsha {n} joybar ámelge asırılıwı rejelestirilgen.",
    "{region} планируется реализовать {n} проектов в сфере {topic}.",
    "{n} projects on {topic} are planned {region}.",
)
BODIES = (
    "{lead} Tadbirda mutasaddi tashkilotlar vakillari, mutaxassislar va fuqarolar ishtirok etdi. Takliflar {year}-yil oxirigacha koʻrib chiqiladi.",
    "{lead} Ilajǵa juwapker shólkemlerdiń wákilleri, qánigeler hám puqaralar qatnastı. Usınıslar {year}-jıldıń aqırına shekem kórip shıǵıladı.",
    "{lead} В мероприятии участвовали представители ответственных ведомств, эксперты и граждане. Предложения рассмотрят до конца {year} года.",
    "{lead} Officials, experts and members of the public took part. Proposals will be considered by the end of {year}.",
)
