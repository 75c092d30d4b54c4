"""A case reference typed in any accepted form (lower case, no hyphen, a space) is the same case: it is stored as
`CR-382070`, `/audit list case` finds the case's audits, a reference typed on its own is not a question, and the
"audited in the last 12 months" heads-up finds earlier audits, when an audit starts and when one is restored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.support.audit_rows import insert_audit

AUDITOR = "U0MGRN001"
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)  # a Monday morning
HEADS_UP = "Heads up: CR-382070 has been audited in the last 12 months"


def said(replies: list[Reply]) -> str:
    return " ".join(r.text for r in replies)


def start_typing(engine: Engine, reference: str) -> list[Reply]:
    engine.command(AUDITOR, "start early help")
    return engine.message(AUDITOR, reference)


@pytest.mark.parametrize("typed", ["cr382070", "CR382070", "CR 382070", "cr 382070"])
def test_audit_list_case_finds_the_case_however_the_reference_is_typed(engine: Engine, services: Services,
                                                                       typed: str) -> None:
    earlier = insert_audit(services.storage, "CR-382070", NOW - timedelta(days=20))
    with time_machine.travel(NOW, tick=False):
        [listing] = engine.command(AUDITOR, f"list case {typed}")
    assert "Audits of CR-382070" in listing.text and f"#{earlier} " in listing.text
    assert "none submitted yet" not in listing.text


@pytest.mark.parametrize("typed", ["cr382070", "CR382070", "CR 382070", " cr382070 ", "case CR-382070",
                                   "Case ref: cr382070", "ref CR 382070.", "case no. CR-382070",
                                   "case ref is cr 382070", "the case reference is CR-382070."])  # trial 24
def test_typed_at_the_case_step_it_is_stored_in_one_form_and_the_earlier_audit_is_found(
        engine: Engine, services: Services, typed: str) -> None:
    insert_audit(services.storage, "CR-382070", NOW - timedelta(days=40))
    with time_machine.travel(NOW, tick=False):
        replies = start_typing(engine, typed)
    assert HEADS_UP in said(replies)
    [draft] = store.drafts_of(services.storage, AUDITOR)
    assert draft.case_ref == "CR-382070"


def test_a_reference_typed_alone_with_a_space_is_a_case_not_a_question(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        start_typing(engine, "cr382070")
        engine.message(AUDITOR, "pause")  # leaves nothing waiting for typed text
        asked = services.storage.db["kb_asks"].count
        offered = said(engine.message(AUDITOR, "CR 382070"))
        law = said(engine.message(AUDITOR, "CA 1989"))  # letters and a year: still a question
    assert "**CR-382070** looks like a case reference" in offered
    assert "You have a draft audit of this case" in offered and "/audit list case CR-382070" in offered
    assert "looks like a case reference" not in law
    assert services.storage.db["kb_asks"].count == asked + 1  # only "CA 1989" went to the knowledge base


def test_restoring_a_cancelled_draft_of_a_case_audited_this_year_gives_the_heads_up(engine: Engine,
                                                                                   services: Services) -> None:
    insert_audit(services.storage, "CR-382070", NOW - timedelta(days=100))
    with time_machine.travel(NOW, tick=False):
        assert HEADS_UP in said(start_typing(engine, "CR-382070"))
        [draft] = store.drafts_of(services.storage, AUDITOR)
        [question] = engine.action(AUDITOR, "audit.cancel", f"{draft.id}:{draft.step_version}")
        [yes] = [c for c in question.choices if c.action == "audit.cancel_confirm"]
        engine.action(AUDITOR, yes.action, yes.value)
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        restored = engine.command(AUDITOR, f"restore {draft.id}")
    assert f"Audit #{draft.id} is restored" in restored[0].text
    assert HEADS_UP in said(restored)
    assert store.get_audit(services.storage, draft.id).status == "draft"



def test_the_heads_up_gives_a_re_auditor_the_last_audit_its_grade_open_actions_and_a_view(
        engine: Engine, services: Services) -> None:
    from tests.support.audit_rows import add_action

    earlier = insert_audit(services.storage, "CR-382070", NOW - timedelta(days=40))
    services.storage.db.execute("UPDATE audits SET overall_grade = 'inadequate' WHERE id = ?", [earlier])
    add_action(services.storage, earlier, NOW - timedelta(days=40))
    add_action(services.storage, earlier, NOW - timedelta(days=40), done=NOW - timedelta(days=2))
    open_action, _ = [a.id for a in action_store.actions_of_audit(services.storage, earlier)]
    other_team = insert_audit(services.storage, "CR-382070", NOW - timedelta(days=10), team="south-cin-cp",
                              auditor="U0MGRS001", worker="U0PRAS001")
    with time_machine.travel(NOW, tick=False):
        [heads_up] = [r for r in start_typing(engine, "CR-382070") if HEADS_UP in r.text]
    assert f"#{earlier} " in heads_up.text and "Inadequate" in heads_up.text
    assert f"open action {open_action}" in heads_up.text
    assert [(c.action, c.value) for c in heads_up.choices] == [("audit.view", str(earlier))]  # not the South one
    assert f"#{other_team} " in heads_up.text


def test_a_practitioner_starting_a_case_an_earlier_audit_names_as_theirs_is_warned(engine: Engine,
                                                                                   services: Services) -> None:
    """An older audit naming them (the case has moved since: its latest audit names the manager) is warned about;
    the latest naming them is refused outright (tests/integration/test_own_case_refused.py)."""
    earlier = insert_audit(services.storage, "CR-382070", NOW - timedelta(days=60), worker="U0PRAN001")
    insert_audit(services.storage, "CR-382070", NOW - timedelta(days=30), worker="U0MGRN001")
    with time_machine.travel(NOW, tick=False):
        engine.command("U0PRAN001", "start early help")
        mine = said(engine.message("U0PRAN001", "cr382070"))
        engine.command("U0PRAN002", "start early help")
        colleague = said(engine.message("U0PRAN002", "cr382070"))
    warning = (f"Audit #{earlier} names you as this case's worker. Nobody audits their own case: if it is still "
               "yours, cancel this audit and ask your manager to audit it.")
    assert HEADS_UP in mine and warning in mine
    assert HEADS_UP in colleague and "names you as this case's worker" not in colleague


def test_a_reference_typed_at_the_checklist_question_keeps_the_checklists_and_is_asked_for_next(
        engine: Engine) -> None:
    """Trial 9: typed at "Which checklist are you auditing against?", a reference dropped the list and said to press
    *Start an audit*, which the manager had just done."""
    engine.message("U0MGRN001", "start audit", surface="terminal")
    [told] = engine.message("U0MGRN001", "cr 123456", surface="terminal")
    assert told.text == ("**CR-123456** looks like a case reference. Pick the checklist first; I'll ask for the "
                         "reference next.")
    assert "voice-of-the-child" in [c.value for c in told.choices] and {c.action for c in told.choices} == {
        "audit.start"}
    [asked] = engine.message("U0MGRN001", "voice of the child", surface="terminal")  # the wait is kept
    assert "What is the case reference?" in asked.text


@pytest.mark.parametrize("pick", ["press", "type"])
def test_start_an_audit_beside_a_typed_reference_goes_from_the_checklist_to_whose_case_it_is(
        engine: Engine, services: Services, pick: str) -> None:
    """Trial 11: `cr-551200`, then *Start an audit* and a checklist, asked "What is the case reference?" again."""
    insert_audit(services.storage, "CR-551200", NOW - timedelta(days=30))
    with time_machine.travel(NOW, tick=False):
        [offered] = engine.message(AUDITOR, "cr-551200")
        [start] = [c for c in offered.choices if c.label == "Start an audit"]
        [asked] = engine.action(AUDITOR, start.action, start.value)
        assert asked.text.startswith("**Which checklist are you auditing CR-551200 against?**")
        replies = (engine.action(AUDITOR, "audit.start", "early-help-spot") if pick == "press"
                   else engine.message(AUDITOR, "early help"))
    text = said(replies)
    assert "What is the case reference?" not in text and HEADS_UP.replace("382070", "551200") in text
    assert "Whose case is it?" in text
    [draft] = store.drafts_of(services.storage, AUDITOR)
    assert (draft.case_ref, draft.checklist_id) == ("CR-551200", "early-help-spot")


def test_a_reference_typed_at_the_checklists_of_a_case_started_says_which_case_it_is(engine: Engine) -> None:
    [offered] = engine.message(AUDITOR, "cr-551200")
    [start] = [c for c in offered.choices if c.label == "Start an audit"]
    engine.action(AUDITOR, start.action, start.value)
    [told] = engine.message(AUDITOR, "CR-551200")
    assert told.text == ("**CR-551200** looks like a case reference. Pick the checklist first; the audit is of "
                         "**CR-551200**, as you started it.")
