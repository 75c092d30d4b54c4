"""Who may start an audit and whose case it may be (user trial: a practitioner started one outside any campaign and
named any worker). Practitioners start peer audits of colleagues in their own team, team managers audit their own
teams' cases, QA leads and admins anyone's; a campaign's allocation keeps its own rule (tests/integration/
test_campaign*)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.core import worker_candidates
from bot.core.people import person_named
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

PRACTITIONER = "U0PRAN001"  # North Assessment Team, with Social worker N2 and Team manager (North)
# Whom to ask instead is named as `/audit reaudits` names whose a re-audit is (bot.audits.core.audited_by).
NOT_YOUR_TEAM = ("You can audit cases in your team (North Assessment Team), and Social worker S1 is not in it. "
                 "Another team's case is audited by its manager (Team manager (South)), a QA lead or an admin, or "
                 "through an audit campaign.")


@pytest.mark.parametrize("how", ["start audit", "start audit neglect", "/audit start neglect"])
def test_a_practitioner_starts_a_peer_audit_of_a_colleague_in_their_team(
        engine: Engine, services: Services, how: str) -> None:
    lines = [how, "CR-123456"] if how != "start audit" else [how, "neglect", "CR-123456"]
    _, out = drive(engine, lines, user=PRACTITIONER)
    offered = out.split("Whose case is it?", 1)[1]
    assert "Social worker N2" in offered and "Team manager (North)" in offered
    assert "Social worker S1" not in offered and "Social worker C1" not in offered
    assert "Social worker N1" not in offered  # their own cases are never theirs to audit
    engine.message(PRACTITIONER, "U0PRAN002")
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.auditor_id == PRACTITIONER and audit.worker_id == "U0PRAN002"
    assert audit.team_id == "north-assessment"


def test_a_practitioner_naming_another_teams_worker_is_told_whose_cases_they_may_audit_and_nothing_is_kept(
        engine: Engine, services: Services) -> None:
    drive(engine, ["start audit neglect", "CR-123456"], user=PRACTITIONER)
    [refused] = engine.message(PRACTITIONER, "U0PRAS001")
    assert refused.kind == "error" and NOT_YOUR_TEAM in flat(refused.text, "*`")
    assert "So audit #1 is not kept: nothing of it is stored." in flat(refused.text, "*`")
    assert [c.label for c in refused.choices] == ["Start again"]
    assert store.get_audit(services.storage, 1) is None and store.drafts_of(services.storage, PRACTITIONER) == []
    [no_drafts] = engine.message(PRACTITIONER, "resume")
    assert no_drafts.text.startswith("You have no audits in progress.")
    sections = home_sections(engine, services, PRACTITIONER)
    assert not any("in progress" in s.text or "#1" in s.text for s in sections)
    drive(engine, ["start audit neglect", "CR-123456"], user=PRACTITIONER)
    [button] = engine.action(PRACTITIONER, "audit.worker", "2:0:U0PRAC001")  # a stale or forged button too
    assert button.kind == "error" and "Social worker C1 is not in it" in flat(button.text, "*`")
    assert store.get_audit(services.storage, 2) is None
    drive(engine, ["start audit neglect", "CR-123456"], user=PRACTITIONER)
    [own] = engine.message(PRACTITIONER, PRACTITIONER)  # their own case: told to pick the case's worker instead
    assert own.kind == "error" and "You can't audit your own case" in own.text
    for typed in ("me", "Mine", "it's my own case", "myself."):  # trial 22: "I don't know that person"
        [own] = engine.message(PRACTITIONER, typed)
        assert own.kind == "error" and "You can't audit your own case" in own.text, typed
    audit = store.get_audit(services.storage, 3)
    assert audit is not None and audit.worker_id is None and audit.step == "worker"


@pytest.mark.parametrize("typed", ["its my case, i was told to self audit before supervision??",
                                   "this is my own case", "i need to self-audit this one"])
def test_saying_at_length_that_the_case_is_your_own_is_read_as_your_own(engine: Engine, services: Services,
                                                                        typed: str) -> None:
    """Trial 26: "its my case, i was told to self audit before supervision??" got "I don't know that person". It is
    the auditor's own case: refused as such, with how to read the checklist over instead."""
    drive(engine, ["start audit neglect", "CR-123456"], user=PRACTITIONER)
    [own] = engine.message(PRACTITIONER, typed)
    assert own.kind == "error" and "You can't audit your own case" in own.text
    assert "`checklist neglect` shows what this audit asks" in own.text
    assert store.get_audit(services.storage, 1).worker_id is None


def test_start_again_after_naming_another_teams_worker_asks_the_checklist_for_the_same_case(
        engine: Engine, services: Services) -> None:
    drive(engine, ["start audit neglect", "CR 551200"], user=PRACTITIONER)
    [refused] = engine.message(PRACTITIONER, "social worker s1")
    [asked] = engine.action(PRACTITIONER, refused.choices[0].action, refused.choices[0].value)
    assert "Which checklist are you auditing CR-551200 against?" in flat(asked.text, "*`")
    engine.action(PRACTITIONER, "audit.start", "neglect")
    engine.message(PRACTITIONER, "social worker n2")
    [audit] = store.drafts_of(services.storage, PRACTITIONER)
    assert (audit.id, audit.case_ref, audit.worker_id) == (2, "CR-551200", "U0PRAN002")


def test_a_draft_that_had_a_worker_is_kept_when_another_teams_worker_is_named_at_it_again(
        engine: Engine, services: Services) -> None:
    drive(engine, ["start audit neglect", "CR-123456", "U0PRAN002", "back"], user=PRACTITIONER)
    [refused] = engine.message(PRACTITIONER, "U0PRAS001")
    assert refused.kind == "error" and flat(refused.text, "*`").endswith("Pick a worker from the buttons.")
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id == "U0PRAN002" and audit.status == "draft"


@pytest.mark.parametrize("typed", ["social worker n2", "Social worker N2", "SOCIAL WORKER N2.", "social worker n"])
def test_the_worker_typed_by_name_as_the_button_shows_it_is_taken_and_said_back(
        engine: Engine, services: Services, typed: str) -> None:
    drive(engine, ["start audit early help", "CR 551200"], user=PRACTITIONER)
    said, *_ = engine.message(PRACTITIONER, typed)
    assert said.kind == "notice" and said.text == "Got it: Social worker N2's case."
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id == "U0PRAN002" and audit.step != "worker"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_case_and_spacing_of_an_offered_workers_name_or_its_unique_start_names_them(
        services: Services, data: st.DataObject) -> None:
    offered = worker_candidates(services, PRACTITIONER)
    worker = data.draw(st.sampled_from(offered))
    name = services.directory.label(worker)
    cut = data.draw(st.integers(len("Social worker N") if name.startswith("Social") else 1, len(name)))
    typed = "".join(data.draw(st.sampled_from([ch.lower(), ch.upper()])) for ch in name[:cut])
    typed = data.draw(st.sampled_from(["", " ", "  "])) + typed.replace(" ", data.draw(st.sampled_from([" ", "  "])))
    assert person_named(services.directory, typed, str, among=offered) == worker


@pytest.mark.parametrize(("typed", "told"), [
    ("social worker s1", NOT_YOUR_TEAM),  # a whole name elsewhere: told why, not "I don't know that person"
    ("Social worker N1", "You can't audit your own case"),
    ("social worker", "“social worker” could be Social worker N1 or Social worker N2: type the whole name"),
    ("nobody at all", "I don't know that person. Pick a worker from the buttons, or type their name as I write it "
                      "(like Social worker N2) or their Slack member ID"),  # one they may pick (trial 24)
    ("sw x9", "(like Social worker N2)"),
])
def test_a_worker_typed_by_name_who_cannot_be_taken_is_told_why(engine: Engine, services: Services, typed: str,
                                                                told: str) -> None:
    user = "U0MGRN001" if typed == "social worker" else PRACTITIONER  # the manager is offered both N1 and N2
    drive(engine, ["start audit early help", "CR 551200"], user=user)
    [refused] = engine.message(user, typed)
    assert refused.kind == "error" and told in flat(refused.text, "*`")
    audit = store.get_audit(services.storage, 1)
    if told == NOT_YOUR_TEAM:  # not theirs to audit: the draft just started is not kept
        assert audit is None
    else:  # a slip at the step: it waits for the worker again
        assert audit is not None and audit.worker_id is None and audit.step == "worker"


@pytest.mark.parametrize("typed", ["sw s1", "SW S1", "sw  s1."])
def test_a_role_written_short_names_the_worker(engine: Engine, services: Services, typed: str) -> None:
    """Trial 24: `sw s1` was "I don't know that person (like Social worker N1)", another team's worker."""
    drive(engine, ["start audit early help", "CR 551200"], user="U0MGRS001")
    [said, *_] = engine.message("U0MGRS001", typed)
    assert said.text == "Got it: Social worker S1's case."
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id == "U0PRAS001"


def test_a_practitioner_is_offered_start_in_help_home_and_at_a_case_reference(engine: Engine,
                                                                              services: Services) -> None:
    _, helped = drive(engine, ["help"], user=PRACTITIONER)
    assert "/audit start [checklist]" in helped and "Start an audit" in helped and "start audit" in helped
    assert "allocates it to you" not in helped
    [top, *_] = home_sections(engine, services, PRACTITIONER)
    assert "audit.start" in {c.action for c in top.choices}
    [reference] = engine.message(PRACTITIONER, "CR-123456")
    assert "audit.start_case" in {c.action for c in reference.choices} and "Start an audit" in reference.text
    [no_drafts] = engine.message(PRACTITIONER, "resume")
    assert "start audit" in no_drafts.text and "audit.start" in {c.action for c in no_drafts.choices}
    [stray] = engine.message(PRACTITIONER, "yes")
    assert "Type `start audit` to begin an audit" in stray.text


@pytest.mark.parametrize("value", ["", "neglect"])
def test_a_start_button_pressed_by_a_practitioner_starts_an_audit(engine: Engine, value: str) -> None:
    [reply, *_] = engine.action(PRACTITIONER, "audit.start", value)
    assert reply.kind != "error"


def test_a_manager_names_workers_of_the_teams_they_manage_only(engine: Engine, services: Services) -> None:
    _, out = drive(engine, ["start audit neglect", "CR-123456"], user="U0MGRN001")
    offered = out.split("Whose case is it?", 1)[1]
    assert "Social worker N1" in offered and "Social worker N2" in offered
    assert "Social worker S1" not in offered and "Social worker C1" not in offered
    [refused] = engine.message("U0MGRN001", "U0PRAS001")
    assert refused.kind == "error"
    assert ("You can audit cases in the teams you manage (North Assessment Team), and Social worker S1 is not in it. "
            "Another team's case is audited by its manager (Team manager (South)), a QA lead or an admin, or through "
            "an audit campaign."
            ) in flat(refused.text, "*`")
    assert store.get_audit(services.storage, 1) is None
    drive(engine, ["start audit neglect", "CR-123456", "U0PRAN002"], user="U0MGRN001")
    audit = store.get_audit(services.storage, 2)
    assert audit is not None and audit.worker_id == "U0PRAN002"


@pytest.mark.parametrize("lead", ["U0QALEAD1", "U0ADMIN01"])
def test_qa_leads_and_admins_may_name_any_worker(engine: Engine, services: Services, lead: str) -> None:
    drive(engine, ["start audit neglect", "CR-123456", "U0PRAS001"], user=lead)
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.worker_id == "U0PRAS001" and audit.team_id == "south-cin-cp"
