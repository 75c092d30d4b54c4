"""Button values: the one place they are made and read.

A button value travels through Slack and comes back in whatever state a copied, forged or very old
message left it, so every action reads its value through one of the decoders here. A value that does
not decode (wrong shape, too long, an id out of range) raises `StaleButton`, which the engine answers
as an out-of-date button: never an exception, never an ERROR in the log.

Kinds of value:
    record id        "<id>"                          audit, action or knowledge-base ask (also an unanswered
                                                     group, by the id of its newest question, and its forms)
    optional id      "" or "<id>"                    audit.resume
    step press       "<audit>:<version>[:<key>]"     every button of an audit in progress
    id and key       "<id>:<key>"                    audit.moderate_grade, kb.feedback
    key and id       "<key>[:<id>]"                  kb.show
    key              "<key>"                         audit.start, digest.show
    key list         "<key>,<key>,..."               reminder.snooze
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import StaleAction

ID_LIMIT = 2**63  # SQLite integers are signed 64-bit: ids are 1 .. ID_LIMIT - 1
MAX_VALUE_LENGTH = 300  # Slack allows 2,000 characters; ours are ids and short keys
MAX_KEY_LENGTH = 100
DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII digits only: int() would also take other scripts' digits
KEY = re.compile(r"[^\s:][^:]*", re.DOTALL)
DEFAULT_HINT = "use the buttons on the latest message, or type `help`"


class StaleButton(StaleAction):
    """A button value that does not decode: treated like a button from an older message."""

    def __init__(self, hint: str = DEFAULT_HINT) -> None:
        super().__init__(f"That button is out of date: it no longer matches anything I can act on. Nothing was "
                         f"changed; {hint}.")


@dataclass(frozen=True)
class StepPress:
    """A press on a button of an audit in progress: which audit, at which step version, and the answer key."""

    audit_id: int
    version: int
    key: str = ""


# -- reading numbers (also for typed commands such as `/audit edit 12`) ---------------------------------

def parse_id(text: str) -> int | None:
    """A record id (1 to 2**63 - 1) from text, or None: bounded before `int()` so no size of input can overflow."""
    stripped = (text or "").strip()
    if not DIGITS.fullmatch(stripped):
        return None
    number = int(stripped)
    return number if 0 < number < ID_LIMIT else None


TYPED_DIGITS = 9  # the numbers people are given to type (audits, actions, campaigns) are shorter; an NHS number has 10


def typed_id(text: str) -> int | None:
    """A record id typed by a person (`/audit show 12`, `done 12`): as parse_id, but never a number longer than any
    the bot gives. Such a number is no record's and may be an NHS number pasted by mistake, so it is refused as the
    command's usage says, never looked up and said back ("I can't find audit #9434765919")."""
    stripped = (text or "").strip()
    return parse_id(stripped) if len(stripped) <= TYPED_DIGITS else None


def _parse_version(text: str) -> int | None:
    if not DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number < ID_LIMIT else None


def _bounded(value: str | None, hint: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
        raise StaleButton(hint)
    return value


def _key(text: str, hint: str, required: bool) -> str:
    if not text and not required:
        return ""
    if len(text) > MAX_KEY_LENGTH or not KEY.fullmatch(text):
        raise StaleButton(hint)
    return text


# -- decoders, one per kind of value -------------------------------------------------------------------

def record_id(value: str | None, hint: str = DEFAULT_HINT) -> int:
    """`"<id>"`: the id of an audit, an action or an ask."""
    number = parse_id(_bounded(value, hint))
    if number is None:
        raise StaleButton(hint)
    return number


def optional_record_id(value: str | None, hint: str = DEFAULT_HINT) -> int | None:
    """`""` (no record: list them) or `"<id>"`."""
    if not _bounded(value, hint).strip():
        return None
    return record_id(value, hint)


def step_press(value: str | None, hint: str = "type `/audit resume` to carry on") -> StepPress:
    """`"<audit>:<version>[:<key>]"`: a button on the current step of an audit in progress."""
    parts = _bounded(value, hint).split(":", 2)
    if len(parts) < 2:
        raise StaleButton(hint)
    audit_id, version = parse_id(parts[0]), _parse_version(parts[1])
    if audit_id is None or version is None:
        raise StaleButton(hint)
    return StepPress(audit_id, version, _key(parts[2], hint, required=True) if len(parts) == 3 else "")


def id_and_key(value: str | None, hint: str = DEFAULT_HINT) -> tuple[int, str]:
    """`"<id>:<key>"`: a record and a choice made about it (a moderator's grade, a feedback vote)."""
    id_text, separator, key = _bounded(value, hint).partition(":")
    if not separator:
        raise StaleButton(hint)
    return record_id(id_text, hint), _key(key, hint, required=True)


def key_and_optional_id(value: str | None, hint: str = DEFAULT_HINT) -> tuple[str, int | None]:
    """`"<key>"` or `"<key>:<id>"`: a knowledge-base entry, and the ask it was suggested for."""
    key, separator, id_text = _bounded(value, hint).partition(":")
    return _key(key.strip(), hint, required=True), record_id(id_text, hint) if separator else None


def key(value: str | None, hint: str = DEFAULT_HINT) -> str:
    """`"<key>"` or `""`: a checklist or team id, stripped; empty means none chosen."""
    return _key(_bounded(value, hint).strip(), hint, required=False)


def key_list(value: str | None, hint: str = DEFAULT_HINT) -> list[str]:
    """`"<key>,<key>"`: the items one button acts on together (each a short word such as `draft:12`)."""
    keys = [k for k in _bounded(value, hint).split(",") if k]
    if not keys or any(len(k) > MAX_KEY_LENGTH or not k.isprintable() or k.strip() != k for k in keys):
        raise StaleButton(hint)
    return keys


# -- encoders, so every value is made the way its decoder reads it ---------------------------------------

def encode_step(audit_id: int, version: int, key_text: str = "") -> str:
    """The value of a button on an audit's current step."""
    return f"{audit_id}:{version}:{key_text}" if key_text else f"{audit_id}:{version}"


def encode_id_and_key(record: int, key_text: str) -> str:
    """The value of a button carrying a record id and a choice."""
    return f"{record}:{key_text}"


def encode_record(record: int) -> str:
    """The value of a button (or a form's private metadata) carrying one record id, read by `record_id`."""
    return str(int(record))
