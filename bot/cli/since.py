"""`--since DATE` (export, trail): read as every date a person types is read (knowledge.dates), from today's date
in the council's timezone, so `31/12/2026`, `2026-12-31`, `1 December` and `last Monday` all work here as they do
in an audit, `/audit away` and a campaign's dates. A date still to come is refused: nothing happened from it yet,
and an empty answer would not say why."""

from __future__ import annotations

from datetime import date

from bot.cli.runtime import Runtime
from bot.errors import UserError
from knowledge.dates import DateError, long_date, parse_day


def read_since(typed: str, runtime: Runtime, nothing: str) -> date:
    """The first day `--since` asks for; a UserError in the date reader's words, or saying it is in the future
    (`nothing` says what there cannot be yet, such as "no audit submitted on or after it")."""
    today = runtime.services.local_now().date()
    try:
        day = parse_day(typed, today, "past")
    except DateError as error:
        raise UserError(f"--since: {error}") from None
    if day > today:
        raise UserError(f"--since: {long_date(day)} is in the future (today is {long_date(today)}), so there is "
                        f"{nothing} yet. Give today or an earlier date.")
    return day
