"""A professional named with the family's school, nursery or GP: written by role instead.

Professionals may be named beside their role ('Mason the IRO', 'PC Walsh from the MASH', 'the DSL, Mr Hughes'): the
role says who they are, and the council's and partner agencies' staff point at no one family. In the user trial
(trial 43, finding 19) 'Grace from the school said attendance is ok' and 'need to chase Dr Patel the GP and PC Jones
about the DA incident' were saved, while the refusal text told people to write roles. The rule now is the one the
refusal says: a person named as from or at the child's school, nursery, college or GP surgery ('Grace from the
school', 'Mr Khan at the nursery'), or as the family's GP ('Dr Patel the GP', 'Dr O'Brien (GP)', 'GP Dr Patel'), is
refused with advice to write the role ('the class teacher', 'the GP'): beside the place a family uses, a name points
at the place and so at the family. Roles alone ('the GP', 'the class teacher', 'Team manager (South)') and staff
named beside a role with no such place ('Dr Okafor, paediatrician', 'the LADO Mrs Green') pass as before. Since
fix44c a titled name then 'the' and the family's GP or school role is refused in any case ('Mrs Khan the DSL', 'spoke
to dr patel the gp', 'mr obi the head said'): the DSL, the head and the class teacher are the child's school's.

Narrower than titling every professional (Dr X, PC X, Mrs X): that would refuse 42 of the 1,101 ordinary sentences
of the tuning corpora (tests/data/privacy), which name staff beside their roles; this rule refuses 5 of them, each
'Dr Patel the GP'.
"""

from __future__ import annotations

import re

from bot.privacy.detect import RELATIONS, ROLES, TITLES, Hit
from bot.privacy.lexicon import Lexicon

_NAME = r"[A-Z][\w'’-]*"
_TITLED = rf"(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|dr|mr|mrs|ms|miss)\.?\s+{_NAME}(?:\s+(?!GP\b){_NAME})?"
# The places a family uses, which a name beside them points at.
_PLACE = (r"(?i:(?:the|our|their|his|her|mum's|dad's|the\s+child's|the\s+family's)\s+(?:local\s+)?"
          r"(?:primary\s+|secondary\s+|high\s+)?(?:school|nursery|college|pre-?school|academy|"
          r"GP(?:\s+(?:surgery|practice))?|surgery|health\s+centre|medical\s+centre|children's\s+centre|"
          r"childminder)\b)")
_FROM_PLACE = re.compile(
    rf"(?P<name>{_TITLED}|\b{_NAME}(?:\s+{_NAME})?|\b[a-z][\w'’-]*)\s*,?\s+(?i:from|at)\s+{_PLACE}")
_GP = re.compile(rf"\b(?P<name>{_TITLED})\s*,?\s*\(?\s*(?i:(?:the|their|her|his|mum's|the\s+family's)\s+)?(?i:GP)\b"
                 rf"|\b(?i:GP)\s*,?\s*(?P<after>{_TITLED})")
# A titled name, in any case, then 'the' and a role at the family's school or GP (fix44c): 'Mrs Khan the DSL', 'spoke
# to dr patel the gp', 'mr obi the head said'. Not 'the head of service' (the council's), nor a role before the name
# or set off by commas ('DSL Mr Chaudhry', 'Mr Singh, the headteacher,'), which the tuning corpora hold as ordinary.
_ROLE_AFTER = re.compile(
    r"\b(?P<title>(?i:dr|doctor|mr|mrs|ms|miss|mx))\.?\s+(?P<name>[^\W\d_][\w'’-]*)\s+(?i:the)\s+"
    r"(?i:gp|dsl|designated\s+safeguarding\s+lead|head(?:\s*teacher|master|mistress)?(?!\s+of\b)|"
    r"deputy\s+head(?:\s*teacher)?|class\s+teacher|senco)\b")


def with_professional_places(text: str, hits: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """The screen's hits with each professional named beside the family's place that they do not hold already: a
    name found as a name stays one ('Mrs Khan at the school gate' may be mum), so the refusal names it once."""
    return hits + [hit for hit in professional_place_hits(text, lexicon)
                   if not any(hit.words in other.words or other.words in hit.words for other in hits)]


def professional_place_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """Each person named as from or at the family's school, nursery or GP, or as their GP: `Hit('professional', ...)`
    with the name as typed."""
    if not re.search(r"\b(?:from|at|GP|DSL|head|headteacher|teacher|SENCO|lead)\b", text, re.IGNORECASE):
        return []  # most texts: no place to tie a name to
    hits = [Hit("professional", m.group("name") or m.group("after")) for m in _GP.finditer(text)]
    hits += [Hit("professional", text[m.start():m.end("name")]) for m in _ROLE_AFTER.finditer(text)
             if _a_surname(m.group("title"), m.group("name"), lexicon)]
    for m in _FROM_PLACE.finditer(text):
        words = m.group("name").split()
        while words and not _a_person(words[0], lexicon):
            words = words[1:]  # 'Today Grace from the school': the name is 'Grace'
        if words:
            hits.append(Hit("professional", " ".join(words)))
    return list(dict.fromkeys(hits))


def _a_person(first: str, lexicon: Lexicon) -> bool:
    """A title, or a given name (capitalised, or in lower case one that is no everyday word): not 'Support from
    the school', 'Nobody from the nursery', 'mum at the school', 'SENCO from the school'."""
    first = first.rstrip(".")
    if first.casefold() in TITLES or first.casefold() in ("dr", "doctor", "prof"):
        return True
    folded = first.casefold().replace("’", "'")
    if folded in ROLES or folded in RELATIONS or folded in lexicon.never_names:
        return False
    if first[0].isupper():  # a listed given name, or a word no dictionary knows ('Tunde')
        return folded in lexicon.given or folded in lexicon.census_given or folded in lexicon.everyday_names or (
            lexicon.has_lists and folded not in lexicon.known_words and not first.isupper())
    return folded in lexicon.census_given and folded not in lexicon.everyday_words


def _a_surname(title: str, name: str, lexicon: Lexicon) -> bool:
    """The word after a title is a person's name: capitalised, or in lower case a listed name or a word no dictionary
    knows, and never an everyday word after 'miss' or 'ms' ('we miss appointments the GP offers')."""
    folded = name.casefold().replace("’", "'")
    if folded in ROLES or folded in RELATIONS or folded in lexicon.never_names or folded in ("the", "a", "an"):
        return False
    if name[0].isupper():
        return True
    listed = folded in lexicon.surnames or folded in lexicon.given
    unknown = lexicon.has_lists and folded not in lexicon.known_words
    if title.casefold() in ("miss", "ms"):
        return (listed or unknown) and folded not in lexicon.everyday_words and folded not in lexicon.common_words
    return listed or unknown
