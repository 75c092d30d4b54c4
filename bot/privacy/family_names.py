"""A family named by its surname, and a relative named after the word for them, typed in lower case (trial 11).

F5: 'as we did for the tyler family last month', "can we pay for the harper family's gas", 'what about the smith
family' were stored, listed to the QA leads and sent by DM, though 'tyler said he was hit' was refused: in an office a
case is called by the family's surname. F10: 'eha completed with mum and nanna pat', 'do we invite grandad bill',
'should aunty mo be assessed' were stored, though 'Nanna Pat' and 'uncle rob' were refused.

- A word the lists hold right before 'family', "family's", 'household', 'kids', 'children', 'siblings' (and the
  like: FAMILY_NOUNS) is the family's name, in any case ('the tyler family', 'the SMITH FAMILY', 'the doherty-ward
  family', 'smith family have moved'); so is a word in no list that is no English word after 'the', 'this' or 'that'
  (perhaps with an ordinary word between: 'the whole okafor family') or in shouted text ('VISIT TO ADEBOWALE
  FAMILY'), but not an abbreviation ('nrpf family', 'the NRPF family'). Never an ordinary English or care word
  there: the words used of a family in this work (ORDINARY_BEFORE_FAMILY: 'the foster family', 'the birth family',
  'the host family', 'the wider family', 'the early help family'), an everyday English word ('the whole family',
  'the same family', 'the young family'; but 'brown', 'green', 'king' and 'price', the census's commonest surnames
  among them, are the family's name there), a people or a faith ('the kurdish family', 'the muslim family'), a place
  that is no given name ('the london families'), or a word the lists hold only as a rare name ('the needy family'):
  an English word that is a name is one only when it is among the census's commonest surnames ('smith', 'hill',
  'davies'; Lexicon.frequent_surnames) or a common given name ('tyler', 'harper'). A family centre, court or service
  named after a place or a person stays a place ('the Lane family centre', 'the brown family support service');
  "the tyler family's" is theirs, whatever follows.
- After a word for a relative used before their name (RELATIVE_TITLES: 'mum', 'nan', 'nanna', 'grandad', 'aunty',
  'uncle', 'step-mum'…), a given name typed in lower case is their name even when it is an everyday word too ('nanna
  pat', 'grandad bill', 'grandma grace', 'nan rose', 'aunty mo'), unless the words show it is not:
  * a modal or a verb of saying ('dad will', 'mum may', 'nan said'; NOT_NAMES_AFTER_RELATIVE), a day or a date
    ('dad june 2024'), a people or a faith ('dad christian, mum muslim'; not names there), or a thing that the next
    word names ('dad cash in hand', 'mum crystal meth', 'nan roman catholic'; THINGS);
  * a name that is also a verb used as one: with its object after it ('mum pat him on the back', 'dad bill them'),
    after a modal with no verb after it ('could mum sue the school', 'can dad chase up the payment'; not 'should
    aunty sue be assessed', 'can uncle rob attend'), or a past tense with the relative as its subject ('mum drew a
    picture', 'nan rose early'; not 'do we invite nan rose to the review', 'nan rose said she would come').
Both are tested in tests/unit/test_privacy_family_names.py. After trial 12 (tests/unit/test_privacy_trial12.py): the
children's possessive is the family's too ("the tyler children's school"; not "the manchester children's hospital");
an everyday surname capitalised mid-sentence names one family ('we saw the White family'; lower case it describes
them); and a relative's name that reads as another word first, a modal, a faith or a word only the baby names hold
('uncle will', 'uncle christian', 'grandad sky'), is one where a person's verb follows or the relative is spoken of
('uncle will came', 'we invited grandad sky'). Knowledge-base content takes the relative rule too, in any case.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.privacy.detect import (
    DETERMINERS,
    FAMILY_BEFORE_NAME,
    NOT_PEOPLE,
    OBJECT_PRONOUNS,
    PARTICLES,
    PEOPLES,
    PEOPLES_AND_FAITHS,
    PERSON_AFTER,
    RELATIONS,
    ROLES,
    TITLES,
    Hit,
    NameFinder,
    Token,
    strip_accents,
)
from bot.privacy.lexicon import _split

if TYPE_CHECKING:
    from bot.privacy.person_context import PersonContextFinder

FAMILY_NOUNS = frozenset(_split("""
family family's families household household's households kids children children's siblings twins
boys girls brothers sisters childrens kids's
"""))
# Possessives: "the harper family's gas" is theirs whatever follows ('the tyler family's support worker').
_FAMILY_POSSESSIVES = frozenset(_split("family's household's"))
# The children's possessive, with its apostrophe or none ("the tyler children's school", "the harper kids' bikes",
# "the smith siblings' contact", 'the tyler childrens school'; trial 12) is theirs too, a school or a nursery after it
# included; only the services named for children stay a place ("the manchester children's hospital", "the Lane
# children's centre", "the oakwood children's home").
_GROUP_POSSESSIVES = frozenset(_split("children's childrens kids's"))
_CHILDRENS_SERVICE_AFTER = re.compile(
    r"^['’]?\s+(?:centres?|centers?|hospitals?|hospices?|services?|social\s+care|trusts?|charity|charities|society|"
    r"commissioner|homes?|hub|panel|act|society|fund|university)\b", re.IGNORECASE)
_DETERMINER_BEFORE = frozenset(_split("the this that these those"))
# The words used of a family in this work and in English that the name lists also hold (as surnames or given names)
# or that may stand between 'the' and a family's name ('the whole tyler family'). QA may extend it.
ORDINARY_BEFORE_FAMILY = frozenset(_split("""
foster fostering birth extended whole wider host connected same kinship adoptive adopting adopted early help nuclear
immediate blended step biological natural maternal paternal new current previous former original receiving placing
approved prospective respite link support care local large larger big small single lone working other entire
average typical modern traditional close closer loving caring supportive vulnerable complex troubled struggling
chaotic homeless bereaved grieving displaced isolated deprived poor poorer rich richer wealthy happy lovely nice
friendly busy kind older younger elder eldest youngest little remaining looked-after fostered unaccompanied
disabled affected referred allocated relevant named identified assessed first second third next last neighbouring
nearby visiting absent needy kindred royal army service forces military church faith religious
two three four five six both all travelling refugee migrant
kurdish afghan syrian ukrainian pakistani bangladeshi indian eritrean sudanese amish pagan
""")) | PEOPLES_AND_FAITHS  # and the peoples the name finder leaves to context, some names too ('Amish', 'Pagan')
# Everyday English words that before 'family' are the family's name: the census's commonest surnames among them that
# are no word used of a family (not 'young', 'white', 'black', 'little', 'long').
EVERYDAY_SURNAMES = frozenset(_split("brown green king price"))
# A demonym's or a faith's ending ('the cornish family', 'the congolese children'): an English word, not a name.
_PEOPLE_ENDINGS = ("ish", "ese", "ian", "ean", "ic", "an", "i")
# What makes 'the X family ...' a place or an organisation: 'the Lane family centre', 'the brown family support
# service', 'the smith family drug and alcohol court', 'the manchester children's hospital'; a few words of the service
# may stand between.
_ORGANISATION_AFTER = re.compile(
    r"^\s+(?:(?:support|contact|assessment|drug|alcohol|and|information|resource|help|intervention|therapy|learning|"
    r"wellbeing|health|law|legal|advice|link|community|group|conference|hub|early)\s+){0,3}"
    r"(?:centres?|centers?|hubs?|courts?|services?|trust|charity|foundation|projects?|programmes?|programs?|network|"
    r"partnership|society|alliance|clinic|association|fund|hospitals?|hospice|school|academy|nursery|college)\b",
    re.IGNORECASE)


def family_name_spans(finder: NameFinder, text: str, tokens: list[Token], mode: str) -> list[tuple[int, int]]:
    """The family's name in 'the tyler family', "the harper family's gas", 'the whole smith family', in any case;
    never 'the foster family', 'the whole family', 'the Lane family centre', 'NRPF family' (see the module's
    docstring)."""
    spans: list[tuple[int, int]] = []
    for k in range(1, len(tokens)):
        noun = tokens[k].text.casefold().replace("’", "'")
        word = tokens[k - 1].text
        if noun not in FAMILY_NOUNS or not _spaced(text, tokens, k - 1, k):
            continue
        after = text[tokens[k].end:tokens[k].end + 80]
        if noun in _GROUP_POSSESSIVES or (noun in FAMILY_NOUNS and after[:1] in ("'", "’")):
            if _CHILDRENS_SERVICE_AFTER.match(after):
                continue  # "the manchester children's hospital"; but "the tyler children's school" is theirs
        elif noun not in _FAMILY_POSSESSIVES and _ORGANISATION_AFTER.match(after):
            continue  # 'the Lane family centre'
        # a word in no list only after 'the', or shouted: 'the okafor family', 'VISIT TO ADEBOWALE FAMILY'; not 'nrpf
        # family s17 support', 'the NRPF family' (an abbreviation)
        unknown = mode == "upper" or (not word.isupper() and _determined(finder, text, tokens, k - 1))
        if kin_plural(word) and not (word[:1].isupper() and word[1:].islower() and k > 1
                                     and tokens[k - 2].text.casefold() not in _OWNERS):
            continue  # 'my cousins kids', 'My Cousins kids': a relative's; 'the Cousins family' is a surname
        if _names_a_family(finder, word, unknown) or (
                mode == "mixed" and noun in _ONE_FAMILY and _capital_surname(finder, word) and tokens[k].text.islower()
                and _determined(finder, text, tokens, k - 1)):
            spans.append((k - 1, k - 1))
    return spans


# A family's surname that is an everyday word, capitalised mid-sentence before one family ('we saw the White family',
# "the Young family's rent", 'the Long household'; trial 12) is their name: in lower case the word describes them
# ('the white family', 'the young family': ethnicity and age are part of a family's identity, and pass). Never a
# people or a faith, which always take a capital ('the Irish family', 'the Christian family'), nor a word capitalised
# as a service's or an institution's ('the Royal family', 'the Host family', 'the Early Help family'), nor families in
# general ('the Black families we work with').
_ONE_FAMILY = frozenset(_split("family family's household household's"))
_CAPITALISED_STILL_WORDS = frozenset(_split("royal council church host link step service care early help new"))


def _capital_surname(finder: NameFinder, word: str) -> bool:
    """`word` is written 'White' and is one of the census's commonest surnames that is also an everyday word or a
    word used of a family, and no people, faith or service's word (see _CAPITALISED_STILL_WORDS)."""
    bare = word.casefold()
    lex = finder.lexicon
    if not (word[:1].isupper() and word[1:].islower()) or bare not in lex.frequent_surnames \
            or bare in _CAPITALISED_STILL_WORDS or bare in PEOPLES or bare in TITLES or bare in ROLES:
        return False
    if bare in NOT_PEOPLE or bare.endswith(_PEOPLE_ENDINGS):
        return bare in ("white", "black")  # a colour before a family's name; 'the White British family' passes
    return bare in lex.everyday_words or bare in ORDINARY_BEFORE_FAMILY


def family_name_hits(finder: NameFinder, text: str, tokens: list[Token], mode: str) -> list[Hit]:
    """The families named by their surname in `text`, as the screen's findings: knowledge-base content (its content
    mode) takes them too, since an entry that says 'as for the Tyler family' names a family to everyone."""
    return [Hit("name", text[tokens[i].start:tokens[j].end]) for i, j in family_name_spans(finder, text, tokens, mode)]


def _spaced(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Tokens i and j stand side by side with only spaces between: 'the tyler family', not 'the tyler. family'."""
    gap = text[tokens[i].end:tokens[j].start]
    return 0 < len(gap) <= 2 and not gap.strip() and "\n" not in gap


def _determined(finder: NameFinder, text: str, tokens: list[Token], i: int) -> bool:
    """The word at token i follows 'the', 'this' or 'that', perhaps with up to two ordinary words between ('the whole
    okafor family')."""
    j = i - 1
    while j >= 0 and i - j <= 3 and _spaced(text, tokens, j, j + 1):
        word = tokens[j].text.casefold()
        if word in _DETERMINER_BEFORE:
            return True
        if not (word in ORDINARY_BEFORE_FAMILY or word in finder.lexicon.everyday_words):
            return False
        j -= 1
    return False


def _names_a_family(finder: NameFinder, word: str, unknown: bool) -> bool:
    """A word the lists hold as a name, standing before 'family': a surname or a given name, every part of a
    double-barrelled one ('doherty-ward'), not an ordinary word (see the module's docstring); after 'the', a word in
    no list and no English word too ('the okafor family')."""
    bare = _bare(word)
    parts = bare.split("-")
    return all(len(part) > 1 for part in parts) and all(_family_name(finder, part, unknown) for part in parts)


def _bare(word: str) -> str:
    """The word as the lists hold it: folded, without its possessive ("pat's", 'Tyler’s' -> 'pat', 'tyler')."""
    return re.sub(r"'s$", "", word.casefold().replace("’", "'"))


# Never a family's or a relative's name: a family word, a role, a title, a determiner or a particle.
_NEVER_A_NAME_HERE = RELATIONS | ROLES | TITLES | DETERMINERS | PARTICLES


def _never_a_name(finder: NameFinder, bare: str) -> bool:
    """The guard both rules share: a word of _NEVER_A_NAME_HERE or one the lexicon holds as never a name."""
    return bare in _NEVER_A_NAME_HERE or bare in finder.lexicon.never_names


def _family_name(finder: NameFinder, bare: str, unknown: bool) -> bool:
    lex = finder.lexicon
    if len(bare) < 3 or bare in ORDINARY_BEFORE_FAMILY or bare in NOT_PEOPLE or _never_a_name(finder, bare):
        return False
    if bare in finder.listed or bare in lex.name_words:  # the council's own names; 'tyler', 'harper', 'mason'
        return True
    if bare in lex.everyday_words:
        return bare in EVERYDAY_SURNAMES  # 'the whole family', 'the young family'; 'the brown family'
    if bare in lex.known_words and bare.endswith(_PEOPLE_ENDINGS) and bare not in lex.census_given \
            and bare not in lex.frequent_surnames:
        return False  # 'the cornish family', 'the congolese children'
    if bare in lex.places and bare not in lex.census_given:
        return False  # 'the croydon families'
    plain = strip_accents(bare).replace("'", "")  # 'zoë', "o'connell"
    if plain in lex.surnames or bare in lex.surnames or bare in lex.given or plain in lex.given:
        if bare in lex.common_words:
            return bare in lex.frequent_surnames  # 'the smith family', 'the hill family'; not 'the host family'
        return bare not in lex.known_words or plain in lex.surnames or bare in lex.census_given
    # a word in no list: 'the okafor family', "the o'connell family"; not 'the disabled family'
    return unknown and bare not in lex.known_words and not finder.english_form(bare) \
        and not finder.contraction(bare)


# The words for a relative used before their name as a title, as one says 'Nanna Pat' or 'Uncle Rob': 'nanna pat',
# 'grandad bill', 'aunty mo', 'step-mum jo'. The name finder's FAMILY_BEFORE_NAME less the words that describe a
# relative rather than address them ('brother', 'mother', 'cousin', 'wife': no one is called 'Brother Jack', and
# 'mother may', 'sister will' read as words), with the spellings only this rule takes ('godmother', 'great-nan').
RELATIVE_TITLES = FAMILY_BEFORE_NAME - frozenset(_split("""
brother sister sibling half-brother half-sister twin mother father stepmother stepfather cousin niece nephew
husband wife boyfriend girlfriend
""")) | frozenset(_split("grandmom gramma great-nan great-gran great-grandma great-grandad godmother godfather"))
# Every word for a relative, as its plural or its possessive typed without the apostrophe is read (`kin_plural`).
_OWNERS = frozenset(_split("my our your his her their"))  # whose relative: 'my Cousins kids' names nobody
_KIN_WORDS = RELATIONS | RELATIVE_TITLES | frozenset(_split("grandson granddaughter stepson stepdaughter"))


def kin_plural(word: str) -> bool:
    """Whether `word` is a word for a relative with an s after it: a plural or a possessive typed without its
    apostrophe ('cousins', 'nans', 'aunties', 'grandads', 'step-dads', "brothers'"). Trial 29: 'my cousins kids are
    on a cp plan' was refused as naming a family 'cousins' (a surname too), though "my cousin's kids" passed."""
    bare = _bare(word).rstrip("'")
    if len(bare) < 4 or not bare.endswith("s"):
        return False
    singular = {bare[:-1]} | ({bare[:-3] + "y", bare[:-3] + "ie"} if bare.endswith("ies") else set())
    return bool(singular & _KIN_WORDS)


# Words after a relative that the lists hold as names but that say what the relative does: 'dad will', 'mum may',
# 'nan said'. QA may extend it; each is tested.
NOT_NAMES_AFTER_RELATIVE = frozenset(_split("""
will may might can must shall would could should did does do had has have was were is are said says told tells
asked rang phoned called texted
"""))
# A word and the one after it that make it a thing, not a name: 'dad cash in hand', 'mum crystal meth use'.
THINGS = frozenset({("cash", "in"), ("crystal", "meth"), ("roman", "catholic"), ("brain", "injury")})
# Names that are verbs too: 'mum pat him', 'could mum sue the school', 'mum drew a picture', 'nan rose early'.
_VERB_NAMES = frozenset(_split("""
pat bill sue rob mark chase grant carry hang marry skip chuck buck wade lance jack bob don nick ray guy hope grace
will may
"""))
_PAST_VERB_NAMES = frozenset(_split("drew rose rang said"))
_DATE_AFTER = re.compile(r"^\s*\d")  # 'contact with dad june 2024'
_MODALS_BEFORE = frozenset(_split("will would can could should shall may might must did does do to let"))
# After a modal, a name is followed by the verb ('should aunty sue be assessed', 'can uncle rob attend'), a verb by
# its object ('could mum sue the school').
_VERB_AFTER_NAME = re.compile(
    r"^\s*(?:$|[,.;:!?)]|\s(?:be|have|not|come|attend|go|stay|visit|join|take|help|see|speak|talk|look|care|sign|"
    r"agree|call|ring|phone|meet|get|make|bring|keep|say|tell|know|live|move|need|want|also|still|now|and|or)\b)",
    re.IGNORECASE)
# Before a relative who is spoken of, not acting: 'do we invite nan rose', 'with mum and nan rose', 'to grandad bill'.
_OBJECT_BEFORE = frozenset(_split("""
invite invited inviting ask asked asking tell told see saw seen visit visited visiting contact contacted call called
ring rang phone phoned email emailed meet met include included involve involved assess assessed with and or to for
from by about of between including like than as plus via
"""))


def relative_name_spans(finder: PersonContextFinder, text: str, tokens: list[Token],
                        mode: str, *, any_case: bool = False) -> list[tuple[int, int]]:
    """A given name typed in lower case right after a word for a relative: 'nanna pat', 'grandad bill', 'aunty mo',
    'nan rose'; not 'dad will', 'mum may', 'nan said', 'mum pat him on the back' (see the module's docstring).
    `any_case` takes a capitalised one too ('Nanna Pat'), for knowledge-base content, which the name finder's own
    rules for a capital do not screen."""
    spans: list[tuple[int, int]] = []
    for i in range(1, len(tokens)):
        if tokens[i - 1].text.casefold() not in RELATIVE_TITLES or not _spaced(text, tokens, i - 1, i):
            continue
        word = tokens[i].text
        if not (word.islower() or mode == "upper" or (any_case and word[1:].islower())):
            continue  # a capital is the name finder's: 'Nanna Pat'
        bare = _bare(word)
        after = text[tokens[i].end:tokens[i].end + 40]
        before = tokens[i - 2].text.casefold() if i >= 2 else ""
        nxt = tokens[i + 1].text.casefold() if i + 1 < len(tokens) else ""
        if _DATE_AFTER.match(after) or _used_as_verb(bare, before, nxt, after):
            continue
        if _relative_named(finder, bare, nxt) or (_named_if_a_person(finder, bare, nxt) and _a_person_there(
                before, after)):
            spans.append((i, finder.surname_after(text, tokens, i)))  # 'nan pat smith'
    return spans


def _relative_named(finder: NameFinder, bare: str, nxt: str) -> bool:
    """A given name the lists know, after a word for a relative: one QA list as an everyday word too ('pat',
    'bill', 'grace'), a census first name or a common given name, a short name the lists hold ('mo'), or a rare one;
    not a modal, a verb of saying, a day, a people or a thing (see NOT_NAMES_AFTER_RELATIVE, THINGS)."""
    lex = finder.lexicon
    if len(bare) < 2 or bare in NOT_NAMES_AFTER_RELATIVE or (bare, nxt) in THINGS or bare in PEOPLES \
            or (bare in NOT_PEOPLE and bare not in lex.everyday_names) or _never_a_name(finder, bare):
        return False
    if bare in finder.listed or bare in lex.everyday_names:
        return True
    if bare in lex.everyday_words or (bare in lex.far_places and bare not in lex.census_given):
        return False  # 'mum so', 'mum see', 'nan london'
    if bare in lex.name_words or bare in lex.census_given:
        return True
    return finder.is_given(bare) and (bare not in lex.common_words or len(bare) == 2)  # 'aunty mo'


def _named_if_a_person(finder: NameFinder, bare: str, nxt: str) -> bool:
    """A given name after a word for a relative that reads as another word first (trial 12): a modal ('uncle will',
    'aunty may'), a people or a faith ('uncle christian', 'nan roman'), a title or a role that QA list as a name too
    ('uncle justice'), or a common word that only the baby names have as a name ('grandad sky'). It is the relative's
    name only where the words around it say a person (_a_person_there)."""
    lex = finder.lexicon
    if len(bare) < 3 or (bare, nxt) in THINGS or bare in lex.never_names or bare in RELATIONS \
            or bare in DETERMINERS or bare in PARTICLES or (bare in lex.far_places and bare not in lex.census_given):
        return False
    if bare in lex.everyday_names and bare in (NOT_NAMES_AFTER_RELATIVE | PEOPLES | ROLES | TITLES):
        return True  # 'will', 'may', 'christian', 'roman', 'justice'
    return bare in lex.word_names and finder.is_given(bare) and bare not in lex.everyday_words \
        and bare not in ROLES and bare not in TITLES and bare not in NOT_PEOPLE  # 'sky', 'storm'


# What a person does, after a relative's name that reads as another word first: 'uncle will came to the visit', 'is
# aunty christian coming', 'grandad sky was there' (never what follows a modal: 'dad will come', 'mum may attend').
_PERSON_DOING = re.compile(
    r"^\s+(?:also\s+|still\s+|then\s+|never\s+)?(?:was|is|were|has|had|came|comes|went|goes|said|says|told|tells|"
    r"rang|phoned|texted|lives|lived|stays|stayed|wants|wanted|visited|visits|attended|attends|arrived|left|cried|"
    r"agreed|refused|(?:is|was|has|had|does|did|do)n['’]?t|coming|going(?!\s+forward)|attending|visiting|staying|living|caring|"
    r"helping|looking|moving|working)\b", re.IGNORECASE)
# A relative spoken of, not acting, with the clause ending after their name: 'we invited uncle will', 'contact with
# nan christian', 'do we invite grandad sky to the review' (not 'religion: dad christian', 'she hopes mum will.').
_SPOKEN_OF = _OBJECT_BEFORE - frozenset(_split("and or like than as of plus to"))
_CLAUSE_ENDS = re.compile(r"^(?:\s*(?:[,.;:!?)]|$)|\s+(?:to|at|in|on|for|about|and|who|today|yesterday)\b)",
                          re.IGNORECASE)


def _a_person_there(before: str, after: str) -> bool:
    """The words around a relative's name that reads as another word first say a person: a person's doing after it
    ('uncle will came to the visit'), a modal before and the person's verb after ('should aunty sky be assessed'),
    or the relative spoken of with the clause ending after ('we invited uncle will', 'contact with nan christian')."""
    if _PERSON_DOING.match(after):
        return True
    if before in _MODALS_BEFORE and before != "to":
        return bool(re.match(r"^\s+(?:be|have|come|attend|go|stay|visit|join|help|speak|sign|agree)\b", after))
    return before in _SPOKEN_OF and bool(_CLAUSE_ENDS.match(after))


def _used_as_verb(bare: str, before: str, nxt: str, after: str) -> bool:
    """A name that is a verb too, used as one: with its object ('mum pat him', 'dad bill them'), after a modal and
    before no verb ('could mum sue the school'), or a past tense with the relative as its subject ('mum drew a
    picture', 'nan rose early'; not 'invite nan rose to the review', 'nan rose said')."""
    if bare in _PAST_VERB_NAMES:
        return before not in _OBJECT_BEFORE and not PERSON_AFTER.match(after)
    if bare not in _VERB_NAMES:
        return False
    return nxt in OBJECT_PRONOUNS or (before in _MODALS_BEFORE and not _VERB_AFTER_NAME.match(after))
