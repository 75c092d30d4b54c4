"""Names in knowledge-base content: the screen's content mode (`Screen.find(text, mode="content")`).

Knowledge-base entries rightly name judgments, tools, places and public reviews ('Gillick', 'Makaton', 'Wales',
'the Philomena Protocol'), so a name-like word on its own is not refused there as it is in what people type. But a
child's full name is as plain in an entry's answer as in a case note ('e.g. for Jayden Smith, who lives with nan'),
and kb check once passed it while the chat's form refused it. Content mode takes, from the same name finder as
free text, every name of two or more words (a given name and a surname from the installed lists, 'Mrs Begum',
'Tyler, Madison'), besides what it always took: the council's own names file (and a nickname in quotes). A public
case cited in full ('Star Hobson') passes as everywhere (bot/privacy/public_cases.py).

Speed: kb check, every reload and every edit the bot writes screen the whole knowledge base (74,000 texts at
20,000 entries), so each name finder runs only on a text where it could find something: two words side by side
that could both be part of a name, for the full names; a word of the names file (or a surname known by its start,
'McDonagh', written as a name), for the names file. Most texts have neither and cost a few set look-ups.
"""

from __future__ import annotations

import re
import unicodedata

from bot.privacy.detect import (
    _FAMILY_GROUP,
    _NICKNAME,
    _POSSESSED,
    PERSON_STRONG,
    RELATIONS,
    TITLES,
    Hit,
    NameFinder,
    _Token,
)
from bot.privacy.lexicon import Lexicon

# Words of a full name in no list: a surname's particle ('Kai de Souza').
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "bin", "al",
                        "el", "ter", "ten"})
# A surname known by its start whatever the lists say ('McDonagh', "O'Neill"), as the name finder knows one.
_SURNAME_START = re.compile(r"^(?:mc|mac|o'|al-|el-|van|de|di|le|la)")


def content_name_hits(text: str, lexicon: Lexicon, listed: frozenset[str]) -> list[Hit]:
    """The names content mode refuses in `text`: those of two or more words, and the names file's."""
    tokens, mode = NameFinder._read(text)
    folded = [_fold(token.text) for token in tokens]
    hits: list[Hit] = []
    if listed and (_may_be_listed(text, tokens, folded, listed) or _NICKNAME.search(text)):
        words = Lexicon(frozenset(), frozenset(), lexicon.common_words, frozenset(), lexicon.everyday_words)
        hits += [hit for hit in NameFinder(words, listed).hits(text) if hit.kind == "name"]
    if lexicon.has_lists and _name_pair(tokens, folded, mode, lexicon, listed):
        hits += [hit for hit in NameFinder(lexicon, listed).hits(text)
                 if hit.kind == "name" and len(NameFinder._read(hit.words)[0]) >= 2 and hit not in hits]
    return hits


def _may_be_listed(text: str, tokens: list[_Token], folded: list[str], listed: frozenset[str]) -> bool:
    """A word of the names file, or a surname known by its start where the finder without the installed lists
    takes one ('Mrs McDonagh', 'the McDonagh children', "McDonagh's foster carer", 'McDonagh (12)'): all it can
    find."""
    for i, (token, word) in enumerate(zip(tokens, folded, strict=True)):
        if word in listed or (("-" in word or "'" in word) and any(part in listed for part in _parts(word))):
            return True
        whole = token.text.casefold().replace("’", "'")  # "Leon's" starts like a surname, as the finder reads it
        if len(whole) > 4 and _SURNAME_START.match(whole) and _surname_context(text, tokens, folded, i):
            return True
    return False


def _surname_context(text: str, tokens: list[_Token], folded: list[str], i: int) -> bool:
    """Where the name finder takes a word known only as a surname for a person: after a title or a family word
    (or a title and an initial), before 'family' or 'children', as a possessive before what a person has, or with
    what only a person is after it (an age, a relation in brackets)."""
    before = {folded[k].rstrip(".") for k in (i - 1, i - 2) if k >= 0}
    after = folded[i + 1] if i + 1 < len(tokens) else ""
    return bool(before & (TITLES | RELATIONS)) or after in _FAMILY_GROUP or (
        bool(re.search(r"['’]s$", tokens[i].text)) and after in _POSSESSED) or bool(
        PERSON_STRONG.match(text[tokens[i].end:tokens[i].end + 40]))


def _name_pair(tokens: list[_Token], folded: list[str], mode: str, lexicon: Lexicon, listed: frozenset[str]) -> bool:
    """Two words side by side (whatever stands between them) that could both be part of one name: only there can
    the name finder find a name of two words. In ordinary case both have a capital ('Kayden Smith', 'Tyler,
    Madison') or the first is a title ('Mrs Begum', 'miss jones'); in text without capitals both are in a name
    list or unknown to English and the first is no everyday word ('kayden smith', not 'will be')."""
    for i in range(len(tokens) - 1):
        first, second = folded[i], folded[i + 1]
        if first.rstrip(".") in TITLES:
            return True
        if mode == "mixed":
            a, b = tokens[i].text, tokens[i + 1].text
            if (a[0].isupper() or first in _PARTICLES) and (b[0].isupper() or second in _PARTICLES) and \
                    _name_like(first, a, lexicon, listed) and _name_like(second, b, lexicon, listed):
                return True
        elif first not in lexicon.everyday_words and _listed_or_unknown(first, lexicon, listed) \
                and _listed_or_unknown(second, lexicon, listed):
            return True
    return False


def _name_like(folded: str, word: str, lexicon: Lexicon, listed: frozenset[str]) -> bool:
    """A capitalised word the name finder could take as part of a name: in a name list, an initial, a particle,
    a surname known by its start, or a word English seldom uses (Tunde, Okonkwo)."""
    return len(word) == 1 or folded in _PARTICLES or bool(_SURNAME_START.match(folded)) \
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


def _fold(word: str) -> str:
    return re.sub(r"'s$", "", word.casefold().replace("’", "'"))


def _parts(folded: str) -> list[str]:
    return [part for part in (folded, *re.split(r"[-']", folded)) if part]


def _plain(word: str) -> str:
    """Without accents, as the name finder also looks a word up ('Zoë' as 'zoe')."""
    return word if word.isascii() else "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
