"""Dates in the page's language, from CLDR data through Babel."""

import datetime

from babel.dates import format_date, format_datetime, get_day_names, get_month_names
from django.utils import timezone

from .languages import cldr_locale


def date_format(
    value: datetime.date | datetime.datetime, *, style: str = "long"
) -> str:
    """Format a date (``short``, ``medium``, ``long``, ``full`` or a CLDR pattern)."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_date(value.date(), style, locale=cldr_locale())
    return format_date(value, style, locale=cldr_locale())


def datetime_format(value: datetime.datetime, *, style: str = "medium") -> str:
    """Format a date and time in the current time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_datetime(value, style, locale=cldr_locale())


def weekday_names(*, width: str = "abbreviated") -> list[str]:
    """Monday-first weekday names (Babel numbers Monday as 0)."""
    names = get_day_names(width, context="stand-alone", locale=cldr_locale())
    return [names[day] for day in range(7)]


def month_name(month: int, *, width: str = "wide") -> str:
    """The stand-alone name of a month (1-12), as a calendar heading uses it."""
    return get_month_names(width, context="stand-alone", locale=cldr_locale())[month]
