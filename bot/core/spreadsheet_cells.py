"""Cells safe to open in a spreadsheet: a text cell starting with =, +, -, @, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets (CSV injection). A note such as "- visits in timescale" or one a
person typed to attack whoever opens the export is kept as text by a leading single quote (the OWASP advice).

Numbers are left alone: a count or a rate is never typed by a person and must stay a number in the sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value to write in a CSV cell: text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """A csv.writer row with every cell made safe."""
    return [safe_cell(value) for value in row]


def safe_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """A csv.DictWriter row with every cell made safe."""
    return {key: safe_cell(value) for key, value in row.items()}


class SafeWriter:
    """A csv.writer whose every row is made safe, for writers with many writerow calls."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> None:
        """Write the row with its text cells made safe."""
        self._writer.writerow(safe_row(row))
