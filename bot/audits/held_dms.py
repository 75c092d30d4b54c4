"""Every other DM to a worker held out of their working hours, as their audit's summary is (fix44d).

fix43f held a worker's audit summary and grade changes until their working hours (bot.audits.held_news), but an
action removed, a case reference changed, a moderation outcome and every other DM someone else's turn sent a worker
still went at once, at 11pm. Now each DM a turn sends a practitioner other than the one who typed or pressed, out of
that practitioner's working hours (their own working days and hours, else the service's; weekends and bank holidays:
bot.audits.chase_nudge.working_morning), is held and sent at the start of their next working hours, one message per
item, in the order they were held; the one who caused it is told when it will reach them, once per worker and turn.
Urgent alerts go only to managers, QA leads and admins, never held; a message with a file or a form is not held.
A DM to a manager, QA lead or admin is held the same way only when it says it can wait (a campaign's, trial 51 F17).

Trial 46 (fix47c): a worker typing to the bot out of hours still could not see a QA lead's answer held for them. A
worker who types to the bot (a message, a command or a button) is here: what is held for them comes first, under
"While you were away", claimed and settled as the scheduler's run does, so that run sends none of it again. Home lists
them ("Waiting for you", with **Show them**), and `any messages for me` shows them or says that nothing is waiting.

fix48e: a chase of their action and their audit's summary held the same way (bot.audits.held_chase, held_news) are
handed over with them, in the one block; and each is settled only once Slack has taken its post, or released for the
scheduler's run when Slack refused it (bot.audits.handed_over).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime
from functools import partial

from bot.audits import held_chase, held_news
from bot.audits.chase_nudge import working_morning
from bot.audits.handed_over import Handed, comes_at, posted_replies, reply_near_again
from bot.core.chase_said import morning
from bot.core.outgoing import Outgoing
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.settings.people import Person, Role
from bot.storage import held_chases, held_dms
from bot.storage import held_news as news_store
from bot.storage.reminders import away_on

_AUDIT_NAMED = re.compile(r"\baudit\s+#(\d{1,9})\b", re.IGNORECASE)


def _holdable(services: Services, turn: Turn, reply: Reply) -> bool:
    """A DM to a practitioner other than the one who spoke, as words and buttons only; or to anyone else when it
    says it can wait (`Reply.waits_for_working_hours`: a campaign's DMs to its auditors, trial 51 F17)."""
    if not reply.to_user or reply.to_user == turn.user_id or reply.to_channel:
        return False
    if reply.file is not None or reply.image is not None or reply.form is not None:
        return False
    person = services.directory.person(reply.to_user)
    return person is not None and (person.role is Role.PRACTITIONER or reply.waits_for_working_hours)


def as_json(reply: Reply) -> str:
    """The message as kept while it waits: its words, title, kind and buttons, and its chart when it is one (a held
    digest's trend, fix74b B1), as base64 text, where no removal's words are found (bot.audits.held_redaction changes
    a held message about no audit only for a removed text of 12 or more characters as whole words, or cut short with
    "…")."""
    kept = {"text": reply.text, "title": reply.title, "note": reply.note, "kind": reply.kind,
            "fields": [list(pair) for pair in reply.fields],
            "choices": [[c.label, c.action, c.value, c.style] for c in reply.choices]}
    if reply.image is not None:
        kept |= {"image": base64.b64encode(reply.image).decode("ascii"), "image_name": reply.image_name}
    return json.dumps(kept)


def named_audit(reply: Reply) -> int | None:
    """The audit a DM is about, kept with it while it is held (m680) so that removing a text of that audit changes it
    and removing one of another audit never does (fix70c, bot.audits.held_redaction): the one audit it names, as
    "audit #12" in its words, title, note or fields, or by an *Open the audit* button. A DM about an audit names it
    (its reader must know which), so this needs no word from each of the many places that write one; a DM naming
    none, or several, has none recorded."""
    words = [reply.text, reply.title or "", reply.note or "", *(part for pair in reply.fields for part in pair)]
    named = {int(found) for said in words for found in _AUDIT_NAMED.findall(said)}
    named |= {int(choice.value) for choice in reply.choices if choice.action == "audit.view" and choice.value.isdigit()}
    return named.pop() if len(named) == 1 else None


def from_json(to_user: str, message: str) -> Reply:
    """The message kept by `as_json`, to `to_user` again."""
    kept = json.loads(message)
    image = base64.b64decode(kept["image"]) if kept.get("image") else None
    return Reply(text=kept["text"], title=kept["title"], note=kept["note"], kind=kept["kind"], to_user=to_user,
                 fields=tuple((str(a), str(b)) for a, b in kept["fields"]),
                 choices=tuple(Choice(label, action, value, style) for label, action, value, style in kept["choices"]),
                 image=image, image_name=kept.get("image_name"))


def is_chart(message: str) -> bool:
    """Whether a message kept by `as_json` is a chart: it goes with the message before it (a held digest's trend),
    so it is not counted as a message of its own where held messages are counted."""
    return bool(message) and "image" in json.loads(message)


def held(services: Services, turn: Turn, replies: list[Reply]) -> list[Reply]:
    """`replies` as they go now: the DMs to a worker out of their working hours held (bot.storage.held_dms), and in
    their place one line for the one who spoke saying when each worker gets them; the rest unchanged."""
    going: list[Reply] = []
    told: dict[str, datetime] = {}
    local = turn.now.astimezone(services.settings.timezone)
    for reply in replies:
        send_at = working_morning(services, local, reply.to_user) if _holdable(services, turn, reply) else None
        if send_at is None or reply.to_user is None:
            going.append(reply)
            continue
        held_dms.hold(services.storage, reply.to_user, as_json(reply), turn.user_id, turn.now, send_at,
                      named_audit(reply))
        told.setdefault(reply.to_user, send_at)
    return going + [_told(services, turn, worker, send_at) for worker, send_at in told.items()]


def hold_replies(services: Services, replies: list[Reply], actor: str, now: datetime, send_at: datetime) -> None:
    """Hold DMs a scheduled run makes for someone away until `send_at` (trial 60 F16: the weekly digest), each as
    `held` holds one, a chart too (fix74b B1: a held digest came without the trend chart an ordinary one has); a
    reply with a file cannot be kept, and is left out."""
    for reply in replies:
        if reply.to_user and not reply.to_channel and reply.file is None:
            held_dms.hold(services.storage, reply.to_user, as_json(reply), actor, now, send_at, named_audit(reply))


def _told(services: Services, turn: Turn, worker: str, send_at: datetime) -> Reply:
    chat = (" In the terminal chat it is sent by the bot's scheduler, so only if this chat (or the bot) is running "
            "then." if turn.surface == "terminal" else "")
    return Reply(kind="notice", text=(
        f"Held: it is out of {services.directory.label(worker)}'s working hours, so they get the message about this "
        f"at {morning(services, send_at)}, the start of their working hours, or sooner if they use the bot before "
        f"then.{chat}"))


def due_outgoing(services: Services, now: datetime) -> list[tuple[held_dms.HeldDm, Outgoing]]:
    """The held DMs due by `now`, claimed, each as it was written (how near its due dates are said for today:
    fix52c), in the order they were held."""
    today = now.astimezone(services.settings.timezone).date()
    return [(dm, Outgoing(dm.to_user, (reply_near_again(from_json(dm.to_user, dm.message), today),)))
            for dm in held_dms.claim_due(services.storage, now)]


def settle(services: Services, dm: held_dms.HeldDm, delivered: bool, now: datetime) -> None:
    """A claimed DM went, or will be tried again (bot.storage.held_dms.settle)."""
    held_dms.settle(services.storage, dm, delivered, now)


SHOW = "waiting.show"
_HANDED_OVER: ContextVar[int] = ContextVar("held_dms_handed_over", default=0)  # this turn's, set by `_here`
ASKED = re.compile(r"^\s*(?:(?:(?:are|is)\s+there|have\s+i\s+(?:got|had)|do\s+i\s+have|got)\s+)?"
                   r"(?:any\s+(?:new\s+)?messages?(?:\s+(?:for|to)\s+me)?"
                   r"|what(?:'|’|\s+i)?s\s+waiting\s+(?:for\s+)?me"
                   r"|(?:show\s+)?(?:me\s+)?(?:my\s+)?(?:waiting|held)\s+messages)"
                   r"(?:\s+(?:please|pls|now))?\s*[?.!]*\s*$", re.IGNORECASE)


def _heading(count: int, still_away: bool) -> str:
    """The line over what is handed over, its tense by whether the person's time away has ended (trial 61, G2: "were
    away" read on 29 December, away to 3 January, as if the bot thought the leave was over)."""
    if still_away:
        return f"While you're away: {'1 message is' if count == 1 else f'{count} messages are'} waiting for you."
    return f"While you were away: {'1 message was' if count == 1 else f'{count} messages were'} waiting for you."


def _still_away(services: Services, turn: Turn) -> bool:
    """Whether the person here now is booked away today (bot.storage.reminders.away_on)."""
    return turn.user_id in away_on(services.storage, turn.now.astimezone(services.settings.timezone).date())


def _dms_handed(services: Services, turn: Turn) -> list[Handed]:
    """The DMs held for the person who is here now, claimed, each settled once posted or released if refused; how
    near each due date is, said for today (fix52c: "(in 10 days)" written on a Friday was wrong on Monday)."""
    today = turn.now.astimezone(services.settings.timezone).date()
    return [Handed(reply_near_again(from_json(turn.user_id, dm.message), today),
                   partial(settle, services, dm, True, turn.now),
                   partial(held_dms.release, services.storage, dm), held_at=dm.held_at,
                   send_at=comes_at(dm.send_at, turn.now, services.settings.timezone))
            for dm in held_dms.claim_for(services.storage, turn.user_id, turn.now)]


def _claimed(services: Services, turn: Turn) -> list[Handed]:
    """What is held for the person who is here now (DMs, their audits' summaries, chases of their actions: fix48e),
    claimed, so the run at their time sends none of it while this turn hands it over; in the order it was held
    (trial 49: the moderation "graded it Inadequate" came before the audit summary it refers to)."""
    claimed = [*_dms_handed(services, turn), *held_news.handed_over(services, turn),
               *held_chase.handed_over(services, turn)]
    return sorted(claimed, key=lambda item: item.held_at or turn.now)


def _handed_replies(turn: Turn, handed: list[Handed], still_away: bool) -> list[Reply]:
    """The claimed messages under one line saying how many (a digest's chart counted with its digest), each settled
    once posted (bot.audits.handed_over)."""
    going = posted_replies(turn, handed)
    count = sum(reply.image is None for reply in going)
    return [Reply(kind="notice", text=_heading(count, still_away)), *going] if going else []


def delivered(services: Services, turn: Turn) -> list[Reply]:
    """What is held for the person who is here now, claimed, under one line saying how many; nothing when nothing
    is held."""
    return _handed_replies(turn, _claimed(services, turn), _still_away(services, turn))


def shown(services: Services, turn: Turn) -> list[Reply]:
    """`any messages for me`, **Show them** and `/audit messages`: the messages held for this person, or plainly
    that nothing is waiting. Handed over already as this turn began (`_here`), they lead the reply: nothing more."""
    if _HANDED_OVER.get():
        return []
    return delivered(services, turn) or [Reply(kind="notice", text=(
        "Nothing is waiting for you: every message for you has been sent. Messages that come out of your working "
        "hours wait for the start of them, or until you next write to me."))]


def _here(services: Services, turn: Turn) -> Callable[[list[Reply]], list[Reply]] | None:
    """The person is here: what is held for them is claimed as the turn begins (so `home` typed no longer lists it)
    and leads the turn's replies, worded once the turn has run (a chase of an action it marked done is dropped)."""
    handed = _claimed(services, turn)
    _HANDED_OVER.set(len(handed))
    return (lambda _replies: _handed_replies(turn, handed, _still_away(services, turn))) if handed else None


def home_section(services: Services, person: Person) -> list[Reply]:
    """Home's "Waiting for you": how many messages are held for this person (DMs, their audits' summaries, chases
    of their actions) and until when, with **Show them**."""
    now = services.clock()
    waiting = sorted([*(dm.send_at for dm in held_dms.waiting_for(services.storage, person.user_id, now)
                        if not is_chart(dm.message)),
                      *(news.send_at for news in news_store.waiting_for(services.storage, person.user_id, now)),
                      *(chase.send_at for chase in held_chases.waiting_for(services.storage, person.user_id, now))])
    if not waiting:
        return []
    said = "1 message is" if len(waiting) == 1 else f"{len(waiting)} messages are"
    return [Reply(title="Waiting for you", text=(
        f"{said} waiting for you, held out of your working hours until {morning(services, waiting[0])}. "
        "Press **Show them** (or type `any messages for me`) to see them now."),
        choices=(Choice("Show them", SHOW, "", "primary"),))]


def install(engine: Engine, services: Services) -> None:
    """Hold the DMs every turn sends a worker out of their hours; hand them over when the worker is here."""
    engine.add_outgoing_filter(lambda turn, replies: held(services, turn, replies))
    engine.add_turn_watch(lambda turn, _typed: _here(services, turn))
    engine.add_action(SHOW, lambda turn, _value: shown(services, turn))
    engine.add_command("messages", lambda turn, _rest: shown(services, turn),
                       "messages for you held out of your working hours, shown now", typed="")
    engine.add_message_handler(lambda turn, text: shown(services, turn) if ASKED.match(text) else None, priority=26)
    engine.add_home_section("waiting_for_you", lambda person: home_section(services, person), priority=9)
