"""The nginx configuration of static publishing, run for real in front of the app.

nginx (Debian's package; ``make test`` installs it) serves published pages from
disk and passes everything else to the live test server; a publish removes the file
at once, so nginx never serves a stale page.
"""

import gzip
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest
from django.conf import settings as django_settings

from govportal.news.models import NewsIndexPage
from govportal.pagecache.nginx import render_config

from .conftest import add_news

# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http only
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _policy(value: str) -> set[str]:
    return {part.strip() for part in value.split(";")}


@pytest.fixture
def served_dir():
    """A folder nginx's workers (user nobody when started as root) can read."""
    path = Path(tempfile.mkdtemp(prefix="govportal-nginx-"))
    path.chmod(0o755)
    Path(django_settings.MEDIA_ROOT).chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def nginx(site, settings, served_dir):
    """nginx on a free port in front of the live server; its base URL."""
    if shutil.which("nginx") is None:
        pytest.fail("nginx is missing: scripts/ensure-serving-tools installs it")
    settings.STATIC_PUBLISH_ROOT = str(served_dir / "published")
    run_dir = served_dir / "nginx"
    (run_dir / "none").mkdir(parents=True)
    port = _free_port()
    config = run_dir / "nginx.conf"
    config.write_text(
        render_config(
            listen=f"127.0.0.1:{port}",
            app_address=site.removeprefix("http://"),
            run_dir=run_dir,
        )
    )
    server = subprocess.Popen(  # noqa: S603
        ["nginx", "-c", str(config), "-g", "daemon off;"],  # noqa: S607
    )
    for _attempt in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def test_nginx_serves_published_pages_and_never_a_stale_one(nginx, served_dir):
    home = f"{nginx}/en/"
    status, headers, first = _get(home)
    assert (status, headers["X-Page-Cache"]) == (200, "miss")
    assert (served_dir / "published/127.0.0.1/en/index.html").exists()

    status, static_headers, body = _get(home)
    assert (status, static_headers["X-Page-Cache"]) == (200, "static")
    assert body == first
    for name in ("X-Frame-Options", "Permissions-Policy", "Referrer-Policy"):
        assert static_headers[name] == headers[name], name
    assert static_headers["Content-Language"] == "en"
    assert static_headers["Content-Type"] == "text/html; charset=utf-8"
    assert _policy(static_headers["Content-Security-Policy"]) == _policy(
        headers["Content-Security-Policy"]
    )
    _status, br_headers, br_body = _get(home, **{"Accept-Encoding": "br"})
    assert br_headers["Content-Encoding"] == "br"
    assert brotli.decompress(br_body) == first
    _status, gz_headers, gz_body = _get(home, **{"Accept-Encoding": "gzip"})
    assert gz_headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz_body) == first

    # What only the app may answer.
    assert _get(f"{home}?page=1")[1].get("X-Page-Cache") != "static"
    assert _get(home, Cookie="lowvision=t2")[1].get("X-Page-Cache") != "static"
    signed_in = f"{django_settings.SESSION_COOKIE_NAME}=abc"
    assert _get(home, Cookie=signed_in)[1].get("X-Page-Cache") is None
    assert _get(f"{nginx}/en/search/?q=tax")[1].get("X-Page-Cache") is None

    # A publish removes the file before the editor's request returns.
    index = NewsIndexPage.objects.get(locale__language_code="en", depth=3)
    add_news(index, title="Published through nginx", slug="through-nginx")
    status, headers, body = _get(home)
    assert headers["X-Page-Cache"] == "miss"
    assert b"Published through nginx" in body
    status, headers, body = _get(home)
    assert headers["X-Page-Cache"] == "static"
    assert b"Published through nginx" in body

    # Uploaded files are never run as pages: images are served with a sandbox,
    # anything else under /media/ only through the app.
    media = Path(django_settings.MEDIA_ROOT)
    for folder in ("images", "avatar_images"):  # renditions, editors' pictures
        (media / folder).mkdir(parents=True, exist_ok=True)
        (media / folder).chmod(0o755)
        (media / folder / "pixel.png").write_bytes(PNG)
        (media / folder / "pixel.png").chmod(0o644)
        status, headers, _body = _get(f"{nginx}/media/{folder}/pixel.png")
        assert status == 200, folder
        assert headers["Content-Type"] == "image/png"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in headers["Content-Security-Policy"]
    (media / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    )
    assert _get(f"{nginx}/media/evil.svg")[0] == 404
