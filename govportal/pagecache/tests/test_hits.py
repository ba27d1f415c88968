"""What the cache answers, how, and what it never answers."""

import gzip

import brotli
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import fetch


def test_second_request_is_a_hit_without_sql(client, demo):
    assert fetch(client, "/uz/")[1] == "miss"
    with CaptureQueriesContext(connection) as queries:
        status, state, _text = fetch(client, "/uz/")
    assert (status, state) == (200, "hit")
    assert len(queries) == 0


def test_hit_carries_the_security_headers_of_the_page(client, demo):
    first = client.get("/en/")
    second = client.get("/en/")
    assert second["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Content-Type",
        "Content-Language",
    ):
        assert second[header] == first[header], header
    assert second.content == first.content


def test_compressed_as_the_client_accepts(client, demo):
    plain = client.get("/ru/").content
    br = client.get("/ru/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain
    gz = client.get("/ru/", HTTP_ACCEPT_ENCODING="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain
    refused = client.get("/ru/", HTTP_ACCEPT_ENCODING="br;q=0, gzip;q=0")
    assert "Content-Encoding" not in refused
    assert "Accept-Encoding" in br["Vary"]


def test_etag_and_last_modified_answer_304(client, demo):
    first = client.get("/kaa/")
    second = client.get("/kaa/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]
    since = client.get("/kaa/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get("/kaa/", HTTP_IF_NONE_MATCH='W/"something-else"')
    assert other.status_code == 200


def test_low_vision_variant_is_cached_apart_and_private(client, demo):
    ordinary = client.get("/uz/")
    client.cookies["lowvision"] = "t2-wb"
    fetch(client, "/uz/")
    variant = client.get("/uz/")
    assert variant["X-Page-Cache"] == "hit"
    assert b"lv-t2" in variant.content
    assert b"lv-t2" not in ordinary.content
    assert variant["Cache-Control"].startswith("private")
    del client.cookies["lowvision"]
    assert b"lv-t2" not in client.get("/uz/").content


@pytest.mark.parametrize(
    "url",
    [
        "/uz/search/?q=soliq",
        "/uz/?utm_source=x",
        "/uz/missing-page/",
        "/uz/lowvision/",
        "/api/v1/news/?lang=uz",
        "/uz/translit/",
    ],
)
def test_never_cached(client, demo, url):
    fetch(client, url)
    assert fetch(client, url)[1] is None


def test_signed_in_editors_bypass_the_cache(client, demo, django_user_model):
    fetch(client, "/en/")
    user = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(user)
    assert client.get("/en/").get("X-Page-Cache") is None


def test_head_is_answered_from_the_cache(client, demo):
    fetch(client, "/en/")
    response = client.head("/en/")
    assert response["X-Page-Cache"] == "hit"


def test_many_readers_of_a_purged_page_cause_one_render(rf, settings, tmp_path):
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from django.http import HttpResponse

    from govportal.pagecache import record
    from govportal.pagecache.middleware import PageCacheMiddleware

    settings.PAGE_CACHE_DIR = tmp_path
    renders = []
    started = threading.Barrier(8)

    def view(request):
        renders.append(request.path)
        time.sleep(0.2)  # a slow render, so that the others arrive meanwhile
        record("page:herd")
        return HttpResponse("<p>page</p>" * 200, content_type="text/html")

    middleware = PageCacheMiddleware(view)

    def read(_number):
        started.wait()
        response = middleware(rf.get("/uz/herd/"))
        return response.status_code, response["X-Page-Cache"]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(read, range(8)))
    assert len(renders) == 1, answers
    assert sorted(answers) == [(200, "hit")] * 7 + [(200, "miss")]
