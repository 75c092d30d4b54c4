"""Trial 35 (a principal social worker): H3, a name after a naming cue let through when a verb followed it ('mum
called ocean told the sw the plan works', 'mum called ocean said it', while 'mum called ocean' was refused); and the
LOW, a practice term taken for a child's name ('Munro style child focus' refused as "M…", while 'the Munro review'
passed)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.detect import PHONED
from bot.privacy.person_context import PersonContextFinder
from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import COUNCIL_NAMES


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


def masks(screen: Screen, text: str, word: str) -> bool:
    """Whether the screen refuses `text` with `word` among the words it masks."""
    return any(word in f.words.casefold().replace("’", "'").split() for f in screen.find(text))


# -- H3: whatever follows the name ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("mum called ocean told the sw the plan works", "ocean"),  # the trial's own
    ("mum called ocean said it", "ocean"),
    ("good - mum called ocean said the plan works", "ocean"),
    ("a girl named river was seen at school", "river"),  # the brief's
    ("the boy called sky is settled now", "sky"),
    ("baby known as bear", "bear"),
    ("baby known as bear is thriving", "bear"),
    ("he goes by star at school", "star"),
    ("girl named ocean refuses visits", "ocean"),  # typed without 'a'
    ("boy called storm said he was scared", "storm"),
    ("the eldest is called ocean and she is 9", "ocean"),
    ("dad called star said he would come", "star"),  # an everyday word, a person's verb after it
    ("a girl called ocean names her abuser in the interview", "ocean"),  # 'names' a verb, not name-calling
    ("nan called bear hit his sister", "bear"),
])
def test_a_name_after_a_naming_cue_is_refused_whatever_follows(council_screen: Screen, text: str, word: str) -> None:
    assert masks(council_screen, text, word), found(council_screen, text)


@pytest.mark.parametrize("text", [
    "he goes by bus to school", "she goes by train on fridays", "he is known as shy in class",
    "she is known as well to the police", "he was called racist names", "she was called horrible things at school",
    "a child called names by peers", "mum called virgin media", "dad called boots pharmacy about her prescription",
    "dad called uber", "mum called back said she was fine", "mum called today said she was fine",
    "mum called the police", "mum called upset said she was fine",
])
def test_what_cannot_be_a_name_there_still_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# The property: a person, a naming cue, a lowercase word and any tail.
ONLY_NAMING = ["a girl named", "a boy called", "baby known as", "he goes by", "she goes by", "the child is called",
               "she is known as", "mum is called", "a lad at school known as", "her son is called", "nicknamed",
               "the eldest is called", "a young person known as"]
MAY_NAME = ["the boy called", "the girl named", "her son called", "his sister named", "girl named", "boy called"]
FAMILY_CALLED = ["mum called", "dad called", "nan called", "her brother called"]
TAIL_WORDS = ["told", "the", "sw", "plan", "works", "said", "it", "was", "seen", "is", "fine", "names", "his",
              "abuser", "and", "hit", "him", "cried", "goes", "to", "school", "plays", "football", "who", "at", "home",
              "with", "mum", "yesterday", "because", "she", "he", "scared", "media", "not", "in", "class", "police",
              "back", "today", "upset", "drunk", "refused", "engage", "8", "years", "old"]
SEPARATORS = [" ", " ", " ", ", ", ". ", " - ", "; "]
TAILS = st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(TAIL_WORDS)), max_size=8).map(
    lambda parts: "".join(sep + word for sep, word in parts))
# Words in no list, as nicknames are: any letters ('qxwvz') where the cue only names, made of syllables as names are
# ('zorbat', 'kelumi') where the cue may be phoning.
INVENTED = st.text(alphabet=string.ascii_lowercase, min_size=4, max_size=9)
SYLLABLES = [c + v for c in "bdfgjklmnprstvz" for v in "aeiou"] + ["bat", "dex", "lin", "mar", "tek", "zan"]
NAME_SHAPED = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map("".join)


class Screening:
    """The screen and its name finder, printed short (hypothesis prints the arguments of a failing example)."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self.finder = PersonContextFinder(screen.lexicon, screen.listed)

    def __repr__(self) -> str:
        return "Screening(...)"


@pytest.fixture(scope="module")
def screening(council_screen: Screen) -> Screening:
    return Screening(council_screen)


def stop_word(finder: PersonContextFinder, word: str) -> bool:
    """A word the screen never takes for a name after a naming cue, whatever the cue: a function word, a time, a
    person, a role, a service, how someone is or was, name-calling ('called back', 'known as vulnerable', 'called
    racist names')."""
    return finder._cannot_be_named(word, "") or finder._calls_names(word)


def phoned_or_everyday(finder: PersonContextFinder, word: str) -> bool:
    """After a person who may be phoning ('mum called', 'the boy called'), also an everyday word or a firm one phones
    ('dad called uber', 'mum called home')."""
    lex = finder.lexicon
    return stop_word(finder, word) or word in PHONED or word in lex.everyday_words or word in lex.far_places


def baby_words(finder: PersonContextFinder, excluded: object) -> list[str]:
    """The baby names that are English words too ('ocean', 'river', 'bear', 'sky'), less the stop words."""
    return sorted(w for w in finder.lexicon.word_names if w.isalpha() and not excluded(finder, w))  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(cue=st.sampled_from(ONLY_NAMING), data=st.data(), tail=TAILS)
def test_any_word_after_a_cue_that_only_names_is_refused_and_masked_whatever_follows(
        screening: Screening, cue: str, data: st.DataObject, tail: str) -> None:
    finder = screening.finder
    known = sorted(w for w in finder.lexicon.known_words if w.isalpha() and w.islower() and len(w) > 3)
    word = data.draw(st.one_of(INVENTED, st.sampled_from(baby_words(finder, stop_word)), st.sampled_from(known))
                     .filter(lambda w: not stop_word(finder, w)))
    text = f"{cue} {word}{tail}"
    assert masks(screening.screen, text, word), (text, found(screening.screen, text))


@settings(max_examples=300, deadline=None)
@given(cue=st.sampled_from(MAY_NAME + FAMILY_CALLED), data=st.data(), tail=TAILS)
def test_a_name_after_a_cue_that_may_be_phoning_is_refused_and_masked_whatever_follows(
        screening: Screening, cue: str, data: st.DataObject, tail: str) -> None:
    finder = screening.finder
    word = data.draw(st.one_of(NAME_SHAPED.filter(lambda w: w not in finder.lexicon.known_words),
                               st.sampled_from(baby_words(finder, phoned_or_everyday)))
                     .filter(lambda w: not phoned_or_everyday(finder, w)))
    text = f"{cue} {word}{tail}"
    assert masks(screening.screen, text, word), (text, found(screening.screen, text))


# -- LOW: the names practice is known by ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "campaign rename 2 theme=neglect, Munro style child focus",  # the trial's own
    "Munro style child focus", "the Munro review",  # the review passed already
    "theme=neglect, Laming lessons", "per Laming, agencies must share information", "a Bowlby lens on attachment",
    "Ainsworth style observation", "MacAlister principles in practice", "Signs of Safety mapping was used",
    "the Graded Care Profile was completed", "Barnardo's worker visited", "Ofsted said practice was good",
    "in line with Working Together", "Munro said the system is too procedural",
])
def test_a_practice_term_is_not_a_childs_name(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Munro was seen at home", "Munro"),
    ("Munro (8) lives with nan", "Munro"),
    ("Munro's mum said she was scared", "Munro's"),
    ("the Munro family were seen", "Munro"),
    ("Mrs Munro attended the meeting", "Mrs Munro"),
    ("a boy called Munro refuses visits", "Munro"),
    ("visited Munro at school", "Munro"),
    ("Kayden Munro was seen", "Kayden Munro"),
    ("Munro said she was scared", "Munro"),
])
def test_a_practice_term_is_still_a_name_where_a_person_is_meant(council_screen: Screen, text: str,
                                                                  words: str) -> None:
    assert ("name", words) in found(council_screen, text)

