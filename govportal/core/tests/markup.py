"""What a screen reader announces, read from a page's markup.

Landmarks, the order of headings, accessible names, and ``lang`` on text in another
language. These checks go further than axe's WCAG rules (heading order, translated
names) and cost no browser; ``test_markup.py`` runs them on every page type.
"""

import re

from bs4 import BeautifulSoup

from govportal.core.languages import BCP47_TAGS

HEADING = re.compile(r"^h[1-6]$")


def _name(soup: BeautifulSoup, element) -> str:
    """The accessible name of a landmark, link, button or form field (simplified)."""
    if element.get("aria-labelledby"):
        parts = [soup.find(id=ref) for ref in element["aria-labelledby"].split()]
        return " ".join(part.get_text(" ", strip=True) for part in parts if part)
    if element.get("aria-label"):
        return element["aria-label"].strip()
    if element.name in {"input", "select", "textarea"}:
        label = soup.find("label", attrs={"for": element.get("id")})
        if label is None:
            label = element.find_parent("label")
        return label.get_text(" ", strip=True) if label else ""
    if element.name == "img":
        return element.get("alt", "")
    text = element.get_text(" ", strip=True)
    if not text:
        text = " ".join(img.get("alt", "") for img in element.find_all("img")).strip()
    return text


def structure_problems(soup: BeautifulSoup, code: str) -> list[str]:
    """Everything wrong with the page's landmarks, headings, names and languages."""
    problems = []
    body = soup.body
    if len(body.find_all("header", recursive=False)) != 1:
        problems.append("not exactly one banner (<header> in <body>)")
    if len(soup.find_all("main")) != 1 or soup.main.get("id") != "main":
        problems.append('not exactly one <main id="main">')
    if len(body.find_all("footer", recursive=False)) != 1:
        problems.append("not exactly one contentinfo (<footer> in <body>)")
    first_link = body.find("a")
    if first_link is None or first_link.get("href") != "#main":
        problems.append("the first link is not the skip link to #main")

    landmark_names = {}
    for landmark in soup.select('nav, form[role="search"], section[aria-labelledby]'):
        name = _name(soup, landmark)
        if landmark.name == "nav" and not name:
            problems.append(f"a <nav> without a name: {landmark.get('class')}")
        role = "search" if landmark.name == "form" else landmark.name
        if name and (role, name) in landmark_names:
            problems.append(f"two {role} landmarks named {name!r}")
        landmark_names[(role, name)] = landmark

    headings = soup.find_all(HEADING)
    in_main = soup.main.find_all(HEADING) if soup.main else []
    if not in_main or in_main[0].name != "h1":
        problems.append("the main content does not start with its <h1>")
    if headings and headings[0] is not (in_main[0] if in_main else None):
        problems.append(f"a heading comes before the <h1>: {headings[0]}")
    previous = 1
    for heading in headings:
        level = int(heading.name[1])
        if level > previous + 1:
            problems.append(
                f"heading level skips from h{previous} to h{level}: "
                f"{heading.get_text(strip=True)!r}"
            )
        if not heading.get_text(strip=True):
            problems.append(f"an empty heading: {heading}")
        previous = level

    for link in soup.find_all("a", href=True):
        if not _name(soup, link):
            problems.append(f"a link without a name: {link}")
    for button in soup.find_all("button"):
        if not _name(soup, button):
            problems.append(f"a button without a name: {button}")
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.get("type") in {"hidden", "submit"}:
            continue
        if not _name(soup, field):
            problems.append(f"a form field without a label: {field}")
    for image in soup.find_all("img"):
        if not image.has_attr("alt"):
            problems.append(f"an image without alt: {image.get('src')}")

    tags = set(BCP47_TAGS.values())
    for link in soup.select(".language-switcher a"):
        if link.get("lang") not in tags or link.get("hreflang") != link.get("lang"):
            problems.append(f"a language link without its own lang: {link}")
    for element in soup.find_all(lang=True):
        if element.name != "html" and element["lang"] not in tags:
            problems.append(f"unknown lang={element['lang']!r}")
    return problems


def interface_names(soup: BeautifulSoup) -> set[str]:
    """Names of the portal's own controls: landmarks, skip and low-vision links."""
    elements = soup.select(
        "nav[aria-label], form[aria-label], .skip-link, .lowvision-switch a, "
        ".header-search label, .header-search button"
    )
    return {_name(soup, element) for element in elements}
