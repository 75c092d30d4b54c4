"""What a campaign is, and the checks on a new one: pure, so every mistake's message is tested without Slack."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from bot.campaigns import date_words
from bot.core.teams import team_matches
from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from bot.storage.campaigns import Allocation, Campaign
from knowledge import dates
from knowledge.dates import short_date

__all__ = ["Allocation", "Campaign", "CampaignSpec", "CaseItem", "FieldError", "FieldErrors", "check_spec"]

AUDITOR_MODES = ("managers", "peer")
MAX_PER_WORKER = 20
MAX_NAME = 80
MAX_THEME = 200


class FieldError(UserError):
    """A mistake in one field of a new campaign: a form shows the message beside that field."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field

    @property
    def errors(self) -> tuple[tuple[str, str], ...]:
        """(field, message) of every mistake."""
        return ((self.field, str(self)),)


class FieldErrors(FieldError):
    """Several mistakes in a new campaign, reported at once: one a line, each beside its field in a form."""

    def __init__(self, errors: list[FieldError]) -> None:
        lines = list(dict.fromkeys(str(e) for e in errors))
        super().__init__("\n".join(lines) if len(lines) == 1 else
                         f"Please fix these {len(lines)} things:\n" + "\n".join(f"• {line}" for line in lines),
                         errors[0].field)
        self.each = tuple(errors)

    @property
    def errors(self) -> tuple[tuple[str, str], ...]:
        return tuple((e.field, str(e)) for e in self.each)


def deadline_said(deadline: date, today: date) -> str:
    """A campaign's deadline as its auditors read it: "Thursday 25 March 2027", or "today, Thursday 25 March 2027"
    on the day, so nobody works out that the date they are given is today's (trial 14, F17)."""
    said = dates.long_date(deadline)
    return f"today, {said}" if deadline == today else said


def not_open_yet(campaign: Campaign, today: date) -> str | None:
    """Why a campaign's cases cannot be started yet: before its start date, the day it opens; else None. A trial
    started a campaign's audit three days before the campaign opened, its auditor never told when it did."""
    if today >= campaign.starts_on:
        return None
    return (f"Campaign {campaign.id} opens on {dates.long_date(campaign.starts_on)}; its audits can be started from "
            "then.")


def raise_all(errors: list[FieldError]) -> None:
    """Nothing when there are no mistakes; the one mistake; or all of them at once."""
    flat = [each for e in errors for each in (e.each if isinstance(e, FieldErrors) else (e,))]
    if len(flat) == 1:
        raise flat[0]
    if flat:
        raise FieldErrors(flat)


@dataclass(frozen=True)
class CaseItem:
    """One case to audit: its reference (None when the auditor names it at Start), its worker and team."""

    case_ref: str | None
    worker_id: str
    team_id: str


@dataclass(frozen=True)
class CampaignSpec:
    """A campaign as asked for, already checked (see `check_spec`)."""

    name: str
    theme: str
    checklist_id: str
    teams: tuple[str, ...]
    starts_on: date
    deadline: date
    auditors: str
    moderation_share: int
    per_worker: int | None = None
    cases: tuple[CaseItem, ...] = ()


def parse_day(text: str, what: str, today: date) -> date:
    """A campaign's start or deadline, read as every date a person types is read (knowledge.dates: 2026-12-18,
    18/12/2026, 18 December, next Friday, today), with that reader's own message when it cannot be read. A
    deadline without a year is the next such day; a start the nearest (it may already be past)."""
    field = "deadline" if what == "deadline" else "start"
    try:
        return date_words.parse_day(text, today, "future" if field == "deadline" else "any")
    except dates.DateError as exc:
        raise FieldError(f"The {what}: {exc}", field) from None


def parse_deadline(text: str, today: date, starts_on: date) -> date:
    """The deadline as `parse_day` reads it; one on a weekend or bank holiday is refused, naming the working day to
    give instead, unless it is typed with `anyway` (`25/12 anyway`): creating a campaign tells its auditors the
    deadline at once ("by Friday 25 December 2026", in a trial), and changing it tells them all again. The check is
    every typed due date's (knowledge.dates.day_off); a deadline already past, or before the start, is the window's own
    mistake."""
    typed, kept = dates.kept_anyway(text)
    deadline = parse_day(typed, "deadline", today)
    off = None if kept or not today <= deadline >= starts_on else dates.day_off(deadline, max(today, starts_on))
    if off is None:
        return deadline
    raise DeadlineOff(off)


class DeadlineOff(FieldError):
    """A deadline on a weekend or bank holiday, with the working day to give instead: typed, when it is the only
    mistake, the two dates it names are offered as replies (bot.campaigns.deadline_offer)."""

    def __init__(self, off: dates.DayOff) -> None:
        super().__init__(f"The deadline, {dates.long_date(off.day)}, is {off.what}, so nothing is created yet: give "
                         f"{off.instead.day}/{off.instead.month} for {off.instead_said}, or "
                         f"{off.day.day}/{off.day.month} {dates.KEEP_WORD} to keep it.", "deadline")
        self.off = off


def read_checklist(titles: Mapping[str, str], typed: str,
                   near: Callable[[str], list[str]] | None = None) -> str:
    """The checklist id `typed` names: its id, or enough of its id or title to name one checklist (`voice` is
    voice-of-the-child), read as teams are (bot.core.teams.team_matches), else as the audit's checklist picker reads
    a title with a typo (`near`: `voice of teh child`); a FieldError naming the choices when it names none or
    several."""
    shown = " ".join(typed.split())
    found = team_matches(titles, typed, short_forms=False) or (near(typed) if near else [])
    if len(found) == 1:
        return found[0]
    if found:
        options = ", ".join(f"{checklist_id} ({titles[checklist_id]})" for checklist_id in found)
        raise FieldError(f"The checklist {shown!r} could be more than one: {options}. Type more of its name, or its "
                         "id.", "checklist")
    raise FieldError(f"There is no checklist called {shown!r}. Choose one of: {', '.join(sorted(titles))}.",
                     "checklist")


def parse_share(text: str | int) -> int:
    """The share of submitted audits to moderate, 0 to 100 (a trailing % is allowed)."""
    raw = str(text).strip().rstrip("%").strip()
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 0 <= int(raw) <= 100:
        raise FieldError(f"The moderation share {text!r} must be a whole percentage from 0 to 100, such as 20.",
                         "moderate")
    return int(raw)


def parse_per_worker(text: str | int) -> int:
    """How many cases each worker has audited, 1 to 20; anything else gets one clear message."""
    raw = str(text).strip()
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 1 <= int(raw) <= MAX_PER_WORKER:
        raise FieldError(f"Cases per worker must be a whole number from 1 to {MAX_PER_WORKER}, not {text!r}.",
                         "per-worker")
    return int(raw)


def _screened(text: str, screen: Screen, what: str, field: str) -> str:
    try:
        return screen_text(text, screen, what, read_by="every auditor, QA lead and the report channel",
                           mode="full")  # 'Star Hobson review learning' names a review, not a case
    except UserError as exc:
        raise FieldError(str(exc), field) from None


def _words_errors(name: str, theme: str, screen: Screen, open_names: Iterable[str]) -> list[FieldError]:
    """The name's and theme's mistakes: length, the identifier screen, a name an open campaign has."""
    errors: list[FieldError] = []
    if not name or len(name) > MAX_NAME:
        errors.append(FieldError(f"Give the campaign a name of 1 to {MAX_NAME} characters, such as "
                                 "'Neglect audit December'.", "name"))
    elif name.casefold() in {" ".join(n.split()).casefold() for n in open_names}:
        errors.append(FieldError(f"An open campaign is already called {name!r}. Give this one another name, "
                                 "such as with the month or the teams in it (or, to change that campaign's name or "
                                 "theme, `/audit campaign rename <its number> name=… theme=…`).", "name"))
    if not theme or len(theme) > MAX_THEME:
        errors.append(FieldError(f"Give the campaign a theme of 1 to {MAX_THEME} characters, such as 'neglect'.",
                                 "theme"))
    for text, what, field in ((name, "that campaign name", "name"), (theme, "that theme", "theme")):
        if text and not any(e.field == field for e in errors):
            try:
                _screened(text, screen, what, field)
            except FieldError as exc:
                errors.append(exc)
    return errors


def words_errors(name: str, theme: str, screen: Screen, open_names: Iterable[str]) -> list[FieldError]:
    """The name's and theme's mistakes, as creating a campaign checks them: for a rename (`/audit campaign rename`)."""
    return _words_errors(name, theme, screen, open_names)


def _window_errors(spec: CampaignSpec, today: date | None, skip: frozenset[str]) -> list[FieldError]:
    """The window's mistakes: a start after the deadline, and a deadline already past (a past start is fine), both
    at once when both are wrong (trial 48: the past deadline was only said at the next try)."""
    errors = []
    if not {"start", "deadline"} & skip and spec.starts_on > spec.deadline:
        errors.append(FieldError(f"The campaign starts on {short_date(spec.starts_on)}, after its deadline "
                                 f"{short_date(spec.deadline)}: the start must be on or before the deadline.",
                                 "deadline"))
    if "deadline" not in skip and today is not None and spec.deadline < today:
        errors.append(FieldError(f"The deadline {short_date(spec.deadline)} has passed (today is "
                                 f"{short_date(today)}): give a deadline from today on.", "deadline"))
    return errors


def _team_errors(teams: tuple[str, ...], team_ids: frozenset[str] | set[str]) -> list[FieldError]:
    unknown = [t for t in teams if t not in team_ids]
    if not teams:
        return [FieldError("Choose at least one team for the campaign (team ids from teams.yaml).", "teams")]
    if unknown:
        return [FieldError(f"There is no team {unknown[0]!r} in teams.yaml. Known teams: "
                           f"{', '.join(sorted(team_ids))}.", "teams")]
    if len(set(teams)) != len(teams):
        return [FieldError("A team is listed twice: name each team once.", "teams")]
    return []


def check_spec(spec: CampaignSpec, checklist_ids: frozenset[str] | set[str], team_ids: frozenset[str] | set[str],
               screen: Screen, cases_to_follow: bool = False, today: date | None = None,
               open_names: Iterable[str] = (), skip: frozenset[str] = frozenset()) -> CampaignSpec:
    """The spec if it can be run; else a FieldError naming every thing to fix and how (one a line). With
    `cases_to_follow` the cases come from a file read next (once the teams are known to be sound); `today`
    refuses a deadline already past, `open_names` a name an open campaign has; fields in `skip` were refused
    already (they could not be read), so the checks that need them are left out."""
    name, theme = " ".join(spec.name.split()), " ".join(spec.theme.split())
    errors = _words_errors(name, theme, screen, open_names)
    if "checklist" not in skip and spec.checklist_id not in checklist_ids:
        errors.append(FieldError(f"There is no checklist called {spec.checklist_id!r}. Choose one of: "
                                 f"{', '.join(sorted(checklist_ids))}.", "checklist"))
    if "teams" not in skip:
        errors += _team_errors(spec.teams, team_ids)
    errors += _window_errors(spec, today, skip)
    if spec.auditors not in AUDITOR_MODES:
        errors.append(FieldError(f"Who audits must be `managers` (team managers audit their own teams) or `peer` "
                                 f"(auditors from other teams), not {spec.auditors!r}.", "auditors"))
    if "moderate" not in skip and not 0 <= spec.moderation_share <= 100:
        errors.append(FieldError("The moderation share must be a whole percentage from 0 to 100.", "moderate"))
    if "per-worker" not in skip:
        if (spec.per_worker is None) == (not spec.cases and not cases_to_follow):
            errors.append(FieldError("Give either how many cases per worker (per-worker, 1 to 20) or a list of case "
                                     "references, not both and not neither.", "per-worker"))
        elif spec.per_worker is not None:
            try:
                parse_per_worker(spec.per_worker)
            except FieldError as exc:
                errors.append(exc)
    raise_all(errors)
    outside = [c for c in spec.cases if c.team_id not in spec.teams]
    if outside:
        raise UserError(f"Case {outside[0].case_ref} belongs to a worker in {outside[0].team_id!r}, which is not "
                        "one of the campaign's teams. Add the team, or take the case out of the file.")
    return CampaignSpec(name=name, theme=theme, checklist_id=spec.checklist_id, teams=spec.teams,
                        starts_on=spec.starts_on, deadline=spec.deadline, auditors=spec.auditors,
                        moderation_share=spec.moderation_share, per_worker=spec.per_worker, cases=spec.cases)
