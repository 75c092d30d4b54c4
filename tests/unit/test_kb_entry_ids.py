"""knowledge/entry_ids.py: the id `kb new` and the *New entry* form make from a question reads as a name for what it
is about: no question opening, no joining word at its end, its numbers kept, valid for `kb check`, and unique."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.entry_ids import BOUND_FIRST, ID_ENDS, JOINING_WORDS, MAX_ID_LENGTH, new_entry_id
from knowledge.fields import ID_PATTERN
from knowledge.loader import default_folder, load_knowledge

SHIPPED_IDS = tuple(load_knowledge(default_folder()).entries)


@pytest.mark.parametrize(("question", "expected"), [
    # the user trial: cut at the length limit on "and", losing the 31 that tells the two sections apart
    ("What is the difference between section 20 and section 31?", "difference-between-section-20-section-31"),
    ("When is the ICPC due?", "icpc-due"),
    # trial 19: `how-many-audits-should-manager-complete-each`, `how-long-does-agency-decision-maker-have`
    ("How many audits should a manager complete each month?", "audits-manager-complete-month"),
    ("How long does the agency decision maker have to approve a foster carer after panel?",
     "agency-decision-maker-approve"),
    ("How do I record a missing episode for a child in care who went missing overnight?",
     "record-missing-episode-child"),
    ("How do I recognise disguised compliance?", "recognise-disguised-compliance"),
    ("How often is the office kettle descaled?", "office-kettle-descaled"),
    # too long: articles go first, then words from the end, never ending on "for"
    ("When must an initial child protection conference be held for an unborn baby?",
     "initial-child-protection-conference"),
    ("Do we need parents' consent to carry out a section 47 enquiry?",
     "parents-consent-carry-section-47"),
    # a number the cut would lose is kept with the word naming it
    ("What's the child's plan when the parents don't agree to section 20?",
     "childs-plan-parents-section-20"),
    ("Who signs off a s47 strategy discussion record at the weekend?", "signs-off-s47-strategy"),
    # trial 39: at most four significant words, not the whole question
    ("What is Kooth and how do I refer a young person to it?", "kooth-refer-young-person"),
    ("What is it for?", "what-is-it"),  # nothing but the opening: the question's own words, less the joining end
    ("???", "my-entry-id"),
])
def test_an_id_names_what_the_question_is_about(question: str, expected: str) -> None:
    assert new_entry_id(question, []) == expected


def test_an_id_already_taken_gets_a_number() -> None:
    assert new_entry_id("When is the ICPC due?", ["icpc-due"]) == "icpc-due-2"
    assert new_entry_id("When is the ICPC due?", ["icpc-due", "icpc-due-2"]) == "icpc-due-3"
    long = "What is the difference between section 20 and section 31 for a child in care?"
    first = new_entry_id(long, [])
    assert new_entry_id(long, [first]).endswith("-2") and len(new_entry_id(long, [first])) <= MAX_ID_LENGTH


WORDS = st.one_of(
    st.sampled_from(sorted(JOINING_WORDS | {"what", "how", "do", "i", "we", "need", "section", "child", "plan"})),
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzé'’?-0123456789", min_size=1, max_size=60),
)


@given(st.lists(WORDS, min_size=1, max_size=20), st.integers(min_value=0, max_value=3))
def test_every_id_is_valid_never_ends_on_a_joining_word_and_is_unique_in_the_folder(words: list[str],
                                                                                    copies: int) -> None:
    question = " ".join(words) + "?"
    taken = list(SHIPPED_IDS)
    for _ in range(copies + 1):
        made = new_entry_id(question, taken)
        assert ID_PATTERN.fullmatch(made) and len(made) <= MAX_ID_LENGTH, (question, made)
        assert made.rsplit("-", 1)[-1] not in JOINING_WORDS, (question, made)
        assert made not in taken, (question, made)
        taken.append(made)


@pytest.mark.parametrize(("question", "expected"), [
    ("Can we refer a child in care to Kooth?", "refer-child-in-care-kooth"),  # trial 53 F16: `refer-child-in-care`
    ("how do i refer a young person in care to camhs for an assessment", "refer-young-person-camhs"),
])
def test_an_id_keeps_the_word_outside_everyday_english_that_names_the_service(question: str, expected: str) -> None:
    assert new_entry_id(question, SHIPPED_IDS) == expected


OPENINGS = ["can we refer a child in care to", "how do i get a young person seen by", "is there a waiting list for "
            "support from", "what does the team around the family do with"]


@given(st.sampled_from(OPENINGS), st.sampled_from(["kooth", "qwertyx", "zumbly", "harbourlite"]))
def test_a_name_outside_everyday_english_at_the_end_of_a_question_is_in_its_id(opening: str, name: str) -> None:
    made = new_entry_id(f"{opening} {name}?", SHIPPED_IDS)
    assert name in made.split("-") and ID_PATTERN.fullmatch(made) and len(made) <= MAX_ID_LENGTH


@pytest.mark.parametrize(("question", "expected"), [
    # trial 64 (F12): `local-protocol-child-self`, cut inside "self-harms"
    ("What is our local protocol when a child self-harms in school?", "local-protocol-child-self-harms"),
    ("what is our local protocol when a child self harms in school", "local-protocol-child-self-harms"),
    ("Is co-sleeping with a baby safe?", "co-sleeping-baby-safe"),
    ("What should I do about self?", "what-should-i-do-about"),
])
def test_an_id_never_ends_on_half_a_compound(question: str, expected: str) -> None:
    assert new_entry_id(question, []) == expected


STOP_HEAVY = st.one_of(st.sampled_from(sorted(ID_ENDS | {"what", "child", "harm", "plan", "neglect", "school"})),
                       st.from_regex(r"[a-z]{1,12}", fullmatch=True))


@given(st.lists(STOP_HEAVY, min_size=1, max_size=16), st.lists(st.sampled_from(sorted(BOUND_FIRST)), max_size=3),
       st.integers(min_value=0, max_value=2))
def test_an_id_is_valid_unique_and_never_ends_on_a_stop_word(words: list[str], bound: list[str], copies: int) -> None:
    """Trial 64 (F12): whatever the question, the id is valid, short, new, and its last word is never a joining
    word or half a compound (`self`, `non`)."""
    question = " ".join(words + bound) + "?"
    taken = list(SHIPPED_IDS)
    for _ in range(copies + 1):
        made = new_entry_id(question, taken)
        assert ID_PATTERN.fullmatch(made) and len(made) <= MAX_ID_LENGTH, (question, made)
        parts = made.split("-")
        named = parts[:-1] if len(parts) > 1 and parts[-1].isdigit() else parts  # less a number (`-2`)
        assert named[-1] not in ID_ENDS, (question, made)
        assert made not in taken, (question, made)
        taken.append(made)
