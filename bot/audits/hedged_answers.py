"""A yes/no question answered in softer words: `not really, outcomes vague`, `not due yet`, `partly`.

Trial 27 typed `not really, outcomes vague` at a yes/no question and was told "Please answer yes or no", and `not due
yet` at one that allows not applicable was refused where `na not due yet` was taken. Such words are read only where
the question's own answers leave one meaning:

- "not really", "not at all" (and "no, not really", "definitely not"): No;
- "not due yet", "not yet due", "not due": Not applicable, where the question allows it (a review not yet due is the
  checklists' own example of not applicable); at a question without it, nothing is read;
- "partly", "partially", "not fully", "to some extent" and the like are not read here: a yes/no question has no
  "partly" answer, so bot.audits.hedged_answer asks which answer it is and keeps the note typed for it.

The words are kept as the note when more follows them (`not really, outcomes vague` is No with the note "not really,
outcomes vague"), so what was said is on file as it was said; alone, "not really" is No, and "not due yet" is Not
applicable with those words as its note. Choice questions read their own options (bot.audits.option_words): one with a
"Partly" option takes it there.

A yes or a no said as what the auditor found (trial 29: `cant see it recorded anywhere` was refused, where `no cant see
it recorded` was No with its note) is read too, the words kept as the note as for "not really":

- a clear negative statement is No: "cant see it recorded anywhere", "can't find", "not recorded", "not on file",
  "nothing on file", "none on file", "there isn't one", "not been done", "wasn't done", "never happened";
- its mirror is Yes: "it's on file", "can see it", "been done", "is recorded", "evidenced in the notes";
- never a question back: a line with a `?` (`can't see what?`, `where would it be recorded?`) is no answer here, nor is
  "can't see why not", which says the opposite of its first words;
- a statement that goes on to say otherwise (`recorded but out of date`, `on file though not signed`) is both, so
  `mixed` gives it to bot.audits.hedged_answer, which asks "Is that a yes or a no?" and keeps the words as the note.

Pure: bot.audits.flow reads an answer alone with it, bot.audits.questions an answer with its note.
"""

from __future__ import annotations

import re

from knowledge.checklist_schema import Question

MIN_NOTE_WORDS = 3  # the fewest words an answer's note may have to be evidence (bot.audits.questions)
# Two words are evidence when they say when or how old (trial 32: `yes same day`, `na shes 14` were "too short"):
# a number, or a word of time; "clear outcomes" or "nothing urgent" still says too little.
_WHEN_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "yesterday", "today",
                         "tomorrow", "daily", "weekly", "fortnightly", "monthly", "hour", "hours", "yrs", "yr",
                         "wks", "wk", "mths", "mth", "late", "overdue", "timescale", "timescales", "within"})


# Words that say how the auditor feels about the file, never what is on it (trial 48: `ok i guess` was taken as the
# evidence for Good over a chronology out of date), and the small words said with them. A note made only of these,
# with at least one of the first, is vague, however many words it has.
VAGUE_WORDS = frozenset({
    "ok", "okay", "k", "kk", "oki", "okey", "okish", "ok-ish", "fine", "fine-ish", "good", "alright", "allright",
    "seems", "seem", "seemed", "looks", "looked", "guess", "think", "suppose", "reckon", "yeah", "yep", "mostly",
    "pretty", "fairly", "generally", "broadly", "overall", "basically", "enough", "reasonable", "reasonably",
    "satisfactory", "decent", "bad", "expected", "grand", "sound", "sure", "probably", "nice", "great", "solid",
    "adequate", "acceptable", "standard", "usual", "normal", "ish", "lol", "tbh", "imo", "hmm", "meh", "whatever",
})
_SAID_WITH_THEM = frozenset({
    "i", "all", "so", "yes", "quite", "not", "too", "it", "its", "it's", "that", "this", "is", "was", "as", "kind",
    "of", "sort", "much", "more", "or", "less", "well", "really", "very", "nothing", "to", "add", "say", "on", "the",
    "whole", "about", "par", "for", "course", "same", "everything", "a", "bit", "look", "right", "seem", "be",
})


def vague_note(note: str) -> bool:
    """Whether a note says only how the file felt (`ok i guess`, `fine`, `seems ok`, `all good`): every word one of
    VAGUE_WORDS or the small words said with them, so nothing in it says what was seen, and it is refused as evidence
    whatever its length."""
    words = [word.strip(".,;:!?'\"()-\u2019") for word in note.casefold().replace("\u2019", "'").split()]
    words = [word for word in words if word]
    return (any(word in VAGUE_WORDS for word in words)
            and all(word in VAGUE_WORDS or word in _SAID_WITH_THEM for word in words))


def note_refused(note: str) -> str:
    """Why a note is not evidence, as the refusal says it: too vague (`vague_note`) or too short."""
    if vague_note(note):
        return "too vague to be evidence (it says nothing of what you saw)"
    return f"too short to be evidence (at least {MIN_NOTE_WORDS} words)"


def note_long_enough(note: str) -> bool:
    """Whether an answer's note has words enough to be evidence: MIN_NOTE_WORDS, or two that say when or how old
    ("same day", "shes 14"); never a vague one (`ok i guess`, `vague_note`)."""
    words = note.casefold().split()
    if vague_note(note):
        return False
    if len(words) >= MIN_NOTE_WORDS:
        return True
    return len(words) == 2 and any(any(c.isdigit() for c in word) or word.strip(".,;:!") in _WHEN_WORDS
                                   for word in words)
_REST = r"(?:[\s,.;:!\u2013\u2014-]+(?P<rest>\S.*?))?[\s.!]*$"
# "nah not really", "nope, not at all" (trial 29: "Please answer yes or no", where "no, not really" was No)
_NO = re.compile(r"^\s*(?:(?:no|nah|nope|naw)[\s,.;:-]+not\s+(?:really|at\s+all)|not\s+really[\s,]+(?:no|nah)"
                 r"|not\s+really|not\s+at\s+all|definitely\s+not|"
                 r"certainly\s+not|absolutely\s+not|not\s+in\s+the\s+slightest)\b"
                 r"(?![\s,]+(?:sure|certain|know|i\s+know|able|possible|clear\s+(?:if|whether))\b)"  # unsure: not a no
                 + _REST, re.IGNORECASE | re.DOTALL)
_NOT_DUE = re.compile(r"^\s*(?:not\s+(?:yet\s+)?due(?:\s+yet)?|not\s+due\s+for\s+(?:it|one)\s+yet)\b" + _REST,
                      re.IGNORECASE | re.DOTALL)


# Who or what a statement is about, and its verb, before what was found: "it's", "it was", "there is", "has", "was".
_LEAD = (r"(?:(?:(?:it|this|that|they|he|she|there)(?:'s|s|\s+is|\s+was|\s+has|\s+have|\s+are|\s+were|\s+had)?"
         r"|is|was|has|have|had|are|were)\s+)?")
# What is found, or not, on a file: "recorded", "on file", "done".
_FOUND = (r"(?:recorded|documented|evidenced|uploaded|done|completed|held|offered|seen|found|in\s+place|happened"
          r"|there|on\s+(?:the\s+)?(?:file|system|record|records|case\s+file))")
_NEGATIVE = re.compile(
    r"^\s*(?:"
    r"(?:i\s+|we\s+)?(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|unable\s+to|did\s*n'?t|did\s+not|have\s*n'?t"
    r"|have\s+not)\s+(?:see|seen|find|found|locate|located|spot|spotted|trace|traced|evidence)\b"
    r"(?!\s+(?:why|how|what|who|where|when|which|whether|if|any\s+reason|a\s+reason|the\s+(?:point|harm|need)"
    r"|anything\s+wrong|a\s+problem|an\s+issue"  # "can't see why not": no answer in its first words
    r"|(?:the\s+|a\s+|any\s+)?(?:guidance|policy|procedure|button|option|question|checklist|help))\b)"  # the bot's own
    rf"|{_LEAD}(?:not|never)\s+(?:yet\s+)?(?:been\s+)?{_FOUND}"
    rf"|(?:(?:it|this|that|they|he|she|one)\s+)?(?:isn'?t|wasn'?t|hasn'?t|haven'?t|hadn'?t|aren'?t|weren'?t)"
    rf"\s+(?:yet\s+)?(?:been\s+)?{_FOUND}"
    r"|(?:(?:it|this|that|they|he|she)\s+)?(?:did\s*n'?t|did\s+not|never)\s+(?:happen|take\s+place)"
    r"|there(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+(?:none|nothing)"
    r"|there\s+(?:isn'?t|wasn'?t|aren'?t|weren'?t|is\s+not|was\s+not)\s+(?:one|any|a\s+record)"
    r"|(?:nothing|none)\s+(?:on\s+(?:the\s+)?(?:file|system|record|records|case\s+file)|recorded|found|seen"
    r"|documented|evidenced|uploaded|in\s+(?:the\s+)?(?:file|notes|case\s+notes|records?))"
    r"|not\s+(?:that\s+i\s+(?:can|could)\s+(?:see|find|tell)|as\s+far\s+as\s+i\s+(?:can|could)\s+(?:see|tell))"
    r")\b", re.IGNORECASE)
_SUBJECT = r"(?:it|this|that|they|he|she)"
_IS = (rf"(?:{_SUBJECT}(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+|(?:is|was|are|were)\s+"
       rf"|(?:{_SUBJECT}\s+)?(?:has|have|had)\s+)?")  # "it's", "they were", "has": before "recorded" or "been done"
_POSITIVE = re.compile(
    r"^\s*(?:"
    rf"{_IS}(?:(?:also\s+|all\s+)?been\s+)?(?:clearly\s+|all\s+)?(?:recorded|documented|evidenced|uploaded"
    r"|in\s+place|on\s+(?:the\s+)?(?:file|system|record|records|case\s+file))"
    rf"|{_IS}(?:also\s+)?been\s+(?:done|completed|held|offered|seen)"
    rf"|{_SUBJECT}\s+(?:was|were)\s+(?:done|completed|held|offered)"
    r"|(?:i\s+|we\s+)?(?:can|could)\s+(?:see|find)\s+(?:it|them|this|that|one|evidence|a\s+record|the\s+record|records?)"
    r"|there(?:'s|s|\s+is|\s+was)\s+one(?=\s*(?:$|[,.;:\-\u2013\u2014(]|on\s|in\s|recorded|dated|from\s))"
    r")\b(?!\s+(?:not|never|nowhere|where|how|when|what|who|which|why|whether|if)\b)", re.IGNORECASE)  # a question
# Words that take back what a statement said: `recorded but out of date` is both a yes and a no; after a yes, so does a
# negative (`on file, not signed`, `recorded as declined`), where after a no it only says more (`not recorded, no
# plan either`).
_OTHERWISE = (r"but|though|tho|although|however|except|apart\s+from|other\s+than|whereas|partly|partially|not\s+fully"
              r"|not\s+all|only\s+some|out\s+of\s+date|incomplete")
_TAKEN_BACK = {"no": re.compile(rf"\b(?:{_OTHERWISE})\b", re.IGNORECASE),
               "yes": re.compile(rf"\b(?:{_OTHERWISE}|not|no|nothing|never|none|nowhere|\w+n'?t|cannot|declined|refused"
                                 r"|missed|cancelled)\b",
                                 re.IGNORECASE)}


# Not knowing, said at a yes/no question (trial 29: `dunno`, `tbc`, `not sure` got "Please answer yes or no", which says
# nothing of what to do when the file does not say)
_UNSURE = re.compile(r"^\s*(?:dunno|don'?t\s+know|do\s+not\s+know|idk|not\s+sure|unsure|not\s+certain|uncertain"
                     r"|unclear|not\s+clear|not\s+known|unknown|no\s+idea|can'?t\s+tell|cannot\s+tell"
                     r"|hard\s+to\s+(?:say|tell)|tbc|tbd|to\s+be\s+(?:confirmed|checked)|need\s+to\s+check|will\s+check"
                     r"|checking)\b", re.IGNORECASE)


def unsure(text: str) -> str | None:
    """The words `text` starts with that say the auditor does not know (`dunno`, `not sure`, `tbc`): no answer, and
    told what to do instead (bot.audits.flow); None when it starts otherwise."""
    found = _UNSURE.match((text or "").replace("\u2019", "'"))
    return None if found is None else " ".join((text or "")[found.start(0):found.end(0)].split())


def _statement(said: str) -> tuple[str, re.Match[str] | None] | None:
    """("no" or "yes", and what takes it back after it, if anything: `but`) for a line that starts by saying what was
    found; None for a question (`?`) or any other line. Curly apostrophes are read as straight ones."""
    if "?" in said:
        return None
    plain = said.replace("\u2019", "'")
    for meant, pattern in (("no", _NEGATIVE), ("yes", _POSITIVE)):
        if (found := pattern.match(plain)) is not None:
            return meant, _TAKEN_BACK[meant].search(plain, found.end())
    return None


def short_finding(note: str, value: str) -> bool:
    """Whether a two-word note says plainly what was or was not found on the file, agreeing with the answer it goes
    with (`no, not recorded`, `no, not seen`, `yes, is recorded`): trial 59 (F2) was refused "too short to be evidence"
    for it, at a question asking whether something was recorded, where those words are the finding itself."""
    said = " ".join(note.split()).rstrip(" .!")
    stated = _statement(said)
    return len(said.split()) == 2 and stated is not None and stated[1] is None and stated[0] == value


def hedged(question: Question, text: str) -> tuple[str, str | None] | None:
    """("no", "yes" or "na", the note) for a yes/no answer in softer words or said as what was found (`cant see it
    recorded anywhere`); the note is the words as typed when more follows them (or, for "not due yet" and a statement,
    always), None for "not really" alone or words too few to be a note ("not due", "not recorded"). None when the words
    are not one of these, say both (`mixed`), or the question does not have the answer they mean."""
    if question.type != "yes_no":
        return None
    said = " ".join((text or "").split()).rstrip(" .!")
    if (found := _NO.match(said)) is not None:
        meant, kept = "no", bool(found.group("rest"))
    elif question.allow_na and (found := _NOT_DUE.match(said)) is not None:
        meant, kept = "na", True
    elif (stated := _statement(said)) is not None and stated[1] is None:
        meant, kept = stated[0], True
    else:
        return None
    return meant, (said if kept and note_long_enough(said) else None)


def mixed(question: Question, text: str) -> tuple[str, str] | None:
    """(the words that say both, up to the one taking the statement back: "recorded but", and the whole line as the
    note) for a statement that goes on to say otherwise at a yes/no question (`recorded but out of date`), so which
    answer it is gets asked (bot.audits.hedged_answer); None for any other line."""
    said = " ".join((text or "").split()).rstrip(" .!")
    stated = _statement(said) if question.type == "yes_no" else None
    if stated is None or stated[1] is None:
        return None
    return said[:stated[1].end()].rstrip(" ,;:-") + " …", said
