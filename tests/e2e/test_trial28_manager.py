"""Trial 28 (a team manager, South), on a child in need audit typed in a manager's own words.

- HIGH 1: `actually make 136 due 17/12, im off after that` at the actions step became a new action, and `thats all` at
  its owner question was "I don't know that person".
- MEDIUM 7: answers with a note were refused and the note lost (`mostly - …` at a yes/no, `continue plan for now, …`
  at a choice, `abt 7 mnths` at a number).
- LOW: `me to …` kept "me to" in the action's text; `the worker` refused at "Whose case is it?"; `edit N note 3 no - …`
  kept "no - " in the note and claimed a revision that did not exist.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
MANAGER = "U0MGRS001"
WORKER = "U0PRAS001"
TO_Q3 = ["start audit child in need", "CR-448812", "1", "no", "yes"]
TO_MONTHS = [*TO_Q3, "no", "yes", "yes", "good", "Plan is clear with timescales.", "yes", "yes", "yes"]
TO_NEXT_STEP = [*TO_MONTHS, "about 7 mths"]
TO_REVIEW = [*TO_NEXT_STEP, "1", "good", "Steady progress on the plan seen."]
TO_ACTIONS = [*TO_REVIEW, "1", "1", "skip", "skip"]
FIRST_ACTION = "sw s1 - rewrite cin plan with proper timescales by fri week"


def _flat(out: str) -> str:
    return " ".join(out.replace("*", "").split())


def _chat(engine: Engine, lines: list[str]) -> str:
    with time_machine.travel(MONDAY, tick=False):
        return _flat(drive(engine, lines, MANAGER)[1])


def _actions(services: Services) -> list[tuple[str, str, str]]:
    return [(a.description, a.owner_id, a.due_date) for a in action_store.actions_of_audit(services.storage, 1)]


def _answers(services: Services) -> dict[str, tuple[str, str | None]]:
    return {qid: (a.value, a.evidence) for qid, a in store.answers_of(services.storage, 1).items()}


# -- 1. HIGH: an action's due date changed in a manager's words -------------------------------------------------

@pytest.mark.parametrize("typed", ["actually make 1 due 17/12, im off after that", "can you push 1 back to 17/12",
                                   "sorry, move 1 to 17/12 - off after that", "make action #1 due date 17/12"])
def test_an_actions_date_changed_in_a_managers_words_changes_it_and_adds_nothing(engine: Engine, services: Services,
                                                                                 typed: str) -> None:
    out = _chat(engine, [*TO_ACTIONS, FIRST_ACTION, typed])
    assert "I've read that as action 1 due 17/12." in out
    assert "is now due Thursday 17 December 2026 (in 10 days), not Friday 18 December 2026." in out
    assert "Who owns this action?" not in out[out.index("I've read that as"):]
    assert _actions(services) == [("rewrite cin plan with proper timescales", WORKER, "2026-12-17")]


def test_a_number_that_is_none_of_the_audits_actions_is_asked_about_and_nothing_is_stored(
        engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_ACTIONS, FIRST_ACTION, "actually make 136 due 17/12, im off after that"])
    assert "Did you mean action 136? It is not one of audit #1's actions, so I haven't stored anything." in out
    assert "Its only open action is action 1." in out and "like action 1 due 17/12" in out
    assert _actions(services) == [("rewrite cin plan with proper timescales", WORKER, "2026-12-18")]
    assert store.get_audit(services.storage, 1).step == "actions"


def test_an_action_that_only_mentions_moving_stays_an_action(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_ACTIONS, "move 2 visits to the family centre", "the worker", "18/12/2026"])
    assert "I've read that as" not in out
    assert _actions(services) == [("move 2 visits to the family centre", WORKER, "2026-12-18")]


@pytest.mark.parametrize("typed", ["thats all", "that's all", "done"])
def test_finishing_at_a_half_made_actions_owner_says_it_needs_an_owner(engine: Engine, services: Services,
                                                                       typed: str) -> None:
    out = _chat(engine, [*TO_ACTIONS, "chase the school for attendance data", typed])
    assert "I don't know that person" not in out
    assert ("The action you are adding (“chase the school for attendance data”) needs an owner before the actions "
            "are done, so nothing is stored yet") in out
    assert "type back, then the action again or done." in out
    assert _actions(services) == []


# -- 2. MEDIUM: answers with a note, in a manager's words ----------------------------------------------------

MOSTLY = "mostly - risks clear but not what happens w/o help"
KEPT_NOTE = "risks clear but not what happens w/o help"


@pytest.mark.parametrize("then", ["no", "2"])
def test_a_hedged_yes_or_no_is_asked_about_and_its_note_kept_for_the_answer(engine: Engine, services: Services,
                                                                            then: str) -> None:
    out = _chat(engine, [*TO_Q3, MOSTLY, then])
    assert "Please answer yes or no" not in out
    assert f"“Mostly” could be more than one answer, so I haven't stored one. Is that a yes or a no? I'll keep your " \
           f"note: “{KEPT_NOTE}”." in out
    assert f"Got it: No, with your note: “{KEPT_NOTE}”." in out
    assert _answers(services)["need-explained"] == ("no", KEPT_NOTE)


def test_a_note_typed_with_the_answer_goes_after_the_one_kept(engine: Engine, services: Services) -> None:
    """Trial 56, F1: the kept note was dropped without a word; both are kept now, the kept one first."""
    _chat(engine, [*TO_Q3, MOSTLY, "no, the analysis is missing entirely"])
    assert _answers(services)["need-explained"] == ("no", f"{KEPT_NOTE}. the analysis is missing entirely")


def test_a_kept_note_is_not_carried_to_the_next_question(engine: Engine, services: Services) -> None:
    _chat(engine, [*TO_Q3, "partly", "yes", "yes"])
    assert _answers(services)["need-explained"] == ("yes", None)
    assert _answers(services)["plan-smart"] == ("yes", None)


def test_an_options_words_at_the_start_with_a_note_after_are_that_option_and_its_note(engine: Engine,
                                                                                     services: Services) -> None:
    out = _chat(engine, [*TO_NEXT_STEP, "continue plan for now, poss step down after next review"])
    assert "Please pick one of the options" not in out
    assert "Got it: Continue the plan, with your note: “for now, poss step down after next review”." in out
    assert _answers(services)["next-step"] == ("Continue the plan", "for now, poss step down after next review")


@pytest.mark.parametrize("typed", ["abt 7 mnths", "approx 7", "~7 wks", "7mths"])
def test_a_rough_number_in_short_words_is_read(engine: Engine, services: Services, typed: str) -> None:
    out = _chat(engine, [*TO_MONTHS, typed])
    assert "Please type a number" not in out
    assert "Got it: 7." in out
    assert _answers(services)["months-open"] == ("7", None)


# -- 3. LOW: the auditor's own action in the first person ------------------------------------------------------

@pytest.mark.parametrize(("typed", "text", "due"), [
    ("me to discuss analysis in next supervision with sw before xmas", "discuss analysis in next supervision with sw",
     "2026-12-24"),
    ("I will chase the school for attendance data by 18/12", "chase the school for attendance data", "2026-12-18"),
    ("I'll chase the school for attendance data by 18/12", "chase the school for attendance data", "2026-12-18"),
])
def test_an_action_in_the_first_person_is_the_auditors_without_those_words(engine: Engine, services: Services,
                                                                           typed: str, text: str, due: str) -> None:
    out = _chat(engine, [*TO_ACTIONS, typed])
    assert f"Got it: Team manager (South) (the case's team manager) owns “{text}”." in out
    assert "Who owns this action?" not in out[out.index("Actions (0 so far)"):]
    assert _actions(services) == [(text, MANAGER, due)]


def test_the_manager_to_review_the_plan_stays_the_whole_action_and_its_owner_is_asked(engine: Engine,
                                                                                      services: Services) -> None:
    out = _chat(engine, [*TO_ACTIONS, "the manager to review the plan with the family", "the worker", "18/12/2026"])
    assert "Who owns this action?" in out[out.index("Actions (0 so far)"):]
    assert _actions(services) == [("the manager to review the plan with the family", WORKER, "2026-12-18")]


# -- 4. LOW: `the worker` at "Whose case is it?" ----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["the worker", "the social worker", "sw"])
def test_the_worker_is_the_one_worker_offered(engine: Engine, services: Services, typed: str) -> None:
    out = _chat(engine, ["start audit child in need", "CR-448812", typed])
    assert "I don't know that person" not in out
    assert "Got it: Social worker S1's case." in out
    assert store.get_audit(services.storage, 1).worker_id == WORKER


def test_the_worker_where_several_are_offered_says_to_pick_one(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        out = _flat(drive(engine, ["start audit child in need", "CR-448812", "the worker"], "U0MGRN001")[1])
    assert ("You can audit the cases of 2 workers, so “the worker” could be any of them. Pick one of them from the "
            "buttons, or type their name as I write it, like Social worker N1 or Social worker N2.") in out
    assert store.get_audit(services.storage, 1).worker_id is None


# -- 5. LOW: a changed note typed after its answer's word -------------------------------------------------------

SUBMITTED = [*TO_ACTIONS, "I will chase the school for attendance data by 18/12", "done", "1"]


def test_a_note_added_after_submission_drops_the_answer_word_and_says_it_was_added(engine: Engine,
                                                                                  services: Services) -> None:
    out = _chat(engine, [*SUBMITTED, "edit 1 note 3 no - analysis doesnt say what happens without help"])
    assert "Audit #1: note added to question 3; the answer stays No." in out
    assert "The earlier note is kept as a revision" not in out
    assert _answers(services)["need-explained"] == ("no", "analysis doesnt say what happens without help")


def test_a_changed_note_keeps_a_word_that_is_not_the_answer_and_says_the_revision(engine: Engine,
                                                                                  services: Services) -> None:
    out = _chat(engine, [*SUBMITTED, "edit 1 note 6 good - the plan has clear owners and dates",
                         "edit 1 note 3 yes - analysis was never done"])
    assert ("Audit #1: the note on question 6 is updated; the answer stays Good. The earlier note is kept as a "
            "revision.") in out
    assert _answers(services)["plan-quality"] == ("good", "the plan has clear owners and dates")
    assert _answers(services)["need-explained"] == ("no", "yes - analysis was never done")
