"""The response check every page test goes through.

It fails on what would break the portal for a reader or a crawler: a missing
``<title>``, a wrong ``<html lang>``, a missing ``hreflang`` set, or markup that the
strict Content-Security-Policy would block (inline script or style).
"""

from bs4 import BeautifulSoup
from django.http import HttpResponse

from .languages import BCP47_TAGS


def assert_page(
    response: HttpResponse,
    *,
    lang: str,
    status: int = 200,
    hreflang: bool = True,
) -> BeautifulSoup:
    """Check a rendered HTML page and return its parsed tree.

    ``lang`` is the Django language code the page should be in; ``hreflang`` says
    whether the page must list its language versions (error pages do not).
    """
    assert response.status_code == status, (
        f"expected {status}, got {response.status_code} "
        f"for {response.wsgi_request.path}"
    )
    assert response["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(response.content, "html.parser")

    title = soup.title.get_text(strip=True) if soup.title else ""
    assert title, "the page has no <title>"
    assert soup.html is not None and soup.html.get("lang") == BCP47_TAGS[lang], (
        f"<html lang={soup.html.get('lang')!r}>, expected {BCP47_TAGS[lang]!r}"
    )
    assert soup.find("main") is not None, "the page has no <main> landmark"
    assert len(soup.find_all("h1")) == 1, "the page needs exactly one <h1>"

    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    if hreflang:
        assert BCP47_TAGS[lang] in alternates, "hreflang set lacks the page itself"
        assert "x-default" in alternates, "hreflang set lacks x-default"
        unknown = set(alternates) - set(BCP47_TAGS.values()) - {"x-default"}
        assert not unknown, f"unknown hreflang values: {unknown}"
        for url in alternates.values():
            assert url.startswith(("http://", "https://")), f"relative hreflang {url}"

    inline_scripts = [s for s in soup.find_all("script") if not s.get("src")]
    inline_scripts = [
        s for s in inline_scripts if s.get("type") != "application/ld+json"
    ]
    assert not inline_scripts, "inline <script> breaks the Content-Security-Policy"
    assert not soup.find_all("style"), "<style> breaks the Content-Security-Policy"
    assert not soup.find_all(style=True), "style= breaks the Content-Security-Policy"
    assert not soup.find_all(lambda tag: any(a.startswith("on") for a in tag.attrs)), (
        "inline event handlers break the Content-Security-Policy"
    )
    if "Content-Security-Policy" in response:
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    return soup
