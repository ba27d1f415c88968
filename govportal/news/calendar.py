"""The month grid of the news calendar: Monday first, days with news as links."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone

from govportal.core.dates import date_format, month_name, weekday_names

# The earliest archive year a visitor can ask for; anything before is a 404.
FIRST_ARCHIVE_YEAR = 1991


@dataclass(frozen=True)
class CalendarDay:
    date: datetime.date | None
    url: str | None = None
    is_today: bool = False
    label: str = ""


@dataclass(frozen=True)
class MonthCalendar:
    """Everything the calendar template shows for one month."""

    caption: str
    weekdays: list[tuple[str, str]]
    weeks: list[list[CalendarDay]]
    month_url: str
    previous_url: str | None
    next_url: str | None
    previous_label: str
    next_label: str


def _month_start(value: datetime.date, offset: int) -> datetime.date:
    index = value.year * 12 + value.month - 1 + offset
    return datetime.date(index // 12, index % 12 + 1, 1)


def build_month(
    *, month: datetime.date, days_with_news: set[int], index_url: str
) -> MonthCalendar:
    """Lay out ``month`` as weeks of days, linking each day that has news."""
    today = timezone.localdate()
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
        month.year, month.month
    ):
        days = []
        for day in week:
            if day.month != month.month:
                days.append(CalendarDay(date=None))
                continue
            url = f"{index_url}{day:%Y/%m/%d}/" if day.day in days_with_news else None
            days.append(
                CalendarDay(
                    date=day,
                    url=url,
                    is_today=day == today,
                    label=date_format(day, style="long"),
                )
            )
        weeks.append(days)
    previous_month, following_month = _month_start(month, -1), _month_start(month, 1)
    # The archive answers 404 outside these years, so the calendar does not link there.
    has_previous = previous_month.year >= FIRST_ARCHIVE_YEAR
    has_next = following_month.year <= today.year + 1
    wide = weekday_names(width="wide")
    short = weekday_names(width="short")
    return MonthCalendar(
        caption=f"{month_name(month.month)} {month.year}",
        weekdays=list(zip(short, wide, strict=True)),
        weeks=weeks,
        month_url=f"{index_url}{month:%Y/%m}/",
        previous_url=f"{index_url}{previous_month:%Y/%m}/" if has_previous else None,
        next_url=f"{index_url}{following_month:%Y/%m}/" if has_next else None,
        previous_label=f"{month_name(previous_month.month)} {previous_month.year}",
        next_label=f"{month_name(following_month.month)} {following_month.year}",
    )
