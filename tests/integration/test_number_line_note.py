"""Trial 56 (F7): at a number question, `n, 3 placement moves in 12 months, no stability meeting held` was refused
("Please type a number", the note lost), and `plan for permanence in place but 3 moves with no stability meeting`
was read as 3 with its note dropped. A line holding one number is that number with its note, said back; a stray
`n,` before a count is set aside; two different numbers are asked about, the note kept for the answer."""

from __future__ import annotations

import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.audits.number_note import number_with_note, sentence_note
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.checklist_schema import Question
from tests.integration.test_cancel_in_words import NOW, at_a_number_question, the_audit, typed


def _saved(services: Services) -> list[tuple[str, str | None]]:
    return [(row["value"], row["evidence"]) for row in services.storage.db.query(
        "SELECT value, evidence FROM answers WHERE audit_id = ?", [the_audit(services).id])]


def _texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def test_a_sentence_with_one_number_keeps_its_note_and_says_it_back(engine: Engine, services: Services) -> None:
    line = "plan for permanence in place but 3 moves with no stability meeting"
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        replies = typed(engine, line)
    assert f"Got it: **3**, with your note: “{line}”." in _texts(replies)
    assert ("3", line) in _saved(services)


def test_a_stray_n_before_the_count_is_set_aside_and_the_note_kept(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        replies = typed(engine, "n, 3 placement moves in 12 months, no stability meeting held")
    assert all(reply.kind != "error" for reply in replies), _texts(replies)
    assert "Got it: **3**, with your note: “placement moves in 12 months, no stability meeting held”." in \
        _texts(replies)
    assert ("3", "placement moves in 12 months, no stability meeting held") in _saved(services)


def test_two_numbers_ask_which_and_keep_the_note_for_it(engine: Engine, services: Services) -> None:
    line = "plan in place but 3 moves in 12 months and no meeting"
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        asked = typed(engine, line)
        assert "That has 3 and 12 in it: which number is the answer? I've kept your note" in _texts(asked)
        assert all(value != "3" for value, _ in _saved(services))
        replies = typed(engine, "3")
    assert f"Got it: **3**, with your note: “{line}”." in _texts(replies)
    assert ("3", line) in _saved(services)


_COUNT = Question("moves", "How many times has the child moved home?", "number")
_WORD = st.sampled_from(["plan", "moves", "placement", "stability", "meeting", "held", "carers", "school",
                         "permanence", "visits", "child", "seen", "recorded", "home", "times", "since", "with"])


@given(before=st.lists(_WORD, max_size=5), number=st.integers(min_value=0, max_value=99),
       after=st.lists(_WORD, min_size=3, max_size=5))  # a note: 3 words or more
def test_one_number_with_words_round_it_is_that_number_and_the_words_are_its_note(
        before: list[str], number: int, after: list[str]) -> None:
    line = " ".join([*before, str(number), *after])
    try:  # as bot.audits.questions.typed reads it: the sentence reader, else a count with its note
        value, note = parse_answer(_COUNT, line), sentence_note(_COUNT, line)
    except AnswerError:
        read = number_with_note(_COUNT, line)
        assert read is not None, line
        value, note = read
    assert value == str(number)
    assert note is not None and all(word in note for word in [*before, *after])


def test_a_digit_inside_a_tool_or_section_name_is_not_the_count(engine: Engine, services: Services) -> None:
    """fix68d: `good, GCP2 not repeated …` at a number question was stored as 2, the digit taken from "GCP2"; a
    section (s47) or a question (Q4) is a name, not a count."""
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        refused = typed(engine, "good, GCP2 not repeated since the last s47 enquiry")
        assert all(value != "2" and value != "47" for value, _ in _saved(services)), _texts(refused)
        replies = typed(engine, "GCP2 done twice, 4 visits since the s47 enquiry")
    assert "Got it: **4**, with your note: “GCP2 done twice, 4 visits since the s47 enquiry”." in _texts(replies)
    assert ("4", "GCP2 done twice, 4 visits since the s47 enquiry") in _saved(services)
