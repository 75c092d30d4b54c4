"""`kb new N …` whose file the bot cannot tell: the entry is kept and the file asked for, a number or a name.

Trial 49 (fix50d): with no `| file: …` and no file several entries point to, `kb new` listed the 13 files and the QA
lead had to type the whole command again with `| file: …`. Now, when the file is the one thing wrong, the command
typed is kept beside the conversation (`KEY`) and the files are listed numbered, likeliest first (those holding
entries that share its tags, then those of the entries closest to its question). The next line picks one: its
number, or its name as `| file: …` takes it, a letter or two wrong forgiven when only one file is that close. Then
the entry is checked again exactly as `kb check` checks it and written, or refused with every problem, as the
command is. `cancel` drops it, nothing written; a whole command typed instead runs, and the entry is dropped (said);
anything else is asked again. A button pressed or an `/audit` command also drops it, as for a typed answer.
A `kb new N …` typed again while it waits (trial 54, F13) replaces it and runs, asking the file again if need be,
instead of "type `/audit kb new N …` again".

fix53e: the entry waits on the conversation row (the database), so it outlives a restart, but a QA lead coming back
later was not told: a restarted chat said nothing, and a question typed then got "That names none of the files". A
chat started again now says the entry waits (as `kb answer`'s does); a line typed `LATER` than the question (or than
that reminder) that names no file is answered as any line is, led by one line saying the entry still waits. After
that, the lines typed are taken for the file again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from rapidfuzz.distance import Levenshtein

from bot.asking.answer_typed_next import CANCEL
from bot.asking.entry_file import ranked_files, typed_file
from bot.asking.new_tag_asked import kept_new
from bot.asking.unanswered import UnansweredDesk, as_listed
from bot.asking.unanswered_input import EntryProblems, parse_new_entry
from bot.core.buttons import typed_id
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import is_command_line
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import typed_command
from bot.storage import audits as store

KEY = "kb_new_file"  # beside the conversation: {"key": N, "text": what followed N, "files": [file, …] as listed,
#                      "asked": when the file was asked for or the QA lead last reminded (ISO)}
LATER = timedelta(minutes=30)  # a line typed this long after the question is not taken for its answer unasked
PRIORITY = 12  # as a typed answer's (bot.asking.answer_typed_next): before a Yes-or-No and an audit's step
_RETYPED_NEW = re.compile(r"^\s*(?:/?audit\s+)?kb\s+new\s+#?(\d{1,6})\b", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(?:(?:file|number|no\.?)\s*)?#?(\d{1,3})\s*[.)]?\s*$", re.IGNORECASE)


def file_chosen(text: str, files: list[str]) -> str | None:
    """The file a reply to "Which file…?" picks from `files` (numbered from 1, as listed): `2`, `#2`, `2.`, `file 2`,
    or a file's name as `| file: …` takes it (`kb/timescales.yaml`, `timescales`, `Timescale`), or a name with a
    letter or two wrong (`timescals`, `good-practise`) when no other file is as close. None when it names none."""
    number = _NUMBER.match(text)
    if number:
        index = int(number.group(1))
        return files[index - 1] if 1 <= index <= len(files) else None
    named = typed_file(text, files)
    if named:
        return named
    wanted = _stem(text.strip().strip("`").strip())
    if len(wanted) < 4:
        return None
    distances = sorted((Levenshtein.distance(wanted, _stem(name)), name) for name in files)
    best, name = distances[0]
    allowed = 1 if len(wanted) <= 6 else 2
    if best > allowed or (len(distances) > 1 and distances[1][0] == best):
        return None
    return name


def _stem(name: str) -> str:
    """A file's name as a person would type it: lower case, no folder, no `.yaml`, spaces as hyphens."""
    bare = name.lower().rsplit("/", 1)[-1].removesuffix(".yaml").removesuffix(".yml")
    return "-".join(bare.split())


def new_command(services: Services, desk: UnansweredDesk, turn: Turn, rest: str) -> list[Reply]:
    """`kb new N <question> | <answer> | …`: as before, except that when the only thing wrong is the file (none given
    and none to go by, or one that is no file of entries), the entry is kept and the file asked for."""
    number, _, text = rest.strip().partition(" ")
    key = typed_id(number.lstrip("#"))
    try:
        return desk.typed(turn, "new", rest)
    except EntryProblems as refused:
        if key is None or [field for field, _ in refused.problems] != ["file"]:
            raise
        return [ask_for_file(services, desk, turn, key, text, refused.problems[0][1])]


def ask_for_file(services: Services, desk: UnansweredDesk, turn: Turn, key: int, text: str, why: str) -> Reply:
    """Keep the entry typed and list the files, numbered and likeliest first, to pick one by its number or name."""
    group = desk.group(turn, key)
    new, _ = kept_new(parse_new_entry(text)[0])
    live = desk.service.current
    files = [value for _, value in desk.entry_files()]
    ranked = ranked_files(live.kb.entries, live.search, new.tags, (new.question, group.wording), files)
    store.keep_aside(services.storage, turn.user_id, confirmations.KEY, None, turn.now)
    store.keep_aside(services.storage, turn.user_id, KEY, {"key": key, "text": text, "asked": turn.now.isoformat(),
                                                          "files": [name for name, _ in ranked]}, turn.now)
    lines = "\n".join(f"{number}. `{name}`" + (f" ({likely})" if likely else "")
                      for number, (name, likely) in enumerate(ranked, start=1))
    reason = why.split(": add `| file:")[0].split("; pick one of")[0].rstrip(".")
    return Reply(kind="question",
                 text=f"Which file should the new entry for {as_listed(group, key)} go in? {reason}.\n{lines}\n"
                      f"Type its number or its name. The rest of the entry is kept, and nothing is written until "
                      "you choose.", prompt=f"File for #{key}'s new entry",
                 note=f"`cancel` drops the new entry; #{key} stays open.")


def waiting(services: Services, user_id: str) -> dict | None:
    """The new entry waiting for its file, if any."""
    kept = store.conversation(services.storage, user_id).get(KEY)
    return kept if isinstance(kept, dict) else None


def _later(kept: dict, turn: Turn) -> bool:
    """Whether the QA lead comes back `LATER` than the question (or its last reminder): an entry kept before
    fix53e has no time, and is taken as asked long ago."""
    try:
        asked = datetime.fromisoformat(str(kept["asked"]))
    except (KeyError, ValueError):
        return True
    return turn.now - asked >= LATER


def reminder(kept: dict) -> Reply:
    """The one line saying which entry still waits for its file, and how to end that."""
    question = parse_new_entry(str(kept["text"]))[0].question
    return Reply(kind="notice", text=f"Entry '{question}' is still waiting for its file: answer with a file name, "
                                     "or `cancel`.", prompt=f"File for #{kept['key']}'s new entry")


def _reminded(services: Services, turn: Turn, kept: dict) -> None:
    """The QA lead is told now: the lines typed next are taken for the file again."""
    store.keep_aside(services.storage, turn.user_id, KEY, {**kept, "asked": turn.now.isoformat()}, turn.now)


def still_waiting(services: Services, turn: Turn) -> list[Reply]:
    """What a terminal chat started again shows: the entry still waiting for its file (or nothing)."""
    kept = waiting(services, turn.user_id)
    if kept is None:
        return []
    _reminded(services, turn, kept)
    return [reminder(kept)]


def _drop(services: Services, turn: Turn) -> None:
    store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)


def typed(engine: Engine, services: Services, desk: UnansweredDesk, turn: Turn, text: str) -> list[Reply] | None:
    """The line after "Which file…?": a file writes the entry (checked again), `cancel` drops it, a command runs
    and drops it, anything else asks again. None when no new entry waits for its file."""
    kept = waiting(services, turn.user_id)
    if kept is None:
        return None
    key, files = int(kept["key"]), [str(name) for name in kept["files"]]
    if CANCEL.match(text):
        _drop(services, turn)
        return [Reply(text=f"OK, the new entry was dropped and nothing was written: #{key} stays open on "
                           "`/audit kb unanswered`.")]
    if (retyped := _retyped_new(text)) is not None:
        _drop(services, turn)
        return _replaced(key, retyped) + (typed_command(engine, turn, text) or [])
    if is_command_line(text, engine.typed_shapes) and file_chosen(text, files) is None:
        _drop(services, turn)
        note = Reply(kind="notice", text=f"I took that as a command, so the new entry for #{key} was not written: "
                                         f"type `/audit kb new {key} …` again to make it.")
        return [note, *(typed_command(engine, turn, text) or [])]
    file = file_chosen(text, files)
    if file is None and _later(kept, turn):
        _reminded(services, turn, kept)
        return None  # answered as any line is; `drop_on_press` puts the reminder first
    if file is None:
        return [Reply(kind="notice", text=f"That names none of the files: type a number from 1 to {len(files)}, "
                                          f"or a file's name, like `{_stem(files[0])}`. `cancel` drops the new "
                                          f"entry for #{key}.", prompt=f"File for #{key}'s new entry")]
    _drop(services, turn)
    new, _ = parse_new_entry(str(kept["text"]))
    return desk.new_entry(turn, key, new, file)


def _retyped_new(text: str) -> int | None:
    """The number of a `kb new N …` typed while an entry waits for its file (trial 54, F13), else None."""
    found = _RETYPED_NEW.match(text)
    return int(found.group(1)) if found else None


def _replaced(key: int, retyped: int) -> list[Reply]:
    """The same number typed again replaces the waiting entry silently (its file is asked again if need be);
    another number says the waiting one was dropped, so nobody is asked to type a command twice."""
    if retyped == key:
        return []
    return [Reply(kind="notice", text=f"The new entry for #{key} that waited for its file was dropped, nothing "
                                     f"written (#{key} stays open); this one for #{retyped} goes on.")]


def drop_on_press(services: Services, turn: Turn,
                  typed_text: str | None) -> Callable[[list[Reply]], list[Reply]] | None:
    """A button pressed or an `/audit` command: the new entry no longer waits for its file. A line typed `LATER`:
    the reply leads with the reminder when, after it, the entry still waits (no file named, nor `cancel`)."""
    kept = waiting(services, turn.user_id)
    if kept is None:
        return None
    if typed_text is None:
        _drop(services, turn)
        return None
    if not _later(kept, turn):
        return None
    return lambda _replies: [reminder(kept)] if waiting(services, turn.user_id) is not None else []


def install(engine: Engine, services: Services, desk: UnansweredDesk) -> None:
    """Register the file's reply, what a new chat shows while it waits, and its end on any button or command."""
    engine.add_message_handler(lambda turn, text: typed(engine, services, desk, turn, text), priority=PRIORITY)
    engine.add_session_start(lambda turn: still_waiting(services, turn))
    engine.add_turn_watch(lambda turn, typed_text: drop_on_press(services, turn, typed_text))
