"""Rich text is cleaned with nh3 wherever it is stored: hostile markup goes, Wagtail's
own markup stays byte for byte."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Locale

from govportal.core.richtext import sanitize_html
from govportal.core.testing import assert_page

HOSTILE = [
    '<p>a<script>alert("x")</script>b</p>',
    '<p><img src="x" onerror="alert(1)">text</p>',
    '<p><a href="javascript:alert(1)">link</a></p>',
    '<p><a href=" JaVa&#09;ScRiPt:alert(1)">tab</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD4=">data</a></p>',
    "<p><svg onload=alert(1)><circle r=1 /></svg>svg</p>",
    '<p><iframe src="https://evil.example/"></iframe>frame</p>',
    '<p onclick="steal()" style="position:fixed" class="x">attributes</p>',
    '<p><object data="x.swf"></object><embed src="x.swf">plugins</p>',
    "<p><style>body{display:none}</style>style</p>",
    '<p><math><mi xlink:href="javascript:alert(1)">m</mi></math>math</p>',
    "<!-- <script>alert(1)</script> --><p>comment</p>",
    '<p><a linktype="page" id="1 onmouseover=alert(1)">bad id</a></p>',
    '<embed embedtype="media" url="javascript:alert(1)"/><p>embed</p>',
    '<form action="https://evil.example/"><input name="password"></form><p>f</p>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "data:",
    "<svg",
    "<iframe",
    "<object",
    "<math",
    "<style",
    "style=",
    "class=",
    "<form",
    "<input",
    "<!--",
    'src="',
]


def assert_harmless(html: str) -> None:
    lowered = html.lower()
    for needle in FORBIDDEN:
        assert needle not in lowered, (needle, html)


@pytest.mark.parametrize("markup", HOSTILE)
def test_hostile_markup_is_removed(markup):
    assert_harmless(sanitize_html(markup))


def test_the_text_around_hostile_markup_is_kept():
    assert sanitize_html('<p>a<script>alert("x")</script>b</p>') == "<p>ab</p>"
    assert sanitize_html('<p><a href="javascript:alert(1)">link</a></p>') == (
        "<p><a>link</a></p>"
    )
    assert sanitize_html("<div><span>kept</span></div>") == "kept"


def _editor_output() -> str:
    """What Wagtail's editor stores for a paragraph, a heading, links, an image
    and a list: its database format, written by Wagtail itself."""
    features = ["bold", "italic", "link", "document-link", "ol", "ul", "h2", "image"]
    features += ["embed", "hr", "blockquote", "superscript", "subscript"]
    content_state = {
        "blocks": [
            {
                "key": "a1b2c",
                "text": 'Salom <dunyo> & "q" x\u00a0y',
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": 5, "style": "BOLD"}],
                "entityRanges": [{"offset": 6, "length": 7, "key": 0}],
            },
            {
                "key": "d3e4f",
                "text": "Sarlavha",
                "type": "header-two",
                "depth": 0,
                "inlineStyleRanges": [{"offset": 0, "length": 3, "style": "ITALIC"}],
                "entityRanges": [],
            },
            {
                "key": "g5h6i",
                "text": " ",
                "type": "atomic",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 1, "key": 1}],
            },
            {
                "key": "j7k8l",
                "text": "sahifa\nhujjat",
                "type": "ordered-list-item",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": 0, "length": 6, "key": 2},
                    {"offset": 7, "length": 6, "key": 3},
                ],
            },
            {
                "key": "m9n0o",
                "text": " ",
                "type": "atomic",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 1, "key": 4}],
            },
            {
                "key": "p1q2r",
                "text": "Iqtibos",
                "type": "blockquote",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            },
        ],
        "entityMap": {
            "0": {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": "https://gov.uz/?a=1&b=<2>"},
            },
            "1": {
                "type": "IMAGE",
                "mutability": "IMMUTABLE",
                "data": {"id": 5, "format": "left", "alt": 'a > b "c" & d'},
            },
            "2": {"type": "LINK", "mutability": "MUTABLE", "data": {"id": 7}},
            "3": {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": 3}},
            "4": {
                "type": "EMBED",
                "mutability": "IMMUTABLE",
                "data": {"url": "https://www.youtube.com/watch?v=y8Kyi0WNg40"},
            },
        },
    }
    converter = ContentstateConverter(features=features)
    return converter.to_database_format(json.dumps(content_state))


def test_wagtails_own_markup_comes_back_unchanged(db):
    html = _editor_output()
    for kept in (
        '<p data-block-key="a1b2c">',
        '<a linktype="page" id="7">',
        '<a linktype="document" id="3">',
        '<embed embedtype="image" format="left" id="5"',
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=y8Kyi0WNg40"/>',
        "<br/>",
        '<h2 data-block-key="d3e4f">',
        "<blockquote",
    ):
        assert kept in html
    assert sanitize_html(html) == html


html_pieces = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<br>",
        "<br/>",
        "<hr>",
        '<a href="https://gov.uz/?a=1&b=2">',
        '<a linktype="page" id="3">',
        '<a href="javascript:x()">',
        "</a>",
        '<embed embedtype="image" id="1" format="left" alt="x>y"/>',
        '<embed embedtype="media" url="https://gov.uz/v"/>',
        "<embed>",
        "<script>x</script>",
        '<img src=x onerror="y">',
        "<ul><li>",
        "</li></ul>",
        "&nbsp;",
        "\u00a0",
        "&amp;",
        "&",
        "<",
        ">",
        '"',
        "<!--",
        "-->",
        "Oʻzbekiston",
        "Ўзбекистон",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(html_pieces | st.text(max_size=5), max_size=25).map("".join))
def test_cleaning_is_idempotent_and_always_harmless(markup):
    cleaned = sanitize_html(markup)
    assert sanitize_html(cleaned) == cleaned
    assert "<script" not in cleaned and "onerror" not in cleaned
    assert "javascript:" not in cleaned.lower()


def _news_index(code="en"):
    from govportal.news.models import NewsIndexPage

    return NewsIndexPage.objects.get(locale__language_code=code, depth=3)


HOSTILE_BODY = (
    "".join(HOSTILE) + '<p data-block-key="k1"><a linktype="page" id="3">x</a></p>'
)


def test_a_news_body_is_clean_after_save_in_draft_and_live(client, demo):
    from govportal.news.models import NewsPage

    page = _news_index().add_child(
        instance=NewsPage(
            title="Hostile",
            slug="hostile",
            lead="lead",
            body=[{"type": "paragraph", "value": HOSTILE_BODY}],
        )
    )
    revision = page.save_revision()
    draft = json.loads(revision.content["body"])[0]["value"]
    assert_harmless(draft)
    assert '<a linktype="page" id="3">x</a>' in draft
    revision.publish()
    page.refresh_from_db()
    stored = page.body.raw_data[0]["value"]
    assert_harmless(stored)
    assert '<p data-block-key="k1"><a linktype="page" id="3">x</a></p>' in stored
    # And on the public page.
    main = str(assert_page(client.get(page.url), lang="en").find("main"))
    for needle in ("alert(", "steal(", "onerror", "javascript:", "evil.example"):
        assert needle not in main


def test_a_rich_text_field_on_a_page_is_clean_after_save(demo):
    from govportal.news.models import AnnouncementIndexPage, AnnouncementPage

    index = AnnouncementIndexPage.objects.filter(locale__language_code="en").first()
    page = index.add_child(
        instance=AnnouncementPage(
            title="Note", slug="hostile-note", summary="s", body=HOSTILE_BODY
        )
    )
    page.refresh_from_db()
    assert_harmless(page.body)
    assert '<a linktype="page" id="3">x</a>' in page.body


def test_a_snippets_rich_text_is_clean_after_save(demo):
    from govportal.faq.models import Question

    question = Question.objects.filter(locale__language_code="en").first()
    question.answer = HOSTILE_BODY
    question.save()
    question.refresh_from_db()
    assert_harmless(question.answer)


def test_stream_blocks_inside_structures_are_cleaned(demo):
    from govportal.opengov.models import OpenGovernmentPage

    page = OpenGovernmentPage.objects.get(locale__language_code="en")
    page.body = [
        {"type": "paragraph", "value": '<p onclick="x()">a<script>y</script></p>'},
        {"type": "heading", "value": "<script>kept as text</script>"},
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.body.raw_data[0]["value"] == "<p>a</p>"
    # Plain text blocks are escaped when rendered, not cleaned.
    assert page.body.raw_data[1]["value"] == "<script>kept as text</script>"


def test_bulk_demo_rows_are_cleaned(demo):
    from govportal.core.demo import ensure_translated_rows
    from govportal.faq.models import Question

    question = Question.objects.filter(locale__language_code="en").first()
    ensure_translated_rows(
        Question,
        {
            (question.translation_key, question.locale_id): {
                "answer": '<p>Yes<img src=x onerror="alert(1)"></p>'
            }
        },
    )
    question.refresh_from_db()
    assert question.answer == "<p>Yes</p>"


def test_generated_news_bodies_are_cleaned(demo, monkeypatch):
    from govportal.news import generate
    from govportal.news.models import NewsPage

    monkeypatch.setattr(generate, "BODIES", ('{lead} <script>alert("x")</script>',) * 4)
    before = set(NewsPage.objects.values_list("pk", flat=True))
    generate.generate_news(count=6, batch_stories=10)
    new = NewsPage.objects.exclude(pk__in=before)
    assert new.exists()
    for page in new:
        body = page.body.raw_data[0]["value"]
        assert body.startswith("<p>") and "<script" not in body


def test_the_cyrillic_sync_stores_clean_markup(demo):
    """Even from a Latin source written past ``save()`` (raw SQL, old rows)."""
    from govportal.cyrillic.sync import sync_page
    from govportal.news.models import NewsPage

    source = _news_index("uz").add_child(
        instance=NewsPage(title="Sinov", slug="sinov", lead="Qisqa")
    )
    source.save_revision().publish()
    hostile = json.dumps(
        [{"type": "paragraph", "value": '<p>Matn<img src=x onerror="y()"></p>'}]
    )
    NewsPage.objects.filter(pk=source.pk).update(body=json.loads(hostile))
    source = NewsPage.objects.get(pk=source.pk)
    assert "onerror" in source.body.raw_data[0]["value"]
    cyrillic = sync_page(source)
    cyrillic.refresh_from_db()
    assert cyrillic.locale == Locale.objects.get(language_code="uz-cyrl")
    assert cyrillic.specific.body.raw_data[0]["value"] == "<p>Матн</p>"
