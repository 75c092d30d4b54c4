"""When a child's name from a national review is a citation of the review, and when it is a child of the case.

The name finders let every public name on the lists through (bot/privacy/public_cases.py). In the user trial
(trial 43, finding 1) that let 'reflect 149 I saw Arthur Labinjo-Hughes alone at school' be stored, and 'what do i
do about Arthur Labinjo-Hughes attendance at school' reach the QA leads' list: a worker's own case child can have
one of these names. So a child's name on the list is taken back as a name (`uncited_public_cases`):
- always in audit free text (reflections, evidence notes, areas for development, reasons): there it is treated like
  any other name, and the reviews are cited by what they taught ('the review into a six-year-old's death');
- elsewhere (a knowledge question, a campaign's name) unless the words around it say plainly that the review, the
  case or its lessons are meant: 'what did the Arthur Labinjo-Hughes review find', 'lessons from the Star Hobson
  case', 'the Peter Connelly case led to …', 'the national review into Star Hobson's death', 'Victoria Climbié and
  Baby P remind us …'. Names joined by 'and' or commas share the words around them ('the Arthur Labinjo-Hughes and
  Star Hobson review'). A text with a case reference, a name after 'my' or 'our', and a sentence about seeing,
  visiting or meeting the child ('I saw …', 'allocated to me') are about a live case, so the name is refused there.
Authors' names (public_review_authors.txt) are no children and pass everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.privacy.detect import Hit
from bot.privacy.public_cases import cited_spans, public_children

# Letters only, and not part of a token with digits: 'Voice of the child Q3' names a quarter, not Child Q.
_WORD = re.compile(r"(?<![\w])[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*(?![\d_])")
# What may join names cited together: 'A and B', 'A, B and C', 'Peter Connelly (Baby P)'.
_JOIN = re.compile(r"^[\s,()&/]*(?:\b(?:and|or)\b[\s,()]*)?$", re.IGNORECASE)
_REVIEW_NOUN = r"(?:reviews?|inquiry|inquiries|inquest|reports?|scrs?|csprs?|deaths?|murders?|killing|trial|tragedy)"
# After the names: "'s", a bracket, qualifiers, then what was written about the child ('review', 'inquiry', 'death').
_AFTER = re.compile(
    r"^(?:['’]s?)?\)?\s*(?:(?:national|serious|case|child|children's|safeguarding|practice|local|independent|public|"
    rf"panel|learning)\s+)*(?:{_REVIEW_NOUN}|(?P<case>cases?))\b(?P<rest>[^.;!?\n]{{0,40}})",
    re.IGNORECASE)
# A case named so is the review's only after 'the' ('the Peter Connelly case led to'), and not a file worked on.
_CASE_WORKED = re.compile(r"^\s+(?:file|notes?|records?|worker|plan|conference|is\s+(?:open|allocated)|"
                          r"was\s+allocated|allocated|transferred)\b", re.IGNORECASE)
# Before the names: 'lessons from', 'the death of', 'the review into', 'cases like'.
_BEFORE = re.compile(
    r"(?:\b(?:lessons?|learning|learnt|learned|learn|findings?|recommendations?|messages?|themes?)\s+"
    r"(?:from|of|about|in|on)\s+(?:the\s+)?(?:(?:cases?|deaths?|murders?|killings?|reviews?|inquir(?:y|ies))\s+"
    r"(?:of|into)\s+(?:the\s+)?)?"
    r"|\b(?:deaths?|murders?|killings?|cases?|traged(?:y|ies))\s+of\s+"
    rf"|\b{_REVIEW_NOUN}\s+(?:into|of|on|about)\s+(?:the\s+)?(?:deaths?\s+of\s+)?"
    r"|\b(?:cases|reviews|inquiries)\s+(?:like|such\s+as|including)\s+)$", re.IGNORECASE)
_TAUGHT = re.compile(r"^(?:['’]s)?\)?\s*,?\s*(?:remind(?:s|ed)?|taught|teach(?:es)?)\s+us\b", re.IGNORECASE)
_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_OWN = re.compile(r"\b(?:my|our|your|this|his|her|their)\s+$", re.IGNORECASE)
# A sentence about working with the child: 'I saw', 'we visited', 'allocated to me' ('the review found she was not
# seen alone' is a lesson: a name with no citation beside it, 'X was seen alone', is refused anyway).
_LIVE = re.compile(
    r"\b(?:(?:i|we)\s+(?:saw|see|visited|visit|met|meet|spoke|speak|talked|work(?:ed)?\s+with|am\s+working)|"
    r"allocated|caseload)\b", re.IGNORECASE)


def uncited_public_cases(text: str, public: frozenset[str], strict: bool,
                         tied_to_a_case: Callable[[], bool]) -> list[Hit]:
    """The children's names from `public` (the screen's public names) written in full in `text` that are not
    plainly a citation of their review here: all of them when `strict` (audit free text) or when the text is
    `tied_to_a_case` (it holds a case reference: asked lazily, only when such a name is there)."""
    children = public & public_children()
    if not children:
        return []
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    spans = sorted(set(cited_spans(words, children)))
    if not spans:
        return []
    if strict or tied_to_a_case():
        return _hits(text, spans)
    return _hits(text, [span for group in _groups(text, spans) if not _cited(text, group) for span in group])


def _hits(text: str, spans: list[tuple[int, int]]) -> list[Hit]:
    return [Hit("name", re.sub(r"['’]s$", "", text[start:end])) for start, end in spans]


def _groups(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The names cited together, each group in the order written: 'the A, B and C review' is one group."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups and _JOIN.match(text[groups[-1][-1][1]:span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _cited(text: str, group: list[tuple[int, int]]) -> bool:
    """Whether the words around the group say that the review, the case or its lessons are meant, in a sentence
    that is not about working with the child."""
    start, end = group[0][0], group[-1][1]
    before, after = text[max(0, start - 80):start], text[end:end + 80]
    sentence = re.split(r"[.;!?\n]", before)[-1] + text[start:end] + re.split(r"[.;!?\n]", after)[0]
    if _OWN.search(before) or _LIVE.search(sentence):
        return False
    if _BEFORE.search(before) or _TAUGHT.match(after):
        return True
    found = _AFTER.match(after)
    if found is None:
        return False
    return not found.group("case") or (bool(_THE.search(before)) and not _CASE_WORKED.match(found.group("rest")))
