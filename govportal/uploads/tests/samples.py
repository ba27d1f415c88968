"""Small files of every accepted type, good and bad, made in memory."""

import io
import os
import zipfile

from PIL import Image

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-'
    'officedocument.{main}+xml"/></Types>'
)
OOXML = {
    "docx": ("word/document.xml", "wordprocessingml.document.main"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main"),
}
OPENDOCUMENT = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def image(format_name: str = "PNG", size=(40, 30), noise: bool = False) -> bytes:
    """An image in ``format_name``; ``noise`` makes it hard to compress."""
    if noise:
        picture = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        picture = Image.new("RGB", size, (0, 90, 160))
    buffer = io.BytesIO()
    picture.save(buffer, format=format_name)
    return buffer.getvalue()


def pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def ooxml(extension: str, *, macros: bool = False, main: str | None = None) -> bytes:
    part, main_type = OOXML[extension]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            CONTENT_TYPES.format(part=part, main=main or main_type),
        )
        archive.writestr(part, "<document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00" * 64)
    return buffer.getvalue()


def opendocument(extension: str, *, mimetype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype", mimetype or OPENDOCUMENT[extension], zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


GOOD_DOCUMENTS = {
    "report.pdf": pdf(),
    "report.docx": ooxml("docx"),
    "budget.xlsx": ooxml("xlsx"),
    "report.odt": opendocument("odt"),
    "budget.ods": opendocument("ods"),
    "data.csv": "yil,soni\n2017,15\nOʻzbekiston,Ўзбекистон\n".encode(),
    "readme.txt": b"Toshkent < Samarqand & Buxoro\n",
    "data.json": '{"nomi": "Oʻzbekiston", "list": [1, 2]}'.encode(),
}

# Name -> (bytes, the error code the check gives).
BAD_DOCUMENTS = {
    "page.pdf": (b"<html><script>alert(1)</script></html>", "document_mismatch"),
    "cut.pdf": (pdf()[:-8], "document_damaged"),
    "page.docx": (b"<html><body>x</body></html>", "document_mismatch"),
    "sheet.docx": (ooxml("xlsx"), "document_mismatch"),
    "macro.docx": (ooxml("docx", macros=True), "document_macros"),
    "macro.xlsx": (
        ooxml("xlsx", main="spreadsheetml.sheet.macroEnabled.main"),
        "document_mismatch",
    ),
    "cut.xlsx": (ooxml("xlsx")[:-30], "document_damaged"),
    "text.odt": (opendocument("ods"), "document_mismatch"),
    "plain.ods": (b"PK\x03\x04 not really a zip", "document_damaged"),
    "cp1251.csv": ("йил;Ўзбекистон".encode("cp1251"), "text_encoding"),
    "binary.txt": (b"abc\x00def", "text_binary"),
    "page.txt": (b"<!DOCTYPE html><p>hello</p>", "text_markup"),
    "svg.txt": (b'hello\n<svg onload="alert(1)"></svg>', "text_markup"),
    "script.csv": (b"a,b\n1,<script>alert(1)</script>\n", "text_markup"),
    "handler.csv": (b'a,b\n1,<img src=x onerror="alert(1)">\n', "text_markup"),
    "html.json": (b'{"a": "<html><body>"}', "text_markup"),
    "broken.json": (b'{"a": 1,}', "json_invalid"),
}
