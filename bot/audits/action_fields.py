"""An action, read the same way wherever one is written or changed: an audit's actions step, a moderator's
Inadequate, and `action 41 due …` (bot.audits.action_edit); and its due date said back. Its owner is read relative
to the case, so by bot.audits.action_owners, in the same places.

Where an action's text is asked for (the actions step, and the first action an Inadequate grade needs), a line that
is only the answer to a later question, a due date or an owner, is not the action: `early_answer` says which, so each
place refuses it in the same words and stores nothing."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.audits import action_owners
from bot.audits.flow import AnswerError, is_bare_number, parse_date, parse_text
from bot.audits.note_labels import without_label
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.screen import screen_text
from bot.storage.audits import AuditRow
from knowledge.dates import (
    MONTHS,
    DateError,
    DayOff,
    bank_holidays,
    day_off,
    give_or_keep,
    kept_anyway,
    long_date,
    names_new_year,
    names_weekday,
    numeric,
    parse_day,
    working_day_near,
)

MAX_ACTION_DAYS = 365  # an action due later than this (a year from today) is a mistyped year
NEAR_DAYS = 6  # a weekday named for a date this near may have meant the week after: the echo says which day it is
# A numeric date the calendar refuses ("31/02") is still a date typed where an action belongs.
NUMERIC_DATE = re.compile(r"^\s*\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\s*$")
# The usual ways of saying "that's all" (and the actions step's No more actions button's own label): at the actions
# step they end the actions; where the first action an Inadequate grade needs is asked they are refused, never the
# action's text (bot.audits.inadequate_action). Read by `finishes`.
FINISH_WORDS = re.compile(
    r"^\s*(?:no more(?: actions?)?|no (?:other|further) actions?(?: needed| required)?"
    r"|no actions?(?: needed| required)?|none|none needed|no|nope|n|n/?a|not applicable|nil|done|all done"
    r"|i'?m done|finish(?:ed)?|next|nothing(?: else| more)?(?: needed| required)?|that'?s (?:all|it|everything)"
    r"|that is (?:all|it)|no thanks)\s*[.!]?\s*$", re.IGNORECASE)
ACTION_FIRST = ("Type the action first (what needs to happen for the child); then I ask who owns it and when it is "
                "due.")


def action_description(services: Services, text: str) -> str:
    """What needs to happen, screened for identifiers; AnswerError or UserError when it cannot be stored."""
    return screen_text(parse_text(without_label(text.strip(), "actions"), "note"), services.identifier_screen,
                       "that note")


def refuse_a_number(services: Services, text: str, instead: str) -> None:
    """A number on its own is never an action (bot.audits.flow.is_bare_number: `2`, `#2`, `2.`, `-1`, `2.5`), so
    nobody is sent a task that is only a number: UserError, "A number on its own isn't an action, so I haven't stored
    it. <instead>". An NHS or phone number is refused as one first, in the words the screen uses for an action's text,
    so it is told to be left out rather than only that it is a number; a numeric date (`31.12`, read as a number too)
    is left for `early_answer`, which says it is a due date typed too early."""
    if is_bare_number(text) and not NUMERIC_DATE.match(text):
        screen_text(text, services.identifier_screen, "that note")
        raise UserError(f"A number on its own isn't an action, so I haven't stored it. {instead}")


def finishes(text: str) -> bool:
    """Whether `text` says there are no (more) actions: `done`, `next`, `that's all` (or "that’s all"), `no more`…"""
    return FINISH_WORDS.match(" ".join(text.replace("\u2019", "'").split())) is not None


def early_answer(services: Services, turn: Turn, audit: AuditRow, text: str) -> str | None:
    """What a line typed where an action's text is asked for is, when it is only the answer to a later question:
    "a due date" (`31/12`, `next Friday`) or "who owns the action" (`the manager`, `me`, a person's name:
    bot.audits.action_owners.only_an_owner); None when it may be the action. Told as "That looks like …, so I haven't
    stored it." with ACTION_FIRST: a trial (9, F8) typed `the manager` at "what must happen for the child?", and it
    became the action, sent to the worker and kept on an Inadequate audit that could not lose it."""
    if _only_a_date(services, turn, text):
        return "a due date"
    if action_owners.only_an_owner(services, audit, text):
        return "who owns the action"
    return None


def _only_a_date(services: Services, turn: Turn, text: str) -> bool:
    """Whether the whole text is a date, as the due date step would read it ("31/12", "next Friday", "in 2 weeks")."""
    if NUMERIC_DATE.match(text):
        return True
    try:
        parse_day(kept_anyway(text)[0], turn.now.astimezone(services.settings.timezone).date(), "any")
    except DateError:
        return False
    return True


def action_due(services: Services, turn: Turn, text: str) -> date:
    """The due date as people write it, today or later and within a year; AnswerError when it is not one.

    An audit's action is followed up at the re-audit and in supervision: one due years ahead is a mistyped year
    ("24/12/2030" for 2026), so it is queried rather than stored. A date followed by `anyway` (`25/12 anyway`) is
    read as the date: it keeps a day off that was queried (`queried_due`) or pointed out (`due_said`)."""
    today = turn.now.astimezone(services.settings.timezone).date()
    words, before = _before(kept_anyway(text.strip())[0])
    words = f"in {words}" if _SPAN_ALONE.fullmatch(words) else words  # `2 weeks` is `in 2 weeks` (trial 30)
    due = parse_date(words, today, "future", "due date") - timedelta(days=1 if before else 0)
    if due < today:
        raise AnswerError(f"The day before {words} has passed, so it can't be a due date. Give a date from today on, "
                          f"such as {numeric(working_day_near(today + timedelta(days=28)))}.")
    if (due - today).days > MAX_ACTION_DAYS:
        raise AnswerError(f"{long_date(due)} is more than a year away: an audit's action should be due within a "
                          f"year. Check the year, or give a date such as "
                          f"{numeric(working_day_near(today + timedelta(days=28)))}.")
    return due


# A span of time alone, as the due date (`2 weeks`, `3 wks`, `a month`, `two weeks`): counted from today, as `in 2
# weeks` is (trial 30: `2 weeks` was refused where `in 2 weeks` was read). Only at a due date, which is never past.
_SPAN_ALONE = re.compile(r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|"
                         r"couple of|a few)\s*(?:weeks?|wks?|days?|fortnights?|months?|mths?)", re.IGNORECASE)


# "before 25/12": the day before is the last day it can be done, so it is due then (trial 17, F4: it was due 25/12);
# "by 25/12" is that day.
_BEFORE = re.compile(r"^\s*before\s+", re.IGNORECASE)


def _before(text: str) -> tuple[str, bool]:
    """The date's words without a leading "before", and whether it was there."""
    found = _BEFORE.match(text)
    return (text[found.end():], True) if found else (text, False)


# "… by next fri", "… before 18/12", "… due end of jan": a due date typed in the action's own text. A clause runs from
# its word to the next such word, a comma or semicolon, or the end ("by Friday before the review": "Friday").
# A due date counted from today starts its own clause, its words part of the date (trial 27: `… - sw n2 in 2 weeks`
# was stored word for word, though the due prompt offers "in two weeks"): "in 2 weeks", "within 10 days", "in a
# month", "in 5 working days", "end of next week", as knowledge.dates reads them.
_FROM_TODAY = (r"(?=(?:(?:in|within)\s+(?:a\s+couple\s+of|couple\s+of|a\s+few|\S+)\s+(?:working\s+|business\s+)?"
               r"(?:days?|weeks?|wks?|fortnights?|months?|mths?)|(?<!the\s)(?:the\s+)?end\s+of\s+(?:(?:the|this|next)\s+)?"
               r"(?:week|month))\b)")
_DUE_WORD = re.compile(rf"(?<![^\s,;])(?:(?:due\s+(?:by|on)|due|by|before|no later than)\s+|{_FROM_TODAY})",
                       re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;]|$")


def due_in_text(services: Services, turn: Turn, text: str) -> tuple[str, str, date] | None:
    """An action typed with its due date in it ("SW to update the plan by next fri", "Meet with the school by Friday
    before the review"): the action without it, the date's words and the date, as `action_due` reads it. Managers
    write the due date once, mostly at the end, sometimes before what the action leads up to; so the one clause whose
    words are a date is taken, wherever it is; one counted from today ("… - sw n2 in 2 weeks", "end of next week")
    needs no word before it (trial 27). None when no clause is a date ("by the social worker"), or when more
    than one names a date ("Meet with mum before 18/12 and dad by 20/12": which is the action's is not ours to guess,
    and the due date is asked). Trial 13 (F13) found "by next fri" kept in the action's text while another due date
    was asked and given, so the action and its due date disagreed everywhere it was shown; review 14 (R9) found the
    last clause taken when an earlier one was the date."""
    clauses = _dated_clause(services, turn, text, _due_clauses(text) + _new_year_at_end(text))
    for start, end, when in clauses:
        try:
            due = action_due(services, turn, when)
        except AnswerError:
            continue
        head = re.sub(r"(?:\s+due)?[\s,;:–—-]*$", "", text[:start], flags=re.IGNORECASE)
        tail = re.sub(r"^[\s.!]*$", "", text[end:]).rstrip()
        action = f"{head}{' ' if tail and not tail.startswith((',', ';')) else ''}{tail.lstrip()}"
        return (action, when, due) if len(head.split()) >= 2 else None
    return None


# A way of saying "after New Year" that ends the action's text, with no "by" before it: "update the chronology after
# new year", "… in the new year", "… first week of january" (trial 61 G3: asked "When is it due?", where "… by 25/12"
# was read). Never the words "new year" alone or "over new year", which say what the action is about, not when it is
# due ("discuss new year contact arrangements with mum", "plan visits over new year"): the phrase starts with a word
# saying when (`_WHEN_DUE`). Which phrases name the day is knowledge.dates' (names_new_year).
_WHEN_DUE = re.compile(r"(?:just|straight|right|after|in|into|past|first|1st|early|start|beginning|"
                       r"the\s+(?:first|1st|start|beginning))\b", re.IGNORECASE)
_NEW_YEAR_WORDS = 8  # the longest such phrase: "just after the new year holidays", "in the first week of january"


def _new_year_at_end(text: str) -> list[tuple[int, int, str]]:
    """The clause (as `_due_clauses` gives one) of a known "after New Year" phrase ending `text`, or none."""
    body = re.sub(r"[\s.!]*$", "", text)
    starts = [word.start() for word in re.finditer(r"(?<![^\s,;])\S", body)][-_NEW_YEAR_WORDS:]
    for start in starts:  # the longest first: "right after new year", not "after new year"
        if _WHEN_DUE.match(body, start) and names_new_year(body[start:]):
            return [(start, len(body), body[start:])]
    return []


_LABELLED = re.compile(r"(?:due|by|before|no\s+later\s+than)\s", re.IGNORECASE)


def _dated_clause(services: Services, turn: Turn, text: str,
                  clauses: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The one clause naming a date, or none. When several do, the one labelled with a word (`due 18/1`, `by 18/1`)
    is the due date if it is the only one so labelled: "Hold a TAF review within 6 weeks, due 18/1" is due 18/1, the
    six weeks the action's own timescale (trial 51, finding 13: the due date was asked and "due 18/1" kept)."""
    dated = [clause for clause in clauses if _names_a_date(services, turn, clause[2])]
    if len(dated) > 1:
        dated = [clause for clause in dated if _LABELLED.match(text, clause[0])]
    return dated if len(dated) == 1 else []


# A clause that can only be a day of the month: `the 31st`, `31st nov`, `31/11`, `30/2/2027` (never `2099`, `the 45th`
# or `3 visits`). One the calendar refuses is said so once, never kept in the action's text while the date is asked.
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_SHAPED = re.compile(rf"^(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:{_MONTH_WORDS})\.?)?$"
                         r"|^(?P<numeric>\d{1,2})[/.\-](?P<month>\d{1,2})(?:[/.\-]\d{2,4})?$", re.IGNORECASE)


def due_not_a_day(services: Services, turn: Turn, text: str) -> str | None:
    """Why the one due clause of an action's text, shaped as a day of the month, is no day it can be due ("ring dad
    by the 31st" in November: "November 2026 has 30 days, so no 31st: …"; "by 31/11"), or None when the text has
    no such clause or it reads. Trial 44: the action was kept with "by the 31st" in it and the due date asked, as if
    no date had been typed."""
    clauses = _due_clauses(text)
    if len(clauses) != 1:
        return None
    when = clauses[0][2].strip()
    shaped = _DAY_SHAPED.match(bare := _before(when)[0])
    if shaped is None or not 1 <= int(shaped.group("day") or shaped.group("numeric")) <= 31 or \
            not 1 <= int(shaped.group("month") or 1) <= 12:
        return None
    try:
        action_due(services, turn, when)
    except AnswerError as exc:
        return (f"I couldn't take “{bare}” as the action's due date: {exc} Nothing is stored yet: type the action "
                "again with a date I can read, or without it and I'll ask when it is due.")
    return None


def due_taken_said(when: str, due: date, action: str, today: date) -> str:
    """A due date taken out of an action's text, said back wherever an action is typed (an audit's actions step and
    the first action an Inadequate grade needs), so the person sees the date read and the text kept."""
    kept = kept_off(when, due, today) or ("the first working day after New Year" if names_new_year(when) else "")
    return (f"I've taken “{when}” as the action's due date, **{long_date(due)}**{how_near(due, today)}"
            f"{f', {kept}' if kept else ''}, and left it out of its text: “{action}”.")


def kept_off(typed: str, due: date, today: date) -> str:
    """For a day off typed with `anyway` (`by 6/12 anyway`, `due sunday anyway`), said wherever its due date is said
    back: "a Sunday, kept as you asked" (fix70b C: the date was kept without a word, so the reply did not show that the
    weekend was meant, where one typed without `anyway` is moved or pointed out); "" otherwise."""
    off = day_off(due, today) if kept_anyway(typed)[1] else None
    return f"{off.what}, kept as you asked" if off is not None else ""


def weekend_moved(when: str, due: date, today: date) -> DayOff | None:
    """For a due date read out of an action's text that falls on a Saturday or Sunday (not `… anyway`), the working
    day to take instead (the Friday before, or after a bank holiday the working day before it; the Monday when that
    day has gone): trial 55 F18 was told it was a weekend only once the owner was picked. A bank holiday on a weekday
    is kept and said as before (`off_said`); None for a working day."""
    if due.weekday() < 5 or kept_anyway(when)[1]:
        return None
    return day_off(due, today)


def due_moved_said(when: str, off: DayOff, action: str, today: date) -> str:
    """`due_taken_said` for a weekend date moved to a working day (`weekend_moved`), saying how to keep the day."""
    return (f"I've taken “{when}” as the action's due date: {long_date(off.day)} is {off.what}, so I've made it "
            f"**{long_date(off.instead)}**{how_near(off.instead, today)}, {off.where}, and left the date out of its "
            f"text: “{action}”. To keep {off.day:%A} {off.day.day} {off.day:%B}, once it is added type "
            f"`action <its number> due {off.day.day}/{off.day.month} anyway`.")


def _due_clauses(text: str) -> list[tuple[int, int, str]]:
    """Each by/before/due clause of an action's text: where its word starts, where its words end, and its words."""
    found: list[re.Match[str]] = []
    for match in _DUE_WORD.finditer(text):  # "by in 2 weeks", "due end of next week": one clause, after its word
        if not (match.start() == match.end() and found and found[-1].end() == match.start()):
            found.append(match)
    clauses = []
    for index, match in enumerate(found):
        stop = found[index + 1].start() if index + 1 < len(found) else len(text)
        words = text[match.end():stop]
        words = words[:_CLAUSE_END.search(words).start()]  # type: ignore[union-attr]
        when = re.sub(r"[\s.!]*$", "", words)
        said = f"before {when}" if match.group(0).strip().lower() == "before" else when  # the day before: action_due
        clauses.append((match.start(), match.end() + len(when), said))
    return clauses


def _names_a_date(services: Services, turn: Turn, when: str) -> bool:
    """Whether a clause's words are, or begin with, a date ("18/12 and dad"): a clause that names a due date."""
    words = when.split()
    for count in sorted({len(words), *range(1, min(len(words), 4) + 1)}, reverse=True):
        try:
            action_due(services, turn, " ".join(words[:count]))
        except AnswerError:
            continue
        return True
    return False


def queried_due(services: Services, turn: Turn, text: str) -> date:
    """The due date, as `action_due` reads it, where nothing is stored until it is given and nobody can change it
    afterwards as easily (the action a moderator's or a changed Inadequate grade brings): a weekend or bank holiday
    is queried first, AnswerError naming the working day to give instead, or `<date> anyway` to keep it."""
    due = action_due(services, turn, text)
    off = None if kept_anyway(text)[1] else day_off(due, turn.now.astimezone(services.settings.timezone).date())
    if off is None:
        return due
    raise AnswerError(f"{long_date(due)} is {off.what}, so nothing is stored yet: {give_or_keep(off)}.")


def how_near(due: date, today: date) -> str:
    """How far off a due date is, said after it wherever one is confirmed: " (today)", " (tomorrow)", " (in 25
    days)"; "" for a day gone. Trial 48 saw one action confirmed "(in 5 days)" and the next, typed as a date, without
    it, so every due-date confirmation says it the same way."""
    days = (due - today).days
    if days < 0:
        return ""
    return " (today)" if days == 0 else " (tomorrow)" if days == 1 else f" (in {days} days)"


def due_near(services: Services, turn: Turn, due: str) -> str:
    """A stored due date (ISO) in words with how near it is, "Wednesday 30 December 2026 (in 27 days)": for the
    action a moderator or a changed grade sets, said as every other due date is (fix50g)."""
    day = date.fromisoformat(due)
    return long_date(day) + how_near(day, turn.now.astimezone(services.settings.timezone).date())


def due_said(typed: str, due: date, today: date, command: str) -> tuple[str, str]:
    """A due date said back, `**Friday 4 December 2026** (in 3 days)` (`how_near`), and a sentence saying how to
    change it, with `command` (`action 2 due`), or "". Where the date came from a weekday named relative to today
    ("next Friday", "friday") and falls in the next NEAR_DAYS days, the sentence is given: a trial's "next
    Friday", typed on a Thursday for the Friday of the week after, was read as tomorrow (as
    knowledge.dates reads it, and keeps reading it), and the echo showed the date but not that it was tomorrow.
    A date on a weekend or bank holiday is kept, and the sentence says so with its fix (`off_said`), or, typed with
    `anyway`, that it was kept as asked (`kept_off`)."""
    shown = f"**{long_date(due)}**{how_near(due, today)}"
    days = (due - today).days
    near = names_weekday(kept_anyway(typed)[0]) and 0 <= days <= NEAR_DAYS
    off = None if kept_anyway(typed)[1] else day_off(due, today)
    if off is not None:
        return shown, off_said(off, command)
    if kept := kept_off(typed, due, today):  # no "like … for the Sunday after": the day off was meant
        return shown, f"That is {kept}."
    if names_new_year(kept_anyway(typed)[0]):  # trial 60, F8: "after new year", "first week of january"
        return shown, (f"I've read “{' '.join(typed.split())}” as the first working day after New Year; to change it, "
                       f"type `{command}` and the date.")
    if not near:
        return shown, ""
    after = due + timedelta(days=7)
    holiday = bank_holidays().get(after)
    if holiday:  # never suggest a bank holiday ("like action 7 due 25/12"): the working day before it, named
        before = working_day_near(after, later=False)
        return shown, f"To change it, type `{command}` and the date, like " \
            f"`{command} {before.day}/{before.month}` for {before:%A} {before.day} {before:%B} (the {after:%A} " \
            f"after is {holiday})."
    example = f"{command} {after.day}/{after.month}"
    return shown, f"To change it, type `{command}` and the date, like `{example}` for the {after:%A} after."


def off_said(off: DayOff, command: str) -> str:
    """A due date kept on a day off, said at once with its fix (trial 10: `25/12` was stored without a word): "That
    is a bank holiday (Christmas Day): to change it, type `action 3 due` and the date, like `action 3 due 24/12` for
    Thursday 24 December, the last working day before it." """
    return (f"That is {off.what}: to change it, type `{command}` and the date, like "
            f"`{command} {off.instead.day}/{off.instead.month}` for {off.instead_said}.")
