"""Small talk ("hello", "thanks", "ok"): recognised from a list the QA leads keep in knowledge/smalltalk.yaml.

A greeting or a thank-you is not a question for the knowledge base: logging it would send QA leads
"unanswered questions" that nobody asked. The phrases are data, validated like the rest of the folder, so
adding "morning all" needs no code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from knowledge.fields import did_you_mean, type_name
from knowledge.problems import Problem
from knowledge.textterms import STOP_WORDS

GROUP_FIELDS = ("kind", "phrases", "reply", "show_help")
MAX_PHRASE_WORDS = 6
MAX_OPENING_WORDS = 12  # small talk before a question is short: "hi all, thanks so much for yesterday, ..."
_NOT_WORD = re.compile(r"[^\w ]+")
_WORD = re.compile(r"[\w']+")
# Words that start a question: never taken as friendly filler after small talk ("thanks, when is...?"), and a
# phrase starting with one ("who are you") is only taken off the front of a message before a pause.
QUESTION_WORDS = frozenset({"what", "whats", "when", "whens", "where", "wheres", "which", "who", "whos", "whom",
                            "whose", "why", "how", "hows", "can", "cannot", "could", "should", "would", "do", "does",
                            "did", "is", "isnt", "are", "arent", "was", "were", "will", "may", "might", "must",
                            "shall", "if", "need", "needs", "tell", "remind", "know", "quick", "question",
                            "wondering", "wonder"})
# One word ("morning") is only taken as small talk before a pause: "morning, ..." but not "morning visits".
# Words that may follow small talk without making it a question: "thanks so much", "morning all", "cheers mate",
# "cheers that's great" (more small talk may follow them too).
TRAILING = (STOP_WORDS - QUESTION_WORDS) | {
    "all", "everyone", "team", "folks", "guys", "mate", "again", "lots", "loads", "ever", "once", "today", "bot",
    "that", "this", "though", "indeed", "helped", "mean", "thats", "its", "youve", "been", "super", "really", "so",
    "very", "much", "for", "the", "your", "info", "oh", "well", "and", "just", "helpful", "useful", "kind",
    "youre", "honestly", "seriously", "tbh", "x", "xx", "xxx"}  # "thanks ur a lifesaver honestly" (trial 43)
# A request's opening before a phrase: "can you tell me a joke", "please tell us a joke", "could you say something
# funny". Read only in front of a whole message of small talk: "can you tell me when the ICPC is due" is a question.
LEAD_INS = (("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"), ("please",), ("go", "on"),
            ("so",))
# "thanks! So when is...": the word joining small talk to the question goes with the small talk (the search would
# weigh it as a word of the question).
_CONNECTIVE = re.compile(r"^(?:and|so|also|but|anyway|oh|well)\b[\s,.!;:-]*(?=\w)", re.IGNORECASE)
# A sound of thinking before a question, pause or not (trial 19: "hmm what counts as a strength here?" found nothing,
# "what counts as a strength here?" its entry)
_FILLER = re.compile(r"^(?:h+m+|u+m+|e+r+m+|u+h+|a+h+)\b[\s,.!;:-]*(?=\w)", re.IGNORECASE)
# A hyphen is a pause only with a space before it ("hi - when is…"): "EH-2233" is a case reference, not "eh".
_PAUSE = re.compile(r"\s*[,!.:;–—]|\s+-")


def normalise(text: str) -> str:
    """Lower case, apostrophes, punctuation and emoji dropped, spaces collapsed: 'Thank you!! 🙂' -> 'thank you',
    and "what's" -> 'whats': people drop apostrophes in chat, so a phrase matches typed either way."""
    cleaned = (text or "").lower().replace("’", "").replace("‘", "").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", cleaned).replace("_", " ").split())


@dataclass(frozen=True)
class SmallTalkGroup:
    """Phrases that get the same reply; `show_help` adds what the bot can do (for greetings)."""

    kind: str
    phrases: tuple[str, ...]
    reply: str
    show_help: bool = False


@dataclass(frozen=True)
class SmallTalk:
    """Every small-talk group, with a lookup from normalised phrase to its group."""

    groups: tuple[SmallTalkGroup, ...] = ()
    _by_phrase: dict[str, SmallTalkGroup] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        for group in self.groups:
            for phrase in group.phrases:
                self._by_phrase.setdefault(normalise(phrase), group)

    def match(self, text: str) -> SmallTalkGroup | None:
        """The group when the whole message is small talk: a phrase first, then only more phrases or friendly
        filler ("cheers that's great", "morning all"); else None. Filler never includes a question word, so
        "thanks, and when is the ICPC due?" stays a question. A request's opening may come first ("can you tell me a
        joke")."""
        words = normalise(text).split()
        matched = self._match_words(words)
        for lead in LEAD_INS:
            if matched is None and tuple(words[:len(lead)]) == lead:
                matched = self._match_words(words[len(lead):])
        return matched

    def _match_words(self, words: list[str]) -> SmallTalkGroup | None:
        """The group when `words` are phrases and friendly filler after them, else None."""
        found: list[SmallTalkGroup] = []
        start = 0
        while start < len(words):
            end = self._phrase_end(words, start)
            if end is not None:
                found.append(self._by_phrase[" ".join(words[start:end])])
                start = end
            elif found and words[start] in TRAILING:
                start += 1
            else:
                return None
        if not found:
            return None
        # the last group with help says most: "hiya, new here" is someone new, more than a hello
        return next((g for g in reversed(found) if g.show_help), found[0])

    def _phrase_end(self, words: list[str], start: int) -> int | None:
        """Where the longest phrase starting at `start` ends, if one does."""
        for end in range(min(len(words), start + MAX_PHRASE_WORDS), start, -1):
            if " ".join(words[start:end]) in self._by_phrase:
                return end
        return None

    def strip_opening(self, text: str) -> str:
        """The message without leading small talk ('hi, when is the ICPC due?' -> 'when is the ICPC due?';
        'cheers, that's great! And who is the LADO?' -> 'And who is the LADO?')."""
        rest = _FILLER.sub("", text.strip(), count=1)
        while True:
            cut = self._opening_end(rest)
            if cut is None or not normalise(rest[cut:]):
                return rest
            rest = _FILLER.sub("", _CONNECTIVE.sub("", rest[cut:].lstrip(" ,.!;:-–—\t\n"), count=1), count=1)

    def _opening_end(self, text: str) -> int | None:
        """Where small talk at the start of `text` ends: phrases and friendly filler up to a pause, or a phrase of
        a few words that cannot start a question ("good morning when is..."); None when it does not start so."""
        tokens = list(_WORD.finditer(text))[:MAX_OPENING_WORDS]
        words = [normalise(token.group()) for token in tokens]
        cut: int | None = None
        at = 0
        while at < len(words):
            end = self._phrase_end(words, at)
            if end is not None:
                if end - at > 1 and words[at] not in QUESTION_WORDS:
                    cut = tokens[end - 1].end()
                at = end
            elif at > 0 and words[at] in TRAILING:  # only after a phrase: the loop stops at anything else
                at += 1
            else:
                break
            if _PAUSE.match(text, tokens[at - 1].end()):
                cut = tokens[at - 1].end()
        return cut

def parse_smalltalk(items: Any, file: str) -> tuple[list[SmallTalkGroup], list[Problem]]:
    """Check a file's `smalltalk:` list, collecting every problem with its line and how to fix it."""
    problems: list[Problem] = []
    if not isinstance(items, list) or not items:
        return [], [Problem(file, getattr(items, "line", None),
                            "`smalltalk:` must be a list of groups, each with `kind:`, `phrases:` and `reply:`; "
                            f"found {type_name(items)}.")]
    groups: list[SmallTalkGroup] = []
    item_lines = getattr(items, "item_lines", [])
    for index, raw in enumerate(items):
        label = f"small-talk group {index + 1}"
        if not isinstance(raw, dict):
            line = item_lines[index] if index < len(item_lines) else None
            problems.append(Problem(file, line, f"{label} must be a mapping starting with `- kind:`; "
                                                f"found {type_name(raw)}."))
            continue
        group = _parse_group(raw, label, file, problems)
        if group is not None:
            groups.append(group)
    return groups, problems


def _line(raw: Any, key: str | None) -> int | None:
    lines = getattr(raw, "key_lines", {})
    return lines.get(key) if key in lines else getattr(raw, "line", None)


def _parse_group(raw: dict, label: str, file: str, problems: list[Problem]) -> SmallTalkGroup | None:
    before = len(problems)
    for key in raw:
        if key not in GROUP_FIELDS:
            problems.append(Problem(file, _line(raw, key), f"{label} has an unknown field `{key}`"
                                    f"{did_you_mean(str(key), GROUP_FIELDS)}; known fields are: "
                                    f"{', '.join(GROUP_FIELDS)}."))
    kind, reply = raw.get("kind"), raw.get("reply")
    for key, value in (("kind", kind), ("reply", reply)):
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(file, _line(raw, key if key in raw else None),
                                    f"{label} needs `{key}:` as text; found {type_name(value)}."))
    show_help = raw.get("show_help", False)
    if not isinstance(show_help, bool):
        problems.append(Problem(file, _line(raw, "show_help"),
                                f"{label} has `show_help: {show_help}`; write `show_help: true` or `false`."))
    phrases = _phrases(raw, label, file, problems)
    if len(problems) > before:
        return None
    return SmallTalkGroup(kind=str(kind).strip(), phrases=phrases, reply=str(reply).strip(), show_help=show_help)


def _phrases(raw: dict, label: str, file: str, problems: list[Problem]) -> tuple[str, ...]:
    value = raw.get("phrases")
    if not isinstance(value, list) or not value:
        problems.append(Problem(file, _line(raw, "phrases" if "phrases" in raw else None),
                                f"{label} needs `phrases:`, a list like `[hello, hi there]`."))
        return ()
    phrases: list[str] = []
    for item in value:
        text = normalise(item) if isinstance(item, str) else ""
        if not text and isinstance(item, str):  # only punctuation or emoji, which matching ignores
            problems.append(Problem(file, _line(raw, "phrases"), f"{label} has the phrase '{item}', which has no "
                                                                 "words in it; punctuation and emoji are ignored "
                                                                 "when messages are matched, so write words."))
        elif not text:
            problems.append(Problem(file, _line(raw, "phrases"), f"{label} has a phrase that is {type_name(item)}; "
                                                                 "write each phrase as words (in quotes if it is "
                                                                 "yes/no or a number)."))
        elif len(text.split()) > MAX_PHRASE_WORDS:
            problems.append(Problem(file, _line(raw, "phrases"), f"{label} has the phrase '{item}' of more than "
                                                                 f"{MAX_PHRASE_WORDS} words; small talk is short, "
                                                                 "and a longer message is treated as a question."))
        elif "?" in item:
            problems.append(Problem(file, _line(raw, "phrases"), f"{label} has the phrase '{item}' with a question "
                                                                 "mark; questions go to the knowledge base, so "
                                                                 "remove it."))
        else:
            phrases.append(text)
    return tuple(phrases)


def check_duplicates(groups: list[tuple[str, SmallTalkGroup]]) -> list[Problem]:
    """A phrase in two groups would get whichever reply came first: report it so the QA lead picks one."""
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    for file, group in groups:
        for phrase in group.phrases:
            if phrase in seen and seen[phrase] != group.kind:
                problems.append(Problem(file, None, f"the small-talk phrase '{phrase}' is in both "
                                                    f"'{seen[phrase]}' and '{group.kind}'; keep it in one."))
            seen.setdefault(phrase, group.kind)
    return problems
