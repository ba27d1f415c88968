"""transliterate_html(): only text nodes change."""

import pytest

from govportal.translit import to_latin, transliterate_html


def test_text_nodes_only():
    html = (
        '<!DOCTYPE html><p class="салом" title=\'Дунё\' data-x="a>b">Салом '
        '<b>дунё</b> &amp; &nbsp;<a href="/уз/">ҳаволa</a></p>'
        '<!-- изоҳ --><br/><img alt="расм">'
    )
    out = transliterate_html(html, to="latin")
    assert out == (
        '<!DOCTYPE html><p class="салом" title=\'Дунё\' data-x="a>b">Salom '
        '<b>dunyo</b> &amp; &nbsp;<a href="/уз/">havola</a></p>'
        '<!-- изоҳ --><br/><img alt="расм">'
    )


def test_skipped_elements():
    html = (
        "<script>var салом = '<b>дунё</b>';</script><style>.а{}</style>"
        "<pre>код <pre>ичида</pre> ҳам</pre><code>Шаҳар</code>"
        '<span translate="no">Тошкент</span><p>Тошкент</p>'
    )
    out = transliterate_html(html, to="latin")
    assert out == html.replace("<p>Тошкент</p>", "<p>Toshkent</p>")


def test_to_cyrillic_keeps_entities_and_tags():
    # A reference to an apostrophe is part of the word (the old test accepted
    # "О&#8217;збекистон", the word split in two); &amp; stays as it is.
    html = "<p>O&#8217;zbekiston &amp; <em>Toshkent</em> shahri</p>"
    out = transliterate_html(html, to="cyrillic")
    assert out == "<p>Ўзбекистон &amp; <em>Тошкент</em> шаҳри</p>"


def test_letter_references_are_converted_with_their_word():
    assert transliterate_html("<p>&#1179;a&#1203;ramon</p>", to="latin") == (
        "<p>qahramon</p>"
    )
    assert transliterate_html("<p>Ma&rsquo;lumot</p>", to="cyrillic") == (
        "<p>Маълумот</p>"
    )


def test_unchanged_pieces_keep_their_references():
    html = "<p>Caf&eacute; &laquo;Wi-Fi&raquo; &#8212; Сала&#1084;</p>"
    assert transliterate_html(html, to="cyrillic") == html
    assert transliterate_html("<p>Qahramon &#8212; ok</p>", to="latin") == (
        "<p>Qahramon &#8212; ok</p>"
    )


def test_context_across_nodes():
    html = "<p>Биз <b>Telegram</b> каналимиз</p>"
    assert transliterate_html(html, to="cyrillic") == html


def test_same_as_plain_text():
    text = "Ўзбекистон Республикаси Президенти"
    assert transliterate_html(f"<h1>{text}</h1>", to="latin") == (
        f"<h1>{to_latin(text)}</h1>"
    )


def test_broken_markup_left_alone():
    html = "Салом <b"
    assert transliterate_html(html, to="latin") == html


def test_bad_arguments():
    with pytest.raises(ValueError):
        transliterate_html("<p>x</p>", to="greek")
    with pytest.raises(ValueError):
        transliterate_html("<p>x</p>", to="latin", lang="ru")
