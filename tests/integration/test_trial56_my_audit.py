"""Trial 56: a practitioner's questions about her own audit. F9: `why does it say outstanding for permanence when
the notes say 3 moves…` got knowledge-base suggestions; she is now told how to question the grade of the audit that
carries it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # a Monday, working hours
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"


def _audit(services: Services, grade: str, answer: str = "yes") -> int:
    audit_id = insert_audit(services.storage, "CR-687096", NOW, auditor=AUDITOR, worker=WORKER)
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [grade, audit_id])
        db.execute("UPDATE answers SET value = ? WHERE audit_id = ? AND question_id = 'q1'", [answer, audit_id])
    return audit_id


@pytest.mark.parametrize("typed", [
    "why does it say outstanding for permanence when the notes say 3 moves and no stability mtg??",
    "why did i get outstanding on permanence", "why is it outstanding"])
def test_asking_why_her_audit_says_a_grade_is_the_way_to_question_it(engine: Engine, services: Services,
                                                                     typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        carrying = _audit(services, "good", answer="outstanding")
        newest = _audit(services, "requires_improvement")
        [reply] = engine.message(WORKER, typed, surface="terminal")
    text = flat(reply.text, "_`*")
    assert carrying < newest
    assert f"If you mean audit #{carrying} (CR-687096, the latest audit of your case with Outstanding in it)" in text
    assert f"/audit reflect {carrying} <your view>" in text
    assert "Talk to Team manager (South) first" in text
    assert asked_the_knowledge_base(services) == 0


def test_why_did_i_get_ri_names_the_newest_audit_with_that_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        ri = _audit(services, "requires_improvement")
        _audit(services, "good")
        [reply] = engine.message(WORKER, "why did i get RI", surface="terminal")
    assert f"If you mean audit #{ri} (CR-687096, the latest audit of your case with Requires improvement" in flat(
        reply.text, "_`*")


def test_a_question_about_grades_in_general_stays_a_knowledge_question(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audit(services, "outstanding")
        engine.message(WORKER, "why does every grade need an evidence note", surface="terminal")
    assert asked_the_knowledge_base(services) == 1


def test_with_no_audit_of_her_case_the_knowledge_base_answers(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, "why is it outstanding", surface="terminal")
    assert asked_the_knowledge_base(services) == 1


# F6: `resume` with two drafts, then a line that is not a pick
def _two_drafts(engine: Engine) -> list[Reply]:
    from tests.integration.test_action_removal import TO_ACTIONS
    from tests.integration.test_action_removal import WORKER as CASE_WORKER
    from tests.integration.test_asides_mid_audit import QUESTION_AT, say
    say(engine, [*TO_ACTIONS[:QUESTION_AT], "pause", "start audit early-help-spot", "CR-555556", CASE_WORKER, "pause"])
    return say(engine, ["resume"])


def test_an_answer_typed_while_a_draft_is_to_be_picked_is_told_to_pick_first(engine: Engine,
                                                                              services: Services) -> None:
    from tests.integration.test_asides_mid_audit import say, texts
    with time_machine.travel(NOW, tick=False):
        listed = _two_drafts(engine)
        assert "Pick the one to carry on with" in texts(listed)
        replies = say(engine, ["n, no placement stability meeting after 3rd move"])
    assert texts(replies).startswith("Pick a draft first (1 or 2), then type that again")
    assert asked_the_knowledge_base(services) == 0


def test_a_question_typed_while_a_draft_is_to_be_picked_is_still_asked(engine: Engine, services: Services) -> None:
    from tests.integration.test_asides_mid_audit import say
    with time_machine.travel(NOW, tick=False):
        _two_drafts(engine)
        say(engine, ["what is a placement stability meeting?"])
    assert asked_the_knowledge_base(services) == 1
