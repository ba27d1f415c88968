"""Light pages: the weight budget, on the rendered pages and on the built assets.

Budgets (issue 7): the home page at most 60 kB transferred (HTML, CSS, JavaScript and
fonts, compressed; content images excluded) in every language; any page at most four
requests before its first render; no web font; images in modern formats with
``srcset``. ``make bench`` reports the same figures for every page type
(``benchmarks/bench_weight.py``).
"""

import gzip
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from govportal.core.lowvision import COOKIE_NAME

from .page_types import PAGE_TYPES, page_type
from .weight import FONT_EXTENSIONS, measure_page

HOME_BUDGET = 60 * 1024
BLOCKING_REQUESTS_BUDGET = 4
ASSET_BUDGET = 25 * 1024


def test_the_home_page_weighs_at_most_60_kb_in_every_language(client, demo):
    for variant in ["", "t2-wb-ni-ls"]:
        client.cookies.pop(COOKIE_NAME, None)
        if variant:
            client.cookies[COOKIE_NAME] = variant
        for code, _name in settings.LANGUAGES:
            weight = measure_page(client, f"/{code}/")
            assert weight.compressed <= HOME_BUDGET, (code, variant, weight.compressed)
            assert not weight.fonts, weight.fonts


def test_every_page_type_renders_after_at_most_4_requests_without_web_fonts(
    client, demo
):
    for code in ["uz", "ru"]:
        for entry in PAGE_TYPES:
            client.cookies.pop(COOKIE_NAME, None)
            if entry.lowvision:
                client.cookies[COOKIE_NAME] = entry.lowvision
            weight = measure_page(client, entry.find(code))
            assert weight.blocking_requests <= BLOCKING_REQUESTS_BUDGET, (
                weight.path,
                [r.url for r in weight.resources if r.blocking],
            )
            assert not weight.fonts, (weight.path, weight.fonts)
            assert weight.compressed <= HOME_BUDGET, (weight.path, weight.compressed)


def _project_static_files() -> list[tuple[str, Path]]:
    """The static files the portal's own apps ship (not Wagtail's or Django's)."""
    project = Path(settings.BASE_DIR, "govportal")
    files = []
    for finder in finders.get_finders():
        for path, storage in finder.list(["admin/*", "wagtail*"]):
            location = Path(storage.path(path))
            if project in location.parents:
                files.append((path, location))
    return files


def test_the_built_stylesheets_and_scripts_stay_small_and_load_no_font():
    files = _project_static_files()
    assert any(path == "css/site.css" for path, _location in files)
    for path, location in files:
        assert not path.lower().endswith(FONT_EXTENSIONS), f"web font shipped: {path}"
        if path.endswith((".css", ".js")):
            body = location.read_bytes()
            assert len(gzip.compress(body, 6)) <= ASSET_BUDGET, path
            assert b"@font-face" not in body, f"{path} declares a web font"


def test_images_come_in_modern_formats_with_srcset(client, demo):
    response = client.get(page_type("news_page").find("uz"))
    soup = BeautifulSoup(response.content, "html.parser")
    pictures = soup.select("main picture")
    assert pictures, "the news page shows no <picture>"
    for picture in pictures:
        types = {source.get("type") for source in picture.find_all("source")}
        assert "image/avif" in types, picture
        image = picture.find("img")
        assert len(image["srcset"].split(",")) >= 2, image
        assert image.get("width") and image.get("height"), "reserve the image's space"
        assert image.has_attr("alt")


def test_templates_show_images_through_responsive_tags():
    """``{% image %}`` gives one size in the upload's format: use ``{% picture %}``."""
    project = Path(settings.BASE_DIR, "govportal")
    offenders = [
        str(template.relative_to(project))
        for template in project.glob("*/templates/**/*.html")
        if "{% image " in template.read_text(encoding="utf-8")
        and "/admin/" not in str(template)
    ]
    assert not offenders, offenders
