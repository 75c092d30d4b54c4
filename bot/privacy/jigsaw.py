"""Details that together identify a family though no name is typed (trial 51, F1: 'the boy is the only year 4 pupil
with a brother in the PRU, dad is in HMP Durham and mum works at the Tesco on the high street' was stored, shown in
the review and sent to the worker; only a school's name was refused then).

Three shapes, each refused with what to write instead (bot/privacy/screen.py's KINDS):
- a named prison: 'HMP Durham', 'HMP/YOI Styal', 'HM Prison Leeds', 'Durham prison', 'durham prison' (a known place
  typed small); not 'in prison', 'an open prison', 'HMP' alone ('HMP visits are booked online');
- a parent's workplace pinned to a place: a chain's branch ('works at the Tesco on the high street', 'works at Greggs
  in the town centre') or a named local business ('works at Smiths Garage'); not 'works at Tesco', 'works at the
  hospital on nights', 'works part-time';
- a description only one child or family fits: 'the only year 4 pupil', 'the only girl in her year who…', 'the only
  traveller family on the estate'; not 'the only adult in the home', 'the only concern', 'only one of the children',
  'the only child seen alone'.
Tested in tests/unit/test_privacy_jigsaw54.py; the tuning items are in tests/data/privacy/corpus_tuning7.yaml.
"""

from __future__ import annotations

import functools
import re

from bot.privacy.detect import RELATIONS, Hit
from bot.privacy.high_street import high_street_names
from bot.privacy.lexicon import Lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = r"[A-Za-z][\w'’-]*"
# 'HMP Durham', 'HMP/YOI Styal', 'HMP & YOI Doncaster', 'HMYOI Wetherby', 'HM Prison Leeds', 'HM YOI Feltham'
_PRISON_PREFIX = re.compile(
    rf"\b(?i:HMP\s*(?:/|&|and)\s*YOI|HMYOI|HMP|HM\s+Prison|HM\s+YOI)\s+(?P<place>{_WORD}(?:\s+[A-Z][\w'’-]*){{0,2}})")
# 'Durham prison', 'Wormwood Scrubs Prison', 'durham prison'
_PRISON_AFTER = re.compile(rf"(?P<place>\b{_WORD}(?:\s+{_WORD})?)\s+prison\b", re.IGNORECASE)
# Words before 'prison' or after 'HMP' that name no prison: what kind of prison, or the sentence around it.
_NOT_A_PRISON = _words("""the a an in into to from of at for and or but is are was were be been his her their my our
your this that any every no local open closed adult adults women's womens woman's female male men's mens youth young
juvenile category cat high low security secure private public state federal uk english british welsh scottish
visit visits visiting visitor visitors staff rules guidance website service services estate estates establishment
establishments prison prisons officer officers sentence sentences sentenced remand release released leave leaving
left went gone sent back out time term life whole long short family families same different new old another other
cell discharge discharged booking bookings book booked phone phones calls email letters policy says said has have
will would can should does did offers provides runs inmates prisoners""")

_AT_WORK = r"\b(?:works?|working|worked|employed|(?:a\s+|her\s+|his\s+|their\s+)?job)\s+(?:at|for|in)\s+"
# 'on the high street', 'in the town centre', 'at the retail park', 'in Hexham', 'on Front Street': a branch's place
_PLACE_NOUNS = (r"high\s+street|town\s+centre|city\s+centre|retail\s+park|shopping\s+centre|shopping\s+park|precinct|"
                r"market|square|station|village|parade|arcade|mall|street|road|lane|avenue|estate|bus\s+station")
_BRANCH_PLACE = re.compile(
    rf"^\s+(?:on|in|at|near|by|opposite|next\s+to|off)\s+(?:the\s+)?(?P<where>(?:{_WORD}\s+){{0,2}}?(?:{_PLACE_NOUNS})"
    rf"\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_NOT_A_PLACE = _words("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december christmas easter the a an""")
# A named local business: capitalised words and what the business is ('Smiths Garage', 'the Red Lion pub')
_LOCAL_BUSINESS = re.compile(
    r"(?:the\s+)?(?P<business>(?:[A-Z][\w'’&-]*\s+){1,3}(?:garage|cafe|café|salon|bakery|takeaway|chippy|pub|"
    r"hotel|factory|warehouse|motors|ltd|limited|plc|inn|arms|barbers|butchers|florist|launderette)\b)",
    re.IGNORECASE)

# A family member's own business, pinned to a place (trial 53, F2: 'the one-legged dad who runs the chip shop on the
# high street'): running, owning or working at a kind of business, then where it is; not 'mum runs the house',
# 'mum works in a shop', 'dad works nights'.
_RUNS_A_BUSINESS = re.compile(
    r"\b(?:runs?|running|ran|owns?|owning|owned|manages?|managing|(?:works?|working|worked)\s+(?:at|in|on))\s+"
    r"(?:the|a|an|his|her|their)\s+(?P<business>(?:[\w'’&-]+\s+){0,2}?(?:shop|chippy|takeaway|cafe|café|pub|garage|"
    r"salon|bakery|newsagents?|off[\s-]licen[cs]e|restaurant|stall|barbers?|butchers?|hairdressers?|nail\s+bar|"
    r"car\s+wash|bar|hotel|b&b|launderette|florists?|chemists?|pharmacy|corner\s+shop|kebab\s+house|offie))\b",
    re.IGNORECASE)

_PERSON = (r"pupils?|child|children|kids?|girls?|boys?|students?|famil(?:y|ies)|young\s+(?:person|people)|"
           r"teenagers?|teens?|lads?|lass|person|twins?|siblings?|household|black\s+family|one")
_UNIQUE = re.compile(
    rf"\b(?:the|an?)\s+only\s+(?P<desc>(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON}))\b(?P<rest>.{{0,60}})",
    re.IGNORECASE | re.DOTALL)
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s*\d{1,2}\b|\breception\b|\bsixth[\s-]form\b", re.IGNORECASE)
# 'in her year', 'at the school', 'on the estate', 'in the village', 'in his class': a group outside the family
_GROUP = re.compile(
    r"^\s*(?:in|on|at|from|of|across)\s+(?:the\s+|her\s+|his\s+|their\s+|this\s+|that\s+|our\s+|a\s+)?"
    r"(?:[\w'’-]+\s+)?(?:year|class|school|form|village|estate|street|road|close|town|area|club|team|nursery|"
    r"setting|church|mosque|temple|gurdwara|synagogue|community|unit|ward|pru|academy|college|group|cul-de-sac|"
    r"block|flats|tower|site|park)s?\b", re.IGNORECASE)


def jigsaw_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """A named prison, a parent's workplace pinned to a place, and a description only one child or family fits, as
    written in `text` (see the module's docstring)."""
    return _prison_hits(text, lexicon) + _workplace_hits(text) + _business_hits(text) + _unique_hits(text)


def _names_a_prison(words: str, lexicon: Lexicon, after_hmp: bool = False) -> bool:
    """Whether the words beside 'prison' or after 'HMP' are a place's name, not the kind of prison or the sentence.
    After 'HMP' a word typed small is the prison's name unless it is an everyday word ('hmp hull', not 'hmp staff');
    before 'prison' it must be written as a name or be a known place ('durham prison', not 'the nearest prison')."""
    first = words.split()[0].casefold()
    if first in _NOT_A_PRISON:
        return False
    if after_hmp:
        return words[0].isupper() or first not in lexicon.everyday_words
    return words[0].isupper() or first in lexicon.places or first in lexicon.place_starts \
        or first not in lexicon.common_words


def _prison_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    hits = []
    for m in _PRISON_PREFIX.finditer(text):
        place = m.group("place")
        if _names_a_prison(place, lexicon, after_hmp=True):
            hits.append(Hit("prison", m.group(0)))
    for m in _PRISON_AFTER.finditer(text):
        words = m.group("place").split()
        while words and words[0].casefold() in _NOT_A_PRISON:
            words = words[1:]  # 'in Durham prison' is 'Durham prison'
        if not words or words[-1].casefold() in _NOT_A_PRISON or words[-1].upper() in ("HMP", "HMYOI", "YOI"):
            continue
        if any(h.words.casefold().endswith(words[-1].casefold()) for h in hits):
            continue
        if _names_a_prison(" ".join(words), lexicon):
            hits.append(Hit("prison", " ".join(words) + " " + m.group(0).split()[-1]))
    return hits


@functools.cache
def _chains() -> re.Pattern[str]:
    names = sorted(high_street_names(), key=len, reverse=True)
    return re.compile(rf"(?:the\s+)?(?P<chain>{'|'.join(re.escape(n) for n in names)})(?!\w)", re.IGNORECASE)


def _workplace_hits(text: str) -> list[Hit]:
    hits = []
    for m in re.finditer(_AT_WORK, text, re.IGNORECASE):
        rest = text[m.end():m.end() + 80]
        chain = _chains().match(rest)
        if chain:
            place = _BRANCH_PLACE.match(rest[chain.end():])
            if place and place.group("where").split()[0].casefold() not in _NOT_A_PLACE:
                hits.append(Hit("workplace", f"{chain.group('chain')} {place.group(0).strip()}"))
            continue
        business = _LOCAL_BUSINESS.match(rest)
        if business and business.group("business")[0].isupper():
            hits.append(Hit("workplace", business.group("business")))
    return hits


def _unique_hits(text: str) -> list[Hit]:
    hits = []
    for m in _UNIQUE.finditer(text):
        desc = m.group("desc")
        if _SCHOOL_YEAR.search(desc) or _GROUP.match(m.group("rest")):
            hits.append(Hit("unique", f"only {' '.join(desc.split())}"))
    return hits


def _business_hits(text: str) -> list[Hit]:
    """A family member who runs, owns or works at a kind of business and where it is ('dad who runs the chip shop on
    the high street'): with the rest of the case, one family; the same business with no place passes."""
    hits = []
    for m in _RUNS_A_BUSINESS.finditer(text):
        before = re.findall(r"[\w'’-]+", text[max(0, m.start() - 40):m.start()].casefold())
        if not any(re.sub(r"['’]s$", "", word) in RELATIONS for word in before):
            continue  # 'the youth club runs a tuck shop on the estate': no family member's
        if re.match(r"(?i)work", m.group(0)) and re.search(r"(?i)\san?\s+$", text[m.start():m.start("business")]):
            continue  # 'mum works in a shop in town': one shop of many; 'runs a cafe near the station' is hers
        place = _BRANCH_PLACE.match(text[m.end():m.end() + 60])
        first = place.group("where").split()[0].casefold() if place else ""
        if place and first not in _NOT_A_PLACE and first.removesuffix("s") not in _NOT_A_PLACE:
            hits.append(Hit("workplace", f"{' '.join(m.group('business').split())} {place.group(0).strip()}"))
    return hits
