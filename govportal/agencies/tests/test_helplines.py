import csv
import io
import json

import pytest

from govportal.agencies.models import Helpline, HelplinesPage
from govportal.core.testing import assert_page

from .conftest import DEMO_LANGUAGES, in_language


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_helplines_page_groups_numbers_by_agency_with_tel_links(client, demo, code):
    page = in_language(HelplinesPage, code)
    soup = assert_page(client.get(page.url), lang=code)
    assert len(soup.select(".helpline-group")) >= 25
    rows = soup.select("table.helplines tbody tr")
    assert len(rows) == Helpline.objects.filter(locale=page.locale).count() >= 30
    assert all(row.select_one("a[href^='tel:']") for row in rows)
    assert soup.select_one("a[href='tel:103']")


def test_helplines_filter_by_agency_free_and_text(client, demo, health):
    page = in_language(HelplinesPage, "uz")
    soup = assert_page(client.get(page.url, {"agency": health.id}), lang="uz")
    assert [h.get_text(strip=True) for h in soup.select(".helpline-group h2")] == [
        health.title
    ]
    soup = assert_page(client.get(page.url, {"free": "1"}), lang="uz")
    assert "Pullik" not in soup.get_text() or soup.select(".helpline-group")
    paid = Helpline.objects.filter(locale=page.locale, is_free=False).count()
    total = Helpline.objects.filter(locale=page.locale).count()
    assert len(soup.select("table.helplines tbody tr")) == total - paid
    soup = assert_page(client.get(page.url, {"q": "TEZ tibbiy"}), lang="uz")
    assert len(soup.select("table.helplines tbody tr")) == 1


@pytest.mark.parametrize(
    "query",
    [{"agency": "x"}, {"agency": "999999"}, {"page": "-5"}],
)
def test_helplines_page_answers_bad_filters_with_a_notice(client, demo, query):
    page = in_language(HelplinesPage, "en")
    soup = assert_page(client.get(page.url, query), lang="en")
    if "page" not in query:
        assert soup.find(class_="notice")


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_helplines_csv_lists_every_helpline_in_the_language(client, demo, code):
    page = in_language(HelplinesPage, code)
    response = client.get(f"{page.url}csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"helplines-{code}.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == Helpline.objects.filter(locale=page.locale).count()
    assert rows[0]["agency_url"].startswith(f"http://127.0.0.1/{code}/")
    assert all(row["number"].startswith("+998") or row["number"] for row in rows)


def test_helplines_json_has_the_same_list(client, demo):
    page = in_language(HelplinesPage, "ru")
    response = client.get(f"{page.url}json/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["language"] == "ru"
    assert len(data["helplines"]) == Helpline.objects.filter(locale=page.locale).count()
    assert {"agency", "number", "free", "hours", "languages"} <= set(
        data["helplines"][0]
    )
    assert "Телефон доверия" in response.content.decode()


def test_csv_cells_cannot_start_a_formula():
    from govportal.agencies.models import _csv_cell

    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _csv_cell("+998 71 000-00-01") == "+998 71 000-00-01"
    assert _csv_cell("@x") == "'@x"
