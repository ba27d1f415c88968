"""A bar chart of one numeric column, drawn as SVG on the server.

The chart is inline SVG with presentation attributes only (no ``style``), so it
works without JavaScript under the strict Content-Security-Policy, and it carries a
``<title>`` and ``<desc>`` for screen readers; the preview table beside it has the
same figures as text.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .tabular import Table, parse_number

MAX_BARS = 20
WIDTH = 720
LABEL_WIDTH = 230
VALUE_WIDTH = 90
BAR_HEIGHT = 22
GAP = 6
TOP = 8
LABEL_CHARS = 32
BAR_COLOUR = "#0b4f8a"
NEGATIVE_COLOUR = "#a33a00"
INK = "#1b1b1b"


@dataclass(frozen=True)
class Chart:
    """A chart ready to put in a page, and what it shows."""

    column: int
    column_name: str
    bars: int
    svg: SafeString


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else f"{text[: LABEL_CHARS - 1]}…"


def _number(value: float) -> str:
    if value.is_integer():
        return number_format(int(value), force_grouping=True)
    return number_format(round(value, 2), decimal_pos=2, force_grouping=True)


def bar_chart(table: Table, *, column: int, title: str, desc: str) -> Chart | None:
    """Horizontal bars for the first ``MAX_BARS`` rows of a numeric ``column``."""
    if column not in table.numeric_columns():
        return None
    label_index = table.label_column()
    points = []
    for number, row in enumerate(table.rows[:MAX_BARS], start=1):
        value = parse_number(row[column])
        if value is None:
            continue
        label = row[label_index] if label_index is not None else str(number)
        points.append((_short(label), value))
    if not points:
        return None
    low = min(0.0, *(value for _label, value in points))
    high = max(0.0, *(value for _label, value in points))
    span = (high - low) or 1.0
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    zero = LABEL_WIDTH + plot * (-low / span)
    height = TOP * 2 + len(points) * (BAR_HEIGHT + GAP)
    bars = []
    for index, (label, value) in enumerate(points):
        y = TOP + index * (BAR_HEIGHT + GAP)
        length = plot * abs(value) / span
        x = zero if value >= 0 else zero - length
        bars.append(
            (
                LABEL_WIDTH - 8,
                f"{y + BAR_HEIGHT * 0.7:.1f}",
                label,
                f"{x:.1f}",
                y,
                f"{max(length, 1):.1f}",
                BAR_HEIGHT,
                BAR_COLOUR if value >= 0 else NEGATIVE_COLOUR,
                label,
                _number(value),
                f"{zero + (length if value >= 0 else 0) + 6:.1f}",
                f"{y + BAR_HEIGHT * 0.7:.1f}",
                _number(value),
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="'
        + INK
        + '">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
        "<title>{}: {}</title></rect>"
        '<text x="{}" y="{}" font-size="13" fill="' + INK + '">{}</text>',
        bars,
    )
    svg = format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'aria-labelledby="chart-title chart-desc">'
        '<title id="chart-title">{title}</title><desc id="chart-desc">{desc}</desc>'
        '<line x1="{zero}" y1="0" x2="{zero}" y2="{height}" '
        'stroke="{ink}" stroke-width="1"/>{body}</svg>',
        width=WIDTH,
        height=height,
        title=title,
        desc=desc,
        zero=f"{zero:.1f}",
        ink=INK,
        body=body,
    )
    return Chart(column, table.columns[column], len(points), svg)
