"""Reading a grade as people type it: its name, a short form ("RI", "req imp") or a name with a small typo.

Auditors type grades quickly ("requires improvment", "inadequte"), and refusing an obvious typo sends them back
for no reason. A typo is only forgiven when it can mean one grade and nothing else:

- a negated grade ("not good", "isn't outstanding") is never a grade: its meaning is the opposite;
- only full grade names are matched loosely, never the one- or two-letter short forms ("o", "ri");
- one edit (a letter dropped, added, swapped or mistyped) is forgiven on a one-word name, two on the long
  "requires improvement" names; "adequate" is two edits from "inadequate", so it is never read as Inadequate;
- real words one letter from "good" ("gold", "food") are not read as Good: "gold" may well mean Outstanding.

Everyday words for one grade are read as it ("needs improvement", "needs work": RI). A note can come with the grade
after a comma, a dash or "because" ("cos", "coz", "as"), and a lead-in ("actually", "I think it's", "sorry
I meant", or "actualy" with a letter wrong) is taken off the front only, so it never hides a negation.

Pure: the flow (bot/audits/flow.py), the typed overall grade (bot/audits/typed_grade.py), a moderator's grade
(bot/audits/moderation.py) and `/audit edit 12 grade` (bot/audits/regrade.py) use it.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

SHORT_FORMS = {
    "outstanding": "outstanding", "o": "outstanding", "1": "outstanding",
    "good": "good", "g": "good", "2": "good",
    "requires improvement": "requires_improvement", "requires improvement to be good": "requires_improvement",
    "requires_improvement": "requires_improvement", "ri": "requires_improvement", "3": "requires_improvement",
    "req imp": "requires_improvement", "requires imp": "requires_improvement", "req. imp.": "requires_improvement",
    "req improvement": "requires_improvement", "r.i.": "requires_improvement", "r/i": "requires_improvement",
    "r.i": "requires_improvement", "req imp.": "requires_improvement", "req. imp": "requires_improvement",
    "inadequate": "inadequate", "i": "inadequate", "4": "inadequate",
    # as managers shorten them in notes (trial 17: `gd` was told "Please give a grade")
    "gd": "good", "outst": "outstanding", "outstd": "outstanding", "inad": "inadequate", "inadeq": "inadequate",
    "req improv": "requires_improvement", "reqs imp": "requires_improvement",
    # the grade in everyday words (trial 27: `needs improvement - slow and health missed` was told "Please give a
    # grade"); only words that can mean one grade: "poor" may be RI or Inadequate, "excellent" Good or Outstanding
    "needs improvement": "requires_improvement", "need improvement": "requires_improvement",
    "needs improving": "requires_improvement", "needs to improve": "requires_improvement",
    "needs work": "requires_improvement", "needs some work": "requires_improvement",
    "requires work": "requires_improvement", "improvement needed": "requires_improvement",
    "improvement required": "requires_improvement", "needs improvement to be good": "requires_improvement",
    "needs imp": "requires_improvement",
}
# Full names matched loosely, with the edits each may carry.
_NAMES = {"outstanding": 1, "good": 1, "inadequate": 1, "requires improvement": 2,
          "requires improvement to be good": 2, "needs improvement": 2}
_NEGATIONS = frozenset({"not", "no", "never", "isn't", "isnt", "wasn't", "wasnt", "hardly", "barely", "non",
                        "nothing", "less", "far"})
_WORDS_NEAR_GOOD = frozenset({"gold", "food", "mood", "wood", "hood", "goad", "goof", "goon", "gook", "goop",
                              "gord"})
# "RI, reviews have slipped" / "Good: the plan is strong" / "inadequate - no visits": a grade, then a note.
_GRADE_THEN_NOTE = re.compile(r"^\s*(?P<grade>[^,;:()\u2013\u2014]+?)\s*(?:[,;:(\u2013\u2014]|\s-\s)+\s*"
                              r"(?P<note>\S.*?)\)?\s*$", re.DOTALL)
# "inadequate because the drift is serious": the grade, "because", the note. Said the way people type it too (trial
# 27: `edit 1 grade good cos visits are strong` kept "cos" in the reason): "cos", "coz", "cause", "bc", and "as", but
# never "as" starting a phrase of its own ("good as far as I can see", "as well", "as expected").
_BECAUSE = r"(?:because|becuase|cos|coz|cuz|'?cause(?!\s+(?:for|of|to)\b)|bc|b/c)"  # never "cause for concern"
_AS_BECAUSE = r"as(?!\s+(?:far|well|much|long|good|expected|such|if|though|per|usual|ever|of|to|a|an)\b)"
_GRADE_BECAUSE = re.compile(rf"^\s*(?P<grade>.+?)\s+(?:{_BECAUSE}|{_AS_BECAUSE})\s+(?P<note>\S.*?)\s*$",
                            re.IGNORECASE | re.DOTALL)
# What people say before a grade: "actually inadequate", "I think it's RI", "it is good". Only ever taken off the
# front, so a negation after it still reads as one ("it is not good" is never Good).
# A correction's lead-in too ("sorry I meant good - …", "oops, RI: …", "should be inadequate, …"): a QA lead's slip
# corrected in words at the reason step was saved under the wrong grade (trial 21).
# A disagreeing moderator's words too ("i disagree, this is inadequate - …", "I'd grade it RI", "more like good"):
# the grade was refused and the reason lost (trial 24).
# Trial 25: typed without the apostrophe ("id say RI - …", "id grade it RI") the grade was missed and the words
# "id say RI -" were kept as the reason, so "I'd" is read with or without its apostrophe, as are "it'd", "that'd".
_LEAD_IN = re.compile(r"^\s*(?:(?:actually|sorry|oops|correction|i think|i reckon|(?:i'?d|i would) say|i meant|i mean|"
                      r"meant|(?:it |this |that )?(?:should|would) (?:be|have been)|(?:it|this|that)'?d be|"
                      r"make (?:it|that)|change (?:it|that) to|it's|its|it is|(?:this|that)(?: is|'s|s)|more like|"
                      r"(?:i'?d|i would) go (?:with|for)|"
                      r"(?:i'?d|i would) (?:grade|rate|give|call)(?: (?:it|this|that))?(?: as)?|overall)\b[\s,:.!]*)+",
                      re.IGNORECASE)
# The long lead-in words, read with a typo as grade names are ("actualy good - …", "overal RI"): one edit, never
# more, and only at the front, so a negation after one still reads as one.
_LONG_LEAD_INS = ("actually", "overall")
_FIRST_WORD = re.compile(r"^\s*(?P<word>[a-z]+)\b[\s,:]*", re.IGNORECASE)
_SAID_BECAUSE = re.compile(rf"^{_BECAUSE}\s+", re.IGNORECASE)
# "confirm", "yes", "ok, confirm it", "that's fine": the suggested grade, as its button "Confirm: …" takes it (a
# trial typed `confirm`, as the prompt says, and was told to choose a grade).
CONFIRM_WORDS = re.compile(r"^\s*(?:(?:yes|yep|yeah|ok|okay|sure)\b[\s,!.]*)?"
                           r"(?:confirm(?:ed)?(?:\s+(?:it|that|the\s+(?:suggested\s+)?grade|the\s+suggestion))?"
                           r"|yes|yep|yeah|ok|okay|sure|that['’]?s\s+(?:fine|right))"
                           r"(?:[\s,]+(?:please|thanks|thank\s+you|ta))?[\s.!]*$", re.IGNORECASE)
# "Confirm: Requires improvement to be good", the button's own words typed: the grade after "confirm".
CONFIRM_LABEL = re.compile(r"^\s*confirm\b\s*[:\-\u2013]?\s*", re.IGNORECASE)
# Examples of a grade with its reason, each for the grades it may show, in order of preference: the first with a
# comma, the second with "because". A moderator who disagrees is never shown the auditor's grade as an example
# (trial 11 found "`inadequate because …`" offered where Inadequate was the one grade refused).
_COMMA_EXAMPLES = (("requires_improvement", "`RI, reviews have slipped`"), ("good", "`good, reviews are on time`"))
_BECAUSE_EXAMPLES = (("inadequate", "`inadequate because the plan has drifted`"),
                     ("good", "`good because the plan is reviewed monthly`"))
_TYPED_NAMES = {"outstanding": "`outstanding`", "good": "`good`", "requires_improvement": "`RI`",
                "inadequate": "`inadequate`"}


def reason_examples(refused: str | None = None) -> str:
    """Two examples of a grade typed with its reason, neither of them the `refused` grade."""
    comma = next(example for grade, example in _COMMA_EXAMPLES if grade != refused)
    because = next(example for grade, example in _BECAUSE_EXAMPLES if grade != refused)
    return f"{comma} or {because}"


def with_a_reason(refused: str | None = None) -> str:
    """How a prompt says a reason can come with a grade, its examples leaving out the `refused` grade."""
    return f"put a comma or dash after the grade, or `because`: {reason_examples(refused)}"


def typed_names(refused: str | None) -> str:
    """The grades as they may be typed (`good`, `RI`, …), but the `refused` one."""
    return ", ".join(typed for grade, typed in _TYPED_NAMES.items() if grade != refused)


# How the prompts say a reason can come with a grade (the overall grade, where every grade may be given).
WITH_A_REASON = with_a_reason()


def normalised(text: str) -> str:
    """Lower case, single spaces, no trailing full stop or exclamation: how grades are compared."""
    return " ".join((text or "").lower().split()).rstrip("!?")


def read_grade(text: str) -> str | None:
    """The one grade `text` names (a grade key such as "requires_improvement"), or None when it names none or
    could mean more than one."""
    lowered = normalised(text)
    if lowered.endswith(".") and lowered not in SHORT_FORMS:
        lowered = lowered.rstrip(".")
    if lowered in SHORT_FORMS:
        return SHORT_FORMS[lowered]
    words = lowered.replace("_", " ").split()
    if not words or any(word in _NEGATIONS for word in words) or lowered in _WORDS_NEAR_GOOD:
        return None
    spaced = " ".join(words)
    close = {SHORT_FORMS[name] for name, edits in _NAMES.items()
             if len(spaced) >= 3 and OSA.distance(spaced, name, score_cutoff=edits) <= edits}
    return close.pop() if len(close) == 1 else None


def read_grade_and_note(text: str, letters: bool = True) -> tuple[str, str | None] | None:
    """A grade on its own (note None), or a grade followed by a separator or "because" and a note ("RI, reviews have
    slipped", "inadequate because the drift is serious"), after a lead-in such as "actually" or "I think it's"; None
    when the text does not start with exactly one grade. With `letters` False a grade written as one letter or digit
    ("I", "G", "1") is not read: where a sentence is wanted, "I, too, saw the drift" is no Inadequate."""
    said = grade_words_and_note(text, letters)
    return (said[0], said[2]) if said is not None else None


def grade_words_and_note(text: str, letters: bool = True) -> tuple[str, str, str | None] | None:
    """As `read_grade_and_note`, with the words that named the grade as typed ("req imp" in "req imp, plans drift"),
    for a reply that shows the grade back the way its writer put it (`/audit edit 12 grade`'s example)."""
    typed = (text or "").replace("\u2019", "'")
    for said in dict.fromkeys((typed, _without_lead_in(typed))):
        grade = _named(said, letters)
        if grade is not None:
            return grade, " ".join(said.split()), None
        for pattern in (_GRADE_THEN_NOTE, _GRADE_BECAUSE):
            found = pattern.match(said)
            if found is not None and (grade := _named(found.group("grade"), letters)) is not None:
                note = _SAID_BECAUSE.sub("", " ".join(found.group("note").split()))
                return grade, " ".join(found.group("grade").split()), note
    return None


def without_because(note: str) -> str:
    """`note` without a "because" (or "cos", "coz", "'cause") at its front: a reason kept as typed after a grade
    never starts with the word that joined it to the grade."""
    return _SAID_BECAUSE.sub("", note, count=1)


def _without_lead_in(typed: str) -> str:
    """`typed` without the lead-in at its front: "actually", "I think it's" and the like, and "actually" or
    "overall" with one letter wrong ("actualy good - …" was refused whole though the grade and its reason were
    there)."""
    said = _LEAD_IN.sub("", typed, count=1)
    first = _FIRST_WORD.match(said)
    if first is not None and any(OSA.distance(first.group("word").lower(), word, score_cutoff=1) <= 1
                                 for word in _LONG_LEAD_INS):
        said = _LEAD_IN.sub("", said[first.end():], count=1)
    return said


# The words that give a grade as an opinion ("id say", "should be", "I'd grade it"), for a reason kept without a grade.
_OPINION = re.compile(r"^\s*(?:(?:i'?d|i would) (?:say|go (?:with|for)|(?:grade|rate|give|call)(?: (?:it|this|that))?"
                      r"(?: as)?)|(?:it |this |that )?(?:should|would) (?:be|have been)|more like)\b\s*"
                      r"(?P<said>[^,;:()\u2013\u2014\s]+(?: [^,;:()\u2013\u2014\s]+){0,2})\s*"
                      r"(?:[,;:\u2013\u2014]|\s-\s)\s*"
                      r"(?P<note>\S.*)$", re.IGNORECASE | re.DOTALL)


def without_grade_phrase(text: str) -> str:
    """`text` without a grade given as an opinion at its front ("id say RI-ish - the plan drifted" is "the plan
    drifted"), when the grade in it could not be read: a kept reason never starts with words meant as the grade,
    which the auditor and the worker would read (trial 25)."""
    said = _OPINION.match((text or "").replace("\u2019", "'"))
    return said.group("note").strip() if said is not None else text


def grade_starting(text: str) -> tuple[str, str | None] | None:
    """The grade a reason starts with, as `read_grade_and_note` reads it but never from one letter or digit: a
    moderator or auditor asked why who types "inadequate - the child was not heard" meant that grade, whatever they
    pressed before ("RI" still counts)."""
    return read_grade_and_note(text, letters=False)


def _named(said: str, letters: bool) -> str | None:
    if not letters and len(normalised(said).rstrip(".")) < 2:
        return None
    return read_grade(said)


# Trial 41: `id say good overall tbh` and `prob good` were refused at the overall grade. Words around a grade that
# say nothing of it ("overall", "tbh", "i think") are read past; words that hedge it ("prob", "maybe", "-ish") are read
# past too, but the grade is then confirmed before it is taken (bot.audits.typed_grade).
_HEDGES = (r"prob|probs|probably|maybe|possibly|perhaps|i\s+guess|i\s+suppose|borderline|just\s+about|sort\s+of|"
           r"kind\s+of|kinda|leaning\s+(?:towards?|to)|bordering\s+on|on\s+the\s+cusp\s+of|ish|-ish|at\s+a\s+push")
_HEDGE_FIRST = re.compile(rf"^(?:{_HEDGES})\b[\s,]*", re.IGNORECASE)
_AROUND = (r"overall|tbh|to\s+be\s+honest|honestly|i\s+think|i\s+reckon|imo|imho|really|on\s+balance|for\s+me|"
           r"all\s+in\s+all|id\s+say|i'd\s+say|i\s+would\s+say|then|here|for\s+this\s+one|for\s+this\s+case")
_AFTER = re.compile(rf"(?:[\s,]+|-)(?P<word>{_AROUND}|{_HEDGES})$", re.IGNORECASE)


def grade_in_words(text: str) -> tuple[str, bool] | None:
    """(the grade, whether it was hedged) of a grade said with words around it that say nothing of it: `id say good
    overall tbh` (Good), `prob good` (Good, hedged), `RI-ish`; None when no one grade is left once they are read past,
    or none were there (the grade readers read a grade alone)."""
    said = " ".join((text or "").replace("\u2019", "'").lower().split()).strip(" .!")
    hedged, before = False, said
    for _ in range(6):  # a few words each side, never a paragraph
        rest = _without_lead_in(said).strip(" ,")
        if (first := _HEDGE_FIRST.match(rest)) is not None:
            hedged, rest = True, rest[first.end():]
        if (last := _AFTER.search(rest)) is not None:
            hedged = hedged or _HEDGE_FIRST.fullmatch(last.group("word")) is not None
            rest = rest[:last.start()]
        if rest == said:
            break
        said = rest.strip(" ,")
    grade = read_grade(said) if said and said != before else None
    return None if grade is None else (grade, hedged)


# "keep", "keep it", "same reason": the grade and reason noted already, kept when going back to the overall grade (trial
# 41: "Noted already: Good." offered no way to keep the reason, which had to be typed again).
KEEP_WORDS = re.compile(r"^\s*(?:keep|keep\s+(?:it|that|both|them|the\s+reason|my\s+reason|the\s+grade|"
                        r"it\s+as\s+it\s+is)|same(?:\s+(?:reason|as\s+before|again))?|as\s+before|no\s+change)"
                        r"\s*[.!]?\s*$", re.IGNORECASE)

# "reuse", "reuse it", "re-use the reason": the reason noted for another grade, given for the grade chosen since. It is
# its own word (trial 43): `keep` kept a reason written for Requires improvement as the reason for Outstanding.
_REUSED = r"(?:it|that|them|the\s+same(?:\s+reason)?|(?:the|my)\s+(?:old\s+|earlier\s+)?reason)"
REUSE_WORDS = re.compile(rf"^\s*(?:re-?use(?:\s+{_REUSED})?|use\s+{_REUSED})(?:\s+again)?\s*[.!]?\s*$", re.IGNORECASE)
