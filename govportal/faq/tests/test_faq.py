import json

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from govportal.core.testing import assert_page
from govportal.faq.models import FaqPage, Question

DEMO_LANGUAGES = ["uz", "kaa", "ru", "en"]


def faq_page(code):
    return FaqPage.objects.live().get(locale=Locale.objects.get(language_code=code))


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_faq_page_lists_questions_by_category(client, demo, code):
    page = faq_page(code)
    soup = assert_page(client.get(page.url), lang=code)
    assert len(soup.select("section.faq-category")) == 4
    assert len(soup.select("details.faq-item")) == 20
    links = [a["href"] for a in soup.select(".faq-contents a")]
    assert all(soup.find(id=href[1:]) for href in links)


def test_anchors_are_the_same_in_every_language(client, demo):
    anchors = {
        code: [
            d["id"]
            for d in assert_page(client.get(faq_page(code).url), lang=code).select(
                "details.faq-item"
            )
        ]
        for code in DEMO_LANGUAGES
    }
    assert len({tuple(ids) for ids in anchors.values()}) == 1


def test_faq_page_carries_faq_json_ld(client, demo):
    soup = assert_page(client.get(faq_page("ru").url), lang="ru")
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "FAQPage"
    assert len(data["mainEntity"]) == 20
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["acceptedAnswer"]["text"]
    assert "<p>" not in first["acceptedAnswer"]["text"]


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_widget_shows_the_most_asked_questions_with_details(demo, code):
    request = RequestFactory().get(f"/{code}/", SERVER_NAME="127.0.0.1")
    with translation.override(code):
        html = Template("{% load faq_tags %}{% faq_widget %}").render(
            Context({"request": request})
        )
    assert html.count("<details") == 5
    top = (
        Question.objects.filter(locale__language_code=code)
        .order_by("-times_asked")
        .first()
    )
    assert top.question.replace("'", "&#x27;") in html
    assert f'href="{faq_page(code).url}"' in html


def test_widget_renders_nothing_in_a_language_without_questions(demo):
    Question.objects.filter(locale__language_code="en").delete()
    with translation.override("en"):
        html = Template("{% load faq_tags %}{% faq_widget %}").render(Context({}))
    assert html.strip() == ""
