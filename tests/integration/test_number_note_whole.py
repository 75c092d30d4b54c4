"""Trial 57 (F5): at "How many times has the child moved home in the last 12 months?", `no moves this year and the
carers have support from their supervising social worker` was said back as "Got it: 0, with your note: “moves this
year and the carers…”", the stored note saying the opposite. A sentence keeps every word; only a leading answer word
followed by a comma or a dash (`none, not offered`) is taken off."""

from __future__ import annotations

import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.audits.number_note import number_with_note, sentence_note
from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.checklist_schema import Question
from tests.integration.test_cancel_in_words import NOW, at_a_number_question, the_audit, typed

LINE = "no moves this year and the carers have support from their supervising social worker"


def test_a_note_starting_with_no_keeps_the_no(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        replies = typed(engine, LINE)
    said = "\n".join(reply.text for reply in replies)
    assert "Got it: **0**, with your note: “no moves this year and the carers" in said, said
    saved = [(row["value"], row["evidence"]) for row in services.storage.db.query(
        "SELECT value, evidence FROM answers WHERE audit_id = ?", [the_audit(services).id])]
    assert ("0", LINE) in saved


def test_a_leading_none_with_a_comma_is_the_answer_word_taken_off(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        replies = typed(engine, "none, the carers have support from their supervising social worker")
    assert "Got it: **0**, with your note: “the carers have support from their supervising social worker”" in \
        "\n".join(reply.text for reply in replies)


_COUNT = Question("moves", "How many times has the child moved home in the last 12 months?", "number")
_WORD = st.sampled_from(["moves", "this", "year", "and", "the", "carers", "have", "support", "from", "stability",
                         "meeting", "held", "school", "visits", "recorded", "home", "since", "with", "placement"])
_LEAD = st.sampled_from(["no", "No", "none", "zero", "one", "two", "three"])
_MARK = st.sampled_from(["", ",", " -", " –", ":"])


@given(lead=_LEAD, mark=_MARK, rest=st.lists(_WORD, min_size=3, max_size=8))
def test_the_note_loses_no_word_but_a_leading_answer_word_before_a_comma_or_dash(
        lead: str, mark: str, rest: list[str]) -> None:
    line = f"{lead}{mark} {' '.join(rest)}"
    try:  # as bot.audits.questions.typed reads it: the sentence reader, else a count with its note
        parse_answer(_COUNT, line)
        note = sentence_note(_COUNT, line)
    except AnswerError:
        read = number_with_note(_COUNT, line)
        assert read is not None, line
        note = read[1]
    assert note is not None, line
    kept = rest if mark else [lead, *rest]
    assert note.split() == kept, (line, note)
