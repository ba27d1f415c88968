import json

import pytest
from django.utils import timezone, translation

from govportal.core.dates import month_name
from govportal.core.testing import assert_page
from govportal.news.models import NewsIndexPage

LANGUAGES = ["uz", "uz-cyrl", "kaa", "ru", "en"]
SEED = "uzbekistan-korea-open-source-forum"


@pytest.mark.parametrize("code", LANGUAGES)
def test_news_index_lists_the_newest_news_first(client, demo, code):
    soup = assert_page(client.get(f"/{code}/news/"), lang=code)
    times = [t["datetime"] for t in soup.select(".news-list time")]
    assert len(times) == 20
    assert times == sorted(times, reverse=True)
    assert soup.select_one("nav.category-filter a[aria-current]")


@pytest.mark.parametrize(
    ("code", "meta", "byline"),
    [
        ("uz", "15-avgust, 2017 | Iqtisodiyot", "Ulugbek Shonazarov, UzA"),
        ("uz-cyrl", "15 август, 2017 | Иқтисодиёт", "Улугбек Шоназаров, UzA"),
        ("ru", "15 августа 2017 г. | Экономика", "Ulugbek Shonazarov, UzA"),
        ("en", "August 15, 2017 | Economics", "Ulugbek Shonazarov, UzA"),
    ],
)
def test_news_page_shows_date_category_and_byline(client, demo, code, meta, byline):
    soup = assert_page(client.get(f"/{code}/news/{SEED}/"), lang=code)
    assert " ".join(soup.select_one(".news-meta").get_text().split()) == meta
    assert soup.select_one(".news-meta time")["datetime"] == "2017-08-15T11:30+05:00"
    assert soup.select_one(".byline").get_text(strip=True) == byline
    assert soup.select_one(".lead").get_text()


def test_news_page_carries_json_ld_and_open_graph(client, demo):
    soup = assert_page(client.get(f"/en/news/{SEED}/"), lang="en")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Uzbekistan and Korea widen their cooperation in ICT"
    assert data["inLanguage"] == "en"
    assert data["datePublished"].startswith("2017-08-15T11:30:00+05:00")
    assert data["author"] == {"@type": "Person", "name": "Ulugbek Shonazarov"}
    assert data["articleSection"] == "Economics"
    assert data["image"][0].startswith("http://127.0.0.1/")
    meta = {
        tag["property"]: tag["content"] for tag in soup.find_all("meta", property=True)
    }
    assert meta["og:type"] == "article"
    assert meta["og:url"] == f"http://127.0.0.1/en/news/{SEED}/"
    assert meta["og:locale"] == "en"
    assert meta["og:image"] == data["image"][0]


def test_lead_image_has_modern_formats_and_dimensions(client, demo):
    soup = assert_page(client.get(f"/en/news/{SEED}/"), lang="en")
    picture = soup.select_one(".lead-image picture")
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    img = picture.find("img")
    assert img["width"] and img["height"]
    assert "w," in img["srcset"]
    assert img["alt"] == "A conference hall with rows of seats (demo illustration)."


def test_category_filter_lists_only_that_category(client, demo):
    soup = assert_page(client.get("/en/news/?category=sport"), lang="en")
    categories = {
        m.get_text().split("|")[1].strip() for m in soup.select(".news-list .news-meta")
    }
    assert categories == {"Sport"}
    assert soup.select_one("nav.category-filter a[aria-current]").get_text() == "Sport"


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999",
        "page=1e3",
        "page=%EF%BC%91",
        "page=" + "9" * 10000,
        "category=nope",
    ],
)
def test_bad_listing_parameters_are_a_404_not_a_500(client, demo, query):
    response = client.get(f"/ru/news/?{query}")
    assert_page(response, lang="ru", status=404, hreflang=False)


def test_second_page_continues_where_the_first_ends(client, demo):
    first = assert_page(client.get("/en/news/"), lang="en")
    second = assert_page(client.get("/en/news/?page=2"), lang="en")
    first_titles = [a.get_text() for a in first.select(".news-title a")]
    second_titles = [a.get_text() for a in second.select(".news-title a")]
    assert len(second_titles) == 13
    assert not set(first_titles) & set(second_titles)
    assert second.select_one('.pagination a[rel="prev"]')["href"] == "?page=1"
    assert not second.select_one('.pagination a[rel="next"]')


@pytest.mark.parametrize(
    ("path", "count", "heading"),
    [
        ("2017/08/15/", 1, "News of August 15, 2017"),
        ("2017/08/", 1, "News of August 2017"),
        ("2017/", 1, "News of 2017"),
        ("2026/11/", 15, "News of November 2026"),
        ("2020/01/01/", 0, "News of January 1, 2020"),
    ],
)
def test_date_archives_list_the_news_of_that_period(client, demo, path, count, heading):
    soup = assert_page(client.get(f"/en/news/{path}"), lang="en")
    assert soup.h1.get_text() == heading
    assert len(soup.select(".news-list .news-item")) == count


@pytest.mark.parametrize(
    "path",
    [
        "2017/02/30/",
        "2017/13/01/",
        "2017/00/10/",
        "0000/",
        "99999/",
        "1990/",
        "2017/8/15/",
        "2017/08/32/",
        "9999/01/",
    ],
)
def test_impossible_dates_are_a_404(client, demo, path):
    assert_page(client.get(f"/uz/news/{path}"), lang="uz", status=404, hreflang=False)


def test_calendar_links_days_with_news_and_marks_today(client, demo):
    soup = assert_page(client.get("/en/news/2017/08/"), lang="en")
    calendar = soup.select_one("table.calendar-grid")
    assert calendar.caption.get_text(strip=True) == "August 2017"
    assert [th.get_text() for th in calendar.select("thead th")] == [
        "Mo",
        "Tu",
        "We",
        "Th",
        "Fr",
        "Sa",
        "Su",
    ]
    links = calendar.select("td a")
    assert [a["href"] for a in links] == ["/en/news/2017/08/15/"]
    assert links[0]["aria-label"] == "August 15, 2017"
    # 1 August 2017 was a Tuesday: the first row starts with one empty Monday.
    first_row = calendar.select("tbody tr")[0].find_all("td")
    assert first_row[0].get_text() == "" and first_row[1].get_text() == "1"
    nav = soup.select(".calendar-nav a")
    assert [a["href"] for a in nav] == ["/en/news/2017/07/", "/en/news/2017/09/"]


@pytest.mark.parametrize(
    ("code", "monday"), [("uz", "Du"), ("ru", "пн"), ("kaa", "Mon")]
)
def test_calendar_on_the_home_page_shows_this_month(client, demo, code, monday):
    soup = assert_page(client.get(f"/{code}/"), lang=code)
    calendar = soup.select_one("table.calendar-grid")
    today = timezone.localdate()
    with translation.override(code):
        assert (
            calendar.caption.get_text(strip=True)
            == f"{month_name(today.month)} {today.year}"
        )
    assert calendar.select_one("thead th").get_text() == monday
    current = calendar.select_one('[aria-current="date"]')
    assert current.get_text() == str(today.day)


def test_todays_news_makes_today_a_link(client, demo):
    index = NewsIndexPage.objects.get(locale__language_code="en", depth=3)
    from govportal.news.models import NewsPage

    page = index.add_child(instance=NewsPage(title="Today", slug="today", lead="Now."))
    page.save_revision().publish()
    soup = assert_page(client.get("/en/"), lang="en")
    today = timezone.localdate()
    link = soup.select_one('table.calendar-grid a[aria-current="date"]')
    assert link["href"] == f"/en/news/{today:%Y/%m/%d}/"


def test_home_page_shows_the_sections_in_the_seed_order(client, demo):
    soup = assert_page(client.get("/en/"), lang="en")
    headings = [h.get_text() for h in soup.find_all(["h1", "h2"])]
    assert headings == [
        "The Government portal of the Republic of Uzbekistan",
        "News calendar",
        "New on the portal",
        "Frequently asked questions",
        "Latest news",
    ]
    announcements = soup.select(".announcements li")
    assert len(announcements) == 5
    assert announcements[0].select_one(".announcement-title").get_text() == (
        "Government portal in Karakalpak"
    )
    assert [a.get_text(strip=True) for a in soup.select(".announcements a")][0] == (
        "Detail: Government portal in Karakalpak"
    )
    assert len(soup.select(".home-news .news-item")) == 6


@pytest.mark.parametrize("code", LANGUAGES)
def test_announcement_pages_render(client, demo, code):
    soup = assert_page(client.get(f"/{code}/new/"), lang=code)
    assert len(soup.select(".announcement-list li")) == 5
    detail = soup.select_one(".announcement-list a")["href"]
    assert_page(client.get(detail), lang=code)


def test_main_menu_lists_the_sections(client, demo):
    soup = assert_page(client.get("/en/news/"), lang="en")
    menu = {a.get_text(): a for a in soup.select("nav.main-nav a")}
    assert list(menu)[:3] == ["Home", "News", "New on the portal"]
    assert menu["News"].get("aria-current") == "page"
    assert menu["Home"].get("aria-current") is None


def test_agency_news_appears_nationally_and_filters_by_agency(client, demo):
    national = assert_page(client.get("/en/news/?page=1"), lang="en")
    titles = [a.get_text() for a in national.select(".news-title a")]
    assert "Twenty new public services in the mobile app" in titles
    soup = assert_page(client.get("/en/news/?agency=digital-technologies"), lang="en")
    assert soup.h1.get_text() == "News: Ministry of Digital Technologies"
    assert [a.get_text() for a in soup.select(".news-title a")] == [
        "Twenty new public services in the mobile app",
        "Fast internet reaches 300 more villages",
    ]
    assert client.get("/en/news/?agency=nope").status_code == 404
    section = assert_page(
        client.get("/en/agencies/digital-technologies/news/"), lang="en"
    )
    assert len(section.select(".news-item")) == 2


def test_agency_news_is_in_the_national_calendar(client, demo):
    soup = assert_page(client.get("/en/news/2026/11/"), lang="en")
    links = [a["href"] for a in soup.select("table.calendar-grid a")]
    assert "/en/news/2026/11/21/" in links
