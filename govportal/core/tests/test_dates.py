import datetime

import pytest
from django.utils import translation

from govportal.core.dates import date_format, month_name, weekday_names

DAY = datetime.date(2017, 8, 15)


@pytest.mark.parametrize(
    ("code", "month", "monday"),
    [
        ("uz", "avgust", "Dush"),
        ("uz-cyrl", "август", "душ"),
        ("ru", "августа", "пн"),
        ("en", "August", "Mon"),
    ],
)
def test_dates_use_the_page_language(code, month, monday):
    with translation.override(code):
        assert month in date_format(DAY, style="long")
        assert "2017" in date_format(DAY, style="long")
        assert weekday_names()[0] == monday


def test_karakalpak_dates_come_from_cldr():
    with translation.override("kaa"):
        text = date_format(DAY, style="long")
        names = weekday_names(width="wide")
    assert "2017" in text
    assert text != date_format(DAY, style="long")  # not the English fallback
    assert len(set(names)) == 7


def test_month_names_are_stand_alone_nominative():
    with translation.override("ru"):
        assert month_name(8) == "август"
