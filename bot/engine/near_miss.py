"""Commands typed nearly right: `/audit shwo 12`, `show 136` in a DM, `/audti show 12` in the terminal.

A user trial found near misses answered as knowledge-base questions (and logged for the QA leads as questions the
bot could not answer), and a mistyped sub-command answered with the whole help. This module reads what was
meant, and nothing else: it never runs anything.

- A word one edit from a command name (a letter dropped, added, swapped or mistyped; two on names of seven
  letters or more) is that command, compared with rapidfuzz's OSA distance. So is a word people use for one (`view 12`).
- Typed without `/audit` in a DM or the terminal, a line is only read as a command when what follows the word has
  that command's shape (`show` then an audit number, `list team north`, `campaign close 3`): "show me the ICPC
  timescales" stays a question. The exact command word with the right shape runs; anything else is only suggested.
  Each command declares its shape where it is registered (`Engine.add_command(typed=…)`), beside the verbs its
  handler reads, so every `/audit` sub-command can be typed bare and a new one cannot be left out.

Pure: the engine (bot/engine/routing.py) words the replies, and bot/engine/typed_commands.py claims typed lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from bot.core.buttons import TYPED_DIGITS
from bot.core.cut_short import ELLIPSIS, clip_at_word

# Building blocks for the shapes commands declare when they register (`Engine.add_command(typed=…)`): what may
# follow each command's word when it is typed without `/audit`, for the line to read as that command. The shapes
# live with each command, beside the verbs its handler reads, so the commands typed bare are always the slash
# command's sub-commands: a command registered without saying its shape is refused at start.
MAX_NUMBER_DIGITS = TYPED_DIGITS  # the numbers the bot gives, as bot.core.buttons.typed_id reads them
NUMBER = rf"#?\d{{1,{MAX_NUMBER_DIGITS}}}"
# A team as typed after a command: an id, or a word or two of a team's name ("north", "north assessment"); never a
# number alone, which is no team's name ("digest 9434765919" would say "There is no team 9434765919").
TEAM = r"(?!\d+(?:\s|$))[\w][\w&'-]{0,40}(?:\s+[\w&'-]{1,40})?"
PAGE = r"page\s+\d{1,5}"
# A shape may name the part the command is given `args` ("restore a cancelled audit 12" gives it `12`); without
# that group the command is given everything after its word.
ARGS = "args"
Shapes = Mapping[str, re.Pattern[str] | None]


def typed_shape(pattern: str | None) -> re.Pattern[str] | None:
    """A command's typed shape compiled as every shape is read (whole line, any case); None when it has none."""
    return None if pattern is None else re.compile(pattern, re.IGNORECASE | re.DOTALL)


def paged(words: str) -> str:
    """A shape of `words` (none, or one of them) with an optional `page N` after them, as paged lists take."""
    return rf"(?:(?:{words})(?:\s+{PAGE})?|{PAGE})?"


# Words people use for a command that are not its name.
SYNONYMS = {"view": "show", "open": "show", "read": "show", "see": "show", "display": "show", "audit": "show",
            "feedback": "show", "continue": "resume", "undelete": "restore", "reaudit": "reaudits"}
# A command's short name, which runs as the command does (`mod 12` is `moderate 12`, `mod` alone the queue, as
# `/audit mod` and `moderate` give it), and whose misshapen lines get the command's usage (`mod abc`), never the
# knowledge base. Unlike SYNONYMS, which are only suggested, a short form is the command's own word.
SHORT_FORMS = {"mod": "moderate"}
# Everyday words one letter from a command's name that start questions, never a mistyped command ("themed audit",
# "themed checklist": the knowledge base's, not `themes audit`).
NEVER_NEAR = frozenset({"themed"})
AUDIT = "audit"
# Words before the number that only say what it is: "show audit 12", "open audit #12", and, said as a sentence,
# "show me audit 1", "show me the audit 12", "show me 12" (a trial found "show me audit 1" asked of the knowledge base).
LEADING_AUDIT = re.compile(r"^(?:me\s+)?(?:(?:the|my|that)\s+(?=audits?\s))?(?:audits?\s+)?(?=#?\d)", re.IGNORECASE)
SLASH_LINE = re.compile(r"^\s*/(?P<word>[^\s/]+)(?:\s+(?P<rest>.*))?$", re.DOTALL)
SHOWN_REST = 40  # longer words after a command are cut in a suggestion: they may be a reflection or a reason


@dataclass(frozen=True)
class Reading:
    """What a typed line reads as: command `name` with `rest`. `runs` when it was typed exactly (the command's own
    word, with the shape it takes); otherwise it is only suggested. `typed` is the word as typed."""

    name: str
    rest: str
    runs: bool
    typed: str

    @property
    def suggestion(self) -> str:
        """`/audit show 12`, with a long free-text tail cut short."""
        return suggestion(self.name, self.rest)


def full_name(word: str) -> str:
    """The command a typed word is the short form of (`mod`: `moderate`); the word itself, lower case, otherwise."""
    word = word.lower()
    return SHORT_FORMS.get(word, word)


def allowed_edits(name: str) -> int:
    """One edit on a short command name, two on one of seven letters or more ("modrte", "reuadtis"): "direct" is
    two edits from "digest", and "direct work tools" is a question."""
    return 1 if len(name) < 7 else 2


def closest(word: str, names: Iterable[str]) -> list[str]:
    """The command names (or, through SYNONYMS, the commands) `word` is a near miss of, nearest first; empty when
    it is none. Names equally near are all given, so an unclear typo is never guessed."""
    word = word.lower()
    pool = set(names)
    if word in SYNONYMS and SYNONYMS[word] in pool:
        return [SYNONYMS[word]]
    if word in NEVER_NEAR:
        return []
    distances: dict[str, int] = {}
    for name in sorted(pool):
        edits = allowed_edits(name)
        distance = OSA.distance(word, name, score_cutoff=edits)
        if distance <= edits and word != name:
            distances[name] = distance
    if not distances:
        return []
    best = min(distances.values())
    return [name for name, distance in distances.items() if distance == best]


def suggestion(name: str, rest: str) -> str:
    """The command as it should have been typed; a long tail (a reflection, a reason) is cut, not repeated."""
    return f"/audit {name} {clip_at_word(rest, SHOWN_REST, one_line=True, mark=' ' + ELLIPSIS)}".rstrip()


def shaped(name: str, rest: str, shapes: Shapes) -> str | None:
    """`rest` as command `name` takes it, or None when it does not have the shape the command declared: "show 12."
    is `show 12`, while "reflect 12 I agree." keeps its full stop."""
    pattern = shapes.get(name)
    if pattern is None:
        return None
    for tried in (rest, rest.rstrip(".!? ")):
        found = pattern.fullmatch(tried)
        if found is not None:
            return (found.group(ARGS) or "") if ARGS in pattern.groupindex else tried
    return None


def read_typed(text: str, shapes: Shapes) -> Reading | None:
    """What a line typed in a DM or the terminal means as a command, or None when it is not one (a question, an
    answer): `show 136` runs, `view 12` and `shwo 12` are suggested as `/audit show 12`, `audit show 12` runs.
    `shapes` are the commands' typed shapes by name (`Engine.typed_shapes`)."""
    pool = set(shapes)
    words = (text or "").strip().split(None, 1)
    if not words or words[0].startswith("/"):  # a slash command typed as a message is read_slash's
        return None
    first, rest = words[0].lower().rstrip(".!?"), LEADING_AUDIT.sub("", words[1] if len(words) > 1 else "")
    if rest and (first == AUDIT or closest(first, [AUDIT])):  # "audit show 12", "audti list mine"
        after = read_typed(rest, shapes)
        if after is not None:
            return after if first == AUDIT else Reading(after.name, after.rest, runs=False, typed=first)
    if full_name(first) in pool:  # `mod` alone lists the queue as `moderate` does; `mod abc` gets the usage
        taken = shaped(full_name(first), rest, shapes)
        return Reading(full_name(first), taken, runs=True, typed=first) if taken is not None else None
    if not rest:  # a short word on its own is only ever its command exactly: "lost" is not `list`
        return _lone_typo(first, shapes)
    meant = [(name, taken) for name in closest(first, pool) if (taken := shaped(name, rest, shapes)) is not None]
    if len(meant) == 1:
        return Reading(*meant[0], runs=False, typed=first)
    return None if meant else without_its_command(text, shapes)


LONE_TYPO = 6  # letters a word on its own needs to be read as a command's typo (`resmue`, `digets`, `reaudtis`)


def _lone_typo(word: str, shapes: Shapes) -> Reading | None:
    """A long word on its own a near miss of exactly one command that takes nothing after it: suggested, never a
    question for the knowledge base (trial 32: `resmue`, `digets` and `reaudtis` were answered with entries)."""
    if len(word) < LONE_TYPO or not word.isalpha() or word in SYNONYMS:  # `reaudit` alone asks what one is
        return None
    meant = [name for name in closest(word, shapes) if shaped(name, "", shapes) is not None]
    return Reading(meant[0], "", runs=False, typed=word) if len(meant) == 1 else None


def one_off(text: str, words: Iterable[str]) -> str | None:
    """The one word of `words` a line of a single word is one letter off (`agre`: `agree`, `relase`: `release`, `shw`:
    `show`), where free text is waiting and a word on its own is never the text; None for a line of more words, the
    word itself, or a slip between two words. A whole command's reading is read_typed's, not this."""
    typed = (text or "").strip().lower().rstrip(".!?")
    if not typed.isalpha() or len(typed) < 2:
        return None
    near = {word for word in words if word != typed and OSA.distance(typed, word, score_cutoff=1) <= 1}
    return near.pop() if len(near) == 1 and typed not in words else None


ANY_WORD = "qzxv"  # a word no command takes as a verb
VERB_AND_NUMBER = re.compile(r"^\s*[a-z]+\s+#?\d", re.IGNORECASE)


def without_its_command(text: str, shapes: Shapes) -> Reading | None:
    """A sub-command's verb and a number typed without its command (`close 1` for `campaign close 1`), suggested
    with it when exactly one command takes the line after its word; None otherwise. A trial's `close 1` was noted as
    a question for the QA leads. Only a verb followed by a number: "close to the deadline" stays a question."""
    if VERB_AND_NUMBER.match(text) is None:
        return None
    verb, after = " ".join(text.split()).split(" ", 1)
    # The command must take this word as a verb of its own, not any word there (`digest` takes a team's name).
    meant = [(name, taken) for name in sorted(shapes) if (taken := shaped(name, f"{verb} {after}", shapes)) is not None
             and shaped(name, f"{ANY_WORD} {after}", shapes) is None]
    return Reading(*meant[0], runs=False, typed=verb) if len(meant) == 1 else None


def is_command_line(text: str, shapes: Shapes) -> bool:
    """Whether a typed line is a whole command, as the bare router reads it: a command's own word with the shape it
    takes (`show 140`, `list`, `away off`), or a `/word` line. Used where a line could be an answer (mid-audit): a
    near miss (`view 12`) or a sentence that only starts with a command's word ("list the actions agreed") is not."""
    reading = read_typed(text, shapes)
    return (reading is not None and reading.runs) or read_slash(text, shapes) is not None


def names_a_command(text: str, names: Iterable[str]) -> bool:
    """Whether a line starts with a command's own word (or a word people use for one, `view`), then a space and more:
    `show 1234`, `edit 9999`, `list 1234`. Such a line is that command, typed rightly or not, and never a case
    reference, though a reference pattern such as `^[A-Z]{2,4}-?[0-9]{4,10}$` takes "SHOW 1234" (a trial was told
    "SHOW-1234 looks like a case reference" for `show 1234`). Which wins, decided here: the command word apart from
    the number is the command, as people type commands; `SHOW-1234` and `SHOW1234`, which nobody types for a command,
    stay references, so a council whose references really start with such letters types them with the hyphen or
    run together (as a reference asked for, when an audit is started, is always read as one)."""
    words = (text or "").strip().split(None, 1)
    if len(words) < 2:
        return False
    pool, first = set(names), words[0].lower()
    return first in pool or SYNONYMS.get(first) in pool


# A command's word (or a word people use for one), a space and a number of any length, then anything: `show 1234`,
# `done 9434765919`, `reflect 1234567890123 I agree with it`.
WORD_AND_NUMBER = re.compile(r"^\s*(?P<word>\S+)\s+#?(?P<digits>\d+)(?P<rest>(?:\s.*)?)$", re.DOTALL)
SHORT_NUMBER = "1"  # stands in for a number too long for a shape, to ask whether the shape takes one there
# A number longer than the bot gives, anywhere after a command's word: `kb answer 12345678901 …`, `campaign close …`.
LONG_NUMBER = re.compile(rf"(?<!\w)#?\d{{{MAX_NUMBER_DIGITS + 1},}}(?!\w)")


@dataclass(frozen=True)
class Numbered:
    """A command's word and a number the command does not run with (one it runs is read_typed's): `too_long` when it
    would take a number there, only not one that long (`show 9434765919`); else it takes no number there (`list
    1234`, `help 3`)."""

    name: str
    too_long: bool


def numbered(text: str, shapes: Shapes) -> Numbered | None:
    """A command's word, a space and a number is that command, typed rightly or not, and never a question for the
    knowledge base or a case reference (`names_a_command`): the number may be of any length (a trial's `done
    9434765919`, an NHS number pasted by mistake, was offered back as the case reference DONE-9434765919). None for
    a line the command runs (read_typed's), for one not starting so, and for a number followed by words the command
    does not take after a number (`help 16 year olds` stays a question)."""
    words = (text or "").strip().split(None, 1)
    name = _named(words[0]) if words else ""
    if name not in shapes:
        return None
    after = words[1] if len(words) > 1 else ""
    if LONG_NUMBER.search(after) and shaped(name, LONG_NUMBER.sub(SHORT_NUMBER, after), shapes) is not None:
        return Numbered(name, too_long=True)  # `kb answer 12345678901 …`: taken, were the number one the bot gives
    found = WORD_AND_NUMBER.match(text or "")
    if found is None:
        return None
    rest = found.group("rest").strip()
    if rest and shaped(name, f"{SHORT_NUMBER} {rest}", shapes) is None:
        return None
    return Numbered(name, too_long=False)


def _named(word: str) -> str:
    """The command a typed first word names: its own, or one people use for it (`view`)."""
    word = word.lower()
    return SYNONYMS.get(word, word)


# A typed line with one of these words, or ending with "?", is shaped as a question: "show me what good looks like",
# "list what I need for an ICPC?". Never read as a command typed wrong.
QUESTION_WORDS = frozenset({"what", "whats", "what's", "when", "how", "who", "why", "where", "which", "whose", "mean",
                            "means", "meaning", "explain"})
# A usage whose first argument is an audit number (`/audit show <number>`): `show 12` is an example of it.
NUMBER_ARGUMENT = re.compile(r"^\s*<(?:audit )?number>")
# Commands whose word alone belongs to the step waiting (`cancel` an audit or a moderation), not to the command's
# usage: `cancel 12` is the command (fix68e), `cancel` alone is the step's.
STEP_WORDS = frozenset({"cancel"})
MISSHAPEN_TAIL = 3  # words after a command's word, at most, for a line to read as the command typed wrong


def misshapen(text: str, shapes: Shapes) -> str | None:
    """The command a short line names by its own word when what follows is not what that command takes (`show abc`,
    `list 1234`, `help 3`, `show` alone), or None. Only a line of a few words (MISSHAPEN_TAIL after the word) with
    no question's shape counts: "moderation agreement rate meaning", "campaigns what are they", "show me how to grade
    the plan" stay questions. Lines that run (`show 12`) or are suggested (`shwo 12`) are read_typed's, not this."""
    words = (text or "").strip().split()
    if not words or len(words) - 1 > MISSHAPEN_TAIL or words[0].startswith("/"):
        return None
    name = full_name(words[0].rstrip(".!?:,"))  # `mod abc`: `moderate`'s usage
    if len(words) == 1 and name in STEP_WORDS:  # `cancel` alone is the audit's or moderation's own word
        return None
    if shapes.get(name) is None or text.rstrip().endswith("?") or read_typed(text, shapes) is not None:
        return None
    if any(word.lower().strip(".,;:!?'\"") in QUESTION_WORDS for word in words[1:]):
        return None
    return name


def read_slash(text: str, names: Iterable[str]) -> tuple[str, Reading | None] | None:
    """A line starting with `/` typed as a message (the terminal, or a Slack thread where commands do not run):
    None when it does not start with a slash word; else the word and what it reads as: `/audit show 12` runs
    (`runs`), `/audti show 12` and `/show 12` are suggested, and an unknown `/word` reads as nothing (None)."""
    found = SLASH_LINE.match(text or "")
    if found is None:
        return None
    word, rest = found.group("word").lower(), " ".join((found.group("rest") or "").split())
    pool = set(names)
    if word == AUDIT or closest(word, [AUDIT]):
        command, _, tail = rest.partition(" ")
        command = full_name(command) or "help"
        if word == AUDIT:
            return word, Reading(command, tail, runs=True, typed=command)
        return word, Reading(*(corrected(command, tail, pool)), runs=False, typed=word)
    if word in pool or closest(word, pool):  # "/show 12": the command's word without /audit
        return word, Reading(*(corrected(word, rest, pool)), runs=False, typed=word)
    return word, None


def corrected(word: str, rest: str, pool: set[str]) -> tuple[str, str]:
    """(command, rest) with the command's word put right when it is a near miss of exactly one; as typed if not."""
    if word in pool:
        return word, rest
    near = closest(word, pool)
    return (near[0], rest) if len(near) == 1 else (word, rest)
