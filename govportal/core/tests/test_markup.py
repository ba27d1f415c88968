"""Every page type, in every language: valid HTML, and what a screen reader needs.

The pages are rendered once with Django's test client. The Nu HTML Checker (vnu.jar
from the npm package ``vnu-jar``) checks them all in one run and must find no error;
``markup.structure_problems`` checks landmarks, heading order, accessible names and
``lang``, and the portal's own controls must be named in the page's language. The
browser tests (``test_a11y.py``) run axe on the same pages.
"""

from bs4 import BeautifulSoup
from django.conf import settings

from .frontend import vnu_messages
from .markup import interface_names, structure_problems
from .page_types import PAGE_TYPES, fetch


def test_every_page_type_is_valid_html_with_landmarks_headings_and_names(
    client, demo, tmp_path
):
    sources = {}
    problems = []
    english = {}
    codes = ["en", *(code for code, _name in settings.LANGUAGES if code != "en")]
    for code in codes:
        for entry in PAGE_TYPES:
            path, response = fetch(client, entry, code)
            file = tmp_path / f"{code}-{entry.name}.html"
            file.write_bytes(response.content)
            sources[file.as_uri()] = path
            soup = BeautifulSoup(response.content, "html.parser")
            problems += [f"{path}: {p}" for p in structure_problems(soup, code)]
            names = interface_names(soup)
            if code == "en":
                english[entry.name] = names
            else:
                problems += [
                    f"{path}: {name!r} is in English"
                    for name in names & english[entry.name]
                ]
    # The converter after a POST: a form with errors, and a result.
    for name, url, data in [
        ("uz-translit-errors", "/uz/translit/", {"text": ""}),
        ("ru-translit-result", "/ru/translit/", {"text": "Oʻzbekiston"}),
    ]:
        data.update(direction="cyrillic", language="uz")
        (tmp_path / f"{name}.html").write_bytes(client.post(url, data).content)
        sources[(tmp_path / f"{name}.html").as_uri()] = url

    messages = vnu_messages(sorted(tmp_path.glob("*.html")))
    problems += [
        f"{sources.get(message.get('url'), message.get('url'))}:"
        f"{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
    assert len(sources) == len(settings.LANGUAGES) * len(PAGE_TYPES) + 2
    assert not problems, "\n".join(problems)
