"""The name someone is called by (twelfth user trial, F11): 'yes, seen alone, she asked me to call her princess' was
kept as an evidence note and 'she asked me to call her princess and I will use that name on visits' as a reflection,
while 'she likes to be called sunny' and 'the child known as tink' were refused. After calling someone ('call her',
'we call him', 'asked me to call her') or naming them ('nickname is', 'prefers the name') the word is a name whatever
it is; calling someone on the phone ('call her back', 'call her on monday', 'call her mobile'), calling them names
('called her a liar') and what every carer calls a child ('call him mate') stay ordinary English."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

Finder = Callable[[str], list[tuple[str, str]]]


@pytest.fixture(scope="module")
def find(council_screen: Screen) -> Finder:  # noqa: F811
    """The screen's find, without the lists in its repr (hypothesis prints the arguments of a failing example)."""
    return lambda text: found(council_screen, text)


@pytest.mark.parametrize(("text", "words"), [
    # the trial's own
    ("yes, seen alone, she asked me to call her princess", "princess"),
    ("she asked me to call her princess and I will use that name on visits", "princess"),
    # calling someone so, in any tense and by anyone
    ("we call her princess at the unit", "princess"),
    ("they call him tiger at school", "tiger"),
    ("he calls me spider when he is upset", "spider"),
    ("calling her princess seemed to help", "princess"),
    ("mum calls her son spud", "spud"),
    ("we call the baby bean", "bean"),
    ("she said you can call her bubbles", "bubbles"),
    ("she asked me to call her 'princess'", "princess"),
    ("He asked us to call him Tank", "Tank"),
    ("SHE ASKED ME TO CALL HER PRINCESS", "PRINCESS"),
    ("call her JJ when you visit", "JJ"),
    # being called so, asked for or liked
    ("she likes being called bubbles", "bubbles"),
    ("he asked to be called smiler from now on", "smiler"),
    ("she would rather be known as star", "star"),
    # the name as such
    ("she prefers the name bubbles", "bubbles"),
    ("he goes by the name of tank", "tank"),
    ("his nickname at school is chips", "chips"),
    ("the child's nickname is tink", "tink"),
    ("the child's name is ruby", "ruby"),
    ("her name's ruby", "ruby"),
])
def test_the_word_after_calling_or_naming_someone_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                             words: str) -> None:
    assert ("name", words) in found(council_screen, text)


def test_the_trials_note_is_refused_with_the_usual_message(council_screen: Screen) -> None:  # noqa: F811
    with pytest.raises(UserError, match="“p…” looks like a child's or family member's name"):
        screen_text("yes, seen alone, she asked me to call her princess", council_screen, "that note")


@pytest.mark.parametrize("text", [
    # phoning someone: when, where, how, what about
    "I will call her back", "call her later", "call her today", "call her on Monday", "call her monday",
    "call her tomorrow about contact", "call them in", "call them both", "I'll call you back", "call her asap",
    "call her first thing", "call her straight away", "call her when she is home", "call me if you need anything",
    "please call her re contact", "call her via teams", "call her out of hours", "I'll call her there",
    "you can call me anytime", "mum calls him every night",
    # 'her' owning what follows: a person, a role, a thing one phones
    "I will call her mum later", "I will call her social worker", "call her key worker tomorrow", "call her GP",
    "call her CAMHS worker", "call her mobile", "call her school", "mum called her sister", "call her grandmother",
    "mum called her son back",
    # name-calling
    "he called her a liar", "he called her fat", "he called her racist", "called him names",
    "he called her stupid and ugly", "dad called them all liars", "called her bluff",
    # what every carer calls a child, and how someone is described
    "call him mate", "call her love", "she calls me miss", "the kids call me auntie",
    "I'd call her quite vulnerable", "I would call them hard to reach", "I would call her resilient",
    # 'prefers' alone, and what is said of a name
    "she prefers bubbles", "he prefers texts to calls", "her name is spelt wrong",
    "the child's name is wrong on the plan",
    "her name is not on the plan",
])
def test_calling_someone_in_ordinary_english_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


NICKNAMES = ["princess", "spud", "tink", "bubbles", "tiger", "smiler", "chips", "bean", "ace", "spider", "bubba"]
CALLINGS = ["she asked me to call her {}", "we call him {}", "they call them {} at home", "he calls me {}",
            "mum calls her son {}", "she likes being called {}", "his nickname is {}", "he prefers the name {}"]
ENDINGS = ["", ".", " at school", " and she smiled", ", which she likes"]


@given(nickname=st.sampled_from(NICKNAMES), calling=st.sampled_from(CALLINGS), ending=st.sampled_from(ENDINGS),
       case=st.sampled_from([str.lower, str.upper, str.capitalize]))
def test_any_word_given_as_a_name_is_refused_in_any_case(find: Finder, nickname: str, calling: str, ending: str,
                                                         case) -> None:
    text = case(calling.format(nickname) + ending)
    assert [words.casefold() for kind, words in find(text) if kind == "name"] == [nickname]


CONTINUATIONS = ["back", "later", "today", "tomorrow", "on monday", "in", "at home", "on her mobile", "mum",
                 "social worker", "a liar", "names", "fat", "mate", "again", "first thing", "when she is in",
                 "about contact", "to arrange a visit", "asap", "every week", "straight back"]


@given(who=st.sampled_from(["her", "him", "them"]), continuation=st.sampled_from(CONTINUATIONS),
       lead=st.sampled_from(["I will call", "please call", "we called", "dad called", "I'll try calling"]),
       case=st.sampled_from([str.lower, str.capitalize]))
def test_calling_someone_with_an_ordinary_continuation_is_never_refused(find: Finder, who: str, continuation: str,
                                                                        lead: str, case) -> None:
    assert find(case(f"{lead} {who} {continuation}")) == []


# -- a called-name of one or two letters: 'call her jo', 'known as ty' were stored, as only longer words were judged
@pytest.mark.parametrize(("text", "words"), [
    ("call her jo", "jo"),
    ("we call him al", "al"),
    ("she is known as ty at school", "ty"),
    ("the lad known as ty keeps going missing", "ty"),
    ("she asked me to call her j", "j"),
    ("we call him K when we visit", "K"),
    ("call her J.B. on visits", "J.B."),
    ("his nickname is al", "al"),
    ("she calls herself em now", "em"),
    ("he went by aj at his last placement", "aj"),
    ("he goes by the name of al", "al"),
    ("CALL HER JO", "JO"),
])
def test_a_called_name_of_one_or_two_letters_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                        words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "call her in", "call her up", "call her re contact", "call her e.g. on her mobile", "call her am",
    "call her n ask about contact", "call her ma", "call her ok", "call her rn", "call her ta", "call her x",
    "call her or text", "call her if she is in", "call her as well", "call her at 3", "call her to arrange a visit",
    "call her by 5", "call her no later than friday", "call him an ambulance", "call her so she knows",
    "call me i will be in", "call her w mum", "call her ms",
    "she was known as a child in need", "he goes by the book", "time goes by so fast", "as time goes by we will see",
    "the bus goes by my house", "she is known as an anxious child", "also known as CP",
])
def test_a_short_word_going_on_with_the_sentence_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# Roles, owned as 'her GP' is ('call her GP', 'call her sw'): a nickname that is also one typed small ('we call him
# dj') passes, a known limit; in capitals ('we call him DJ') it is the name (tests/unit/test_privacy_leftovers14.py).
SHORT_ROLES = frozenset(["sw", "tm", "hv", "gp", "pc", "ds", "dc", "ap", "pa", "qa", "qc", "kc", "lj", "mp", "dj",
                         "yp"])
# The one- and two-letter words a reviewer agrees go on with a sentence after a calling phrase and name nobody,
# spelt out here (not read from the code) so that a wrong word added to the code's list fails the property below.
NOT_SHORT_NAMES = frozenset(["a", "i", "n", "u", "x", "w", "am", "an", "as", "at", "be", "by", "do", "go", "he",
    "hi", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "oh", "ah", "eh",
    "er", "uh", "um", "ha", "ok", "kk", "xx", "rn", "ta", "np", "bc", "eg", "ie", "nb", "ps", "pm", "re", "vs", "tv",
    "ur", "im", "ma", "da", "mr", "ms", "mx", "dr"]) | SHORT_ROLES
SHORT_CALLINGS = ["call her {}", "we call him {}", "she asked me to call her {}", "mum calls her son {}",
                  "she is known as {}", "he goes by {}", "his nickname is {}", "she likes being called {}",
                  "he prefers the name {}", "she calls herself {}"]


@given(letters=st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=2).filter(
           lambda w: w not in NOT_SHORT_NAMES),
       calling=st.sampled_from(SHORT_CALLINGS), ending=st.sampled_from(["", ".", " at school", " and she smiled"]),
       case=st.sampled_from([str.lower, str.upper, str.capitalize]))
def test_any_one_or_two_letters_given_as_a_name_are_refused(find: Finder, letters: str, calling: str, ending: str,
                                                            case) -> None:
    """Typed small, shouted, or as 'Jo'; two capitals in ordinary text ('call her AA sponsor') may be a service's."""
    text = calling.format(letters.capitalize() if case is str.capitalize else letters) + ending
    assert letters in [words.casefold().rstrip(".") for kind, words in find(case(text) if case is not str.capitalize
                                                                             else text) if kind in ("name", "initials")]


@given(word=st.sampled_from(sorted(NOT_SHORT_NAMES - {"mr", "ms", "mx", "dr"})),
       lead=st.sampled_from(["I will call her", "please call him", "we called them", "you can call me",
                             "dad calls us"]),
       ending=st.sampled_from(["", " later", " about contact", " when she is home"]))
def test_a_short_word_after_a_calling_phrase_is_never_taken_for_a_name(find: Finder, word: str, lead: str,
                                                                       ending: str) -> None:
    assert find(f"{lead} {word}{ending}") == []
