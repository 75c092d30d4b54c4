"""Trial 37 (a newly qualified worker): actions said in her own words. `oops wrong one i meant 101` after `done 14`
went on the QA leads' list with 14 left done; "can i have til the 18th on 130, chrono is massive" asked nobody; "113
is the TMs job not mine" went on the QA leads' list; a reason and a note kept their joining words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from tests.e2e.test_trial28_manager import TO_Q3, _answers, _chat
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, COLLEAGUE = "U0MGRS001", "U0PRAN001", "U0PRAN002"


def _add(services: Services, title: str, owner: str = WORKER, due: str = "2026-12-09") -> int:
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, title, owner, due, AUDITOR, NOW)


def _done(services: Services, action_id: int) -> bool:
    found = action_store.get_action(services.storage, action_id)
    assert found is not None
    return bool(found.done_at)


@pytest.mark.parametrize("correction", ["oops wrong one i meant {n}", "wrong one, meant action {n}",
                                        "sorry i meant {n} not {w}"])
def test_a_correction_after_done_reopens_the_wrong_action_and_marks_the_one_meant_done(
        engine: Engine, services: Services, correction: str) -> None:
    wrong, meant = _add(services, "Update the chronology"), _add(services, "Share the plan with the school")
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {wrong}", surface="terminal")
        replies = engine.message(WORKER, correction.format(n=meant, w=wrong), surface="terminal")
    said = flat(" ".join(reply.text for reply in replies), "_`")
    assert f"Reopened: action {wrong}, Update the chronology" in said
    assert f"Action {meant} (audit #2, CR-123456) marked done: Share the plan with the school." in said
    assert not _done(services, wrong) and _done(services, meant)
    assert not asked_the_knowledge_base(services)


def test_a_correction_naming_no_action_of_theirs_changes_nothing_and_says_how_to_undo(
        engine: Engine, services: Services) -> None:
    wrong, other = _add(services, "Update the chronology"), _add(services, "Not hers", owner=COLLEAGUE)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"done {wrong}", surface="terminal")
        [said] = engine.message(WORKER, f"oops wrong one i meant {other}", surface="terminal")
        undone = engine.message(WORKER, "undo", surface="terminal")
    assert flat(said.text, "`").startswith(f"Action {other} (_Not hers_, audit #{other}, CR-123456) isn't yours, so I "
                                           f"haven't changed anything. Action {wrong} is still marked done: type undo "
                                           "to reopen it.")
    assert f"Reopened: action {wrong}" in undone[0].text and not _done(services, wrong)
    assert not _done(services, other)


def test_without_an_action_just_marked_done_a_correction_is_left_alone(engine: Engine, services: Services) -> None:
    meant = _add(services, "Share the plan with the school")
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"oops wrong one i meant {meant}", surface="terminal")
    assert not _done(services, meant)


@pytest.mark.parametrize(("typed", "until"), [
    ("actually can i have til the 18th on {n}, chrono is massive", "18 Dec 2026"),
    ("can i have til the 18th on action {n}", "18 Dec 2026"),
])
def test_more_time_asked_with_the_day_before_the_action_is_sent_with_its_reason(
        engine: Engine, services: Services, typed: str, until: str) -> None:
    action_id = _add(services, "Update the chronology")
    with time_machine.travel(NOW, tick=False):
        mine, sent = engine.message(WORKER, typed.format(n=action_id), surface="terminal")
    assert flat(mine.text, "`").startswith(f"I've asked Team manager (South), the auditor, for more time on action "
                                           f"{action_id} (_Update the chronology_, audit #1, CR-123456) until {until}.")
    assert sent.to_user == AUDITOR
    assert ("reason: chrono is massive" in sent.text) is ("chrono" in typed)
    asked = requests.latest(services.storage, action_id)
    assert asked is not None and asked.until == "2026-12-18"


def test_a_number_after_the_day_that_is_no_action_of_theirs_asks_nobody(engine: Engine, services: Services) -> None:
    other = _add(services, "Not hers", owner=COLLEAGUE)
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, f"can i have til the 18th on {other}", surface="terminal")
    assert requests.latest(services.storage, other) is None


@pytest.mark.parametrize(("typed", "reason"), [
    ("{n} is the TMs job not mine", "the TMs job"),
    ("action {n} is the IRO's to do, not mine - ask her", "the IRO's to do, ask her"),
])
def test_whose_job_it_is_then_not_mine_tells_the_auditor(engine: Engine, services: Services, typed: str,
                                                         reason: str) -> None:
    action_id = _add(services, "Book a supervision discussion")
    with time_machine.travel(NOW, tick=False):
        mine, told = engine.message(WORKER, typed.format(n=action_id), surface="terminal")
    assert f"that action {action_id} (_Book a supervision discussion_, audit #1, CR-123456) isn't yours, with your " \
           f"reason: “{reason}”" in mine.text
    assert told.to_user == AUDITOR and not asked_the_knowledge_base(services)


def test_a_reason_after_isnt_mine_anymore_is_kept_without_the_joining_word(engine: Engine,
                                                                          services: Services) -> None:
    action_id = _add(services, "Review the plan with the family")
    with time_machine.travel(NOW, tick=False):
        mine, told = engine.message(WORKER, f"{action_id} isnt mine anymore, case transferred", surface="terminal")
    assert "with your reason: “case transferred”" in mine.text
    assert f"says action {action_id} isn't theirs: “case transferred”" in told.text


def test_the_answer_a_hedge_leans_to_is_not_kept_in_its_note(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_Q3, "mostly yes, used wishes and feelings", "yes"])
    assert ("“Mostly yes” could be more than one answer, so I haven't stored one. Is that a yes or a no? I'll keep "
            "your note: “used wishes and feelings”.") in out
    assert _answers(services)["need-explained"] == ("yes", "used wishes and feelings")
