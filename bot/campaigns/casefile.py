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
from dataclasses import dataclass

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


MAX_SHOWN = 20  # problems listed in one report; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One line's mistake: said alone when it is the only one, or as a bullet among the file's others."""

    alone: str
    listed: str


def _line_problem(line: int, what: str) -> Problem:
    """`what` follows "Line N of the case file" (": …" or " needs …")."""
    return Problem(f"Line {line} of the case file{what}", f"Line {line}{what}")


def _report(problems: list[Problem]) -> UserError:
    """Every line's mistake at once (a user trial fixed a file one mistake a run): the first MAX_SHOWN, then how
    many more. Each says only what the line's own message says, so no refused identifier is echoed."""
    if len(problems) == 1:
        return UserError(problems[0].alone)
    shown = [f"• {p.listed}" for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(f"… and {len(problems) - MAX_SHOWN} more lines to fix.")
    return UserError(f"The case file has {len(problems)} lines to fix, so nothing was stored:\n" + "\n".join(shown))


def _case_item(line: int, cells: list[str], pattern: re.Pattern[str], screen: Screen, directory: Directory,
               chosen: list[str], seen: dict[str, int]) -> CaseItem | Problem:
    """The line's case, or what is wrong with it (the first mistake found on the line)."""
    if len(cells) < 2 or not cells[1]:
        return _line_problem(line, " needs two columns: the case reference, then the worker's Slack member ID "
                                   "(like U0ABC123).")
    try:
        reference = check_case_reference(cells[0], pattern, screen)
    except UserError as exc:
        return _line_problem(line, f": {exc}")
    if reference in seen:
        return Problem(f"Case {reference} is listed twice in the case file (lines {seen[reference]} and {line}). "
                       "List each case once.",
                       f"Line {line}: case {reference} is listed twice (lines {seen[reference]} and {line}).")
    worker = cells[1].upper()
    person = directory.person(worker) if USER_ID.match(worker) else None
    if person is None:
        return _line_problem(line, ": the worker must be the Slack member ID of someone in teams.yaml (like "
                                   "U0ABC123).")
    team = next((t for t in chosen if t in person.team_ids), None)
    if team is None:
        return _line_problem(line, f": that worker is not in any of the campaign's teams ({', '.join(chosen)}). "
                                   "Add their team, or take the case out.")
    seen[reference] = line
    return CaseItem(reference, person.user_id, team)


def parse_cases_csv(text: str, pattern: re.Pattern[str], screen: Screen, directory: Directory,
                    teams: Iterable[str]) -> tuple[CaseItem, ...]:
    """The cases in the file, in file order, each with its worker's team among `teams`; or one UserError
    naming every line to fix and what to fix on it."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise UserError(f"The case file is larger than {MAX_BYTES // 1_000_000} MB. Split the campaign, or list "
                        f"at most {MAX_ROWS} cases.")
    chosen = list(teams)
    found: list[CaseItem] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, cells in _rows(text.replace("\x00", "")):
        if not any(cells):
            continue
        if not found and not seen and not problems and _is_header(cells):
            continue
        item = _case_item(line, cells, pattern, screen, directory, chosen, seen)
        if isinstance(item, Problem):
            problems.append(item)
            continue
        found.append(item)
        if len(found) > MAX_ROWS:
            raise UserError(f"The case file lists more than {MAX_ROWS} cases. Split the campaign.")
    if problems:
        raise _report(problems)
    if not found:
        raise UserError("The case file has no cases in it. Write one case a line as: case reference, worker's "
                        "Slack member ID.")
    return tuple(found)
