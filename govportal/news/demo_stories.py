"""Demo news stories in Uzbek (Latin), Karakalpak, Russian and English.

Uzbek Cyrillic is generated from the Uzbek text on publish. Apart from the first story,
whose facts come from the seed page (the sentences are our own), every story is
invented demo content.
"""

CATEGORIES = {
    "economics": ("Iqtisodiyot", "Ekonomika", "Экономика", "Economics"),
    "politics": ("Siyosat", "Siyasat", "Политика", "Politics"),
    "society": ("Jamiyat", "Jámiyet", "Общество", "Society"),
    "health": ("Sogʻliqni saqlash", "Densawlıqtı saqlaw", "Здравоохранение", "Health"),
    "education": ("Taʼlim", "Bilimlendiriw", "Образование", "Education"),
    "technology": ("Texnologiyalar", "Texnologiyalar", "Технологии", "Technology"),
    "culture": ("Madaniyat", "Mádeniyat", "Культура", "Culture"),
    "sport": ("Sport", "Sport", "Спорт", "Sport"),
}

# (slug, date and time, category, author, source, {language: (title, lead, body)})
STORIES = [
    (
        "uzbekistan-korea-open-source-forum",
        "2017-08-15 11:30",
        "economics",
        "Ulugbek Shonazarov",
        "UzA",
        {
            "uz": (
                "Oʻzbekiston va Koreya: AKT sohasidagi hamkorlik kengaymoqda",
                "Toshkentdagi Xalqaro biznes markazida ochiq kodli dasturiy "
                "taʼminotni rivojlantirishga bagʻishlangan oʻzbek-koreys forumi boʻlib oʻtdi.",
                "Forumni Axborot texnologiyalari va kommunikatsiyalarini rivojlantirish "
                "vazirligi Koreya Respublikasining IT sanoatini qoʻllab-quvvatlash milliy "
                "agentligi bilan birgalikda tashkil etdi. Unda IT kompaniyalari, dasturiy "
                "mahsulot ishlab chiqaruvchilar va oliy taʼlim muassasalari vakillari "
                "qatnashdi. Birinchi oʻrinbosar vazir Olimjon Umarov va Koreya agentligi "
                "vitse-prezidenti Te Yol Kim ikki mamlakat oʻrtasidagi hamkorlik kengayib "
                "borayotganini taʼkidladi. Tomonlar jamiyatni axborotlashtirish va ochiq "
                "kodli dasturlardan foydalanish boʻyicha uzoq muddatli hamkorlik "
                "mexanizmlarini yaratishni umumiy maqsad deb bildi.",
            ),
            "kaa": (
                "Ózbekstan hám Koreya: AKT tarawındaǵı birge islesiw keńeymekte",
                "Tashkenttegi Xalıqaralıq biznes orayında ashıq kodlı baǵdarlamalıq "
                "támiynattı rawajlandırıwǵa baǵıshlanǵan ózbek-koreys forumı bolıp ótti.",
                "Forumdı Informaciyalıq texnologiyalar hám kommunikaciyalardı "
                "rawajlandırıw ministrligi Koreya Respublikasınıń IT tarawın qollap-"
                "quwatlaw milliy agentligi menen birgelikte shólkemlestirdi. Oǵan IT "
                "kompaniyalarınıń, joqarı oqıw orınlarınıń wákilleri qatnastı. Tárepler "
                "jámiyetti informaciyalastırıw hám ashıq kodlı baǵdarlamalardan "
                "paydalanıw boyınsha uzaq múddetli birge islesiw mexanizmlerin jaratıwdı "
                "ulıwma maqset dep bildi.",
            ),
            "ru": (
                "Узбекистан и Корея: сотрудничество в сфере ИКТ расширяется",
                "В Международном бизнес-центре Ташкента прошёл узбекско-корейский "
                "форум о развитии программного обеспечения с открытым кодом.",
                "Форум организовали Министерство по развитию информационных технологий "
                "и коммуникаций вместе с Национальным агентством содействия ИТ-индустрии "
                "Республики Корея. В нём участвовали руководители ИТ-компаний, "
                "разработчики программ и представители вузов. Первый заместитель "
                "министра Олимжон Умаров и вице-президент корейского агентства Тэ Ёль "
                "Ким отметили, что взаимовыгодное сотрудничество двух стран растёт. "
                "Общей целью стороны назвали долгосрочные механизмы сотрудничества в "
                "информатизации общества и доступе к свободному программному обеспечению.",
            ),
            "en": (
                "Uzbekistan and Korea widen their cooperation in ICT",
                "An Uzbek–Korean forum on open-source software took place at the "
                "International Business Center in Tashkent.",
                "The Ministry for the Development of Information Technologies and "
                "Communications organised the forum with the National IT Industry "
                "Promotion Agency of the Republic of Korea. Heads of IT companies, "
                "software makers and universities took part. First Deputy Minister "
                "Olimjon Umarov and the Korean agency's Vice President Tae Yeol Kim said "
                "the two countries' cooperation keeps growing. Both sides named long-term "
                "cooperation on the informatization of society, including access to free "
                "and open-source software, as their shared goal.",
            ),
        },
    ),
]


def _story(slug, when, category, author, source, uz, kaa, ru, en):
    STORIES.append(
        (
            slug,
            when,
            category,
            author,
            source,
            {"uz": uz, "kaa": kaa, "ru": ru, "en": en},
        )
    )


_story(
    "single-window-services-expand",
    "2026-08-04 09:00",
    "society",
    "",
    "UzA",
    (
        "Yagona darcha markazlarida xizmatlar soni ortdi",
        "Davlat xizmatlari markazlarida endi 200 dan ortiq xizmatdan foydalanish mumkin.",
        "Fuqarolar pasport, koʻchmas mulk va tadbirkorlik bilan bogʻliq hujjatlarni bir "
        "joyda rasmiylashtira oladi. Navbatlarni qisqartirish uchun onlayn yozilish ham yoʻlga qoʻyildi.",
    ),
    (
        "Bir aynalıq orayların da xızmetler sanı kóbeydi",
        "Mámleketlik xızmetler oraylarında endi 200 den aslam xızmetten paydalanıw múmkin.",
        "Puqaralar pasport, kóshpes múlk hám isbilermenlik penen baylanıslı hújjetlerdi bir "
        "jerde rásmiylestire aladı. Gezekti qısqartıw ushın onlayn jazılıw da engizildi.",
    ),
    (
        "В центрах «единого окна» стало больше услуг",
        "В центрах государственных услуг теперь доступно более 200 услуг.",
        "Граждане могут оформить документы по паспорту, недвижимости и предпринимательству "
        "в одном месте. Чтобы сократить очереди, введена онлайн-запись.",
    ),
    (
        "Single-window centres now offer more services",
        "Public service centres now offer more than 200 services.",
        "Citizens can handle passport, property and business paperwork in one place. "
        "Online booking has been introduced to shorten queues.",
    ),
)
_story(
    "digital-government-strategy-2030",
    "2026-08-12 10:15",
    "technology",
    "",
    "UzA",
    (
        "Raqamli hukumat strategiyasi muhokama qilindi",
        "Vazirlik 2030-yilgacha davlat xizmatlarini toʻliq raqamlashtirish rejasini taqdim etdi.",
        "Rejada maʼlumotlar almashinuvi, elektron imzo va ochiq maʼlumotlar portalini "
        "rivojlantirish koʻzda tutilgan. Loyiha jamoatchilik muhokamasiga qoʻyildi.",
    ),
    (
        "Cifrlı húkimet strategiyası talqılandı",
        "Ministrlik 2030-jılǵa shekem mámleketlik xızmetlerdi tolıq cifrlastırıw rejesin usındı.",
        "Rejede maǵlıwmat almasıw, elektron qoltańba hám ashıq maǵlıwmatlar portalın "
        "rawajlandırıw názerde tutılǵan. Joybar jámiyetshilik talqılawına qoyıldı.",
    ),
    (
        "Обсуждена стратегия цифрового правительства",
        "Министерство представило план полной цифровизации госуслуг до 2030 года.",
        "План предусматривает обмен данными, электронную подпись и развитие портала "
        "открытых данных. Проект вынесен на общественное обсуждение.",
    ),
    (
        "Digital government strategy put up for discussion",
        "The ministry presented a plan to bring all public services online by 2030.",
        "The plan covers data exchange, electronic signatures and the open data portal. "
        "The draft is open for public comment.",
    ),
)
_story(
    "new-school-buildings-samarkand",
    "2026-08-20 14:00",
    "education",
    "",
    "",
    (
        "Samarqand viloyatida 12 ta yangi maktab qurildi",
        "Yangi oʻquv yilida 9 mingdan ortiq oʻquvchi zamonaviy binolarda oʻqiydi.",
        "Maktablarda kompyuter sinflari, sport zallari va kutubxonalar bor. Binolar "
        "nogironligi boʻlgan bolalar uchun ham qulay qilib qurilgan.",
    ),
    (
        "Samarqand wálayatında 12 jańa mektep quruldı",
        "Jańa oqıw jılında 9 mıńnan aslam oqıwshı zamanagóy imaratlarda oqıydı.",
        "Mekteplerde kompyuter klassları, sport zalları hám kitapxanalar bar. Imaratlar "
        "múmkinshiligi sheklengen balalar ushın da qolaylı etip qurılǵan.",
    ),
    (
        "В Самаркандской области построены 12 новых школ",
        "В новом учебном году более 9 тысяч учеников будут учиться в современных зданиях.",
        "В школах есть компьютерные классы, спортзалы и библиотеки. Здания доступны "
        "для детей с инвалидностью.",
    ),
    (
        "Twelve new schools built in Samarkand region",
        "More than 9,000 pupils will start the school year in modern buildings.",
        "The schools have computer rooms, gyms and libraries, and are accessible to "
        "children with disabilities.",
    ),
)
_story(
    "export-growth-first-half",
    "2026-08-27 16:40",
    "economics",
    "",
    "UzA",
    (
        "Birinchi yarim yillikda eksport 18 foizga oshdi",
        "Toʻqimachilik, oziq-ovqat va qurilish materiallari eksporti eng tez oʻsdi.",
        "Eksport qilinadigan mahsulotlar roʻyxatiga 300 dan ortiq yangi tovar qoʻshildi. "
        "Eng koʻp mahsulot qoʻshni mamlakatlar va Yevropa bozorlariga joʻnatildi.",
    ),
    (
        "Birinshi yarım jıllıqta eksport 18 procentke óskti",
        "Toqımashılıq, azıq-awqat hám qurılıs materialları eksportı eń tez óskti.",
        "Eksport etiletuǵın ónimler dizimine 300 den aslam jańa tovar qosıldı. Eń kóp "
        "ónim qońsı mámleketler hám Evropa bazarlarına jiberildi.",
    ),
    (
        "Экспорт за первое полугодие вырос на 18 процентов",
        "Быстрее всего рос экспорт текстиля, продовольствия и стройматериалов.",
        "В список экспортируемой продукции добавлено более 300 новых товаров. Больше "
        "всего продукции отправлено в соседние страны и в Европу.",
    ),
    (
        "Exports grew 18 per cent in the first half-year",
        "Textiles, food and building materials grew fastest.",
        "More than 300 new goods joined the list of exports. Most went to neighbouring "
        "countries and to European markets.",
    ),
)
_story(
    "independence-day-celebrations",
    "2026-09-01 08:00",
    "culture",
    "",
    "",
    (
        "Mustaqillik kuni butun mamlakat boʻylab nishonlandi",
        "Poytaxt va viloyatlarda bayram konsertlari hamda koʻrgazmalar boʻlib oʻtdi.",
        "Tadbirlarda xalq ijodiyoti jamoalari, yosh ijrochilar va hunarmandlar ishtirok "
        "etdi. Kechqurun shaharlar osmonini mushakbozlik bezadi.",
    ),
    (
        "Ǵárezsizlik kúni pútkil el boylap belgilendi",
        "Paytaxtta hám wálayatlarda bayram konsertleri hám kórgizbeler bolıp ótti.",
        "Ilajlarda xalıq dóretiwshiligi toparları, jas atqarıwshılar hám ónermentler "
        "qatnastı. Keshte qalalar aspanın feyerverk bezedi.",
    ),
    (
        "День независимости отметили по всей стране",
        "В столице и регионах прошли праздничные концерты и выставки.",
        "В мероприятиях участвовали фольклорные коллективы, молодые исполнители и "
        "ремесленники. Вечером небо городов украсил салют.",
    ),
    (
        "Independence Day celebrated across the country",
        "Festive concerts and exhibitions took place in the capital and the regions.",
        "Folk ensembles, young performers and craftspeople took part. In the evening "
        "fireworks lit up the sky over the cities.",
    ),
)
_story(
    "parliament-budget-first-reading",
    "2026-09-09 12:20",
    "politics",
    "",
    "UzA",
    (
        "Qonunchilik palatasi davlat byudjetini birinchi oʻqishda koʻrib chiqdi",
        "Deputatlar keyingi yil byudjetida ijtimoiy xarajatlar ulushini muhokama qildi.",
        "Byudjet loyihasida taʼlim, sogʻliqni saqlash va ijtimoiy himoyaga ajratmalarni "
        "oshirish nazarda tutilgan. Loyiha ikkinchi oʻqishga tayyorlanmoqda.",
    ),
    (
        "Nızamshılıq palatası mámleketlik byudjetti birinshi oqıwda kórip shıqtı",
        "Deputatlar keyingi jıl byudjetindegi sociallıq qárejetler úlesin talqıladı.",
        "Byudjet joybarında bilimlendiriw, densawlıqtı saqlaw hám sociallıq qorǵawǵa "
        "ajıratılatuǵın qarjını kóbeytiw názerde tutılǵan.",
    ),
    (
        "Законодательная палата рассмотрела бюджет в первом чтении",
        "Депутаты обсудили долю социальных расходов в бюджете на следующий год.",
        "Проект бюджета предусматривает рост расходов на образование, здравоохранение "
        "и социальную защиту. Документ готовят ко второму чтению.",
    ),
    (
        "Legislative Chamber reads the state budget for the first time",
        "Deputies discussed the share of social spending in next year's budget.",
        "The draft raises spending on education, health and social protection. It is "
        "being prepared for a second reading.",
    ),
)
_story(
    "vaccination-campaign-autumn",
    "2026-09-15 09:30",
    "health",
    "",
    "",
    (
        "Kuzgi emlash kampaniyasi boshlandi",
        "Oilaviy poliklinikalarda grippga qarshi bepul emlash oʻtkazilmoqda.",
        "Birinchi navbatda keksalar, homilador ayollar va surunkali kasalligi bor "
        "fuqarolar emlanadi. Emlash uchun oldindan yozilish shart emas.",
    ),
    (
        "Gúzgi egiw kampaniyası basladı",
        "Shańaraqlıq poliklinikalarda grippke qarsı biypul egiw ótkerilmekte.",
        "Birinshi gezekte garrılar, júkli hayallar hám xronikalıq kesellikleri bar "
        "puqaralar egiledi. Egiw ushın aldın ala jazılıw shárt emes.",
    ),
    (
        "Началась осенняя кампания вакцинации",
        "В семейных поликлиниках проводят бесплатную прививку от гриппа.",
        "В первую очередь прививают пожилых, беременных и людей с хроническими "
        "болезнями. Записываться заранее не нужно.",
    ),
    (
        "Autumn vaccination campaign begins",
        "Family clinics are offering free flu vaccination.",
        "Older people, pregnant women and people with chronic illnesses come first. "
        "No appointment is needed.",
    ),
)
_story(
    "karakalpakstan-water-saving",
    "2026-09-22 11:00",
    "economics",
    "",
    "",
    (
        "Qoraqalpogʻistonda suv tejovchi texnologiyalar joriy etilmoqda",
        "Bu yil 15 ming gektar maydonda tomchilatib sugʻorish tizimi oʻrnatildi.",
        "Fermerlarga uskunalar narxining bir qismi davlat tomonidan qoplanadi. Natijada "
        "suv sarfi qariyb ikki baravar kamaydi.",
    ),
    (
        "Qaraqalpaqstanda suw únemlewshi texnologiyalar engizilmekte",
        "Bıyıl 15 mıń gektar maydanda tamshılatıp suwǵarıw sisteması ornatıldı.",
        "Fermerlerge úskeneler bahasınıń bir bólegi mámleket tárepinen qaplanadı. "
        "Nátiyjede suw sarpı derlik eki ese kemeydi.",
    ),
    (
        "В Каракалпакстане внедряют водосберегающие технологии",
        "В этом году капельное орошение установлено на 15 тысячах гектаров.",
        "Государство компенсирует фермерам часть стоимости оборудования. Расход воды "
        "сократился почти вдвое.",
    ),
    (
        "Karakalpakstan adopts water-saving technology",
        "Drip irrigation was installed on 15,000 hectares this year.",
        "The state covers part of the cost of the equipment for farmers. Water use has "
        "fallen by almost half.",
    ),
)
_story(
    "teachers-day-awards",
    "2026-09-30 15:00",
    "education",
    "",
    "UzA",
    (
        "Oʻqituvchilar va murabbiylar kuni munosabati bilan mukofotlar topshirildi",
        "Yuzdan ortiq pedagog davlat mukofotlari bilan taqdirlandi.",
        "Mukofotlar yosh avlod taʼlim-tarbiyasiga qoʻshgan hissasi uchun berildi. "
        "Taqdirlanganlar orasida qishloq maktablari oʻqituvchilari koʻpchilikni tashkil etadi.",
    ),
    (
        "Muǵallimler hám ustazlar kúni múnásibeti menen sıylıqlar tapsırıldı",
        "Júzden aslam pedagog mámleketlik sıylıqlar menen sıylıqlandı.",
        "Sıylıqlar jas áwladtı oqıtıw hám tárbiyalawǵa qosqan úlesi ushın berildi.",
    ),
    (
        "Ко Дню учителя вручены награды",
        "Более ста педагогов удостоены государственных наград.",
        "Награды вручены за вклад в обучение и воспитание молодёжи. Большинство "
        "награждённых работает в сельских школах.",
    ),
    (
        "Awards presented for Teachers' Day",
        "More than a hundred teachers received state awards.",
        "The awards honour their work in educating young people. Most of those honoured "
        "teach in rural schools.",
    ),
)
_story(
    "open-data-portal-new-datasets",
    "2026-10-05 10:00",
    "technology",
    "",
    "",
    (
        "Ochiq maʼlumotlar portaliga 150 ta yangi toʻplam qoʻshildi",
        "Yangi toʻplamlar taʼlim, transport va atrof-muhitga oid maʼlumotlarni oʻz ichiga oladi.",
        "Maʼlumotlar CSV va JSON formatlarida bepul yuklab olinadi. Dasturchilar ularni "
        "API orqali oʻz ilovalariga ulashi mumkin.",
    ),
    (
        "Ashıq maǵlıwmatlar portalına 150 jańa toplam qosıldı",
        "Jańa toplamlar bilimlendiriw, transport hám qorshaǵan ortalıqqa tiyisli maǵlıwmatlardı óz ishine aladı.",
        "Maǵlıwmatlar CSV hám JSON formatlarında biypul júklep alınadı.",
    ),
    (
        "На портал открытых данных добавлено 150 наборов",
        "Новые наборы охватывают образование, транспорт и окружающую среду.",
        "Данные бесплатно скачиваются в форматах CSV и JSON. Разработчики могут "
        "подключать их к своим приложениям через API.",
    ),
    (
        "150 new datasets on the open data portal",
        "The new datasets cover education, transport and the environment.",
        "The data can be downloaded free as CSV or JSON, and developers can use them "
        "in their applications through the API.",
    ),
)
_story(
    "tashkent-metro-new-stations",
    "2026-10-09 08:45",
    "society",
    "",
    "UzA",
    (
        "Toshkent metrosida uchta yangi bekat ochildi",
        "Halqa yoʻlining yangi qismi kuniga 40 ming yoʻlovchiga xizmat qiladi.",
        "Bekatlar lift va taktil yoʻlaklar bilan jihozlangan. Poyezdlar harakat oraligʻi "
        "tig'iz soatlarda besh daqiqagacha qisqardi.",
    ),
    (
        "Tashkent metrosında úsh jańa stanciya ashıldı",
        "Saqıyna jolınıń jańa bólegi kúnine 40 mıń jolawshıǵa xızmet kórsetedi.",
        "Stanciyalar lift hám taktil joldar menen úskenelengen.",
    ),
    (
        "В Ташкентском метро открылись три новые станции",
        "Новый участок кольцевой линии будет обслуживать 40 тысяч пассажиров в день.",
        "Станции оборудованы лифтами и тактильной плиткой. Интервал движения в часы "
        "пик сократился до пяти минут.",
    ),
    (
        "Three new stations open on the Tashkent metro",
        "The new section of the ring line will serve 40,000 passengers a day.",
        "The stations have lifts and tactile paving. Trains now run every five minutes "
        "at peak times.",
    ),
)
_story(
    "national-chess-championship",
    "2026-10-12 19:00",
    "sport",
    "",
    "",
    (
        "Shaxmat boʻyicha mamlakat chempionati yakunlandi",
        "Chempionatda 120 nafar shaxmatchi, jumladan 30 nafar oʻsmir ishtirok etdi.",
        "Gʻoliblar xalqaro musobaqalarda terma jamoa safida qatnashish huquqini qoʻlga kiritdi.",
    ),
    (
        "Shaxmat boyınsha el chempionatı juwmaqlandı",
        "Chempionatqa 120 shaxmatshı, sonıń ishinde 30 óspirim qatnastı.",
        "Jeńimpazlar xalıqaralıq jarıslarda terme komanda quramında qatnasıw huqıqın aldı.",
    ),
    (
        "Завершился национальный чемпионат по шахматам",
        "В чемпионате участвовали 120 шахматистов, в том числе 30 подростков.",
        "Победители получили право выступить за сборную на международных турнирах.",
    ),
    (
        "National chess championship ends",
        "120 players, including 30 teenagers, took part.",
        "The winners earned places in the national team for international tournaments.",
    ),
)
_story(
    "small-business-loans",
    "2026-10-16 13:10",
    "economics",
    "",
    "",
    (
        "Kichik biznes uchun imtiyozli kreditlar hajmi oshirildi",
        "Yoshlar va ayollar tadbirkorligini qoʻllab-quvvatlashga qoʻshimcha mablagʻ ajratildi.",
        "Kreditlar uch yilgacha muddatga, garovsiz berilishi mumkin. Arizalar onlayn "
        "tarzda qabul qilinadi.",
    ),
    (
        "Kishi biznes ushın jeńillikli kreditler kólemi asırıldı",
        "Jaslar hám hayallar isbilermenligin qollap-quwatlawǵa qosımsha qarjı ajıratıldı.",
        "Kreditler úsh jılǵa shekem múddetke, kepilsiz beriliwi múmkin.",
    ),
    (
        "Увеличен объём льготных кредитов для малого бизнеса",
        "Выделены дополнительные средства на поддержку предпринимательства молодёжи и женщин.",
        "Кредиты выдают на срок до трёх лет, в том числе без залога. Заявки принимают онлайн.",
    ),
    (
        "More low-interest loans for small businesses",
        "Extra funds go to support young and women entrepreneurs.",
        "Loans run for up to three years and may be granted without collateral. "
        "Applications are accepted online.",
    ),
)
_story(
    "rural-clinics-telemedicine",
    "2026-10-20 10:30",
    "health",
    "",
    "UzA",
    (
        "Qishloq poliklinikalari telemeditsina tizimiga ulandi",
        "Endi 500 dan ortiq qishloq vrachi viloyat mutaxassislaridan onlayn maslahat oladi.",
        "Tizim murakkab tashxislarni tezroq qoʻyish va bemorlarni shaharga olib borish "
        "zaruratini kamaytirishga yordam beradi.",
    ),
    (
        "Awıl poliklinikaları telemedicina sistemasına jalǵandı",
        "Endi 500 den aslam awıl shıpakeri wálayat qánigelerinen onlayn másláhát aladı.",
        "Sistema quramalı diagnozlardı tezirek qoyıwǵa járdem beredi.",
    ),
    (
        "Сельские поликлиники подключены к телемедицине",
        "Более 500 сельских врачей теперь получают онлайн-консультации областных специалистов.",
        "Система помогает быстрее ставить сложные диагнозы и реже везти пациентов в город.",
    ),
    (
        "Rural clinics join the telemedicine network",
        "More than 500 rural doctors can now consult regional specialists online.",
        "The system speeds up difficult diagnoses and spares patients trips to the city.",
    ),
)
_story(
    "foreign-ministers-meeting",
    "2026-10-23 17:00",
    "politics",
    "",
    "",
    (
        "Markaziy Osiyo tashqi ishlar vazirlari uchrashuvi boʻlib oʻtdi",
        "Vazirlar mintaqaviy transport yoʻlaklari va suv resurslaridan birgalikda "
        "foydalanishni muhokama qildi.",
        "Uchrashuv yakunida qoʻshma bayonot qabul qilindi. Keyingi uchrashuv bahorda "
        "oʻtkazilishi kelishildi.",
    ),
    (
        "Orayliq Aziya sırtqı isler ministrleriniń ushırasıwı bolıp ótti",
        "Ministrler aymaqlıq transport jolları hám suw resurslarınan birgelikte paydalanıwdı talqıladı.",
        "Ushırasıw juwmaǵında birgelikli bayanat qabıl etildi.",
    ),
    (
        "Состоялась встреча министров иностранных дел Центральной Азии",
        "Министры обсудили региональные транспортные коридоры и совместное использование водных ресурсов.",
        "По итогам встречи принято совместное заявление. Следующую встречу решено провести весной.",
    ),
    (
        "Central Asian foreign ministers meet",
        "The ministers discussed regional transport corridors and shared water resources.",
        "They adopted a joint statement and agreed to meet again in the spring.",
    ),
)
_story(
    "museum-night-khiva",
    "2026-10-25 20:00",
    "culture",
    "",
    "",
    (
        "Xivada «Muzeylar kechasi» tashkil etildi",
        "Ichan qalʼa muzeylari tun boʻyi tashrif buyuruvchilar uchun ochiq boʻldi.",
        "Mehmonlar qadimiy qoʻlyozmalar, kulolchilik va zardoʻzlik namunalari bilan tanishdi.",
    ),
    (
        "Xiywada «Muzeyler túni» shólkemlestirildi",
        "Ishan qala muzeyleri tún boyı keliwshiler ushın ashıq boldı.",
        "Miymanlar áyyemgi qoljazbalar hám qolóner úlgileri menen tanıstı.",
    ),
    (
        "В Хиве прошла «Ночь музеев»",
        "Музеи Ичан-Калы были открыты для посетителей всю ночь.",
        "Гости познакомились с древними рукописями, керамикой и золотым шитьём.",
    ),
    (
        "Khiva holds a Museum Night",
        "The museums of Itchan Kala stayed open all night.",
        "Visitors saw ancient manuscripts, pottery and gold embroidery.",
    ),
)
_story(
    "it-park-residents",
    "2026-10-28 11:45",
    "technology",
    "",
    "UzA",
    (
        "IT-park rezidentlari soni 2 mingdan oshdi",
        "Bu yil IT xizmatlari eksporti 40 foizga koʻpaydi.",
        "Rezidentlar soliq imtiyozlaridan foydalanadi va xorijiy buyurtmachilar bilan "
        "ishlash uchun maslahat oladi. Viloyatlarda yangi IT markazlar ochilmoqda.",
    ),
    (
        "IT-park rezidentleriniń sanı 2 mıńnan asıp ketti",
        "Bıyıl IT xızmetleri eksportı 40 procentke kóbeydi.",
        "Rezidentler salıq jeńillikleri menen paydalanadı.",
    ),
    (
        "Число резидентов IT-парка превысило 2 тысячи",
        "В этом году экспорт IT-услуг вырос на 40 процентов.",
        "Резиденты пользуются налоговыми льготами и получают консультации по работе с "
        "зарубежными заказчиками. В регионах открываются новые IT-центры.",
    ),
    (
        "IT Park passes 2,000 resident companies",
        "Exports of IT services rose 40 per cent this year.",
        "Residents enjoy tax incentives and get advice on working with foreign clients. "
        "New IT centres are opening in the regions.",
    ),
)
_story(
    "citizens-appeals-report",
    "2026-11-02 09:15",
    "society",
    "",
    "",
    (
        "Fuqarolar murojaatlari boʻyicha choraklik hisobot eʼlon qilindi",
        "Uch oy ichida 180 mingdan ortiq murojaat koʻrib chiqildi.",
        "Murojaatlarning aksariyati kommunal xizmatlar, ish bilan taʼminlash va ijtimoiy "
        "yordamga oid. Har bir murojaat holatini portal orqali kuzatish mumkin.",
    ),
    (
        "Puqaralar múrájatları boyınsha sheregeklik esabat járiyalandı",
        "Úsh ay ishinde 180 mıńnan aslam múrájat kórip shıǵıldı.",
        "Múrájatlardıń kópshiligi kommunal xızmetler, jumıs penen támiyinlew hám "
        "sociallıq járdemge tiyisli.",
    ),
    (
        "Опубликован квартальный отчёт по обращениям граждан",
        "За три месяца рассмотрено более 180 тысяч обращений.",
        "Большинство обращений касается коммунальных услуг, трудоустройства и "
        "социальной помощи. Статус каждого обращения можно отслеживать на портале.",
    ),
    (
        "Quarterly report on citizens' appeals published",
        "More than 180,000 appeals were handled in three months.",
        "Most concern utilities, employment and social support. Anyone can follow the "
        "status of an appeal on the portal.",
    ),
)
_story(
    "university-admissions-online",
    "2026-11-05 10:00",
    "education",
    "",
    "UzA",
    (
        "Oliy taʼlimga qabul toʻliq onlayn tizimga oʻtkaziladi",
        "Abituriyentlar hujjatlarni topshirish va natijalarni bilishni internet orqali amalga oshiradi.",
        "Yangi tizim qogʻoz hujjatlar va navbatlarni yoʻq qiladi. Imkoniyati cheklangan "
        "abituriyentlar uchun maxsus sharoitlar saqlanadi.",
    ),
    (
        "Joqarı bilimlendiriwge qabıllaw tolıq onlayn sistemaǵa ótkeriledi",
        "Abiturientler hújjetlerdi tapsırıwdı hám nátiyjelerdi biliwdi internet arqalı ámelge asıradı.",
        "Jańa sistema qaǵaz hújjetler hám gezeklerdi joq etedi.",
    ),
    (
        "Приём в вузы полностью переводится в онлайн",
        "Абитуриенты будут подавать документы и узнавать результаты через интернет.",
        "Новая система избавит от бумажных документов и очередей. Для абитуриентов с "
        "инвалидностью сохраняются особые условия.",
    ),
    (
        "University admissions move fully online",
        "Applicants will submit documents and see their results online.",
        "The new system removes paper forms and queues; special arrangements remain for "
        "applicants with disabilities.",
    ),
)
_story(
    "green-space-program",
    "2026-11-08 12:00",
    "society",
    "",
    "",
    (
        "«Yashil makon» dasturi doirasida 5 million koʻchat ekildi",
        "Kuzgi mavsumda shahar va qishloqlarda yangi bogʻlar hamda xiyobonlar barpo etildi.",
        "Koʻchatlarni parvarish qilish uchun mahallalarda masʼul guruhlar tuzildi.",
    ),
    (
        "«Jasıl makan» baǵdarlaması sheńberinde 5 million kóshet egildi",
        "Gúzgi máwsimde qala hám awıllarda jańa baǵlar hám xiyabanlar dúzildi.",
        "Kóshetlerdi kútiw ushın máhállelerde juwapker toparlar dúzildi.",
    ),
    (
        "По программе «Зелёное пространство» высажено 5 миллионов саженцев",
        "Осенью в городах и сёлах заложены новые сады и аллеи.",
        "Для ухода за саженцами в махаллях созданы ответственные группы.",
    ),
    (
        "Five million saplings planted under the Green Space programme",
        "New gardens and avenues were laid out in towns and villages this autumn.",
        "Neighbourhood groups have been set up to look after the young trees.",
    ),
)
_story(
    "healthy-food-schools",
    "2026-11-11 09:40",
    "health",
    "",
    "",
    (
        "Maktablarda sogʻlom ovqatlanish dasturi kengaytirildi",
        "Boshlangʻich sinf oʻquvchilari bepul issiq tushlik bilan taʼminlanmoqda.",
        "Menyular dietologlar tomonidan tuzilgan va mahalliy mahsulotlarga asoslangan.",
    ),
    (
        "Mekteplerde salamat awqatlanıw baǵdarlaması keńeytildi",
        "Baslawısh klass oqıwshıları biypul ıssı túslik penen támiyinlenbekte.",
        "Menyular dietologlar tárepinen dúzilgen.",
    ),
    (
        "В школах расширена программа здорового питания",
        "Ученики начальных классов получают бесплатный горячий обед.",
        "Меню составлено диетологами и основано на местных продуктах.",
    ),
    (
        "Healthy school meals programme expanded",
        "Primary pupils now receive a free hot lunch.",
        "Dietitians drew up the menus, which are based on local produce.",
    ),
)
_story(
    "e-government-awards",
    "2026-11-13 15:30",
    "technology",
    "",
    "UzA",
    (
        "Elektron hukumat sohasidagi eng yaxshi loyihalar taqdirlandi",
        "Tanlovda 60 dan ortiq davlat organi oʻz raqamli xizmatlarini taqdim etdi.",
        "Gʻoliblar qatorida tugʻilganlik haqidagi guvohnomani onlayn olish va "
        "soliq deklaratsiyasini avtomatik toʻldirish xizmatlari bor.",
    ),
    (
        "Elektron húkimet tarawındaǵı eń jaqsı joybarlar sıylıqlandı",
        "Tańlawda 60 tan aslam mámleketlik shólkem óz cifrlı xızmetlerin usındı.",
        "Jeńimpazlar arasında tuwılǵanlıq haqqındaǵı gúwalıqtı onlayn alıw xızmeti bar.",
    ),
    (
        "Награждены лучшие проекты электронного правительства",
        "Более 60 госорганов представили свои цифровые услуги на конкурс.",
        "Среди победителей — онлайн-получение свидетельства о рождении и автоматическое "
        "заполнение налоговой декларации.",
    ),
    (
        "Best e-government projects honoured",
        "More than 60 public bodies entered their digital services in the competition.",
        "Winners include online birth certificates and pre-filled tax returns.",
    ),
)
_story(
    "wrestling-world-cup",
    "2026-11-15 21:10",
    "sport",
    "",
    "",
    (
        "Kurashchilarimiz jahon kubogida uchta oltin medal qoʻlga kiritdi",
        "Terma jamoa umumjamoa hisobida birinchi oʻrinni egalladi.",
        "Sportchilarni aeroportda muxlislar va oila aʼzolari kutib oldi.",
    ),
    (
        "Gúresshilerimiz dúnya kubogında úsh altın medal jeńip aldı",
        "Terme komanda ulıwma komandalıq esapta birinshi orındı iyeledi.",
        "Sportshılardı aeroportta janküyerler kútip aldı.",
    ),
    (
        "Наши борцы завоевали три золотые медали Кубка мира",
        "Сборная заняла первое место в командном зачёте.",
        "Спортсменов в аэропорту встречали болельщики и родные.",
    ),
    (
        "Wrestlers win three gold medals at the World Cup",
        "The national team took first place overall.",
        "Fans and families welcomed the athletes at the airport.",
    ),
)
_story(
    "new-constitution-day-events",
    "2026-11-18 10:00",
    "politics",
    "",
    "UzA",
    (
        "Konstitutsiya kuniga bagʻishlangan tadbirlar rejasi tasdiqlandi",
        "Maktab va oliygohlarda huquqiy bilimlar haftaligi oʻtkaziladi.",
        "Fuqarolar oʻz huquqlari haqida bepul yuridik maslahat olishi mumkin.",
    ),
    (
        "Konstituciya kúnine baǵıshlanǵan ilajlar rejesi tastıyıqlandı",
        "Mektep hám joqarı oqıw orınlarında huqıqıy bilimler háptesi ótkeriledi.",
        "Puqaralar óz huqıqları haqqında biypul yuridikalıq másláhát alıwı múmkin.",
    ),
    (
        "Утверждён план мероприятий ко Дню Конституции",
        "В школах и вузах пройдёт неделя правовых знаний.",
        "Граждане смогут получить бесплатную юридическую консультацию о своих правах.",
    ),
    (
        "Plan of events for Constitution Day approved",
        "Schools and universities will hold a week of legal education.",
        "Citizens can get free legal advice about their rights.",
    ),
)
_story(
    "aral-sea-afforestation",
    "2026-11-20 11:20",
    "society",
    "",
    "",
    (
        "Orolboʻyida saksovul oʻrmonlari barpo etish davom etmoqda",
        "Qurigan dengiz tubida bu yil 100 ming gektar maydonga urugʻ sepildi.",
        "Oʻrmonlar chang boʻronlarini kamaytiradi va mahalliy aholi salomatligini himoya qiladi.",
    ),
    (
        "Aral boyında seksewil toǵayların jaratıw dawam etpekte",
        "Qurǵaǵan teńiz túbinde bıyıl 100 mıń gektar maydanǵa tuqım sebildi.",
        "Toǵaylar shań boranların kemeytedi hám jergilikli xalıqtıń densawlıǵın qorǵaydı.",
    ),
    (
        "В Приаралье продолжают высаживать саксауловые леса",
        "На высохшем дне моря в этом году засеяно 100 тысяч гектаров.",
        "Леса уменьшают пыльные бури и защищают здоровье местных жителей.",
    ),
    (
        "Saxaul forests keep growing around the Aral Sea",
        "Seed was sown on 100,000 hectares of the dried seabed this year.",
        "The forests reduce dust storms and protect local people's health.",
    ),
)
_story(
    "tourism-visa-free",
    "2026-11-22 14:50",
    "economics",
    "",
    "UzA",
    (
        "Xorijiy sayyohlar soni 10 oyda 7 milliondan oshdi",
        "Vizasiz rejim kengaytirilgani sayyohlar oqimini oshirdi.",
        "Eng koʻp mehmonlar Samarqand, Buxoro va Xivaga tashrif buyurdi. Mehmonxonalar "
        "soni ham bir yilda 15 foizga koʻpaydi.",
    ),
    (
        "Shet el turistleriniń sanı 10 ayda 7 millionnan astı",
        "Vizasız rejimniń keńeytiliwi turistler aǵımın kóbeytti.",
        "Eń kóp miymanlar Samarqand, Buxara hám Xiywaǵa keldi.",
    ),
    (
        "Число иностранных туристов за 10 месяцев превысило 7 миллионов",
        "Расширение безвизового режима увеличило поток туристов.",
        "Больше всего гостей посетили Самарканд, Бухару и Хиву. Число гостиниц за год "
        "выросло на 15 процентов.",
    ),
    (
        "Foreign visitors pass seven million in ten months",
        "Wider visa-free travel has brought more tourists.",
        "Samarkand, Bukhara and Khiva drew the most visitors, and the number of hotels "
        "grew 15 per cent in a year.",
    ),
)
_story(
    "libraries-digital-archive",
    "2026-11-24 10:10",
    "culture",
    "",
    "",
    (
        "Milliy kutubxona raqamli arxivi kengaytirildi",
        "Arxivga 20 mingdan ortiq nodir kitob va qoʻlyozmaning raqamli nusxasi qoʻshildi.",
        "Nusxalarni kutubxona saytida bepul koʻrish mumkin. Koʻzi ojizlar uchun audio "
        "variantlar ham tayyorlanmoqda.",
    ),
    (
        "Milliy kitapxananıń cifrlı arxivi keńeytildi",
        "Arxivke 20 mıńnan aslam siyrek kitap hám qoljazbanıń cifrlı nusqası qosıldı.",
        "Nusqalardı kitapxana saytında biypul kóriwge boladı.",
    ),
    (
        "Расширен цифровой архив Национальной библиотеки",
        "В архив добавлены цифровые копии более 20 тысяч редких книг и рукописей.",
        "Копии можно бесплатно смотреть на сайте библиотеки. Для незрячих готовят "
        "аудиоверсии.",
    ),
    (
        "National Library widens its digital archive",
        "Digital copies of more than 20,000 rare books and manuscripts were added.",
        "They can be read free on the library's website, and audio versions are being "
        "prepared for blind readers.",
    ),
)
_story(
    "winter-heating-readiness",
    "2026-11-26 09:00",
    "society",
    "",
    "UzA",
    (
        "Kommunal xizmatlar qishga tayyor",
        "Issiqlik taʼminoti tarmoqlarining 95 foizi taʼmirlandi.",
        "Favqulodda holatlar uchun tezkor brigadalar tuzildi. Uzilishlar haqida ishonch "
        "telefoni orqali xabar berish mumkin.",
    ),
    (
        "Kommunal xızmetler qısqa tayar",
        "Jıllılıq támiynatı tarmaqlarınıń 95 procenti remontlandı.",
        "Tótenshe jaǵdaylar ushın tezkor brigadalar dúzildi.",
    ),
    (
        "Коммунальные службы готовы к зиме",
        "Отремонтировано 95 процентов сетей теплоснабжения.",
        "Созданы аварийные бригады. Об отключениях можно сообщить по телефону доверия.",
    ),
    (
        "Utilities ready for winter",
        "95 per cent of the heating network has been repaired.",
        "Emergency crews are on standby; outages can be reported on the helpline.",
    ),
)
_story(
    "youth-startup-contest",
    "2026-11-27 16:00",
    "technology",
    "",
    "",
    (
        "Yoshlar startap tanlovi gʻoliblari aniqlandi",
        "Tanlovga 800 dan ortiq loyiha taqdim etildi.",
        "Gʻoliblar grant va IT-park inkubatsiya dasturida qatnashish imkoniyatini oldi.",
    ),
    (
        "Jaslar startap tańlawınıń jeńimpazları anıqlandı",
        "Tańlawǵa 800 den aslam joybar usınıldı.",
        "Jeńimpazlar grant hám IT-park inkubaciya baǵdarlamasına qatnasıw múmkinshiligin aldı.",
    ),
    (
        "Определены победители молодёжного конкурса стартапов",
        "На конкурс представлено более 800 проектов.",
        "Победители получили гранты и место в инкубаторе IT-парка.",
    ),
    (
        "Youth start-up contest winners announced",
        "More than 800 projects were entered.",
        "The winners receive grants and places in the IT Park incubator.",
    ),
)
_story(
    "agriculture-harvest-results",
    "2026-11-28 12:30",
    "economics",
    "",
    "UzA",
    (
        "Gʻalla va paxta hosili yakunlari eʼlon qilindi",
        "Bu yil gʻalla hosildorligi gektariga oʻrtacha 65 sentnerni tashkil etdi.",
        "Yangi navlar va suv tejovchi texnologiyalar hosildorlikni oshirishga yordam berdi.",
    ),
    (
        "Dán hám paxta ónimi juwmaqları járiyalandı",
        "Bıyıl dán ónimdarlıǵı gektarına ortasha 65 centnerdi qurastı.",
        "Jańa sortlar hám suw únemlewshi texnologiyalar ónimdarlıqtı arttırıwǵa járdem berdi.",
    ),
    (
        "Подведены итоги уборки зерна и хлопка",
        "В этом году урожайность зерна составила в среднем 65 центнеров с гектара.",
        "Новые сорта и водосберегающие технологии помогли повысить урожайность.",
    ),
    (
        "Grain and cotton harvest results announced",
        "Grain yields averaged 65 centners per hectare this year.",
        "New varieties and water-saving technology helped raise yields.",
    ),
)
