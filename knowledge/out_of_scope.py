"""Topics the bot does not cover (IT, HR, pay, leave): recognised from phrases the QA leads keep as data.

"My payslip is wrong" or "reset my laptop password" are real questions, but not for a practice knowledge
base: "I don't know that yet" would promise the QA leads will add an answer, and "Did you mean…" would offer
practice entries that cannot help. Such a question gets "I can't help with that here", where to go instead,
and, where the topic names one, the nearest entry the bot does have (annual leave -> pausing reminders).
The groups live under `out_of_scope:` in knowledge/vocabulary.yaml; `kb check` validates them.

A topic's `phrases` mark it wherever they are met. Its `own` words mark it only where the asker speaks of their own
one ("my phone", "I need a new phone charger", "can I get a second monitor"): a practice question names the same
things ("a child with two phones" is about criminal exploitation, "how do I monitor the plan" about plans), and
what one person needs for work is told by a possessive or a request before the thing, which a question about a
child does not have.

A topic's `contacting:` lists the people a practitioner contacts (a child, a parent, a care leaver): a question about
texting, calling, messaging or giving a number to one of them ("can I text a care leaver on my work mobile", "can i
give a care leaver my work mobile number") is a practice question whatever device it names, so the topic does not mark
it (trials 18 and 28: both were sent to the IT desk). The contact word comes first, the person within a few words after
it; "how do I call a colleague on my work phone" is still IT.

A topic with `asks:` (the openings of a question asking for a decision, a forecast or a fact) marks its `own` words
only in a question that opens with one of them: "should we remove the child in my case tonight" or "will the judge
grant the order on my case" ask about one case, which only its manager, legal team or record can answer, while "my
case got RI, what now" or "can anyone read the audit on my case" ask how things work. Such a question is never
answered outright: any entry it meets is general guidance, not the decision asked for.

A topic's `related_when:` words make a question meeting it one for its first related entry, answered with it: "im on
leave over xmas, how do i stop the reminders?" asks how to pause the bot's reminders, which the bot covers, while
"how do i book leave over xmas" is for HR (trial 24: the first was refused as HR). They count only outside the topic's
own phrases.

A topic's `practice_when:` names children's-services topics the knowledge base covers: a question naming one of them as
well ("can an nrpf family get universal credit", "can a care leaver claim universal credit") is a practice question,
so the topic does not mark it (trial 57: fix63b's benefits topic declined both). Its `practice_unless:` openings
keep the topic met all the same: "how much universal credit will a care leaver get" asks an amount, which only the
DWP decides, however the care leaver entry reads (trial 64, beside the new entry on care leavers' claims).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.fields import did_you_mean, type_name
from knowledge.problems import Problem
from knowledge.textterms import stem, words_of

TOPIC_FIELDS = ("topic", "reply", "phrases", "own", "related", "asks", "contacting", "related_when", "also_when",
                "also_say", "practice_when", "practice_unless")
MAX_PHRASE_WORDS = 6
EXAMPLE = "`- {topic: pay, reply: Ask Payroll., phrases: [payslip, pay rise]}`"
# How a person names their own thing, right before it: "my phone", "our printer"...
OWNERS = frozenset({"my", "our"})
# ...or asks for one: "I need a new phone", "can we get a second monitor", "where do I order a replacement mouse".
ASKERS = frozenset({"i", "we", "im", "ive", "id", "me", "us"})
GETTING = frozenset({"need", "needs", "want", "get", "got", "have", "order", "request", "borrow", "buy", "replace",
                     "lost", "broke", "fix", "use", "find", "collect", "book", "for"})
# Words between the request and the thing ("a new work phone"); at least one is needed, so that "I monitor the
# plan" or "we need to leave" (verbs) are never read as someone's monitor or leave.
BETWEEN = frozenset({"a", "an", "the", "some", "another", "new", "work", "spare", "replacement", "second", "extra",
                     "different", "better", "proper", "broken", "old", "own", "more"})
# Words between the asker and the request: "can I please get", "do we need", "who do I ask for".
HELPERS = frozenset({"do", "can", "could", "may", "will", "would", "should", "please", "to", "just", "still",
                     "really", "urgently", "dont", "cant", "also", "like", "going", "ask", "asking"})
# After the thing, a word saying it is not the thing itself: "I need the phone number for the MASH".
NOT_THE_THING = frozenset({"number", "numbers", "call", "calls", "conversation", "record", "records", "contact"})
# How a question speaks of contacting someone ("can I text a care leaver", "ok to whatsapp parents"), as stems
CONTACT_WORDS = frozenset(stem(word) for word in (
    "text", "texting", "texted", "message", "messaging", "messaged", "call", "calling", "ring", "ringing", "phone",
    "phoning", "whatsapp", "email", "emailing", "contact", "contacting", "facetime", "snapchat", "dm",
    "give", "giving", "share", "sharing", "pass"))  # "can i give a care leaver my work mobile number" (trial 28)
CONTACT_REACH = 4  # words from the contact word to the person: "text a young care leaver"


def _key(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in words_of(text))


@dataclass(frozen=True)
class OutOfScopeTopic:
    """One topic: what the bot says about it, the phrases that mark it, and entries worth offering instead."""

    topic: str
    reply: str
    phrases: tuple[str, ...]
    related: tuple[str, ...] = ()
    line: int | None = None
    own: tuple[str, ...] = ()  # marking the topic only as the asker's own: "my phone", not "a child with two phones"
    asks: tuple[str, ...] = ()  # if any, `own` words mark the topic only in a question opening with one of these
    contacting: tuple[str, ...] = ()  # people whose contacting makes a question practice: "text a care leaver"
    related_when: tuple[str, ...] = ()  # words making a question one for the first related entry: "reminders"
    also_when: tuple[str, ...] = ()  # words in the question that add `also_say` to the reply: "agency worker"
    also_say: str = ""
    practice_when: tuple[str, ...] = ()  # practice topics that make the question one for the search: "nrpf family"
    practice_unless: tuple[str, ...] = ()  # openings that keep the topic met all the same: "how much"

    def reply_to(self, question: str) -> str:
        """The topic's reply, with `also_say` after it when the question says one of the `also_when` words (trial
        50 F19: an agency worker's leave goes through their agency, not the council's HR policy)."""
        said = {stem(word) for word in words_of(question)}
        if self.also_say and any(all(stem(word) in said for word in words_of(words)) for words in self.also_when):
            return f"{self.reply} {self.also_say}"
        return self.reply


@dataclass(frozen=True)
class OutOfScope:
    """Every out-of-scope topic, with a lookup from a phrase's stems to its topic."""

    topics: tuple[OutOfScopeTopic, ...] = ()
    _by_key: dict[tuple[str, ...], OutOfScopeTopic] = field(default_factory=dict, init=False, compare=False,
                                                             repr=False)
    _own_by_key: dict[tuple[str, ...], OutOfScopeTopic] = field(default_factory=dict, init=False, compare=False,
                                                                 repr=False)
    _longest: list[int] = field(default_factory=lambda: [1], init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        for topic in self.topics:
            for phrases, table in ((topic.phrases, self._by_key), (topic.own, self._own_by_key)):
                for phrase in phrases:
                    key = _key(phrase)
                    if key:
                        table.setdefault(key, topic)
                        self._longest[0] = max(self._longest[0], len(key))

    def match(self, text: str) -> OutOfScopeTopic | None:
        """The topic of the first phrase met in the text (plurals and tenses too), or None."""
        found = self._spans(words_of(text))
        return found[0][2] if found else None

    def without(self, text: str) -> str:
        """The text's words with every topic phrase taken out: what the question asks besides the topic."""
        words = words_of(text)
        taken = {index for start, end, _ in self._spans(words) for index in range(start, end)}
        return " ".join(word for index, word in enumerate(words) if index not in taken)

    def related_asked(self, text: str, topic: OutOfScopeTopic) -> str | None:
        """The topic's first related entry when the question, besides the topic's phrases, says one of its
        `related_when` words ("im on leave, how do i stop the reminders"); else None."""
        if not topic.related or not topic.related_when:
            return None
        stems = [stem(word) for word in words_of(self.without(text))]
        for key in map(_key, topic.related_when):
            if any(tuple(stems[start:start + len(key)]) == key for start in range(len(stems) - len(key) + 1)):
                return topic.related[0]
        return None

    def _spans(self, words: list[str]) -> list[tuple[int, int, OutOfScopeTopic]]:
        if not self._by_key and not self._own_by_key:
            return []
        stems = [stem(word) for word in words]
        found = []
        start = 0
        while start < len(stems):
            for size in range(min(self._longest[0], len(stems) - start), 0, -1):
                key = tuple(stems[start:start + size])
                topic = self._by_key.get(key)
                if topic is None and key in self._own_by_key and _owned(words, start, start + size) \
                        and _asked(stems, self._own_by_key[key]):
                    topic = self._own_by_key[key]
                if topic is not None:
                    found.append((start, start + size, topic))
                    start += size
                    break
            else:
                start += 1
        return [span for span in found if not _contacts(stems, span[2]) and not _practice(stems, span[2])]


def _practice(stems: list[str], topic: OutOfScopeTopic) -> bool:
    """Whether the question also names one of the topic's `practice_when` topics, which the knowledge base covers:
    "can an nrpf family get universal credit" asks what the NRPF entry is about, so the benefits topic is not met
    (trial 57)."""
    if topic.practice_unless and any(tuple(stems[:len(key)]) == key for key in map(_key, topic.practice_unless)):
        return False
    for key in map(_key, topic.practice_when):
        if any(tuple(stems[start:start + len(key)]) == key for start in range(len(stems) - len(key) + 1)):
            return True
    return False


def _contacts(stems: list[str], topic: OutOfScopeTopic) -> bool:
    """Whether the question is about contacting one of the topic's `contacting` people: a contact word with one of
    them within `CONTACT_REACH` words after it."""
    if not topic.contacting:
        return False
    people = {_key(person) for person in topic.contacting}
    for at, word in enumerate(stems):
        if word in CONTACT_WORDS and any(tuple(stems[start:start + len(person)]) == person for person in people
                                         for start in range(at + 1, min(at + 1 + CONTACT_REACH, len(stems)))):
            return True
    return False


def _asked(stems: list[str], topic: OutOfScopeTopic) -> bool:
    """Whether the question opens as the topic asks (always, for a topic without `asks`)."""
    return not topic.asks or any(tuple(stems[:len(key)]) == key for key in map(_key, topic.asks))


def _owned(words: list[str], start: int, end: int) -> bool:
    """Whether words[start:end] names the asker's own thing: after "my" or "our" (a few describing words between:
    "my new work phone"), or asked for ("I need a new phone", "can we get a second monitor"); never a number or a
    call ("I need the phone number")."""
    if end < len(words) and words[end] in NOT_THE_THING:
        return False
    at = start - 1
    while at >= 0 and words[at] in BETWEEN:
        at -= 1
    if at >= 0 and words[at] in OWNERS:
        return True
    if at == start - 1 or at < 0 or words[at] not in GETTING:  # nothing between: a verb ("I monitor", "to leave")
        return False
    at -= 1
    while at >= 0 and words[at] in HELPERS:
        at -= 1
    return at >= 0 and words[at] in ASKERS


def parse_out_of_scope(raw: Any, file: str) -> tuple[list[OutOfScopeTopic], list[Problem]]:
    """Check a file's `out_of_scope:` list, collecting every problem with its line and how to fix it."""
    line = getattr(raw, "line", None)
    if not isinstance(raw, list) or not raw:
        return [], [Problem(file, line, f"`out_of_scope:` must be a list of topics, each like {EXAMPLE}; "
                                        f"found {type_name(raw)}.")]
    topics: list[OutOfScopeTopic] = []
    problems: list[Problem] = []
    item_lines = getattr(raw, "item_lines", None) or []
    for number, item in enumerate(raw):
        where = item_lines[number] if number < len(item_lines) else line
        label = f"out-of-scope topic {number + 1}"
        if not isinstance(item, dict):
            problems.append(Problem(file, where, f"{label} must be a mapping like {EXAMPLE}; found {type_name(item)}."))
            continue
        before = len(problems)
        for key in item:
            if key not in TOPIC_FIELDS:
                problems.append(Problem(file, where, f"{label} has an unknown field `{key}`"
                                                     f"{did_you_mean(str(key), TOPIC_FIELDS)}; known fields are: "
                                                     f"{', '.join(TOPIC_FIELDS)}."))
        for key in ("topic", "reply"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                problems.append(Problem(file, where, f"{label} needs `{key}:` as text; found "
                                                     f"{type_name(item.get(key))}."))
        phrases = _strings(item.get("phrases"), f"{label} `phrases:`", file, where, problems, required=True)
        own = _strings(item.get("own", []), f"{label} `own:`", file, where, problems)
        related = _strings(item.get("related", []), f"{label} `related:`", file, where, problems)
        asks = _strings(item.get("asks", []), f"{label} `asks:`", file, where, problems)
        contacting = _strings(item.get("contacting", []), f"{label} `contacting:`", file, where, problems)
        related_when = _strings(item.get("related_when", []), f"{label} `related_when:`", file, where, problems)
        if related_when and not related:
            problems.append(Problem(file, where, f"{label} has `related_when:` but no `related:` entry to answer with; "
                                                 "add one, or remove `related_when:`."))
        also_when = _strings(item.get("also_when", []), f"{label} `also_when:`", file, where, problems)
        practice_when = _strings(item.get("practice_when", []), f"{label} `practice_when:`", file, where, problems)
        unless = _strings(item.get("practice_unless", []), f"{label} `practice_unless:`", file, where, problems)
        also_say = item.get("also_say", "")
        if bool(also_when) != (isinstance(also_say, str) and bool(also_say.strip())):
            problems.append(Problem(file, where, f"{label} needs both `also_when:` (words) and `also_say:` (text), or "
                                                 "neither."))
        for phrase in (*phrases, *own, *asks, *contacting, *related_when, *practice_when, *unless):
            if len(phrase.split()) > MAX_PHRASE_WORDS:
                problems.append(Problem(file, where, f"'{phrase}' in {label} has more than {MAX_PHRASE_WORDS} "
                                                     "words; keep phrases short."))
        if len(problems) == before:
            topics.append(OutOfScopeTopic(item["topic"].strip(), item["reply"].strip(), phrases, related, where, own,
                                          asks, contacting, related_when, also_when,
                                          also_say.strip() if isinstance(also_say, str) else "", practice_when,
                                          unless))
    return topics, problems


def _strings(value: Any, label: str, file: str, where: int | None, problems: list[Problem],
             required: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or (required and not value):
        problems.append(Problem(file, where, f"{label} must be a list like `[payslip, pay rise]`; "
                                             f"found {type_name(value)}."))
        return ()
    found = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problems.append(Problem(file, where, f"{label} holds {type_name(item)}; write each as text."))
        else:
            found.append(" ".join(item.lower().split()))
    return tuple(dict.fromkeys(found))


def check_topics(topics: list[tuple[str, OutOfScopeTopic]], known_entry: Any) -> list[Problem]:
    """A phrase in two topics, or a related entry that does not exist: report each with where it is."""
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], str] = {}
    for file, topic in topics:
        for phrase in (*topic.phrases, *topic.own):
            key = _key(phrase)
            if key in seen and seen[key] != topic.topic:
                problems.append(Problem(file, topic.line, f"the out-of-scope phrase '{phrase}' is in both "
                                                          f"'{seen[key]}' and '{topic.topic}'; keep it in one."))
            seen.setdefault(key, topic.topic)
        for entry_id in topic.related:
            if not known_entry(entry_id):
                problems.append(Problem(file, topic.line, f"out-of-scope topic '{topic.topic}' is related to "
                                                          f"'{entry_id}', but no entry has that id; check the "
                                                          "spelling or remove it."))
    return problems
