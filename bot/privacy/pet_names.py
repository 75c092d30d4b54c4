"""A child called by a pet name, and a word-name watched over, that the name finder lets through (fix44c).

- A pet name standing for one child as a name does: 'lil man was really chatty today', 'spoke to little man about
  school', 'Little Miss was upset'. With no word before it saying which ('the', 'a', 'his', 'our') it is what the
  family calls him, and it names him to anyone who knows them; with one ('the little man was upset', 'a little man',
  'the baby girl') it describes a child, as 'the baby' does, and passes. 'little one' passes: practice writes it of
  any small child ('the little ones', 'little one was asleep' alike).
- A word that is a child's name (a listed given name, or a virtue name such as Success: data/virtue_names.txt) as the
  one others are asked to watch, with 'she' or 'he' after it: 'keep an eye on success as she seems low', 'worried
  about grace because she has stopped eating'. No thing is 'she', so the word is the child. Not 'keep an eye on
  money as she is in debt' (money is no listed name), 'keep an eye on progress', 'keep an eye on mum as she...'.
Both are found in full mode only (screen.py), after the name finder, and quoted as typed.
"""

from __future__ import annotations

import re

from bot.privacy.detect import RELATIONS, ROLES, TITLES, Hit
from bot.privacy.lexicon import Lexicon

# 'lil man', 'little man', 'lil miss', 'little lady': not after a word saying which child ('the little man').
_PET = re.compile(
    r"(?<![\w'’-])(?P<pet>(?:lil|little)\s+(?:man|miss|lady|mister|madam))(?![\w'’-])", re.IGNORECASE)
# What follows a pet name standing as the child: a person's verb, or a pause after the child was met or spoken to.
_WHICH_BEFORE = re.compile(r"\b(?:the|a|an|this|that|his|her|their|our|my|your|poor|such|some|any|one|old)\s+$",
                           re.IGNORECASE)
_AS_SUBJECT = re.compile(
    r"^\s+(?:(?:also|then|still|now|never|always|just|really|often|sometimes|again)\s+)?"
    r"(?:was|is|has|had|seemed|seems|said|says|told|tells|cried|wants|wanted|loves|likes|hates|showed|shows|"
    r"didn['’]?t|doesn['’]?t|won['’]?t|can['’]?t|wasn['’]?t|isn['’]?t|hasn['’]?t|asked|ran|went|came|got|gets|"
    r"looked|looks|felt|feels|refused|drew|played|enjoyed|misses|missed|disclosed|needs|needed)\b", re.IGNORECASE)
_MET_BEFORE = re.compile(r"\b(?:saw|seen|met|visited|(?:spoke|spoken|talked|chatted|sat|played)\s+(?:to|with)|"
                         r"see|meet|visit|(?:speak|talk)\s+(?:to|with))\s+$", re.IGNORECASE)
# Asked to watch over someone, or worried about them, then 'she' or 'he' after a conjunction.
_WATCHED = re.compile(
    r"\b(?:(?:keep|keeping|kept|keeps)\s+(?:a\s+(?:close\s+)?|an\s+)?eye\s+on|(?:check|checking|checked)\s+(?:in\s+)?on|"
    r"(?:look|looking|looked)\s+out\s+for|(?:worried|worries|worry|concerned|anxious)\s+(?:about|for)|"
    r"(?:watch|watching)\s+(?:over\s+)?)\s+"
    r"(?P<word>[^\W\d_][\w'’-]*)(?=\s*,?\s+(?:as|because|cos|coz|since|who|when)\s+(?:she|he)\b)", re.IGNORECASE)


def pet_name_hits(text: str) -> list[Hit]:
    """Each pet name standing as a child's name ('lil man was upset', 'spoke to little man'): `Hit('name', ...)`."""
    if not re.search(r"\b(?:lil|little)\b", text, re.IGNORECASE):
        return []  # most texts
    hits: list[Hit] = []
    for m in _PET.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        if _WHICH_BEFORE.search(before):
            continue  # 'the little man was upset': a child described, as 'the baby' is
        if _AS_SUBJECT.match(text[m.end():m.end() + 40]) or _MET_BEFORE.search(before):
            hits.append(Hit("name", m.group("pet")))
    return list(dict.fromkeys(hits))


def watched_name_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """Each child's name as the one to watch over, with 'she' or 'he' after it: `Hit('name', word)` as typed."""
    hits: list[Hit] = []
    for m in _WATCHED.finditer(text):
        word = m.group("word")
        folded = word.casefold().replace("’", "'")
        if folded in RELATIONS or folded in ROLES or folded in TITLES or folded in lexicon.never_names:
            continue  # 'keep an eye on mum as she is struggling'
        if folded in lexicon.virtue_names or (folded in lexicon.given and (
                folded not in lexicon.everyday_words or folded in lexicon.everyday_names)):
            hits.append(Hit("name", word))
    return list(dict.fromkeys(hits))
