"""The CSV file of case references a campaign may be given instead of a number of cases per worker.

One case a line: `case_reference,worker` (the worker's Slack member ID); a first line naming the columns is
allowed, blank lines are skipped. Every reference goes through the identifier screen's case-reference check,
so a child's name or NHS number in the file is refused before anything is stored, with the line it is on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from bot.campaigns.model import CaseItem
from bot.errors import UserError
from bot.privacy.screen import Screen, check_case_reference
from bot.settings.people import USER_ID, Directory

MAX_ROWS = 5000
MAX_BYTES = 1_000_000
HEADER_WORDS = ("case", "reference", "ref")


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            yield reader.line_num, [cell.strip() for cell in row]
    except csv.Error as exc:
        raise UserError(f"Line {reader.line_num} of the case file is not valid CSV ({exc}). Write one case a "
                        "line as: case reference, worker's Slack member ID.") from None


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and any(word in cells[0].lower() for word in HEADER_WORDS) and not any(
        ch.isdigit() for ch in cells[0])


def parse_cases_csv(text: str, pattern: re.Pattern[str], screen: Screen, directory: Directory,
                    teams: Iterable[str]) -> tuple[CaseItem, ...]:
    """The cases in the file, in file order, each with its worker's team among `teams`; or one UserError
    naming the line and what to fix."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise UserError(f"The case file is larger than {MAX_BYTES // 1_000_000} MB. Split the campaign, or list "
                        f"at most {MAX_ROWS} cases.")
    chosen = list(teams)
    found: list[CaseItem] = []
    seen: dict[str, int] = {}
    for line, cells in _rows(text.replace("\x00", "")):
        if not any(cells):
            continue
        if not found and not seen and _is_header(cells):
            continue
        if len(cells) < 2 or not cells[1]:
            raise UserError(f"Line {line} of the case file needs two columns: the case reference, then the "
                            "worker's Slack member ID (like U0ABC123).")
        try:
            reference = check_case_reference(cells[0], pattern, screen)
        except UserError as exc:
            raise UserError(f"Line {line} of the case file: {exc}") from None
        if reference in seen:
            raise UserError(f"Case {reference} is listed twice in the case file (lines {seen[reference]} and "
                            f"{line}). List each case once.")
        worker = cells[1].upper()
        person = directory.person(worker) if USER_ID.match(worker) else None
        if person is None:
            raise UserError(f"Line {line} of the case file: the worker must be the Slack member ID of someone in "
                            "teams.yaml (like U0ABC123).")
        team = next((t for t in chosen if t in person.team_ids), None)
        if team is None:
            raise UserError(f"Line {line} of the case file: that worker is not in any of the campaign's teams "
                            f"({', '.join(chosen)}). Add their team, or take the case out.")
        seen[reference] = line
        found.append(CaseItem(reference, person.user_id, team))
        if len(found) > MAX_ROWS:
            raise UserError(f"The case file lists more than {MAX_ROWS} cases. Split the campaign.")
    if not found:
        raise UserError("The case file has no cases in it. Write one case a line as: case reference, worker's "
                        "Slack member ID.")
    return tuple(found)
