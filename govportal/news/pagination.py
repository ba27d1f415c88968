"""Pagination without COUNT(*): the cost of a page stays flat as the news grows."""

from dataclasses import dataclass, field

from django.http import Http404, HttpRequest

MAX_PAGE_NUMBER = 100_000


@dataclass
class Slice:
    """One page of results: its items and whether neighbours exist."""

    items: list = field(default_factory=list)
    number: int = 1
    has_next: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def page_number(request: HttpRequest) -> int:
    """The ``page`` query parameter, or a 404 if it is not a page that can exist."""
    raw = request.GET.get("page", "1")
    too_long = len(raw) > len(str(MAX_PAGE_NUMBER))
    if (
        too_long
        or not raw.isascii()
        or not raw.isdigit()
        or not 1 <= int(raw) <= MAX_PAGE_NUMBER
    ):
        raise Http404("No such page number")
    return int(raw)


def paginate(request: HttpRequest, queryset, size: int) -> Slice:
    """Fetch one page plus one row, to know whether a next page exists."""
    number = page_number(request)
    start = (number - 1) * size
    items = list(queryset[start : start + size + 1])
    if number > 1 and not items:
        raise Http404("No such page number")
    return Slice(items=items[:size], number=number, has_next=len(items) > size)
