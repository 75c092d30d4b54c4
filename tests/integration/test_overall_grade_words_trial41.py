"""Trial 41 (LOW 12, 13): at the overall grade `id say good overall tbh` and `prob good` were refused; at the review
`continue` (the button says "Continue to the overall grade") was taken as `resume`; and going back to the overall
grade showed "Noted already: Good." with no way to keep the reason. Now a grade with words around it is read (a
hedged one confirmed first), `continue` goes on as `next` does, and `keep` keeps the grade and its reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.audits.grade_words import grade_in_words
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR = "U0MGRN001"
TO_REVIEW = TO_ACTIONS[:15]  # the early help spot check at its review; the answers suggest Good
REASON = "the reviews have slipped badly"


def _typed(engine: Engine, lines: list[str]) -> list[Reply]:
    replies: list[Reply] = []
    with time_machine.travel(DRAFTED, tick=False):
        for line in lines:
            replies = engine.message(AUDITOR, line, surface="terminal")
    return replies


def _said(replies: list[Reply]) -> str:
    return flat("\n".join(reply.text for reply in replies), "`")


def test_continue_at_the_review_goes_on_to_the_overall_grade(engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_REVIEW, "continue"]))
    assert "Overall grade" in said and "Carrying on with" not in said, said
    assert store.get_audit(services.storage, 1).step == "overall_grade"


@pytest.mark.parametrize(("typed", "grade"), [("id say good overall tbh", "good"), ("good overall", "good"),
                                               ("i'd go with RI", "requires_improvement")])
def test_a_grade_with_words_around_it_is_read(engine: Engine, services: Services, typed: str, grade: str) -> None:
    _typed(engine, [*TO_REVIEW, "next", typed])
    assert store.get_audit(services.storage, 1).overall_grade == grade


def test_a_hedged_grade_is_confirmed_before_it_is_stored(engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_REVIEW, "next", "prob good"]))
    assert "“prob good” sounds unsure, so I haven't stored a grade yet. Is the overall grade **Good**?" in said, said
    assert store.get_audit(services.storage, 1).overall_grade is None
    _typed(engine, ["yes"])
    assert store.get_audit(services.storage, 1).overall_grade == "good"


def test_no_to_a_hedged_grade_stores_nothing(engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_REVIEW, "next", "maybe RI tbh", "no"]))
    assert "Overall grade" in said, said
    assert store.get_audit(services.storage, 1).overall_grade is None


def test_keep_back_at_the_overall_grade_keeps_the_grade_and_its_reason(engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_REVIEW, "next", "RI", REASON, "back"]))
    assert f"Noted already: Requires improvement to be good, with your reason “{REASON}”." in said, said
    assert "Type keep to keep both" in said
    said = _said(_typed(engine, ["keep"]))
    assert "Strengths" in said, said
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.overall_grade, audit.grade_reason) == ("strengths", "requires_improvement", REASON)


def test_keep_at_the_reason_keeps_the_reason_noted(engine: Engine, services: Services) -> None:
    said = _said(_typed(engine, [*TO_REVIEW, "next", "RI", REASON, "back", "Requires improvement to be good"]))
    assert f"Noted already: {REASON}" in said and "or keep to keep it" in said, said
    _typed(engine, ["keep"])
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.grade_reason) == ("strengths", REASON)


@pytest.mark.parametrize(("typed", "read"), [("prob good", ("good", True)), ("RI-ish", ("requires_improvement", True)),
                                             ("not good overall", None), ("good", None), ("so good", None)])
def test_the_words_read(typed: str, read: tuple[str, bool] | None) -> None:
    assert grade_in_words(typed) == read
