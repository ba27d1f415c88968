"""Checks of an uploaded file's content against its extension.

An extension is only a name: a ``.pdf`` can hold HTML, a ``.png`` can be a truncated
or hostile file that crashes a decoder later. These functions read the bytes and
raise ``ValidationError`` with a message for the editor when they do not match.

Images: Wagtail (with Willow) already refuses extensions outside
``WAGTAILIMAGES_EXTENSIONS``, a format that differs from the extension, files over
``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and images over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``.
It reads little more than the header, though, and a truncated file makes it fail
with a server error; ``check_image`` decodes every frame with Pillow.

Documents: Wagtail only checks the extension against ``WAGTAILDOCS_EXTENSIONS``.
``check_document`` checks the content of each extension the portal accepts, and
refuses an extension it has no check for.
"""

import codecs
import json
import os
import re
import warnings
import zipfile
from collections.abc import Callable
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageSequence

# Pillow's format name -> the extension Wagtail's settings use for it. MPO is the
# multi-picture JPEG some cameras write.
PILLOW_FORMATS = {
    "JPEG": "jpeg",
    "MPO": "jpeg",
    "PNG": "png",
    "GIF": "gif",
    "WEBP": "webp",
    "AVIF": "avif",
}

MESSAGES = {
    "image_unreadable": _(
        "This image is damaged or incomplete and cannot be read. Export it again "
        "from the original and upload it again."
    ),
    "image_format": _(
        "This image is in the %(format)s format, which does not match its extension "
        "(.%(extension)s) or is not accepted."
    ),
    "document_mismatch": _(
        "The content of this file does not match its extension (.%(extension)s). "
        "Save it again in that format and upload it again."
    ),
    "document_damaged": _(
        "This .%(extension)s file is damaged or incomplete and cannot be opened."
    ),
    "document_macros": _(
        "This file contains macros, which are not accepted. Save it as a document "
        "without macros and upload it again."
    ),
    "document_unchecked": _(
        "Files with the extension .%(extension)s cannot be checked, so they are not "
        "accepted."
    ),
    "text_encoding": _(
        "This text file is not in the UTF-8 encoding. Save it as UTF-8 and upload it "
        "again."
    ),
    "text_binary": _("This file contains control characters: it is not a text file."),
    "text_markup": _(
        "This file contains web page markup or a script (such as <script>, <svg> or "
        "<html>), which is not accepted in a .%(extension)s file."
    ),
    "json_invalid": _(
        "This file is not valid JSON (line %(line)s, column %(column)s)."
    ),
}


def _error(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params)


def extension_of(name: str) -> str:
    """``"Report.PDF"`` -> ``"pdf"``."""
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _rewound(file: IO[bytes]):
    file.seek(0)
    return file


def check_image(file: IO[bytes], *, extension: str) -> None:
    """Decode every frame of an image and check that Pillow reads the format its
    extension names, and one of ``WAGTAILIMAGES_EXTENSIONS``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(_rewound(file)) as image:
                format_name = image.format or ""
                image.verify()
            with Image.open(_rewound(file)) as image:
                for frame in ImageSequence.Iterator(image):
                    frame.load()
    except Exception as error:  # noqa: BLE001 - decoders of hostile files raise anything
        raise _error("image_unreadable") from error
    finally:
        file.seek(0)
    found = PILLOW_FORMATS.get(format_name)
    expected = "jpeg" if extension in {"jpg", "jpeg"} else extension
    allowed = {
        "jpeg" if name == "jpg" else name for name in settings.WAGTAILIMAGES_EXTENSIONS
    }
    if found is None or found != expected or found not in allowed:
        raise _error("image_format", format=format_name or "?", extension=extension)


def _check_pdf(file: IO[bytes], size: int, extension: str) -> None:
    head = _rewound(file).read(8)
    if not re.fullmatch(rb"%PDF-[12]\.[0-9]", head[:8]):
        raise _error("document_mismatch", extension=extension)
    # Readers require the end-of-file marker within the last 1024 bytes.
    file.seek(max(0, size - 1024))
    if b"%%EOF" not in file.read():
        raise _error("document_damaged", extension=extension)


# The parts a real file of each ZIP-based format has, and the content type its
# main part declares (OOXML) or its "mimetype" member holds (OpenDocument).
OOXML_PARTS = {
    "docx": ("word/document.xml", b"wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", b"spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", b"presentationml.presentation.main+xml"),
}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Decompressing more than this to check a ZIP's integrity is refused (a zip bomb).
ZIP_MAX_UNCOMPRESSED = 512 * 1024 * 1024
ZIP_MAX_MEMBERS = 20_000
MACRO_MEMBER = re.compile(r"(^|/)vbaProject\.bin$|^(Basic|Scripts)/", re.IGNORECASE)


def _check_zip(file: IO[bytes], size: int, extension: str) -> None:
    if _rewound(file).read(4) != b"PK\x03\x04":
        raise _error("document_mismatch", extension=extension)
    try:
        with zipfile.ZipFile(_rewound(file)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            too_big = sum(member.file_size for member in members)
            if len(members) > ZIP_MAX_MEMBERS or too_big > ZIP_MAX_UNCOMPRESSED:
                raise _error("document_damaged", extension=extension)
            if any(MACRO_MEMBER.search(name) for name in names):
                raise _error("document_macros")
            if extension in OOXML_PARTS:
                main_part, main_type = OOXML_PARTS[extension]
                if main_part not in names or "[Content_Types].xml" not in names:
                    raise _error("document_mismatch", extension=extension)
                if main_type not in archive.read("[Content_Types].xml"):
                    raise _error("document_mismatch", extension=extension)
            else:
                first = members[0].filename if members else ""
                if first != "mimetype" or "content.xml" not in names:
                    raise _error("document_mismatch", extension=extension)
                if archive.read("mimetype").strip() != OPENDOCUMENT_TYPES[extension]:
                    raise _error("document_mismatch", extension=extension)
            if archive.testzip() is not None:
                raise _error("document_damaged", extension=extension)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise _error("document_damaged", extension=extension) from error
    except (NotImplementedError, RuntimeError) as error:  # encrypted or exotic
        raise _error("document_damaged", extension=extension) from error


# Active content anywhere in the file: what a browser would run if it were ever
# talked into rendering the file as a page.
ACTIVE_MARKUP = re.compile(
    r"<\s*(?:script|html|svg|iframe|frame|object|embed|body|head|meta|style|"
    r"!doctype|\?xml|xsl:)\b"
    r"|<[a-z][a-z0-9]*\s[^<>]*\bon[a-z]+\s*=[^<>]*>",
    re.IGNORECASE,
)
# What makes browsers sniff a file as HTML when it starts with it (WHATWG MIME
# Sniffing, "identifying a resource with an unknown MIME type").
HTML_START = re.compile(
    r"\s*<(?:!--|(?:h1|div|font|table|a|title|b|br|p)[\s>])", re.IGNORECASE
)


# C0 controls other than tab, line feed, form feed and carriage return, and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _read_text(file: IO[bytes], extension: str) -> str:
    data = _rewound(file).read()
    try:
        text = codecs.decode(data, "utf-8-sig")
    except UnicodeDecodeError as error:
        raise _error("text_encoding") from error
    if CONTROL.search(text):
        raise _error("text_binary")
    if ACTIVE_MARKUP.search(text) or HTML_START.match(text):
        raise _error("text_markup", extension=extension)
    return text


def _check_text(file: IO[bytes], size: int, extension: str) -> None:
    _read_text(file, extension)


def _check_json(file: IO[bytes], size: int, extension: str) -> None:
    text = _read_text(file, extension)
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise _error("json_invalid", line=error.lineno, column=error.colno) from error
    except RecursionError as error:
        raise _error("json_invalid", line="?", column="?") from error


DOCUMENT_CHECKS: dict[str, Callable[[IO[bytes], int, str], None]] = {
    "pdf": _check_pdf,
    **dict.fromkeys(OOXML_PARTS, _check_zip),
    **dict.fromkeys(OPENDOCUMENT_TYPES, _check_zip),
    "csv": _check_text,
    "txt": _check_text,
    "json": _check_json,
}


def check_document(file: IO[bytes], *, extension: str, size: int) -> None:
    """Check that a document's bytes are what its extension says."""
    check = DOCUMENT_CHECKS.get(extension)
    if check is None:
        raise _error("document_unchecked", extension=extension)
    try:
        check(file, size, extension)
    finally:
        file.seek(0)
