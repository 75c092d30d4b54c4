"""A moderator's Inadequate and `/audit edit 12 grade inadequate <why>` alert the managers at once, so they get the
check an auditor's Inadequate gets at the overall grade (bot.audits.alert_confirm): the same question and buttons,
asked once the reason is read and before anything is saved or anyone alerted; Send saves and alerts at once, and No
keeps the grade the audit had, alerts nobody and says so. Typed yes and no answer it through bot.engine.confirmations.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_moderated_inadequate_action import ACTION, audit_with_no_open_action
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, SOUTH = "U0MGRN001", "U0PRAN001", "U0MGRS001"  # the North manager audits N1's case; South moderates
ALERTED = ["U0ADMIN01", "U0QALEAD1", "U0QALEAD2"]  # the North manager has no manager above them
ASKED = "This sends an urgent alert now to Head of service, QA lead (practice), QA lead (children in care). Send it?"
BUTTONS = ["Send the alert", "No, go back and change it"]  # the auditor's check's, word for word
REASON = "Evidence of impact for the child is thin."
WHY = "The child was not seen for three months."


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def messaged(replies: list[Reply]) -> list[str]:
    """Who other than the person acting was sent a message, in order."""
    return [r.to_user for r in replies if r.to_user]


def alerted(replies: list[Reply]) -> list[str]:
    return sorted(r.to_user or "" for r in replies if r.to_user and "Inadequate overall grade on audit #" in r.text)


# -- a moderator's Inadequate ------------------------------------------------------------------------------------

def moderated_to_inadequate(engine: Engine, services: Services) -> tuple[int, list[Reply]]:
    """Audit #1 (graded Good) opened by the South manager, who disagrees, presses Inadequate and types the reason."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    engine.action(SOUTH, "audit.moderate_open", str(audit_id))
    engine.action(SOUTH, "audit.moderate_disagree", str(audit_id))
    engine.action(SOUTH, "audit.moderate_grade", f"{audit_id}:inadequate")
    return audit_id, engine.message(SOUTH, REASON)


def undecided(services: Services, audit_id: int) -> bool:
    audit = store.get_audit(services.storage, audit_id)
    return audit is not None and (audit.status, audit.moderated_grade) == ("in_moderation", None)


def test_a_moderators_inadequate_asks_the_auditors_check_after_the_reason_and_saves_nothing(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, replies = moderated_to_inadequate(engine, services)
    [asked] = replies
    assert asked.text.startswith(f":alarm: You chose **Inadequate** at the moderation of audit #{audit_id}, where the "
                                 "auditor graded it **Good**. Nothing is saved yet.")
    assert ASKED in flat(asked.text) and [c.label for c in asked.choices] == BUTTONS
    assert asked.note == "Or type `send`, or `no` to go back and change it."
    assert messaged(replies) == [] and undecided(services, audit_id)


def test_typed_yes_saves_the_moderation_and_alerts_at_once(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = moderated_to_inadequate(engine, services)
        sent = engine.message(SOUTH, "yes")
    assert alerted(sent) == ALERTED
    assert AUDITOR in messaged(sent) and WORKER in messaged(sent)  # told the outcome, as before
    assert (f"Moderation of audit #{audit_id} saved, and the auditor and the worker have been told. "
            "I've alerted Head of service, QA lead (practice), QA lead (children in care) about the Inadequate grade "
            "now.") in flat(sent[0].text)
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


def test_no_keeps_the_auditors_grade_alerts_nobody_says_so_and_asks_the_grade_again(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, [asked] = moderated_to_inadequate(engine, services)
        told, question = engine.message(SOUTH, "no")
        old_send = engine.action(SOUTH, asked.choices[0].action, asked.choices[0].value)
        assert undecided(services, audit_id) and messaged(old_send) == []  # an old Send sends nothing
        engine.action(SOUTH, "audit.moderate_grade", f"{audit_id}:requires_improvement")
        engine.message(SOUTH, REASON)
        saved = engine.message(SOUTH, "skip")  # the action offered with a disagreement (fix41d)
    assert (f"OK, no alert was sent and your moderation was not saved: audit #{audit_id} keeps the auditor's grade, "
            "Good, and is still yours to moderate.") in flat(told.text)
    assert question.text.startswith("What grade would you give?")
    assert [c.label for c in question.choices] == ["Outstanding", "Requires improvement to be good", "Inadequate"]
    assert old_send[0].kind == "error" and "nothing was sent" in old_send[0].text
    assert alerted(saved) == []
    assert store.get_audit(services.storage, audit_id).moderated_grade == "requires_improvement"


def test_ok_does_not_send_and_send_still_works_after_a_question(engine: Engine, services: Services) -> None:
    """`ok` acknowledges; an alert cannot be unsent, so it takes a plain yes (or send), as a removal does."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = moderated_to_inadequate(engine, services)
        refused, *again = engine.message(SOUTH, "ok")
        assert refused.kind == "notice" and undecided(services, audit_id)
        assert f"Back to your moderation of audit #{audit_id}:" in flat(" ".join(r.text for r in again))
        assert "Send it?" in flat(" ".join(r.text for r in again))
        asked_aside = engine.message(SOUTH, "what does RI mean?")
        assert undecided(services, audit_id) and messaged(asked_aside) == []
        sent = engine.message(SOUTH, "send")
    assert ("No alert has been sent yet, and your moderation is not saved. Type send (or press Send the alert) to "
            "save it and alert Head of service") in flat(refused.text).replace("`", "")
    assert alerted(sent) == ALERTED and store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


def test_with_an_action_needed_the_check_comes_last_and_send_saves_the_action_too(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, written = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, ACTION, "1",
                                    "in 4 weeks"], user="U0QALEAD1")
        assert undecided(services, audit_id)
        assert not [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]
        _, out = drive(engine, ["send"], user="U0QALEAD1")
    check = flat(written).rsplit("When is it due?", 1)[1]
    assert "This sends an urgent alert now to Head of service, QA lead (children in care). Send it?" in check
    assert "[message to" not in written
    assert messages_to(out, "U0ADMIN01") and messages_to(out, "U0QALEAD2")
    assert "Moderation of audit #1 saved with its action" in flat(out)
    [open_action] = [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]
    assert open_action.description == ACTION


# -- `/audit edit 12 grade inadequate <why>` ----------------------------------------------------------------------

def grade_of(services: Services, audit_id: int) -> str | None:
    audit = store.get_audit(services.storage, audit_id)
    return audit.overall_grade if audit is not None else None


def test_an_edit_to_inadequate_asks_first_and_changes_nothing_and_tells_nobody(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        replies = engine.command(AUDITOR, f"edit {audit_id} grade inadequate {WHY}")
    [asked] = replies
    assert asked.text.startswith(f":alarm: You chose **Inadequate** as the overall grade of audit #{audit_id}, which "
                                 "is graded **Good** now. Nothing is changed yet.")
    assert ASKED in flat(asked.text) and [c.label for c in asked.choices] == BUTTONS
    assert messaged(replies) == [] and grade_of(services, audit_id) == "good"
    assert store.revisions_of(services.storage, audit_id) == []


def test_typed_yes_changes_the_grade_tells_the_worker_and_alerts_at_once(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.command(AUDITOR, f"edit {audit_id} grade inadequate {WHY}")
        sent = engine.message(AUDITOR, "yes")
    assert alerted(sent) == ALERTED
    [to_worker] = [r for r in sent if r.to_user == WORKER]
    assert f"changed from Good to Inadequate by Team manager (North): {WHY}" in to_worker.text
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.overall_grade, audit.grade_reason) == ("inadequate", WHY)


def test_no_keeps_the_grade_tells_nobody_and_says_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.command(AUDITOR, f"edit {audit_id} grade inadequate {WHY}")
        kept = engine.message(AUDITOR, "no")
    assert [flat(r.text) for r in kept] == [f"OK, no alert was sent and the grade was not changed: audit #{audit_id} "
                                            "is still graded Good, and nobody was told."]
    assert messaged(kept) == [] and grade_of(services, audit_id) == "good"
    assert store.revisions_of(services.storage, audit_id) == []


def test_send_after_the_grade_changed_another_way_sends_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        [asked] = engine.command(AUDITOR, f"edit {audit_id} grade inadequate {WHY}")
        engine.command(AUDITOR, f"edit {audit_id} grade requires improvement The plan has no dates.")
        engine.message(AUDITOR, "yes")  # the change read back, then stored
        [stale] = engine.action(AUDITOR, asked.choices[0].action, asked.choices[0].value)
    assert stale.kind == "error" and "nothing was sent and the grade was not changed" in stale.text
    assert grade_of(services, audit_id) == "requires_improvement"


def test_yes_typed_in_the_middle_of_a_draft_answers_the_check_not_the_drafts_question(engine: Engine,
                                                                                      services: Services) -> None:
    """The draft waits at "Is there an immediate safeguarding concern…?": a `yes` typed after the edit's check is
    the check's, and the draft's question is not answered (nor its own alert asked)."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.command(AUDITOR, "start case-audit", surface="dm")
        workers = engine.message(AUDITOR, "CR-123456")
        worker = next(c for c in workers[-1].choices if c.action == "audit.worker")
        engine.action(AUDITOR, worker.action, worker.value)
        draft = int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])
        engine.message(AUDITOR, f"edit {audit_id} grade inadequate {WHY}")
        sent = engine.message(AUDITOR, "yes")
    assert alerted(sent) == ALERTED and grade_of(services, audit_id) == "inadequate"
    assert store.answers_of(services.storage, draft) == {}
    assert "Is there an immediate safeguarding concern" in sent[-1].text  # the draft's question again, after it
