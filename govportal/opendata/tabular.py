"""Reading the first rows of a resource, for the preview table and the chart.

CSV, XLSX and JSON (a list of objects) files are read up to ``MAX_ROWS`` rows; the
result is cached by the file's checksum, so a dataset page reads a file once.
"""

import csv
import io
import json
import math
from dataclasses import dataclass

from django.core.cache import cache

MAX_ROWS = 200
MAX_COLUMNS = 30
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Table:
    """The header and the first rows of a tabular file, every cell as text."""

    columns: list[str]
    rows: list[list[str]]
    truncated: bool

    def numeric_columns(self) -> list[int]:
        """Indexes of the columns whose every non-empty cell is a number."""
        found = []
        for index in range(len(self.columns)):
            cells = [row[index] for row in self.rows if row[index].strip()]
            if cells and all(parse_number(cell) is not None for cell in cells):
                found.append(index)
        return found

    def label_column(self) -> int | None:
        """The first column that is not numeric: the labels of a chart."""
        numeric = set(self.numeric_columns())
        for index in range(len(self.columns)):
            if index not in numeric:
                return index
        return None


def parse_number(text: str) -> float | None:
    """``"1 234,5"``, ``"1234.5"``, ``"-7"`` as a float; None if not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(records) -> tuple[list[str], list[list[str]], bool]:
    header: list[str] = []
    rows: list[list[str]] = []
    truncated = False
    for number, record in enumerate(records):
        if number == 0:
            header = [_cell(value) for value in record][:MAX_COLUMNS]
            continue
        if len(rows) >= MAX_ROWS:
            truncated = True
            break
        cells = [_cell(value) for value in record][: len(header)]
        rows.append(cells + [""] * (len(header) - len(cells)))
    return header, rows, truncated


def read_csv(data: bytes) -> Table:
    text = data.decode("utf-8-sig", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    header, rows, truncated = _rows(csv.reader(io.StringIO(text), dialect))
    return Table(header, rows, truncated)


def read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        header, rows, truncated = _rows(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()
    return Table(header, rows, truncated)


def read_json(data: bytes) -> Table:
    records = json.loads(data.decode("utf-8-sig"))
    if isinstance(records, dict):
        records = next((v for v in records.values() if isinstance(v, list)), [])
    records = [record for record in records if isinstance(record, dict)]
    columns: list[str] = []
    for record in records[:MAX_ROWS]:
        columns += [key for key in record if key not in columns]
    columns = columns[:MAX_COLUMNS]
    rows = [[_cell(record.get(key)) for key in columns] for record in records]
    return Table(columns, rows[:MAX_ROWS], len(rows) > MAX_ROWS)


READERS = {"CSV": read_csv, "XLSX": read_xlsx, "JSON": read_json}


def read_table(resource) -> Table | None:
    """The first rows of ``resource``'s file, or None if it is not tabular."""
    reader = READERS.get(resource.format)
    if reader is None or not resource.file or not resource.checksum:
        return None
    key = f"opendata:table:{resource.checksum}:{resource.format}"
    table = cache.get(key)
    if table is None:
        try:
            with resource.file.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError:
            return None
        if len(data) > MAX_BYTES and resource.format != "CSV":
            return None
        try:
            table = reader(data[:MAX_BYTES])
        except Exception:  # noqa: BLE001 - an unreadable upload shows no preview
            table = Table([], [], False)
        cache.set(key, table, 3600)
    return table if table.columns else None
