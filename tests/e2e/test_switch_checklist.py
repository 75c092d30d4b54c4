"""A draft audit's checklist can be changed (new-user trial: a manager picked *Child in need* for a child on a child
protection plan and could not switch once the audit had started). `change checklist`, `wrong checklist` or `switch to
child protection` at any step of a draft: the case, the worker and the answers both checklists ask are kept, the reply
says what was kept and what was dropped, and answers that would be lost are asked about first."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_owners import NORTH_MANAGER, campaign_audit_at_the_owner
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"
# A child in need audit with its first three questions answered: 1 (immediate concern) is in the child protection
# plan checklist too, 2 and 3 are not.
CIN_STARTED = ["start audit child in need", "CR-123456", "Social worker N1", "no", "yes", "no"]
NOTED = "your question is on the QA leads' list"


def answers(services: Services) -> dict[str, str]:
    return {qid: a.value for qid, a in store.answers_of(services.storage, 1).items()}


def test_switching_asks_first_when_answers_would_be_lost_then_keeps_the_case_worker_and_shared_answers(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, "switch to child protection", "yes"], user=MANAGER)
    said = flat(out, "*`")
    assert ("Switch audit #1 from Child in need (section 17) to Child protection plan? If you do, your 2 answers to "
            "questions 2 and 3 would be lost, as Child protection plan doesn't ask them. Kept: the case reference "
            "CR-123456, the worker (Social worker N1), your answer to the questions both checklists ask (question 1 "
            "here), and any notes and actions.") in said
    assert ("Audit #1 now uses the Child protection plan checklist. Kept: the case reference CR-123456, the worker "
            "(Social worker N1), your answer to the questions both checklists ask (question 1 here), and any notes "
            "and actions. Dropped: your 2 answers to questions 2 and 3 of Child in need (section 17), which Child "
            "protection plan doesn't ask. Type undo straight away to switch back with them. I'll ask its other 18 "
            "questions now.") in said
    assert said.rstrip().endswith("(Section 1 of 4 · Question 2 of 19) Bye.")  # the next question is shown
    audit = store.get_audit(services.storage, 1)
    assert (audit.checklist_id, audit.case_ref, audit.worker_id) == ("child-protection-plan", "CR-123456", WORKER)
    assert answers(services) == {"immediate-concern": "no"}
    assert audit.step == "question:strategy-timely" and audit.status == "draft"


def test_no_keeps_the_checklist_and_every_answer(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, "wrong checklist, switch to child protection", "no"], user=MANAGER)
    assert "OK, audit #1 stays on Child in need (section 17); nothing changed." in flat(out, "*")
    assert store.get_audit(services.storage, 1).checklist_id == "child-in-need"
    assert answers(services) == {"immediate-concern": "no", "assessment-timely": "yes", "need-explained": "no"}
    _, after = drive(engine, ["yes"], user=MANAGER)  # the question behind is answered, not the switch
    assert "now uses" not in after and "plan-smart" in answers(services)


@pytest.mark.parametrize("typed", ["change checklist", "wrong checklist", "I picked the wrong checklist",
                                   "Change the checklist.", "use a different checklist", "switch checklist"])
def test_the_words_for_a_wrong_checklist_list_the_others_and_change_nothing(engine: Engine, services: Services,
                                                                           typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, typed], user=MANAGER)
    said = flat(out.split(typed, 1)[-1] if typed in out else out, "*`")
    assert "Which checklist should audit #1 (CR-123456) use instead of Child in need (section 17)?" in said
    assert "Child protection plan" in said and "Keep Child in need (section 17)" in said
    assert NOTED not in out and "Please answer" not in out
    assert store.get_audit(services.storage, 1).checklist_id == "child-in-need" and len(answers(services)) == 3


def test_picked_from_the_list_at_the_worker_step_it_switches_at_once_with_nothing_to_lose(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        engine.message(MANAGER, "start audit child in need", surface="terminal")
        engine.message(MANAGER, "CR-123456", surface="terminal")
        [listed] = engine.message(MANAGER, "change checklist", surface="terminal")
        number = 1 + [c.label for c in listed.choices].index("Neglect")
        _, out = drive(engine, ["change checklist", str(number)], user=MANAGER)
    said = flat(out, "*`")
    assert "Switch audit" not in said  # nothing to lose: no Yes/No
    assert "Audit #1 now uses the Neglect checklist. Kept: the case reference CR-123456, and any notes and actions." \
        in said
    assert "Whose case is it?" in said.split("now uses", 1)[1]
    assert store.get_audit(services.storage, 1).checklist_id == "neglect"


def test_a_checklist_written_short_is_read_as_the_picker_reads_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, ["start audit child in need", "CR-123456", "Social worker N1", "switch to voice of teh child"],
              user=MANAGER)
    assert store.get_audit(services.storage, 1).checklist_id == "voice-of-the-child"


def test_words_that_name_no_checklist_after_switch_to_are_the_steps(engine: Engine, services: Services) -> None:
    """`change to good` may be meant for the question on screen: only a checklist's name switches."""
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, "switch to banana"], user=MANAGER)
    assert "Which checklist should" not in out and "now uses" not in out
    assert store.get_audit(services.storage, 1).checklist_id == "child-in-need"


def test_a_stale_switch_button_changes_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [picker] = engine.message(MANAGER, "start audit child in need", surface="terminal")[:1]
        engine.message(MANAGER, "CR-123456", surface="terminal")
        [listed] = engine.message(MANAGER, "change checklist", surface="terminal")
        engine.message(MANAGER, "Social worker N1", surface="terminal")  # the audit moves on
        neglect = next(c for c in listed.choices if c.label == "Neglect")
        [refused, *_] = engine.action(MANAGER, neglect.action, neglect.value, surface="terminal")
    assert picker.kind == "question" and refused.kind == "error"
    assert store.get_audit(services.storage, 1).checklist_id == "child-in-need"


def test_a_campaign_case_keeps_the_campaigns_checklist(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("UTC")), tick=False):
        audit_id, _ = campaign_audit_at_the_owner(engine, services)
        [refused] = engine.message(NORTH_MANAGER, "change checklist", surface="terminal")
    assert refused.kind == "error"
    assert f"Audit #{audit_id} is a campaign's case, and the campaign sets its checklist" in refused.text
    assert store.get_audit(services.storage, audit_id).checklist_id == "neglect"


def test_at_the_case_reference_the_wrong_checklist_goes_back_to_the_list_or_to_the_one_named(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit child in need", "wrong checklist"], user=MANAGER)
        assert "Nothing is stored yet, so pick the checklist you want:" in out and NOTED not in out
        _, named = drive(engine, ["start audit child in need", "change checklist to child protection", "CR-123456"],
                         user=MANAGER)
    assert "Child protection plan. Period audited" in flat(named, "*")
    assert store.get_audit(services.storage, 1).checklist_id == "child-protection-plan"


def test_outside_an_audit_it_says_where_the_checklist_is_changed(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["change checklist"], user=MANAGER)
    assert "To change a draft's checklist, carry on with it (resume), then type change checklist" in flat(out, "`")
    assert NOTED not in out


def test_help_says_how_to_change_a_wrong_checklist(engine: Engine) -> None:
    _, out = drive(engine, ["help"], user=MANAGER)
    assert "Picked the wrong checklist? Type change checklist (or switch to child protection) at any step of the " \
           "draft" in flat(out, "`")


SWITCH_ASKED = [*CIN_STARTED, "switch to cp"]  # 2 answers (questions 2 and 3) would be lost: asked first


def test_a_waiting_switch_is_asked_again_in_a_new_session_so_yes_answers_what_is_shown(
        engine: Engine, services: Services) -> None:
    """Trial 25: `yes` in a new session, where only the audit's question was shown, confirmed the switch."""
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, SWITCH_ASKED, user=MANAGER)
        _, out = drive(engine, ["yes"], user=MANAGER)
    opened = flat(out.split("Bye.")[0], "*")
    assert "Picking up where you left off: Switch audit #1 from Child in need (section 17) to Child protection " \
           "plan?" in opened
    assert "now uses the Child protection plan checklist" in flat(out, "*")
    assert store.get_audit(services.storage, 1).checklist_id == "child-protection-plan"


def test_a_stale_switch_question_is_dropped_and_yes_answers_the_audits_question(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, SWITCH_ASKED, user=MANAGER)
        version = store.get_audit(services.storage, 1).step_version - 1  # asked at a step the audit has left
        store.keep_aside(services.storage, MANAGER, "confirming", {
            "yes": ["audit.switch_confirm", f"1:{version}:child-protection-plan", "Yes, switch"],
            "no": ["audit.switch_keep", f"1:{version}:", "No"], "firm": True}, MONDAY)
        _, out = drive(engine, ["yes"], user=MANAGER)
    assert "Switch audit #1" not in out and "now uses" not in out
    assert store.get_audit(services.storage, 1).checklist_id == "child-in-need" and len(answers(services)) == 4


@pytest.mark.parametrize("name", ["cp", "child protection plan", "Child protection plan"])
def test_a_checklist_name_typed_at_the_list_picks_it(engine: Engine, services: Services, name: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, "change checklist", name, "yes"], user=MANAGER)
    assert "Please answer" not in out and "now uses the Child protection plan checklist" in flat(out, "*")
    assert store.get_audit(services.storage, 1).checklist_id == "child-protection-plan"


def test_the_list_of_checklists_is_shown_again_in_a_new_session(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, [*CIN_STARTED, "change checklist"], user=MANAGER)
        _, out = drive(engine, ["cp", "yes"], user=MANAGER)
    opened = flat(out.split("you>", 1)[0] if "you>" in out else out, "*")
    assert "Picking up where you left off: Which checklist should audit #1 (CR-123456) use instead of Child in need " \
           "(section 17)?" in opened
    assert store.get_audit(services.storage, 1).checklist_id == "child-protection-plan"


@pytest.mark.parametrize("typed", ["hang on this kid went onto a CP plan in oct, wrong checklist",
                                   "wrong checklist, should be cp plan"])
def test_a_wrong_checklist_sentence_naming_one_switches_to_it(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, typed, "yes"], user=MANAGER)
    assert "Please answer" not in out and "didn't recognise" not in out
    assert "now uses the Child protection plan checklist" in flat(out, "*")


def test_a_wrong_checklist_sentence_naming_none_lists_them(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*CIN_STARTED, "hmm i think this is the wrong checklist for this family"], user=MANAGER)
    assert "Which checklist should audit #1 (CR-123456) use instead" in flat(out, "*") and "Please answer" not in out
    assert store.get_audit(services.storage, 1).checklist_id == "child-in-need"
