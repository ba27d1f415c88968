"""vCard 4.0 (RFC 6350) for an agency: one contact card for an address book."""

from .text import tel_uri

LINE_OCTETS = 75


def escape(value: str) -> str:
    """Escape a text value: backslash, comma, semicolon and newlines."""
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    parts = []
    current = ""
    limit = LINE_OCTETS
    for char in line:
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = ""
            limit = LINE_OCTETS - 1  # continuation lines start with a space
        current += char
    parts.append(current)
    return "\r\n ".join(parts)


def agency_vcard(agency, *, url: str) -> str:
    """The vCard of ``agency``, whose page is at the absolute ``url``."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"FN:{escape(agency.display_name)}",
        f"ORG:{escape(agency.display_name)}",
    ]
    if agency.short_name:
        lines.append(f"NICKNAME:{escape(agency.short_name)}")
    if agency.locale_id:
        lines.append(f"LANG:{agency.locale.language_code}")
    if agency.phone and tel_uri(agency.phone):
        lines.append(f"TEL;VALUE=uri;TYPE=work,voice:{tel_uri(agency.phone)}")
    for helpline in agency.get_helplines():
        if tel_uri(helpline.number):
            lines.append(
                f"TEL;VALUE=uri;TYPE=voice;LABEL={_param(helpline.purpose)}:"
                f"{tel_uri(helpline.number)}"
            )
    if agency.email:
        lines.append(f"EMAIL;TYPE=work:{escape(agency.email)}")
    if agency.address:
        lines.append(f"ADR;TYPE=work:;;{escape(agency.address)};;;;")
    if agency.latitude is not None and agency.longitude is not None:
        lines.append(f"GEO:geo:{agency.latitude},{agency.longitude}")
    if agency.website:
        lines.append(f"URL;TYPE=work:{agency.website}")
    lines.append(f"SOURCE:{url}vcard/")
    notes = []
    if agency.head_name:
        notes.append(f"{agency.head_position}: {agency.head_name}".strip(": "))
    if agency.reception_hours:
        notes.append(agency.reception_hours)
    if notes:
        lines.append(f"NOTE:{escape(chr(10).join(notes))}")
    lines.append("END:VCARD")
    return "".join(f"{fold(line)}\r\n" for line in lines)


def _param(value: str) -> str:
    """A quoted parameter value (RFC 6868: ^ ^^, newline ^n, double quote ^')."""
    value = (
        (value or "")
        .replace("^", "^^")
        .replace("\n", "^n")
        .replace('"', "^'")
        .replace("\r", "")
    )
    return f'"{value}"'
