"""`/audit away` and the snooze button: the two ways a person quietens reminders."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.core import buttons
from bot.core.calendar import is_working_day, next_working_day
from bot.core.markup import mention
from bot.core.people import person_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations, pages
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.reminders import away_for, away_one_day, away_range, preview
from bot.reminders import cover as cover_rules
from bot.reminders.catch_up import catch_up_for, catch_up_reply
from bot.reminders.cover import COVER_ROLES
from bot.reminders.inputs import back_now
from bot.reminders.pause_heads_up import actions_listed, heads_up
from bot.settings.people import SLACK_USER_ID, Person, Role
from bot.storage.reminders import away_booked, away_on, away_period, clear_away, set_away, snooze
from bot.storage.trail import record_trail
from knowledge.dates import DateError, examples, long_date, parse_day

AWAY_USAGE = "/audit away [from DATE] until DATE [cover @person]  ·  /audit away off"
OFF_WORDS = ("off", "back", "cancel")  # `/audit away off`: reminders on again
WEEKDAY_WORDS = frozenset({"mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur",
                           "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"})
UNTIL_WORDS = ("until", "till", "til", "to")  # `away till 11/12`, `away from 1/12 to 11/12`
USER_MENTION = re.compile(rf"^<@({SLACK_USER_ID})(?:\|[^>]*)?>$|^@?({SLACK_USER_ID})$")
MAX_AWAY_DAYS = 366
# "my reminders", "show my reminders", "what reminders have I got?", "what will I be reminded about", "what will you
# remind me about" (trial 41): this person's coming reminders, not the article on how reminders work (trials 21, 22).
REMINDER_WORDS = re.compile(
    r"^\s*(?:(?:show|list|see|check|view)\s+(?:me\s+)?)?(?:(?:all\s+)?my\s+)?(?:upcoming\s+|coming\s+)?reminders"
    r"(?:\s+(?:for\s+me|coming\s+up|due))?(?:\s*,?\s*(?P<page>page\s+\d+))?\s*[.!?]?\s*$"
    r"|^\s*what\s+(?:reminders\s+(?:have|do|will)\s+i\s+(?:got|have|get)|will\s+i\s+be\s+(?:reminded|chased)\s+"
    r"(?:about|of|for)|(?:will|would|are|do)\s+(?:you|u)\s+(?:be\s+)?(?:going\s+to\s+|gonna\s+)?remind(?:ing)?\s+"
    r"me\s+(?:about|of))(?:\s+(?:this|next)\s+week)?\s*[.!?]?\s*$", re.IGNORECASE)
# "21/12 - 4/1", "21/12–4/1": a first and last day joined by a dash, read as "21/12 to 4/1" (trial 22: usage only).
DASHED_RANGE = re.compile(r"(\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*[-–—]\s*(\d{1,2}/\d{1,2}(?:/\d{2,4})?)")
# "from the 21st dec, back on 4th jan" (trial 24: the help entry, nothing booked): the day back, whose day before is
# the last day away.
BACK_ON = re.compile(r"[\s,;]*\b(?:and\s+)?(?:(?:i'?m|i\s+am)\s+)?back\s+(?:at\s+work\s+|in\s+)?(?:on\s+)?"
                     r"(?P<day>\S.*?)(?=\s+cover\b|\s*$)", re.IGNORECASE)
UNTIL_AFTER_NEW_YEAR = re.compile(r"[\s,;]*\b(?:until|till|til|to)\s+(?P<day>(?:(?:just|straight)\s+)?(?:after|past)\s+"
                                  r"(?:the\s+)?new\s+years?(?:\s+(?:break|hols?|holidays?))?|(?:the\s+)?new\s+year)"
                                  r"(?=\s+cover\b|\s*$)", re.IGNORECASE)
KEY_PATTERN = re.compile(r"^(draft:\d+|action:\d+|moderation:\d+|quota:\d{4}-\d{2}|kb:[a-z0-9-]+|overdue-list)$")


# what may come before the day in "until <day>" and its answer at "Until when?": `till friday`, `to 4/1`, `on friday`
UNTIL_LEAD = re.compile(r"^\s*(?:(?:un)?til{1,2}|to|through|on|up\s+to(?:\s+and\s+including)?)\s+", re.IGNORECASE)
BACK_LEAD = re.compile(r"^\s*(?:(?:i'?m|i\s+am)\s+)?back\s+(?:at\s+work\s+|in\s+)?(?:on\s+)?(?=\S)", re.IGNORECASE)


def until_words(said: str) -> str:
    """The one reading of "until <day>", for every way of saying it (fix50b: `/audit away until friday`,
    `stop my reminders until 4/1`, and `friday` typed at "Until when?" were read two ways, trial 49 F16): the day
    is the LAST day away, included, and reminders start again the next working day. Why this reading: it is what
    the words say in plain English ("off until Friday" includes Friday), it is how UK HR and rota systems book leave
    (a first and a last day away, the day back being the next working day), and it is what `/audit away until`
    has always meant, so nothing booked before changes meaning. The day back is said with its own words,
    `back on <day>`, and kept as the day back. Returns the words `/audit away` reads ("until 4/1", "back on 4/1");
    every reply says both dates and how to type the other reading."""
    said = said.strip().rstrip(".!")
    back = BACK_LEAD.match(said)
    if back is not None:
        return f"back on {said[back.end():]}"
    return f"until {UNTIL_LEAD.sub('', said, count=1)}"


def parse_user(text: str) -> str | None:
    """A Slack mention as Slack sends it (`<@U123|name>`) or a plain member id."""
    match = USER_MENTION.match(text.strip())
    return (match.group(1) or match.group(2)) if match else None


def parse_until(text: str, today: date) -> date:
    """The last day away, read as the audit's date questions read a due date (knowledge.dates): 2026-12-24,
    24/12/2026, 24/12, 24 December, next Friday; a day and month without a year is the next such day."""
    try:
        return parse_day(text, today, "future")
    except DateError as error:
        raise UserError(f"{error} For example `/audit away until "
                        f"{examples(today, 'future').split(',')[0]}`.") from None


def read_away(text: str, today: date, named: Callable[[str], str | None] = lambda _: None
              ) -> tuple[date | None, date, str | None] | None:
    """`[from DATE] until DATE [cover @user]` -> (first day when booked ahead, else None; until; cover); None for
    `off`. Raises UserError saying what to type. The cover is a Slack mention, a member id, or a person's name as
    the bot writes it (`named` finds whose it is)."""
    starts, words = _first_day_then(text.split(), today)
    if len(words) == 1 and words[0].lower() in OFF_WORDS:
        return None
    lowered = [w.lower() for w in words]
    if lowered and lowered[0] in UNTIL_WORDS:
        lowered[0] = "until"
    if not words or lowered[0] != "until":
        raise UserError(f"Tell me when you are back: `{AWAY_USAGE}`.")
    cover_at = lowered.index("cover") if "cover" in lowered else len(words)
    if cover_at == 1:
        raise UserError(f"Tell me the last day you are away: `{AWAY_USAGE}`.")
    until = parse_until(" ".join(words[1:cover_at]), today)
    if until < today:
        raise UserError(f"{long_date(until)} has passed. Give the last day you are away, today or later.")
    if starts is not None and until < starts:
        raise UserError(f"{long_date(until)} is before your first day away, {long_date(starts)}: give the last day "
                        "you are away, on or after it. Nothing was changed.")
    if until > today + timedelta(days=MAX_AWAY_DAYS):
        raise UserError("That is more than a year away. Give a date within the next year.")
    cover = None
    if cover_at < len(words):
        rest = words[cover_at + 1:]
        cover = (parse_user(rest[0]) if len(rest) == 1 else None) or (named(" ".join(rest)) if rest else None)
        if cover is None:
            raise UserError(f"After `cover`, name one person: their Slack mention, or their name as I write it: "
                            f"`{AWAY_USAGE}`.")
    return starts, until, cover


def _day_back_typed(text: str) -> re.Match[str] | None:
    """Where `text` says the day back: `back on 4th jan`, or `until after new year` (trial 60, F8: "away until after
    new year" means back on its first working day, Monday 4 January 2027, not away that day too)."""
    return BACK_ON.search(text) or UNTIL_AFTER_NEW_YEAR.search(text)


def _back_read_as_until(text: str, today: date) -> str:
    """`… back on 4th jan` (or `until after new year`) as `… until` the day before it, the last day away; other text
    as it is."""
    match = _day_back_typed(text)
    if match is None:
        return text
    back = parse_until(match.group("day"), today)
    return f"{text[:match.start()]} until {(back - timedelta(days=1)).isoformat()}{text[match.end():]}"


def _first_day_then(words: list[str], today: date) -> tuple[date | None, list[str]]:
    """`from mon 7/12 until fri 11 dec …` or `21/12 to 4/1 …` (trial 20: taken as a question and put on the QA
    leads' list; trial 21: leave booked ahead was refused): the first day away when it is still to come (None when
    it is today or gone: the pause starts now), and the words from `until` on."""
    if not words or words[0].lower() in (*UNTIL_WORDS, *OFF_WORDS):
        return None, words
    at = next((i for i, word in enumerate(words) if word.lower() in UNTIL_WORDS), None)
    if words[0].lower() != "from" and (at is None or not words[0][:1].isdigit()):
        return None, words  # without `from`, a first day starts with its number ("21/12 to 4/1", "21 dec to …")
    first = 1 if words[0].lower() == "from" else 0
    if at is None or at == first:
        raise UserError(f"Tell me the last day you are away: `{AWAY_USAGE}`.")
    start = _first_day(" ".join(words[first:at]), today)
    return (start if start > today else None), words[at:]


def _first_day(text: str, today: date) -> date:
    """The first day away as typed after `from`, gone or to come ("mon 7/12": a weekday before a date is allowed)."""
    try:
        return parse_day(text, today, "any")
    except DateError:
        first, _, rest = text.partition(" ")
        if rest and first.lower().rstrip(".,") in WEEKDAY_WORDS:
            return _first_day(rest, today)
        raise UserError(f"I could not read '{text}' as the first day away. Write it like 7/12, or leave `from` out: "
                        f"`{AWAY_USAGE}`.") from None


def _cover_named(services: Services, typed: str) -> str | None:
    """The person a typed name means; when it fits several ("@Team manager"), a message asking which."""
    return person_named(services.directory, typed, lambda name: f"cover @{name}")


def away_status(services: Services, user_id: str, today: date) -> str | None:
    """'Away until Thursday 24 December 2026: …' while the person is marked away (and who covers), what is booked
    when their time away starts later, else None."""
    away = away_on(services.storage, today).get(user_id)
    if away is None:
        booked = away_booked(services.storage, user_id, today)
        if booked is None:
            return None
        covering = f", {services.directory.label(booked[2])} covering your moderation requests" if booked[2] else ""
        return (f"Away {away_one_day.days_said(booked[0], booked[1])}{covering}: booked, so your reminders "
                "come as usual until then.")
    until, cover = away
    person = services.directory.person(user_id)
    if cover:
        covered = f", and {services.directory.label(cover)} gets your moderation requests meanwhile"
    elif person is not None and person.role in COVER_ROLES:  # a practitioner gets none to cover
        covered = ", and nobody covers your moderation requests"
    else:
        covered = ""
    return f"Away until {long_date(until)}: your reminders are paused{covered}."


def away_now(services: Services, turn: Turn, today: date) -> list[Reply]:
    """`/audit away` on its own: whether you are away, until when and who covers, and how to change it (a trial
    typed it to check and was given the usage only)."""
    status = away_status(services, turn.user_id, today)
    covering = cover_rules.covering_text(services, turn.user_id, today)
    covering = f"\n{covering}" if covering else ""
    if status is None:
        return [Reply(f"You are not marked away: your reminders come as usual. To pause them, type `/audit away "
                      f"until {examples(today, 'future').split(',')[0]}` (add `cover @someone` for your moderation "
                      f"requests).{covering}")]
    return [Reply(f"{status} {_off_said(status)}; `/audit away [from DATE] until DATE [cover @someone]` changes the "
                  f"days or the cover.{covering}")]


def away_home(services: Services, person: Person) -> list[Reply]:
    """Home's note while you are away: until when, and who covers."""
    today = services.local_now().date()
    status = away_status(services, person.user_id, today)
    covering = cover_rules.covering_text(services, person.user_id, today)
    text = " ".join(part for part in (f"{status} {_off_said(status)}." if status else "", covering) if part)
    return [Reply(title="Away and cover" if covering else "Away", text=text)] if text else []


def _off_said(status: str) -> str:
    """What `away off` does for this status: cancels time away booked ahead, or ends a pause under way."""
    booked = status.startswith(("Away from", "Away on"))
    return "`/audit away off` cancels it" if booked else "`/audit away off` turns them back on"


def away_command(services: Services, turn: Turn, text: str) -> list[Reply]:
    """`/audit away …`: where you stand with nothing after it, `off` to end or cancel, else a pause now or booked."""
    today = turn.now.astimezone(services.settings.timezone).date()
    if not text.strip():
        return away_now(services, turn, today)
    named = _split_for_noted(services, text)  # `… for S1`: a manager covering a worker's leave (trial 41)
    if named is not None and named[0] != turn.user_id:
        return _away_for(services, turn, today, *named)
    parsed, noted, kind = _read_noted(services, named[1] if named else text, today)
    if noted:  # `away until 4/1 - mum said` (fix79a): booked from the days, the note said to be kept nowhere
        said = COVER_UNKNOWN if kind == "cover" else NOTE_NOT_KEPT if _read(services, noted, today) else OFF_NOTE
        return [*away_command(services, turn, noted), Reply(kind="notice", text=said)]
    if parsed is None:
        return _back(services, turn, today)
    starts, until, cover = parsed
    if cover is not None:
        cover_rules.check(services, turn, cover, starts or today, until)
    earlier = away_on(services.storage, today).get(turn.user_id)
    before = away_period(services.storage, turn.user_id)
    earlier_cover = (before or (None, today, None))[2]
    set_away(services.storage, turn.user_id, until, cover, turn.now, starts)
    record_trail(services.storage, turn.user_id, "away.set", {"until": until.isoformat(), "cover": cover,
                                                              "starts": starts.isoformat() if starts else None},
                 at=turn.now)
    cover_text = (f" Moderation requests go to {mention(cover)} meanwhile (only those: your other reminders "
                  "wait until you are back, and a cover gets no access to your team's digest, actions or requests "
                  "for more time); I've told them." if cover else "")
    cover_text += cover_rules.clash(services, turn.user_id, starts or today, until)
    cover_text += _digest_waits(services, turn.user_id)  # trial 60 F16
    if not cover:  # trial 49 (F4): what nobody chases while they are away
        cover_text += heads_up(services, turn.user_id, today, starts, until)
    # trial 57 (F7): a cover takes no actions either, so the list comes with a cover named too, as the KB says
    listed = actions_listed(services, turn.user_id, today, starts, until)
    told = cover_rules.told(services, turn, cover, earlier_cover, starts, until)
    if earlier is not None and earlier[1] and earlier[1] != cover:
        cover_text += (f" {services.directory.label(earlier[1])} no longer covers for you: add `cover @someone` "
                       "to keep a cover.")
    if starts is not None:
        last = "your one day away" if starts == until else "your last day away"
        booked = (f"Booked: your reminders pause {away_one_day.days_said(starts, until, 'to')}, {last}, and start "
                  f"again on {long_date(next_working_day(until))}."
                  f"{cover_text.replace(' meanwhile', ' then')} Until then they come as usual. "
                  "`/audit away off` cancels it.")
        return [Reply(booked + _replaced(before, today, starts, until)), *listed, *told]
    # trial 45: "pause reminders till monday" was answered with Sunday first; the day they come back leads
    return [Reply(_paused_said(today, until) + cover_text + _other_reading(text, until, today) +
                  " `/audit away off` turns them back on sooner." + _replaced(before, today, starts, until)), *listed,
            *told]


def _digest_waits(services: Services, user_id: str) -> str:
    """For someone who gets the weekly digest (a team's manager, an admin): that it waits for their return, as the
    scheduled send holds it (bot.digests.weekly), the team's channel getting its copy as usual."""
    person = services.directory.person(user_id)
    if not services.directory.managed_team_ids(user_id) and (person is None or person.role is not Role.ADMIN):
        return ""
    return (" Your weekly digest waits too: a digest due while you are away comes on your first working day back, "
            "with anything else held for you.")


def _paused_said(today: date, until: date) -> str:
    """How a pause from today is said: the day reminders start again first (trial 45), then the last day away, both
    as dates (fix48e: "until Monday" reads either way); a pause over days when no reminders go out anyway (a
    weekend, a bank holiday) is kept, but says so (trial 46: on a Sunday, `pause reminders till monday` said
    "Reminders paused" though it paused nothing)."""
    back = long_date(next_working_day(until))
    days = [today + timedelta(days=offset) for offset in range((until - today).days + 1)]
    away = f"away to {long_date(until)} (your last day away)"
    if days and not any(is_working_day(day) for day in days):
        when = "at weekends" if all(day.weekday() >= 5 for day in days) else "on bank holidays or at weekends"
        return f"No reminders go out {when} anyway: they start again on {back}. I've noted you {away} all the same."
    return f"Reminders paused: they start again on {back}; you are {away}."


def _other_reading(text: str, until: date, today: date) -> str:
    """The one line that takes the day typed the other way (fix48e): "until Monday" (however said: until_words) is
    Monday the last day away, `back on Monday` Monday the day back, and people sometimes mean the other. Not when
    the last day away is today: back on today would book nothing (trial 61, G5: `im off today` offered it)."""
    if _day_back_typed(text):
        day = until + timedelta(days=1)
        return f" {day:%A} your last day away instead? Type `/audit away until {day.day}/{day.month}`."
    if until <= today:
        return ""
    return f" Back on {until:%A} instead? Type `/audit away back on {until.day}/{until.month}`."


def _read(services: Services, text: str, today: date) -> tuple[date | None, date, str | None] | None:
    """read_days, naming the cover from the people the bot knows."""
    return read_days(text, today, lambda typed: _cover_named(services, typed))


# `away until 4/1 - mum said` (fix79a: "I could not read '4/1 - mum said' as a date"): words after a spaced dash that
# are neither a cover nor a day (`away 21/12 - 4/1` is a range) are a note to oneself. A time away keeps only its
# days and cover, so the note is never stored (nor screened, nor sent): the reply says so, as away_worded does for
# more said after a statement of leave.
NOTE_DASH = re.compile(r"\s[-–—]+\s+(?!cover\b)(?=[^\n]*[a-z]{2})", re.IGNORECASE)
NOTE_NOT_KEPT = ("I booked your time away from the days before the dash; the words after it were not kept or sent to "
                 "anyone.")
# `away off - back early` (fix80a): the pause ends as `away off` ends it, the words after the dash kept nowhere
OFF_NOTE = "The words after the dash were not kept or sent to anyone."
# `away until 4/1 for S1 - mum said` (fix80a): read back with Yes / No, the note neither stored nor sent to the worker
FOR_NOTE = "I read the days before the dash; the words after it will not be kept or sent to anyone."
# `away until 4/1 - cover nobody here` (fix80a: "I could not read '4/1 -' as a date"): a dash before `cover` joins
# the cover as a space would; a cover after a dash naming nobody the bot knows is read as a remark ("nobody here"),
# so the days are booked with no cover, said so. The words are not echoed back (free text is not repeated unscreened).
DASH_COVER = re.compile(r"\s[-–—]+\s+(?=cover\b)", re.IGNORECASE)
COVER_UNKNOWN = ("The words after `cover` name nobody I know, so no cover is set: I booked the days before the dash. "
                 "To name a cover, add `cover <name>` with their name as I write it (`whoami` shows how names look).")


def _read_noted(services: Services, text: str, today: date
                ) -> tuple[tuple[date | None, date, str | None] | None, str, str]:
    """(_read of `text`, '', ''), or when only the words before a spaced dash read as days (the longest such part),
    (None, those words, "note") for the command to be run on, or "cover" when the words after a dash are a cover
    naming nobody known. When none does, the error of the longest part before a dash (`6/10 has passed`, not "could
    not read '6/10 - mum'"), else of the whole."""
    try:
        return _read(services, text, today), "", ""
    except UserError as error:
        first: UserError | None = None
        for found in reversed(list(NOTE_DASH.finditer(text))):
            try:
                _read(services, text[:found.start()], today)
            except UserError as refused:
                first = first or refused
                continue
            return None, text[:found.start()].strip(), "note"
        unknown = _cover_unknown(services, text, today)
        if unknown:
            return None, unknown, "cover"
        raise (first or error) from None


def _cover_unknown(services: Services, text: str, today: date) -> str:
    """The words before `- cover <words>` when they read as days and the words name nobody known (a name fitting
    several people is asked about instead, as without the dash), else ''."""
    found = list(DASH_COVER.finditer(text))
    if not found:
        return ""
    before, named = text[:found[-1].start()], text[found[-1].end() + len("cover"):].strip()
    try:
        if _read(services, before, today) is None or (named and _cover_named(services, named) is not None):
            return ""
    except UserError:
        return ""
    return before.strip()


def _split_for_noted(services: Services, text: str) -> tuple[str, str] | None:
    """away_for.split_for, also when a note follows the person after a dash (`away until 4/1 for S1 - mum said`,
    fix80a): then the words before the dash, which _away_for reads as any other."""
    named = away_for.split_for(services, text)
    if named is not None:
        return named
    for found in reversed(list(NOTE_DASH.finditer(text))):
        named = away_for.split_for(services, text[:found.start()])
        if named is not None:
            return named[0], f"{named[1]} {text[found.start():].strip()}"
    return None


def read_days(text: str, today: date, named: Callable[[str], str | None] = lambda _: None
              ) -> tuple[date | None, date, str | None] | None:
    """The days and cover `/audit away` is given, as read_away reads them, after the ways of saying them it takes:
    `21/12 - 4/1`, one day (`away next fri`, trial 29), the day back (`back on 4th jan`)."""
    text = DASHED_RANGE.sub(r"\1 to \2", away_range.dated(text, today))  # "from the 21st to 4th jan" (trial 43)
    text = DASH_COVER.sub(" ", text)  # `until 4/1 - cover tm north` (fix80a)
    text = away_one_day.as_away_words(text, today) or text
    return read_away(_back_read_as_until(text, today), today, named)


def _away_for(services: Services, turn: Turn, today: date, worker_id: str, text: str) -> list[Reply]:
    """`… for S1`: who may is checked first, then the days read as the worker's own and read back with Yes / No."""
    away_for.check(services, turn, worker_id, text)
    worker = away_for.worker_turn(services, turn, worker_id)
    parsed, noted, kind = _read_noted(services, text, today)  # `… for S1 - mum said` (fix80a) as one's own
    if noted:
        parsed = _read(services, noted, today)
    if parsed is not None and parsed[2] is not None:
        cover_rules.check(services, worker, parsed[2], parsed[0] or today, parsed[1])
    said = [Reply(kind="notice", text=_for_noted(kind, parsed is None))] if noted else []
    return [*said, *away_for.propose(services, turn, worker_id, parsed, today)]


def _for_noted(kind: str, off: bool) -> str:
    """What a manager is told of the words after a dash in `… for S1 - …`, before the Yes / No (fix80a)."""
    if kind == "cover":
        return COVER_UNKNOWN.replace("I booked", "I read")
    return OFF_NOTE.replace("were not", "will not be") if off else FOR_NOTE


def _set_for(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes to "Set Social worker S1 away …?": `/audit away` run as the worker, then who is told what."""
    worker, words = away_for.decoded(services, turn, value)
    return away_for.done(services, turn, worker, words, away_command(services, worker, words))


def _replaced(before: tuple[date | None, date, str | None] | None, today: date, starts: date | None,
              until: date) -> str:
    """What a new `/audit away` replaced: one time away is kept per person, and a second booking replaced the first
    without a word (trial 24). Nothing when there was none, it is over, or the days are the same (a new cover)."""
    if before is None or before[1] < today or (before[0], before[1]) == (starts, until):
        return ""
    if before[0] is not None and before[0] > today:
        return f" This replaces your time away {away_one_day.days_said(before[0], before[1], 'to')}."
    return f" This replaces the pause you had until {long_date(before[1])}."


def _back(services: Services, turn: Turn, today: date) -> list[Reply]:
    """`away off`: a pause under way ends, and a time away booked ahead is cancelled, each said so."""
    booked = away_booked(services.storage, turn.user_id, today)
    period = away_period(services.storage, turn.user_id)
    returning = None if booked is not None else back_now(services, turn.user_id, today)
    cleared = clear_away(services.storage, turn.user_id)
    record_trail(services.storage, turn.user_id, "away.off", at=turn.now)
    told = [cover_rules.released(services, turn, period[2])] if period is not None and period[2] else []
    if booked is not None:
        return [Reply(f"Cancelled: your time away {away_one_day.days_said(booked[0], booked[1])} is "
                      "no longer booked, and your reminders go on as usual."), *told]
    caught = catch_up_for(*returning) if returning is not None else None
    if caught:  # what came up while away, at once: with the time away gone, no reminder run would say it
        return [Reply("Welcome back: reminders are on again."), catch_up_reply(caught, today), *told]
    return [Reply("Welcome back: reminders are on again." if cleared else "You were not marked away."), *told]


def reminders_command(services: Services, turn: Turn, rest: str = "") -> list[Reply]:
    """`/audit reminders [page N]`, or "what reminders have I got": the person's coming reminders
    (bot.reminders.preview), a page at a time, kept for `more` as every paged list is (bot.engine.pages)."""
    local = turn.now.astimezone(services.settings.timezone)
    page = pages.page_of(rest.split())[1]
    coming = preview.coming_up(services, turn.user_id, local)
    count = len(preview.coming_lines(services, turn.user_id, coming))  # overdue actions alike on a day: one line
    last = max(1, -(-count // preview.MAX_SHOWN))
    if page > last:
        raise pages.no_such_page(page, "your reminders", count, preview.MAX_SHOWN, "reminders", [])
    pages.remember(services, turn, "reminders", [], page, page == last)
    hint = pages.more_hint(services, turn, pages.next_page_command("reminders", [], page))
    return [preview.reminders_reply(services, turn.user_id, local, away_status(services, turn.user_id, local.date()),
                                    page, coming, hint)]


def install(engine: Engine, services: Services) -> None:
    """Register `/audit away`, its note on Home, and the `reminder.snooze` button."""

    def snooze_items(turn: Turn, value: str) -> list[Reply]:
        keys = buttons.key_list(value, "your next reminder will have a new one")
        if not all(KEY_PATTERN.match(k) for k in keys):
            raise UserError("That snooze button is from an older message. Your next reminder will have a new one.")
        today = turn.now.astimezone(services.settings.timezone).date()
        until = next_working_day(today)
        snooze(services.storage, turn.user_id, keys, until)
        return [Reply(f"Snoozed: you will not be reminded about {'this' if len(keys) == 1 else 'these'} "
                      f"on {until:%A} {until.day} {until:%B}.")]

    engine.add_command("away", lambda turn, text: away_command(services, turn, text),
                       "pause your reminders while you are away, with someone covering",
                       usage=AWAY_USAGE,
                       typed=rf"(?:(?:from\s+\S.*\s+|\d\S*(?:\s+\S+){{0,2}}\s+)?(?:{'|'.join(UNTIL_WORDS)})\s+\S.*"
                             rf"|{DASHED_RANGE.pattern}(?:\s+cover\s+\S.*)?|(?:from\s+\S.*)?{BACK_ON.pattern}.*"
                             rf"|(?:{'|'.join(OFF_WORDS)})(?:\s+for\s+[^-–—]+?)?(?:\s+[-–—]+\s+\S.*)?|{away_one_day.TYPED})?")
    engine.add_action("reminder.snooze", snooze_items)
    confirmations.add_answers(engine, services, (away_for.YES, lambda turn, value: _set_for(services, turn, value)),
                              (away_for.NO, lambda _turn, value: away_for.said_no(services, value)))
    engine.add_command("reminders", lambda turn, rest: reminders_command(services, turn, rest),
                       "what I would remind you about on the next working days", usage="/audit reminders [page N]",
                       typed=r"(?:page\s+\d+)?")
    engine.add_message_handler(lambda turn, text: reminders_command(services, turn, asked.group("page") or "")
                               if (asked := REMINDER_WORDS.match(text)) else None, priority=28)
    engine.add_home_section("away", lambda person: away_home(services, person), priority=8)
