"""The pro-rata share of monthly audit targets due to date: the one figure the period digest in chat, the weekly and
period digests and the export's summary sheet all give (trial 62 F10).

Trial 62 found three: on 7 December the chat said "pro-rata share to date: under 1" for six auditors' 2 a month each
(each auditor's 0.45 rounded to a whole 0 before summing), the export's sheet 1.5 (each rounded to one decimal), and
the quarter's "12, for the months passed in full and 7 of December's 31 days" left December's days out (each 4.45
rounded to 4). Now every reader sums each auditor's share rounded to one decimal, so a team's rows add up to the
teams' row (trial 59 F16), and says it to one decimal where it is not whole: 1.5 in the chat and the sheet alike,
13.5 for the quarter.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable

from bot.core.periods import Period


def months_spanned(period: Period) -> int:
    """The calendar months the period touches: a quarter is 3, a month 1 (its target is per month)."""
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def share(monthly: int, period: Period) -> float:
    """One auditor's share of a monthly target over the period: every month's for a period that has ended; for one
    under way, the months passed in full and the current month's share by its days to today (on 7 December, a
    quarter's October and November and 7/31 of December's)."""
    months = months_spanned(period)
    if not period.so_far:
        return float(monthly * months)
    days = monthrange(period.end.year, period.end.month)[1]
    return monthly * (months - 1) + monthly * period.end.day / days


def to_date(monthly: Iterable[int], period: Period) -> float:
    """These auditors' targets due to date: each auditor's share to one decimal, summed (so teams' figures add up to
    their total); never 0 while any share is due, so a sheet and the chat never read "0" on the 1st of a month."""
    shares = [share(target, period) for target in monthly]
    summed = round(sum(round(one, 1) for one in shares), 1)
    return max(summed, 0.1) if any(shares) else summed


def said(figure: float) -> str:
    """'1.5', or '12' for a whole number: the figure as the chat writes it, the same as the sheet's."""
    return str(int(figure)) if figure == int(figure) else f"{figure:.1f}"
