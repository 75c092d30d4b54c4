"""Names of practice written with capitals, which the screen passes unless a person is meant
(bot/privacy/data/practice_names.txt).

'campaign rename 2 theme=neglect, Munro style child focus' was refused as a child's name ("M…"), while 'the Munro
review' passed (trial 35, LOW): the name finder passes an author's surname only before 'review', 'report' or 'inquiry'
(detect.NameFinder._named_after), and Munro is a given name and a surname on its lists. The names that practice is
known by are a data list instead, national reviews' authors, models, tools, bodies, guidance and theorists ('Munro',
'Laming', 'Signs of Safety', 'Graded Care Profile', "Barnardo's", 'Ofsted', 'Working Together', 'Bowlby'), and a
finding that lies wholly inside one of them is dropped wherever it stands ('Munro style', 'per Laming', 'a Bowlby
lens'). A name on the list is still a person's where the words around it say so, as the name finder reads them:
what is said only of a person or an age after it ('Munro was seen at home', 'Munro (8)', 'Munro lives with nan'), a
family word after it ("Munro's mum", 'the Munro family'), or a title, a naming cue or a visit before it ('Mrs Munro',
'a boy called Munro', 'visited Munro'); and a full name ('Kayden Munro') is never wholly inside one.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from bot.privacy.detect import _ONLY_A_PERSON, _PERSON_PASSIVES, PERSON_STRONG, RELATIONS, TITLES, Hit
from bot.privacy.named_services import without_spans

DATA = Path(__file__).parent / "data" / "practice_names.txt"
_PERSON_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(TITLES))})\.?|\b(?:called|named|known\s+as|nicknamed|goes\s+by|visited|visiting|saw|"
    r"seen|met|meet|(?:spoke|spoken|speak|talked|talk)\s+(?:to|with)))\s+$", re.IGNORECASE)
_PERSON_AFTER = re.compile(
    rf"^(?:\s+(?:was|is|has\s+been|had\s+been)\s+(?:{_PERSON_PASSIVES})\b|"  # 'Munro was seen'
    rf"['’]s\s+(?:{'|'.join(sorted(RELATIONS))})\b|"  # "Munro's mum"
    r"['’]?s?\s+(?:family|families|household|children|kids|siblings|twins)\b)", re.IGNORECASE)  # 'the Munro family'


@functools.cache
def practice_names() -> tuple[str, ...]:
    """The names, as written in the data file."""
    lines = (line.split("#", 1)[0].strip() for line in DATA.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def without_practice_names(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits less those wholly inside a listed name of practice where no person is meant by it (see the module's
    docstring): a principal social worker's 'Munro style child focus' passes, 'Munro was seen at home' does not."""
    folded = text.casefold()
    spans = [(m.start(), m.end()) for name in practice_names() if name.casefold() in folded
             for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
             if not _of_a_person(text, m.start(), m.end())]
    return without_spans(text, hits, spans)


def _of_a_person(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] say a person is meant by it."""
    after = text[end:end + 60]
    return bool(_PERSON_BEFORE.search(text[max(0, start - 40):start]) or PERSON_STRONG.match(after)
                or _ONLY_A_PERSON.match(after) or _PERSON_AFTER.match(after))
