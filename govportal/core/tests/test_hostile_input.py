"""Bad input everywhere: every address of the sitemap and every route, in every
language, with hostile parameters, paths, headers, cookies and bodies, answers
without a server error, without the markup coming back, and without sending the
visitor off the site (``hostile.py`` says what is tried)."""

import re

import pytest
from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect

from govportal.core.tests import hostile


@pytest.fixture
def unlimited(settings):
    """No rate limit: the crawl sends thousands of requests from one address."""
    settings.THROTTLE_RATES = {}


@pytest.mark.usefixtures("demo", "unlimited")
def test_hostile_variants_of_every_address_get_no_server_error_and_no_markup_back():
    report = hostile.crawl()
    print(report.summary())
    languages = {target.language for target in report.targets}
    assert languages >= {code for code, _name in settings.LANGUAGES}
    unknown = {
        target.kind
        for target in report.targets
        if re.fullmatch(r"[a-z_]+\.[A-Z]\w*|sitemap:.*", target.kind)
        and target.kind not in hostile.PAGE_PARAMS
    }
    assert not unknown, f"say which query parameters these pages read: {unknown}"
    assert report.requests > 3000
    assert not report.failures, (
        f"{len(report.failures)} of {report.requests} hostile requests failed:\n"
        + "\n".join(report.failures[:60])
    )


def _variant():
    return hostile.Variant(hostile.Target("/uz/"), "/uz/", "q=x", label="test")


@pytest.mark.parametrize(
    "response",
    [
        HttpResponse(f"<p>{hostile.SCRIPT}</p>"),
        HttpResponse(f'<input value="x">{hostile.IMG}">'),
        HttpResponse(f'<a href="{hostile.MARKUP}">', content_type="text/html"),
        HttpResponse(f'{{"q": "{hostile.SCRIPT}"}}', content_type="application/json"),
        HttpResponse(hostile.IMG, content_type="application/xml"),
        HttpResponse(status=500),
        HttpResponseRedirect("//evil.example/"),
        HttpResponseRedirect("https://evil.example/uz/"),
    ],
)
def test_the_crawl_notices_a_reflection_an_error_or_an_open_redirect(response):
    assert hostile.check(_variant(), response)


@pytest.mark.parametrize(
    "response",
    [
        HttpResponse(
            '<input value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;'
            '&lt;img src=x onerror=alert(1)&gt;">'
        ),
        HttpResponse(
            '{"q": "\\u003Cscript\\u003Ealert(1)"}', content_type="application/json"
        ),
        HttpResponse("alert(1) as text", content_type="text/plain"),
        HttpResponseRedirect("/uz/?q=%3Cscript%3E"),
        HttpResponseRedirect("http://127.0.0.1/uz/"),
        HttpResponse(status=404),
    ],
)
def test_the_crawl_accepts_escaped_markup_and_redirects_on_the_site(response):
    assert hostile.check(_variant(), response) == ""
