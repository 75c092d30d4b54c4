"""Names in knowledge-base content: the screen's content mode (`Screen.find(text, mode="content")`).

Knowledge-base entries rightly name judgments, tools, places and public reviews ('Gillick', 'Makaton', 'Wales',
'the Philomena Protocol'), so a name-like word on its own is not refused there as it is in what people type. But a
child's full name is as plain in an entry's answer as in a case note ('e.g. for Jayden Smith, who lives with nan'),
and kb check once passed it while the chat's form refused it. Content mode takes, from the same name finder as
free text, every name of two or more words (a given name and a surname from the installed lists, 'Mrs Begum',
'Tyler, Madison'), besides what it always took: the council's own names file (and a nickname in quotes). A public
case cited in full ('Star Hobson') passes as everywhere (bot/privacy/public_cases.py).

A given name alone was passed too, until an entry's 'e.g. for Kayden, who lives with nan' reached practitioners (P9):
content mode now takes a capitalised given name that is no common English word, no place and no part of a longer
name, where the words around it say a child is meant (single_name_hits), and the name finder takes it there too.

Speed: kb check, every reload, every edit the bot writes and a first start screen the whole knowledge base
(74,000 texts at 20,000 entries), so each name finder runs only on a text where it could find something: two
words side by side that could both be part of a name, for the full names; a word of the names file (or a surname
known by its start, 'McDonagh', written as a name), for the names file; a given name with a person's words around
it, for a name alone. Most texts have none and cost a few set look-ups, on their words as plain strings (folded
once per word, not per text; where each word stands is read only for a given name that could stand alone). The
finders themselves are kept between texts: what they learn of a word (a given name? a surname?) holds for every
text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from bot.privacy.detect import (
    _FAMILY_GROUP,
    _NICKNAME,
    _ONLY_A_PERSON,
    _POSSESSED,
    _REVIEW_QUALIFIERS,
    _REVIEW_WORDS,
    _SPEECH_AFTER,
    _TOKEN,
    PERSON_STRONG,
    RELATIONS,
    TITLES,
    Hit,
    NameFinder,
    Token,
    written_as,
)
from bot.privacy.family_names import (
    EVERYDAY_SURNAMES,
    FAMILY_NOUNS,
    ORDINARY_BEFORE_FAMILY,
    RELATIVE_TITLES,
    family_name_hits,
    relative_name_spans,
)
from bot.privacy.lexicon import Lexicon
from bot.privacy.person_context import PersonContextFinder

# Words of a full name in no list: a surname's particle ('Kai de Souza').
PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "bin", "al",
                        "el", "ter", "ten"})
# A surname known by its start whatever the lists say ('McDonagh', "O'Neill"), as the name finder knows one.
_SURNAME_START = re.compile(r"^(?:mc|mac|o'|al-|el-|van|de|di|le|la)")


def content_name_hits(text: str, lexicon: Lexicon, listed: frozenset[str]) -> list[Hit]:
    """The names content mode refuses in `text`: those of two or more words, and the names file's."""
    words = _TOKEN.findall(text)  # the name finder's words, without their places: most texts need none
    folded = [_fold(word) for word in words]
    hits: list[Hit] = []
    if listed and (_may_be_listed(text, words, folded, listed) or _NICKNAME.search(text)):
        hits += [hit for hit in _finder(_words_only(lexicon), listed).hits(text) if hit.kind == "name"]
    if not lexicon.has_lists:
        return hits
    mode = written_as(text, words)
    if _name_pair(words, folded, mode, lexicon, listed):
        hits += [hit for hit in full_names(text, _finder(lexicon, listed), mode) if hit not in hits]
    if mode == "mixed" and any(_may_stand_alone(word, bare, lexicon) for word, bare in zip(words, folded, strict=True)):
        tokens = [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        hits += not_within(single_name_hits(text, tokens, folded, lexicon, listed), hits)
    if any(bare in FAMILY_NOUNS and (_may_name_a_family(folded[k - 1], lexicon) or (  # 'the White family' too
            words[k - 1][:1].isupper() and folded[k - 1] in lexicon.frequent_surnames))
           for k, bare in enumerate(folded) if k):
        tokens = [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        hits += not_within(family_name_hits(_finder(lexicon, listed), text, tokens, mode), hits)
    if any(bare in RELATIVE_TITLES for bare in folded[:-1]):  # 'invite nanna pat', 'Grandad Bill' (F10, trial 12)
        tokens = [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        finder = _finder(lexicon, listed, PersonContextFinder)
        relatives = relative_name_spans(finder, text, tokens, mode, any_case=True)  # type: ignore[arg-type]
        hits += not_within([Hit("name", text[tokens[i].start:tokens[j].end]) for i, j in relatives], hits)
    return hits


def full_names(text: str, finder: NameFinder, mode: str) -> list[Hit]:
    """The names of two or more words the name finder finds in `text`, once each. A name of one word it found with
    a surname written after it counts with the surname: 'should i ask darren price about…' is a full name in lower
    case (a learned wording is kept so; trial 15, F12), though the finder, taking 'darren' alone, stops there."""
    names: list[Hit] = []
    for hit in finder.hits(text):
        if hit.kind != "name":
            continue
        words = hit.words
        after = re.search(rf"(?<!\w){re.escape(words)} ({_TOKEN.pattern})", text) if " " not in words else None
        if after is not None and finder.is_given(words) and finder._surname(after.group(1)) \
                and finder._full_name(words, after.group(1), mode):
            words = f"{words} {after.group(1)}"
        if len(_TOKEN.findall(words)) >= 2 and Hit("name", words) not in names:
            names.append(Hit("name", words))
    return names


def _may_name_a_family(bare: str, lexicon: Lexicon) -> bool:
    """A word before 'family' that could be the family's name ('as for the Tyler family', trial 11): most are 'the',
    'birth' or 'wider', and the family rule is not run for them."""
    return (bare not in lexicon.everyday_words or bare in EVERYDAY_SURNAMES) and bare not in ORDINARY_BEFORE_FAMILY


# A name finder remembers what it found each word to be (a given name? a surname?), which depends only on its lists:
# one per set of lists serves every text, started afresh once it has seen this many words.
MAX_WORDS_REMEMBERED = 100_000
_FINDERS: dict[tuple[Lexicon, frozenset[str], type[NameFinder]], NameFinder] = {}


def _finder(lexicon: Lexicon, listed: frozenset[str], kind: type[NameFinder] = NameFinder) -> NameFinder:
    finder = _FINDERS.get((lexicon, listed, kind))
    if finder is None or len(finder._seen_given) + len(finder._seen_surname) > MAX_WORDS_REMEMBERED:
        if len(_FINDERS) >= 8:  # lists come and go in tests; a bot has one or two
            _FINDERS.clear()
        finder = _FINDERS[lexicon, listed, kind] = kind(lexicon, listed)
    return finder


@functools.lru_cache(maxsize=8)
def _words_only(lexicon: Lexicon) -> Lexicon:
    """The lists the names file's names are found with: English words, no installed name lists."""
    return Lexicon(frozenset(), frozenset(), lexicon.common_words, frozenset(), lexicon.everyday_words)


def not_within(alone: list[Hit], hits: list[Hit]) -> list[Hit]:
    """The names of one word not already part of a name found ('Kayden' beside 'Kayden Smith'): one finding each."""
    return [hit for hit in alone
            if not any(re.search(rf"(?<!\w){re.escape(hit.words)}(?!\w)", other.words) for other in hits)]


# Words before a person, not a tool, a place or an author: 'for Kayden, who', 'visited Kayden at home', 'saw Jayden at
# school', 'told Tyreece', 'sit with Amelia and her carer'. 'for' and 'with' only before a name that is no surname
# too ('For Munro, the child's journey', 'with Bowlby').
_SEEING = frozenset(("visited", "visit", "visiting", "saw", "see", "seeing", "seen", "met", "meet", "meeting", "told",
                     "tell", "telling", "asked", "ask", "asking"))
_FOR_OR_WITH = frozenset(("for", "with"))
_SPOKE_TO = re.compile(r"\b(?:spoke|speak|speaking|spoken|talked|talk|talking)\s+(?:to|with)\s+$|"
                       r"\b(?:worried|concerned)\s+(?:about|for)\s+$", re.IGNORECASE)
_WHO_AFTER = re.compile(r"^\s*,\s*who\b|^\s+and\s+(?:his|her|their)\b", re.IGNORECASE)


def single_name_hits(text: str, tokens: list[Token], folded: list[str], lexicon: Lexicon,
                     listed: frozenset[str]) -> list[Hit]:
    """A given name alone in knowledge-base text where it stands for a child (trial P9: 'e.g. for Kayden, who lives
    with nan' passed kb check, which took names of two or more words only): a capitalised given name that is no common
    English word, with a person before it ('visited Kayden', 'saw', 'told', 'for', 'with') or a person's verb, an age or
    a review after it ('Kayden told the teacher', 'Jayden (8)', 'the Kayden review'). A name that is also a surname
    needs what is said of a child alone ('visited Munro' is odd, 'Munro said' is an author), and the name finder must
    take the word for a name where it stands, so places, services, roles, headings and public cases pass as in what
    people type ('referred to Kooth', 'Dr Patel', 'the Philomena Protocol'). Entries name tools, judgments and
    authors ('Makaton', 'Gillick', 'Munro'): none is such a given name in such a place."""
    candidates: list[int] = []
    for i, token in enumerate(tokens):
        if not _may_stand_alone(token.text, folded[i], lexicon):
            continue
        bare = folded[i]
        if i + 1 < len(tokens) and tokens[i + 1].text[0].isupper() \
                and text[token.end:tokens[i + 1].start] in (" ", "-"):
            continue  # 'the Philomena Protocol', 'Kayden Smith': a name of more words, judged as such
        if _person_around(text, tokens, folded, i, surname=bare in lexicon.surnames):
            candidates.append(i)
    if not candidates:
        return []
    names = {hit.words for hit in _finder(lexicon, listed).hits(text) if hit.kind == "name"}
    return [Hit("name", tokens[i].text) for i in candidates if tokens[i].text in names]


def _may_stand_alone(word: str, bare: str, lexicon: Lexicon) -> bool:
    """A word single_name_hits looks at further (`bare` is it folded): a capitalised given name that is no common
    English word, no place and no word never a name."""
    if len(word) < 3 or not word[0].isupper() or not word[1:].replace("-", "").replace("'", "").replace(
            "’", "").islower():
        return False  # most words: no capital, or an abbreviation ('MASH', 'IRO')
    if bare not in lexicon.given and _plain(bare) not in lexicon.given:
        return False
    # 'Grace', 'Hope', 'Wales', 'Alfie' in a heading: words or places first
    return not (bare in lexicon.common_words or bare in lexicon.context_given or bare in lexicon.far_places
                or bare in lexicon.never_names)


def _person_around(text: str, tokens: list[Token], folded: list[str], i: int, surname: bool) -> bool:
    """The words around token i say a person is meant (see single_name_hits)."""
    after = text[tokens[i].end:tokens[i].end + 60]
    if PERSON_STRONG.match(after) or _ONLY_A_PERSON.match(after):
        return True  # 'Jayden (8)', 'Kayden lives with nan', 'Kayden was not at home'
    if re.search(r"['’]s$", tokens[i].text) and i + 1 < len(tokens) and folded[i + 1] in _POSSESSED:
        return True  # "Kayden's foster carer"
    prev = folded[i - 1] if i and re.fullmatch(r"\s{1,2}", text[tokens[i - 1].end:tokens[i].start]) else ""
    if prev in _SEEING or _SPOKE_TO.search(text[max(0, tokens[i].start - 30):tokens[i].start]):
        return True  # 'visited Kayden', 'spoke to Kayden'
    if surname:
        return False  # 'For Munro, ...', 'Munro said', 'the Munro review': an author
    if prev in _FOR_OR_WITH or _SPEECH_AFTER.match(after) or _WHO_AFTER.match(after):
        return True  # 'for Kayden, who', 'Kayden told the teacher'
    k = i + 1
    while k < len(tokens) and folded[k] in _REVIEW_QUALIFIERS:
        k += 1
    return k < len(tokens) and k <= i + 4 and folded[k] in _REVIEW_WORDS  # 'the Kayden review'


def _may_be_listed(text: str, words: list[str], folded: list[str], listed: frozenset[str]) -> bool:
    """A word of the names file, or a surname known by its start where the finder without the installed lists
    takes one ('Mrs McDonagh', 'the McDonagh children', "McDonagh's foster carer", 'McDonagh (12)'): all it can
    find."""
    for i, (typed, word) in enumerate(zip(words, folded, strict=True)):
        if word in listed or (("-" in word or "'" in word) and any(part in listed for part in _parts(word))):
            return True
        whole = typed.casefold().replace("’", "'")  # "Leon's" starts like a surname, as the finder reads it
        if len(whole) > 4 and _SURNAME_START.match(whole) and _surname_context(text, words, folded, i):
            return True
    return False


def _surname_context(text: str, words: list[str], folded: list[str], i: int) -> bool:
    """Where the name finder takes a word known only as a surname for a person: after a title or a family word
    (or a title and an initial), before 'family' or 'children', as a possessive before what a person has, or with
    what only a person is after it (an age, a relation in brackets)."""
    before = {folded[k].rstrip(".") for k in (i - 1, i - 2) if k >= 0}
    after = folded[i + 1] if i + 1 < len(words) else ""
    if bool(before & (TITLES | RELATIONS)) or after in _FAMILY_GROUP or (
            bool(re.search(r"['’]s$", words[i])) and after in _POSSESSED):
        return True
    end = [m.end() for m in _TOKEN.finditer(text)][i]  # where the word ends: seldom needed
    return bool(PERSON_STRONG.match(text[end:end + 40]))


def _name_pair(words: list[str], folded: list[str], mode: str, lexicon: Lexicon, listed: frozenset[str]) -> bool:
    """Two words side by side (whatever stands between them) that could both be part of one name: only there can
    the name finder find a name of two words. In ordinary case both have a capital ('Kayden Smith', 'Tyler,
    Madison') or the first is a title ('Mrs Begum', 'miss jones'); in text without capitals both are in a name
    list or unknown to English and the first is no everyday word ('kayden smith', not 'will be')."""
    for i in range(len(words) - 1):
        first, second = folded[i], folded[i + 1]
        if first.rstrip(".") in TITLES:
            return True
        if mode == "mixed":
            a, b = words[i], words[i + 1]
            if (a[0].isupper() or first in PARTICLES) and (b[0].isupper() or second in PARTICLES) and \
                    _name_like(first, a, lexicon, listed) and _name_like(second, b, lexicon, listed):
                return True
        elif first not in lexicon.everyday_words and _listed_or_unknown(first, lexicon, listed) \
                and _listed_or_unknown(second, lexicon, listed):
            return True
    return False


def _name_like(folded: str, word: str, lexicon: Lexicon, listed: frozenset[str]) -> bool:
    """A capitalised word the name finder could take as part of a name: in a name list, an initial, a particle,
    a surname known by its start, or a word English seldom uses (Tunde, Okonkwo)."""
    return len(word) == 1 or folded in PARTICLES or bool(_SURNAME_START.match(folded)) \
        or folded not in lexicon.common_words or _listed_or_unknown(folded, lexicon, listed)


def _listed_or_unknown(folded: str, lexicon: Lexicon, listed: frozenset[str]) -> bool:
    if folded not in lexicon.known_words or len(folded) == 1 or _SURNAME_START.match(folded):
        return True
    if folded in lexicon.given or folded in lexicon.surnames or folded in listed:
        return True
    if "-" in folded or "'" in folded or not folded.isascii():  # 'Amelia-Rose', "O'Brien", 'Zoë' as 'zoe'
        return any(part in lexicon.given or part in lexicon.surnames or part in listed
                   or _plain(part) in lexicon.given or _plain(part) in lexicon.surnames for part in _parts(folded))
    return False


@functools.lru_cache(maxsize=65_536)
def _fold(word: str) -> str:
    return re.sub(r"'s$", "", word.casefold().replace("’", "'"))


def _parts(folded: str) -> list[str]:
    return [part for part in (folded, *re.split(r"[-']", folded)) if part]


def _plain(word: str) -> str:
    """Without accents, as the name finder also looks a word up ('Zoë' as 'zoe')."""
    return word if word.isascii() else "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
