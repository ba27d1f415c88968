"""Hostile requests against every address a visitor can reach.

``collect_targets`` reads ``/sitemap.xml`` (an index over section files) and keeps
one address per page type per language, then adds every route that is not a page
of its own: the news archives (impossible dates included) and feeds, the search and
its suggestions, the transliteration tool, the low-vision settings, the agency
vCard and helpline downloads, every operation of ``/api/v1/openapi.json``, every
CKAN action, the DCAT catalogue, a data file, the sitemaps, the legacy language
prefixes, the admin sign-in and raw paths that try to leave the site's folders.

``variants`` gives each target its hostile requests: bad and huge page numbers,
every parameter the target reads (and a made-up one) set to markup, a NUL byte,
invalid UTF-8, 10,000 characters, path traversal and a header injection, junk path
segments with broken percent-encoding, a hostile ``Accept-Language`` with hostile
cookies, a POST, and off-site ``next`` targets; ``extra_variants`` adds odd
``Accept-Language`` and ``Host`` headers, form posts and broken CKAN bodies.
``check`` fails an answer that is a server error, that brings the markup back as
markup (a ``<script>`` or an ``on…`` attribute in HTML, the raw tags in any other
body), that carries an injected header, or that redirects to another host.

``test_hostile_input.py`` runs ``crawl``; ``main`` runs it against the configured
database: ``DEBUG=0 .venv/bin/python -c "import django; django.setup();
from govportal.core.tests.hostile import main; main()"``.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MARKUP = f'{SCRIPT}">{IMG}'
# Query-string values as they travel on the wire (percent-encoded where needed).
VALUES = {
    "markup": quote(MARKUP, safe=""),
    "raw markup": MARKUP.replace(" ", "+"),  # as curl sends it, unencoded
    "NUL": "%00",
    "invalid UTF-8": "%ff%fe",
    "10,000 characters": "9" * 5000 + "x" * 5000,
    # Both spellings in one value: they decode to the same text.
    "path traversal": "../../etc/passwd%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "header injection": "%0d%0aX-Injected:%20yes",
}
# Superscript two and Arabic-Indic digits: digits to str.isdigit(), not to int().
PAGE_NUMBERS = ("0", "-1", "99999999999999999999", "1e9", "abc", "", "%C2%B2", "%D9%A1")
# Appended to a target's path.
PATH_JUNK = (
    "junk/segment/",
    quote(MARKUP, safe="") + "/",
    "..%2f..%2fetc%2fpasswd",
    "%ff%fe%zz%E0%A4%A/",  # invalid UTF-8, then broken percent-encoding
    "%00/",
    "%0d%0aX-Injected:%20yes/",
)
HOSTILE_HEADERS = {
    "HTTP_ACCEPT_LANGUAGE": f"{SCRIPT};q=1, ru;q=nan, en;q=-1, "
    + "x-" * 3000
    + ", uz-cyrl;q=0.5",
    # Cookies: the low-vision mode's, the language's, and a session key and a CSRF
    # token with a NUL byte (an octal escape in a quoted cookie value).
    "HTTP_COOKIE": f"lowvision={quote(MARKUP)}t2-wb-ni-ls-{'x' * 100}; "
    f"django_language={quote(MARKUP)}; "
    'sessionid="abcdefgh\\000ijklmnop"; csrftoken="\\000<script>"',
}
# More Accept-Language headers for the addresses that redirect by it.
ACCEPT_LANGUAGES = (
    "",
    "*",
    "\x00",
    "ÿþ",
    "en;q=1e400, ru;q=-0, uz-cyrl;q=abc",
    "," * 1000,
    "kaa-cyrl" + ";q=0.9" * 200,
    MARKUP,
)
MADE_UP = "zz_unknown"
HOSTS = ("evil.example", "127.0.0.1:99999", "127.0.0.1@evil.example", MARKUP, "")
# Where a ``next`` parameter might send a visitor off the site.
OFFSITE = (
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example/",
    "%2F%2Fevil.example",
    "/%09/evil.example",
    "javascript:alert(1)",
)
# Addresses outside any page: traversal out of the static and media folders, an
# open redirect through the trailing-slash redirect, markup as a path.
RAW_PATHS = (
    "/static/../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/govportal/settings/base.py",
    "/media/../../etc/passwd",
    "/media/..%2f..%2fetc%2fpasswd",
    "/documents/..%2f..%2fetc%2fpasswd",
    "/uz/%2e%2e/%2e%2e/etc/passwd",
    "//evil.example",
    "//evil.example/%2e%2e",
    "/%2F%2Fevil.example",
    "/%ff%fe/",
    "/%zz",
    "/%00",
    "/uz/<script>alert(1)</script>/",
    "/uz/" + "a" * 5000 + "/",
)
ALLOWED_HOSTS = {"127.0.0.1", "testserver", "localhost"}


@dataclass(frozen=True)
class Target:
    """An address, the query parameters it reads, and what it is."""

    path: str
    params: tuple[str, ...] = ()
    kind: str = ""
    language: str = ""
    # Whether to try every payload on it (one language per route is enough for
    # the payloads that do not depend on the language).
    thorough: bool = True
    # Only the address itself matters (an impossible archive date).
    bare: bool = False
    page_param: str = "page"


@dataclass(frozen=True)
class Variant:
    """One hostile request: the address as sent, and what it carries."""

    target: Target
    path: str
    query: str = ""
    method: str = "GET"
    body: bytes = b""
    content_type: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    label: str = ""

    def describe(self) -> str:
        shown = f"{self.path}?{self.query}" if self.query else self.path
        if len(shown) > 160:
            shown = shown[:150] + "…"
        return f"{self.method} {shown} [{self.label}]"


@dataclass
class Report:
    """What a crawl sent and what went wrong."""

    targets: list[Target] = field(default_factory=list)
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def summary(self) -> str:
        languages = Counter(target.language or "-" for target in self.targets)
        return (
            f"{len(self.targets)} addresses ({dict(languages)}), "
            f"{self.requests} requests in {self.seconds:.0f} s "
            f"({self.cpu_seconds:.0f} s of CPU); "
            f"statuses {dict(sorted(self.statuses.items()))}"
        )


# Which query parameters each kind of page (and each other sitemap section) reads.
PAGE_PARAMS = {
    "home.HomePage": (),
    "news.NewsIndexPage": ("page", "category", "agency"),
    "news.NewsPage": (),
    "news.AnnouncementIndexPage": ("page",),
    "news.AnnouncementPage": (),
    "agencies.AgencyIndexPage": ("q", "type", "region", "letter", "page"),
    "agencies.AgencyPage": (),
    "agencies.HelplinesPage": ("q", "agency", "free", "page"),
    "faq.FaqPage": (),
    "opengov.OpenGovernmentPage": (),
    "opendata.DataCatalogPage": (
        "q",
        "organization",
        "groups",
        "res_format",
        "license_id",
        "sort",
        "page",
    ),
    # Sitemap sections of routes inside pages.
    "sitemap:datasets": ("chart",),
}
SEARCH_PARAMS = ("q", "scope", "sort", "page", "type", "agency", "category", "year")
LOWVISION_PARAMS = ("on", "reset", "text", "contrast", "images", "spacing", "next")
IMPOSSIBLE_DATES = (
    "2026/02/30/",
    "2026/13/01/",
    "2026/00/15/",
    "0000/01/01/",
    "99999/01/01/",
    "1990/12/31/",
    "9999/12/31/",
    "2026/1/1/",
)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _locations(client: Client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def sitemap_urls(client: Client) -> list[tuple[str, str]]:
    """Every address the sitemap index lists, with the name of its section."""
    urls = []
    for location in _locations(client, "/sitemap.xml"):
        section = re.sub(r"^sitemap-|\.xml$", "", _path(location).strip("/"))
        urls.extend((section, _path(url)) for url in _locations(client, location))
    return urls


def _page_kinds() -> dict[str, tuple[str, str]]:
    """Each live page's address: its model label and language."""
    from wagtail.models import Page

    kinds = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .select_related("content_type", "locale")
        .order_by("path")
    )
    for page in pages:
        url = page.get_url()
        if url:
            model = page.content_type
            label = f"{model.app_label}.{model.model_class().__name__}"
            kinds[url] = (label, page.locale.language_code)
    return kinds


def _language_routes(code: str, first: dict[str, str]) -> list[Target]:
    """The routes inside pages and the plain views of one language."""
    from govportal.core.tests.page_types import page_type
    from govportal.news.models import NewsCategory

    def find(name: str) -> str:
        return page_type(name).find(code)

    thorough = code == settings.LANGUAGE_CODE
    news = find("news_index")
    targets = [
        Target(f"/{code}/search/", SEARCH_PARAMS, "search"),
        Target(f"/{code}/search/suggest/", ("q",), "search suggestions"),
        Target(f"/{code}/translit/", (), "translit tool"),
        Target(f"/{code}/lowvision/", LOWVISION_PARAMS, "low-vision settings"),
        Target(f"/{code}/api/", (), "API documentation"),
        Target(find("archive_year"), ("page",), "archive year"),
        Target(find("archive_month"), ("page",), "archive month"),
        Target(find("archive_day"), ("page",), "archive day"),
        Target(find("calendar"), ("page",), "calendar month"),
        Target(f"{news}feed/rss/", (), "RSS feed"),
        Target(f"{news}feed/atom/", (), "Atom feed"),
        Target(f"/{code}/no-such-page/", (), "not found"),
    ]
    category = (
        NewsCategory.objects.filter(locale__language_code=code).order_by("pk").first()
    )
    if category is not None:
        targets.append(
            Target(f"{news}category/{category.slug}/feed/atom/", (), "category feed")
        )
    targets += [
        Target(f"{news}{date}", (), "impossible date", bare=True)
        for date in IMPOSSIBLE_DATES
    ]
    if agency := first.get("agencies.AgencyPage"):
        targets.append(Target(f"{agency}vcard/", (), "agency vCard"))
    if helplines := first.get("agencies.HelplinesPage"):
        targets.append(Target(f"{helplines}csv/", (), "helplines CSV"))
        targets.append(Target(f"{helplines}json/", (), "helplines JSON"))
    if first.get("opendata.DataCatalogPage"):
        targets.append(Target(find("dataset"), ("chart",), "dataset"))
    return [
        replace(target, language=code, thorough=thorough and target.thorough)
        for target in targets
    ]


def _api_targets(client: Client) -> list[Target]:
    """Every operation of the public API's OpenAPI document, with its parameters."""
    document = client.get("/api/v1/openapi.json").json()
    shared = document["components"]["parameters"]
    targets = [
        Target("/api/v1/", (), "API index"),
        Target("/api/v1/docs/", (), "API docs redirect"),
    ]
    for route, methods in document["paths"].items():
        operation = methods["get"]
        params = []
        for param in operation.get("parameters", []):
            if "$ref" in param:
                param = shared[param["$ref"].rsplit("/", 1)[1]]
            if param["in"] == "query":
                params.append(param["name"])
        path = f"/api/v1{route}" if not route.startswith("/api/") else route
        if "{id}" in path:
            for bad in ("%C2%B2", "0", "9" * 30, "-1"):
                targets.append(
                    Target(path.replace("{id}", bad), (), "API id", bare=True)
                )
            listing = client.get(path.split("{id}")[0]).json()
            item = listing["results"][0]["id"] if listing.get("results") else 1
            path = path.replace("{id}", str(item))
        targets.append(Target(path, tuple(params), f"API {route}"))
    targets.append(Target("/api/v1/no-such-endpoint/", (), "API not found"))
    return targets


def _ckan_targets() -> list[Target]:
    """Every CKAN action, with the parameters its description names."""
    from govportal.opendata.ckan import ACTIONS

    targets = [Target("/api/3", (), "CKAN root")]
    for name, action in ACTIONS.items():
        params = re.findall(r"``([a-z_.]+)``", action.__doc__ or "")
        targets.append(
            Target(
                f"/api/3/action/{name}",
                tuple(dict.fromkeys([*params, "lang", "id"])),
                f"CKAN {name}",
            )
        )
    targets.append(Target("/api/action/package_search", ("q",), "CKAN short path"))
    targets.append(Target("/api/3/action/no_such_action", (), "CKAN unknown action"))
    return targets


def _opendata_targets() -> list[Target]:
    from govportal.opendata.models import Dataset, Resource
    from govportal.opendata.views import file_url

    targets = [
        Target("/api/dcat/catalog.ttl", ("page",), "DCAT catalogue"),
        Target("/api/dcat/catalog.jsonld", ("page",), "DCAT catalogue"),
    ]
    dataset = Dataset.objects.order_by("name").first()
    if dataset is not None:
        targets += [
            Target(f"/api/dcat/dataset/{dataset.name}", (), "DCAT dataset"),
            Target(f"/api/dcat/dataset/{dataset.name}.ttl", (), "DCAT dataset"),
        ]
    resource = Resource.objects.exclude(file="").order_by("pk").first()
    if resource is not None:
        targets.append(Target(file_url(resource), (), "data file"))
    return targets


def _document_targets() -> list[Target]:
    from wagtail.documents import get_document_model

    document = get_document_model().objects.order_by("pk").first()
    if document is None:
        return []
    return [Target(document.url, (), "document")]


def collect_targets(client: Client) -> list[Target]:
    """Every address to attack: the sitemap, deduplicated, and every route."""
    kinds = _page_kinds()
    targets: list[Target] = []
    first: dict[str, dict[str, str]] = {}
    seen: set[tuple[str, str]] = set()
    listed = sitemap_urls(client)
    for section, url in listed:
        model, code = kinds.get(url, (f"sitemap:{section}", url.split("/")[1]))
        first.setdefault(code, {}).setdefault(model, url)
        if (model, code) in seen:
            continue
        seen.add((model, code))
        targets.append(
            Target(
                url,
                PAGE_PARAMS.get(model, ("page",)),
                model,
                code,
                thorough=code == settings.LANGUAGE_CODE,
            )
        )
    for code, _name in settings.LANGUAGES:
        assert code in first, f"the sitemap lists no page in {code}"
        targets += _language_routes(code, first[code])
    targets += [
        Target("/", (), "root"),
        Target("/robots.txt", (), "robots.txt"),
        Target("/sitemap.xml", (), "sitemap index"),
        *(
            Target(f"/sitemap-{name}.xml", ("p",), "sitemap", page_param="p", bare=True)
            for name in sorted({section for section, _url in listed})
        ),
        Target("/news-sitemap.xml", (), "news sitemap"),
        Target("/oz/", (), "legacy prefix"),
        Target("/qr/", (), "legacy prefix"),
        Target("/admin/login/", ("next",), "admin login"),
        *_api_targets(client),
        *_ckan_targets(),
        *_opendata_targets(),
        *_document_targets(),
        *(Target(path, (), "raw path", bare=True) for path in RAW_PATHS),
    ]
    paths = set()
    unique = []
    for target in targets:  # a route the sitemap lists too is attacked once
        if target.path not in paths:
            paths.add(target.path)
            unique.append(target)
    return unique


def _query(name: str, value: str) -> str:
    return f"{name}={value}"  # the value is already as it goes on the wire


def variants(target: Target) -> list[Variant]:
    """The hostile requests for one target: fewer where it is not ``thorough``."""
    out = [Variant(target, target.path, label="as listed")]
    if target.page_param in target.params:
        numbers = PAGE_NUMBERS if target.thorough else PAGE_NUMBERS[::2]
        for number in numbers:
            query = _query(target.page_param, number)
            out.append(Variant(target, target.path, query, label="page number"))
    if target.bare:
        return out
    values = VALUES if target.thorough else {"markup": VALUES["markup"]}
    names = dict.fromkeys([*target.params, "page", MADE_UP])
    for name, (label, value) in itertools.product(names, values.items()):
        out.append(Variant(target, target.path, _query(name, value), label=label))
    if "next" in target.params:
        for value in OFFSITE:
            # The low-vision view redirects once a setting changes.
            query = f"on=1&{_query('next', value)}"
            out.append(Variant(target, target.path, query, label="offsite"))
    if target.params:
        # Every parameter hostile at once.
        everything = "&".join(
            _query(name, VALUES["markup"]) for name in (*target.params, MADE_UP)
        )
        out.append(Variant(target, target.path, everything, label="all markup"))
    base = target.path if target.path.endswith("/") else target.path + "/"
    junk = PATH_JUNK if target.thorough else PATH_JUNK[1:2]
    for segment in junk:
        out.append(Variant(target, base + segment, label="junk path"))
    out.append(
        Variant(
            target,
            target.path,
            headers=tuple(HOSTILE_HEADERS.items()),
            label="hostile headers",
        )
    )
    if target.thorough:
        body = "&".join(_query(name, VALUES["markup"]) for name in names).encode()
        out.append(
            Variant(
                target,
                target.path,
                method="POST",
                body=body,
                content_type="application/x-www-form-urlencoded",
                label="POST",
            )
        )
    return out


def extra_variants(targets: list[Target]) -> list[Variant]:
    """Requests that are not a query string: headers, forms, JSON bodies."""
    out = []
    by_kind = {target.kind: target for target in targets}
    for target in (by_kind["root"], by_kind["home.HomePage"]):
        for host in HOSTS:
            out.append(
                Variant(
                    target, target.path, headers=(("HTTP_HOST", host),), label="Host"
                )
            )
    for target in (by_kind["root"], by_kind["API docs redirect"]):
        for header in ACCEPT_LANGUAGES:
            out.append(
                Variant(
                    target,
                    target.path,
                    headers=(("HTTP_ACCEPT_LANGUAGE", header),),
                    label="Accept-Language",
                )
            )
    for target in targets:
        if target.kind != "translit tool":
            continue
        fields = {"text": "salom", "direction": "cyrillic", "language": "uz"}
        values = VALUES if target.thorough else {"markup": VALUES["markup"]}
        for name, (label, value) in itertools.product(
            [*fields, MADE_UP], values.items()
        ):
            form = {**{k: quote(v) for k, v in fields.items()}, name: value}
            body = "&".join(f"{k}={v}" for k, v in form.items()).encode()
            out.append(
                Variant(
                    target,
                    target.path,
                    method="POST",
                    body=body,
                    content_type="application/x-www-form-urlencoded",
                    label=f"form {label}",
                )
            )
    login = by_kind["admin login"]
    for label, value in VALUES.items():
        body = f"username={value}&password={value}&next={value}".encode()
        out.append(
            Variant(
                login,
                login.path,
                method="POST",
                body=body,
                content_type="application/x-www-form-urlencoded",
                label=f"sign-in {label}",
            )
        )
    search = by_kind["CKAN package_search"]
    bodies = [
        '{"rows": 1e400}',
        '{"rows": -1e400}',
        '{"rows": NaN}',
        '{"start": 100000000000000000000000000000}',
        '{"rows": [1], "start": {"a": 1}}',
        '{"fq": ["a"], "sort": {"x": 1}, "q": 5}',
        '{"facet.field": [1, 2]}',
        '{"facet.field": "[\\"tags\\"", "facet.limit": 1e400}',
        '{"facet.limit": "-1", "facet.mincount": "99999999999999999999"}',
        '{"fq": "tags:\\"\\u0000\\"", "q": "\\u0000"}',
        '{"sort": "name desc, , title_string", "fq": "+:\\"x\\" a:b c"}',
        f'{{"q": {json.dumps(MARKUP)}, "fq": {json.dumps("tags:" + MARKUP)}}}',
        '{"lang": ["uz"]}',
        '{"lang": "\\u0000"}',
        "[1, 2]",
        "{",
        '"x"',
        "{}" + " " * 100,
    ]
    for action in ("package_search", "package_show", "organization_list"):
        target = by_kind[f"CKAN {action}"]
        for body in bodies:
            out.append(
                Variant(
                    target,
                    target.path,
                    method="POST",
                    body=body.encode(),
                    content_type="application/json",
                    label="CKAN JSON",
                )
            )
    out.append(
        Variant(
            search,
            search.path,
            method="POST",
            body=b"\xff\xfe{}",
            content_type="application/json",
            label="CKAN invalid UTF-8 body",
        )
    )
    return out


_ON_ATTRIBUTE = re.compile(r"^on", re.IGNORECASE)


def reflected_markup(response) -> str:
    """What of the hostile markup came back as markup, if anything."""
    if getattr(response, "streaming", False):
        return ""  # a file download: its bytes are the file's
    body = response.content
    if b"alert(1)" not in body:
        return ""
    content_type = response.get("Content-Type", "")
    if "html" not in content_type:
        text = body.decode("utf-8", "replace")
        for marker in (SCRIPT, IMG):
            if marker in text:
                return f"{marker} in a {content_type} body"
        return ""
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup.find_all(True):
        if tag.name == "script" and "alert(1)" in tag.get_text():
            return f"<script> with alert(1) in {content_type}"
        for attribute, value in tag.attrs.items():
            if _ON_ATTRIBUTE.match(attribute) and "alert(1)" in str(value):
                return f"<{tag.name} {attribute}=…> in {content_type}"
    return ""


def send(client: Client, variant: Variant):
    """Make the request with Django's test client; return the response."""
    extra = dict(variant.headers)
    if variant.query:
        extra["QUERY_STRING"] = variant.query
    if variant.method == "POST":
        return client.generic(
            "POST",
            variant.path,
            variant.body,
            content_type=variant.content_type,
            **extra,
        )
    return client.generic("GET", variant.path, **extra)


def check(variant: Variant, response) -> str:
    """Why this answer is wrong, or ``""``."""
    if response.status_code >= 500:
        error = ""
        if getattr(response, "exc_info", None):
            kind, value, _traceback = response.exc_info
            error = f": {kind.__name__}: {str(value)[:200]}"
        return f"{response.status_code}{error}"
    if reflected := reflected_markup(response):
        return f"reflected {reflected}"
    for name, value in response.items():
        if "x-injected" in name.lower() or "\n" in value or "\r" in value:
            return f"header injected: {name}: {value[:80]}"
    # Django refuses URLs past 2,048 characters; their host is at the start.
    location = response.get("Location", "")[:2000]
    if location and not url_has_allowed_host_and_scheme(
        location, allowed_hosts=ALLOWED_HOSTS
    ):
        return f"redirected off the site, to {location[:80]}"
    return ""


def crawl(*, client: Client | None = None, limit: int | None = None) -> Report:
    """Send every hostile variant to every target; return what happened."""
    client = client or Client(raise_request_exception=False, SERVER_NAME="127.0.0.1")
    report = Report()
    start, cpu_start = time.monotonic(), time.process_time()
    report.targets = collect_targets(client)
    every = [v for target in report.targets for v in variants(target)]
    every += extra_variants(report.targets)
    for variant in every[:limit]:
        client.cookies.clear()
        response = send(client, variant)
        report.requests += 1
        report.statuses[response.status_code] += 1
        if problem := check(variant, response):
            report.failures.append(f"{variant.describe()}: {problem}")
    report.seconds = time.monotonic() - start
    report.cpu_seconds = time.process_time() - cpu_start
    return report


def main() -> None:
    """Run the crawl against the configured database and print the failures."""
    from django.test.utils import override_settings

    with override_settings(THROTTLE_RATES={}):
        report = crawl()
    for failure in report.failures:
        print(failure)
    print(report.summary())
