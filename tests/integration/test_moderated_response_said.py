"""After moderation (trial 8, F15 and F17). The auditor answers a moderation once, so `edit 1` after they responded
says when they did, never inviting the answer again; and the answer itself, which can't be changed once saved, is
`accept` or at least a sentence (`ok` is no reply)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import readback as readback_store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
REASON = "The plan is reviewed monthly and the child's views are recorded."
INVITED = "you can answer the moderation once"


@pytest.fixture
def moderated(engine: Engine, services: Services) -> int:
    """An audit agreed at moderation on Wednesday 2 December 2026."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"/audit moderate {audit_id}", "agree", REASON], user=QA)
    return audit_id


def test_edit_after_a_reply_says_when_the_auditor_responded_and_invites_no_second(engine: Engine,
                                                                                moderated: int) -> None:
    with time_machine.travel(WEDNESDAY + timedelta(days=1), tick=False):
        drive(engine, [f"/audit respond {moderated} Thank you, I will record the child's words next time."],
              user=AUDITOR)
    with time_machine.travel(WEDNESDAY + timedelta(days=2), tick=False):
        _, out = drive(engine, [f"edit {moderated}", f"/audit edit {moderated} grade RI reviews have slipped"],
                       user=AUDITOR)
    text = flat(out, "*`")
    said = (f"Audit #{moderated} has been moderated, so its answers and grade are on record and can't be changed any "
            f"more. /audit show {moderated} has the outcome and its actions and your response to the moderation "
            "(you replied to it on Thursday 3 December 2026), and /audit actions lists the open actions to mark done.")
    assert text.count(said) == 2
    assert INVITED not in text


def test_edit_after_accepting_says_it_was_accepted(engine: Engine, moderated: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        engine.action(AUDITOR, "audit.moderation_accept", str(moderated))
        [refused] = engine.command(AUDITOR, f"edit {moderated}")
    assert "(you accepted it on Wednesday 2 December 2026)" in flat(refused.text, "*`")
    assert INVITED not in flat(refused.text, "*`")


def test_edit_before_responding_still_says_how_to_respond(engine: Engine, moderated: int) -> None:
    [refused] = engine.command(AUDITOR, f"edit {moderated}")
    assert f"{INVITED} with /audit respond {moderated} accept" in flat(refused.text, "*`")


def test_change_answers_pressed_after_a_reply_says_so_through_slack(bot: RunningBot, standin, services: Services,
                                                                    engine: Engine, moderated: int) -> None:
    engine.command(AUDITOR, f"respond {moderated} accept")
    auditor = SlackPerson(bot, standin, AUDITOR)
    auditor.action_ids[("audit.reopen", str(moderated))] = "audit.reopen"  # the submission's Change answers
    [refused] = auditor.send("press", f"audit.reopen|{moderated}")
    assert refused.kind == "error" and "you accepted it on" in flat(refused.text, "*`")
    assert INVITED not in flat(refused.text, "*`")
    [typed] = auditor.send("message", f"edit {moderated}")
    assert "you accepted it on" in flat(typed.text, "*`") and INVITED not in flat(typed.text, "*`")


# -- F17: the auditor's one reply is a sentence --------------------------------------------------------------

def test_ok_is_no_reply_to_a_moderation_and_accept_typed_at_the_reply_accepts(engine: Engine, services: Services,
                                                                             moderated: int) -> None:
    [short] = engine.command(AUDITOR, f"respond {moderated} ok")
    assert short.kind == "error"
    assert flat(short.text, "*`") == (
        f"Please say in a sentence what you want the moderator to know (at least a few words), or type /audit respond "
        f"{moderated} accept to accept the moderation: you can respond once.")
    assert readback_store.latest_moderation(services.storage, moderated)["response"] is None
    engine.action(AUDITOR, "audit.moderation_reply", str(moderated))
    [again] = engine.message(AUDITOR, "fine")
    assert again.kind == "error" and "Please say in a sentence" in again.text
    saved, _ = engine.message(AUDITOR, "accept")
    assert "response is saved" in saved.text
    assert readback_store.latest_moderation(services.storage, moderated)["response"] == "accepted"


def test_a_disagreeing_reply_says_who_sees_it_and_that_the_grade_of_record_stands(engine: Engine,
                                                                                  moderated: int) -> None:
    """Trial 48 (F17): `respond 1 disagree - …` ended at "saved", with no word on what happens next."""
    with time_machine.travel(WEDNESDAY + timedelta(days=1), tick=False):
        _, out = drive(engine, [f"respond {moderated} disagree - the plan was reviewed and partners engaged, "
                                "RI is fair"], user=AUDITOR)
    text = flat(out, "*`")
    assert (f"Thank you: your response is saved with the moderation of audit #{moderated}. QA lead (practice), who "
            f"moderated it, is sent your response, and it shows with the moderation in /audit show {moderated} for "
            "everyone who reads the audit. The grade of record stays ") in text
    assert (" unless QA lead (practice) changes their moderation, which only they can do: if you think it should "
            "change, talk it through with them.") in text


def test_the_moderator_is_told_what_they_can_do_with_a_disagreeing_reply(engine: Engine, moderated: int) -> None:
    """Trial 49 (F18): the QA lead got "… responded to your moderation: disagree - … (audit #1)" and no word on what
    they could do with it."""
    with time_machine.travel(WEDNESDAY + timedelta(days=1), tick=False):
        replies = engine.message(AUDITOR, f"respond {moderated} disagree - the plan was reviewed, RI is fair")
    [told] = [reply for reply in replies if reply.to_user == QA]
    assert (f"(audit #{moderated}). If it changes your view, /audit change moderation {moderated} opens your "
            "moderation again to revise it; otherwise nothing more is needed and the grade of record stays "
            ) in flat(told.text, "*`")


def test_an_accepting_reply_asks_nothing_of_the_moderator(engine: Engine, moderated: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        replies = engine.message(AUDITOR, f"respond {moderated} accept")
    [told] = [reply for reply in replies if reply.to_user == QA]
    assert "change moderation" not in told.text


def test_accepting_says_only_that_it_is_saved(engine: Engine, moderated: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"respond {moderated} accept"], user=AUDITOR)
    assert f"your response is saved with the moderation of audit #{moderated}." in flat(out, "*`")
    assert "grade of record stays" not in flat(out, "*`")
