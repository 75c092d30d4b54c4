"""Letting go of an opened moderation: `stop moderating 82`, `release 82`, `leave it`, `cancel` at Agree / Disagree,
and `send back 82 <what to correct>`.

Opening a moderation makes the audit read-only for its auditor (bot.audits.moderation). Trial 30's head of service
opened #82 and found no way to let go: `stop moderating`, `release 82` and "actually ill leave that one for the QA
team" got knowledge-base answers, and `cancel` said it stayed theirs, read-only for its auditor, for two working days.
Now any of these, before a decision is made, drops the undecided moderation (bot.storage.moderation.
release_moderation): the audit waits for moderation again, as if never opened, and its auditor is told it was let go
of with nothing in their grading changed, and that they can edit it again (fix34a: they were told it was "no longer
read-only", as if they had asked, though most never tried to edit it). `send back` does the same with the
moderator's note of what to correct, sent to the auditor, since a submitted audit is the auditor's to change until a
moderator opens it. A moderation re-opened to change a decision is not let go of this way: its earlier decision is
kept as it was (bot.audits.moderation_unchanged), and a moderated audit can't be sent back.
"""

from __future__ import annotations

import re

from bot.audits import moderation_unchanged
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import StaleAction, UserError
from bot.privacy.screen import screen_text
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from bot.storage.errors import Conflict

PRIORITY = 23  # before `change moderation 5` (24) and typed `agree` (25); after the conversation's own steps (20)
MIN_NOTE_CHARS = 10  # a note to correct something says what: "fix it" tells the auditor nothing

_ID = r"(?:\s+(?:(?:on|of|for)\s+)?(?:audit\s+)?#?(?P<id>\d{1,9}))?"
_END = r"\s*(?:please|thanks|now)?\s*[.!]?\s*$"
_LEAD = (r"^\s*(?:(?:actually|actualy|ok|okay|no|sorry|hmm+|right|on\s+second\s+thoughts?)\b[\s,.!;:-]*)*"
         r"(?:i\s+(?:want|need|would\s+like)\s+to\s+|i['’]?d\s+like\s+to\s+|let\s+me\s+|please\s+|can\s+i\s+)?")
# "stop moderating", "stop moderating 82", "release 82", "let go of #82", "unlock 82", "close moderation 82"
_RELEASE = re.compile(_LEAD + r"(?:(?:stop|quit|end|exit|drop|abandon)\s+(?:moderating|(?:the\s+|my\s+)?moderation"
                      r"(?:\s+of)?)|release|unlock|let\s+go(?:\s+of)?|give\s+up)(?:\s+(?:it|this|that)(?:\s+one)?)?"
                      + _ID + _END, re.IGNORECASE)
# "leave it", "ill leave that one for the QA team", "i'll leave 82 to someone else"
_LEAVE = re.compile(_LEAD + r"(?:i['’]?ll\s+|i\s+will\s+|i['’]?m\s+going\s+to\s+|just\s+)?leave\s+"
                    r"(?:it|this|that|(?:audit\s+)?#?(?P<id>\d{1,9}))(?:\s+one)?"
                    r"(?:\s+(?:for|to)\s+(?:the\s+)?(?:qa|someone|somebody|another|others?|a\s+colleague|them)\b.{0,40})?"
                    + _END, re.IGNORECASE)
# "send back 82 <note>", "send 82 back: <note>", "send it back to the auditor to correct, <note>"
_SEND_BACK = re.compile(_LEAD + r"(?:send|give|hand|pass|return)\s+(?:(?:it|this|that)\s+|"
                        r"(?:audit\s+)?#?(?P<id>\d{1,9})\s+)?back(?:\s+(?:audit\s+)?#?(?P<id2>\d{1,9}))?(?:\s+to\s+(?:the\s+|its\s+)?(?:auditor|tm|"
                        r"team\s+manager|manager|them|him|her))?(?:\s+(?:to\s+(?:be\s+)?correct(?:ed)?|for\s+"
                        r"correction|to\s+fix))?\??(?:[\s,:;.!–—-]+(?P<note>\S.*))?\s*$", re.IGNORECASE | re.DOTALL)


def worded(text: str) -> tuple[str, int | None, str | None] | None:
    """("release", audit or None, None) or ("send_back", audit or None, note or None) for a way of letting go of a
    moderation; None for other text. Pure."""
    for shape in (_RELEASE, _LEAVE):
        found = shape.match(text or "")
        if found is not None:
            return "release", _number(found.group("id")), None
    found = _SEND_BACK.match(text or "")
    if found is None:
        return None
    note = (found.group("note") or "").strip() or None
    return "send_back", _number(found.group("id") or found.group("id2")), note


def _number(digits: str | None) -> int | None:
    return int(digits) if digits else None


def typed(services: Services, turn: Turn, text: str, on_screen: int | None = None) -> list[Reply] | None:
    """Let go of (or send back) the moderation named, or the one on screen (`on_screen`), or the only one held; None
    for text that says neither, and for someone holding no moderation who did not name an audit (it may be a
    question)."""
    said = worded(text)
    if said is None:
        return None
    what, named, note = said
    held = [h.audit_id for _a, h in moderation_store.held_moderations(services.storage)
            if h.moderator_id == turn.user_id]
    if named is None and not held:
        return None
    audit_id = _which(held, named, on_screen, what)
    if what == "send_back":
        return send_back(services, turn, audit_id, note)
    return release(services, turn, audit_id)


def _which(held: list[int], named: int | None, on_screen: int | None, what: str) -> int:
    """The audit meant: the one named (which must be held), the one on screen, or the only one held."""
    command = "send back" if what == "send_back" else "stop moderating"
    listed = ", ".join(f"#{h}" for h in held)
    if named is not None:
        if named not in held:
            also = f": you are moderating {listed}" if held else ": you are not moderating any audit now"
            raise UserError(f"You are not moderating audit #{named}, so there is nothing to let go of{also}.")
        return named
    if on_screen is not None and on_screen in held:
        return on_screen
    if len(held) == 1:
        return held[0]
    raise UserError(f"You are moderating {listed}: say which, like `{command} {held[0]}`.")


def release(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """Drop the undecided moderation: the audit waits for moderation again and its auditor may edit it, and is told
    in one short message, without implying they had asked to. A re-opened decision is kept as it was instead."""
    if moderation_unchanged.reopened(services, turn.user_id, audit_id) is not None:
        return moderation_unchanged.keep(services, turn, audit_id)
    audit = _let_go(services, turn, audit_id)
    me = services.directory.label(turn.user_id)
    return _said(audit, f"Released: you are no longer moderating audit #{audit_id}, and nothing was saved. It waits "
                        "for moderation again, and its auditor can edit it again (I've told them). `/audit moderate "
                        f"{audit_id}` opens it again.",
                 f"{me} has stopped moderating your audit #{audit_id} without a decision, with nothing in your "
                 f"grading changed: it waits for moderation as before, and you can edit it again until then "
                 f"(`/audit edit {audit_id} …`).")


def send_back(services: Services, turn: Turn, audit_id: int, note: str | None) -> list[Reply]:
    """Let go of the moderation with a note to the auditor of what to correct; a note is needed, and screened."""
    if moderation_unchanged.reopened(services, turn.user_id, audit_id) is not None:
        raise UserError(f"Audit #{audit_id} has your moderation decision on record, so it can't go back to its "
                        f"auditor now: `cancel` keeps your decision as it was, or decide it afresh.")
    if note is None or len(note.strip()) < MIN_NOTE_CHARS:
        raise UserError(f"Say what the auditor should correct, on the same line: `send back {audit_id} the grade "
                        "for planning needs its evidence note`. Nothing was sent.")
    screen_text(note, services.identifier_screen, "that note")
    audit = _let_go(services, turn, audit_id)
    me = services.directory.label(turn.user_id)
    return _said(audit, f"Sent back: audit #{audit_id} is with its auditor to correct (I've sent them your note), and "
                        "nothing of your moderation was saved. Once they have changed it, it waits for moderation "
                        f"again: `/audit moderate {audit_id}` opens it.",
                 f"{me} has sent your audit #{audit_id} back to you to correct before it is moderated: "
                 f"“{note.strip()}”. Nothing in your grading changed yet: you can edit it again "
                 f"(`/audit edit {audit_id} …`), and it then waits for moderation as before.")


def _said(audit: store.AuditRow, to_moderator: str, to_auditor: str) -> list[Reply]:
    """What the moderator is told, and the auditor's notice with the audit's button."""
    return [Reply(kind="notice", text=to_moderator),
            Reply(to_user=audit.auditor_id, kind="notice", text=to_auditor,
                  choices=(Choice("Open the audit", "audit.view", str(audit.id)),))]


def _let_go(services: Services, turn: Turn, audit_id: int) -> store.AuditRow:
    """Release the moderation in storage and end the moderator's wait on it; the audit as it is now."""
    try:
        moderation_store.release_moderation(services.storage, audit_id, turn.user_id, turn.now)
    except Conflict:
        raise StaleAction(f"You are not moderating audit #{audit_id} now, so nothing changed.") from None
    waiting = store.conversation(services.storage, turn.user_id)
    if str(waiting.get("awaiting") or "").startswith("moderation_") and waiting.get("audit_id") == audit_id:
        store.set_conversation(services.storage, turn.user_id, {}, turn.now)
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        raise StaleAction(f"Audit #{audit_id} is gone, so nothing changed.")
    return audit


def install(engine: Engine, services: Services) -> None:
    """Register the typed ways of letting go of a moderation."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
