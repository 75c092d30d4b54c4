"""A date question answered in words (trial 59): `never done`, `no` and `not known` at "When was life-story work last
updated?" were all refused, so a manager could only invent a date or pause (F8); `last march` and `march` were
"could not read" (F14). Now there is no date is stored as "Never / not known", and a month alone is its 1st, said
back so the day is not taken as known."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from knowledge.loader import check_knowledge, load_knowledge
from tests.support.dated_audit import audit_typed_on

AUDITOR = "U0MGRN001"
TUESDAY = date(2026, 12, 15)  # a working day, pinned: the chat is not held out of hours
LIFE_STORY = Question("life-story", "When was life-story or identity work last updated?", "date")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _audit_typing(engine: Engine, services: Services, typed: str) -> tuple[list[str], str]:
    """A whole case audit, `typed` at its date question: every notice said, and the date answer stored."""
    replies = audit_typed_on(engine, AUDITOR, TUESDAY,
                             lambda prompt, offered: typed if prompt.startswith("Type the date") else offered)
    [audit] = services.storage.db.query("SELECT id FROM audits")
    return [reply.text for reply in replies], store.answers_of(services.storage, audit["id"])["assessment-date"].value


@pytest.mark.parametrize("typed", ["never done", "not known"])
def test_never_or_not_known_at_a_date_question_is_stored_and_read_plainly(engine: Engine, services: Services,
                                                                         typed: str) -> None:
    said, stored = _audit_typing(engine, services, typed)
    assert stored == "never"
    assert "Got it: **Never / not known**." in said
    assert any("What is the date of the most recent completed assessment? — **Never / not known**" in text
               for text in said)  # the review before submitting


def test_a_month_alone_is_its_first_said_back_as_such(engine: Engine, services: Services) -> None:
    said, stored = _audit_typing(engine, services, "last march")
    assert stored == "2026-03-01"
    assert "Got it: **Sunday 1 March 2026** (read as the 1st: change it if you know the day)." in said


@pytest.mark.parametrize("typed", ["never", "Never done", "not known", "no date", "n/a", "no", "unknown"])
def test_the_words_for_no_date_are_all_taken(typed: str) -> None:
    assert parse_answer(LIFE_STORY, typed, TUESDAY) == "never"
    assert LIFE_STORY.answer_label("never") == "Never / not known"


def test_a_line_that_is_no_date_says_never_and_not_known_are_answers_too() -> None:
    with pytest.raises(AnswerError) as refused:
        parse_answer(LIFE_STORY, "whenever it suited", TUESDAY)
    assert "If there is no date, type `never` or `not known`." in str(refused.value)


@pytest.mark.parametrize(("typed", "meant"), [
    ("march", date(2026, 3, 1)), ("last march", date(2026, 3, 1)), ("March 2025", date(2025, 3, 1)),
    ("in sept", date(2026, 9, 1)), ("december", date(2026, 12, 1)), ("last December", date(2025, 12, 1)),
])
def test_a_month_in_words_is_read_as_its_first(typed: str, meant: date) -> None:
    assert parse_answer(LIFE_STORY, typed, TUESDAY) == meant.isoformat()


@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), month=st.sampled_from(MONTHS),
       form=st.sampled_from(["{m}", "last {m}", "this {m}", "in {m}", "{short}", "last {short}"]))
def test_a_month_alone_is_the_1st_of_it_gone_or_one_plain_refusal(today: date, month: str, form: str) -> None:
    """Never a day but the 1st, never a future date for something that happened, and `last` the latest one before
    this month."""
    typed = form.format(m=month, short=month[:3])
    try:
        stored = date.fromisoformat(parse_answer(LIFE_STORY, typed, today))
    except AnswerError as error:
        assert str(error) and "\n" not in str(error) and "could not read" not in str(error)
        return
    assert stored.day == 1 and MONTHS[stored.month - 1] == month and stored <= today
    if form.startswith("last"):
        assert 1 <= (today.year - stored.year) * 12 + today.month - stored.month <= 12  # the one before this month


CHECKLIST = """checklists:
  - id: dated
    title: Dated
    period: the last 6 months
    sections:
      - id: one
        title: One
        questions:
          - id: life-story
            text: When was life-story or identity work last updated?
            type: date
            flag_if: [never]
          - id: seen
            text: Was the child seen?
            type: yes_no
"""


def test_a_checklist_may_flag_never_at_a_date_question(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(CHECKLIST, encoding="utf-8")
    assert not [p.message for p in check_knowledge(tmp_path) if "life-story" in p.message]
    question = load_knowledge(tmp_path).checklists["dated"].question("life-story")
    assert question.flags(parse_answer(question, "never done", TUESDAY))
