import pytest
from wagtail.models import Locale

from govportal.core.testing import assert_page
from govportal.opengov.models import OpenGovernmentPage

DEMO_LANGUAGES = ["uz", "kaa", "ru", "en"]


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_open_government_page_shows_body_links_and_consultations(client, demo, code):
    page = OpenGovernmentPage.objects.live().get(
        locale=Locale.objects.get(language_code=code)
    )
    soup = assert_page(client.get(page.url), lang=code)
    assert soup.h1.get_text() == page.title
    assert soup.select_one(".link-list a[href='https://data.gov.uz']")
    table = soup.find("table", class_="consultation-table")
    assert table.caption.get_text(strip=True)
    rows = table.select("tbody tr")
    assert len(rows) == 3
    assert rows[0].find("time")["datetime"] == "2025-01-15"
    assert all(row.select_one(".status").get_text(strip=True) for row in rows)


def test_consultation_cannot_end_before_it_starts():
    from wagtail.blocks import StructBlockValidationError

    from govportal.opengov.blocks import ConsultationBlock

    block = ConsultationBlock()
    value = block.to_python(
        {
            "title": "x",
            "summary": "",
            "start_date": "2025-02-01",
            "end_date": "2025-01-01",
            "status": "open",
            "url": "",
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
