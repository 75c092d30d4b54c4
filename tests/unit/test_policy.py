"""Who may do what, as one table: role x action x relationship to the audit (bot/core/policy.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.core import policy
from bot.settings.teams_file import parse_directory

TEAMS = {
    "people": [
        {"user": "U0ADMIN01", "name": "Admin", "role": "admin"},
        {"user": "U0QALEAD1", "name": "QA lead", "role": "qa_lead"},
    ],
    "teams": [
        {"id": "north", "name": "North", "members": [
            {"user": "U0MGRN001", "name": "North manager", "role": "manager"},
            {"user": "U0PRAN001", "name": "North worker", "role": "practitioner"},
            {"user": "U0PRAN002", "name": "Other North worker", "role": "practitioner"},
            {"user": "U0QALEAD1", "name": "QA lead", "role": "qa_lead"},
        ]},
        {"id": "south", "name": "South", "members": [
            {"user": "U0MGRS001", "name": "South manager", "role": "manager"},
        ]},
    ],
}
DIRECTORY = parse_directory(TEAMS, Path("teams.yaml"))


@dataclass(frozen=True)
class Audit:
    auditor_id: str
    worker_id: str | None
    team_id: str | None
    status: str = "submitted"
    submitted_at: str | None = None  # set on a draft only when it is a submitted audit reopened for changes


# A North audit of U0PRAN001's case, done by the North manager.
NORTH_AUDIT = Audit(auditor_id="U0MGRN001", worker_id="U0PRAN001", team_id="north")

# relationship to NORTH_AUDIT, person:              may view, may moderate
AUDIT_TABLE = [
    ("auditor (manages the team)", "U0MGRN001",      True,  False),
    ("worker whose case it is", "U0PRAN001",         True,  False),
    ("practitioner of the same team", "U0PRAN002",   False, False),
    ("manager of another team", "U0MGRS001",         False, True),
    ("QA lead (unrelated)", "U0QALEAD1",             True,  True),
    ("admin (unrelated)", "U0ADMIN01",               True,  True),
]


@pytest.mark.parametrize(("relationship", "user", "view", "moderate"), AUDIT_TABLE,
                         ids=[row[0] for row in AUDIT_TABLE])
def test_audit_rights_by_role_and_relationship(relationship: str, user: str, view: bool, moderate: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.may_view(DIRECTORY, person, NORTH_AUDIT) is view
    assert policy.may_moderate(DIRECTORY, person, NORTH_AUDIT) is moderate


# person: may view the same audit while it is still a draft
DRAFT_TABLE = [("U0MGRN001", True), ("U0PRAN001", False), ("U0PRAN002", False), ("U0MGRS001", False),
               ("U0QALEAD1", True), ("U0ADMIN01", True)]


@pytest.mark.parametrize(("user", "view"), DRAFT_TABLE)
def test_a_draft_is_read_by_its_auditor_and_oversight_not_yet_by_the_worker(user: str, view: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    draft = Audit(auditor_id="U0MGRN001", worker_id="U0PRAN001", team_id="north", status="draft")
    assert policy.may_view(DIRECTORY, person, draft) is view


# A campaign draft of a North worker's case by South's manager: the case team's manager and the worker read it once
# it is submitted; the managers of the auditor's team would (South has none here but the auditor); an urgent alert's
# recipients do while it stands.
CAMPAIGN_DRAFT = Audit(auditor_id="U0MGRS001", worker_id="U0PRAN001", team_id="north", status="draft")
PEER_DRAFT = Audit(auditor_id="U0PRAN002", worker_id="U0PRAN001", team_id="north", status="draft")
OTHER_DRAFTS = [(CAMPAIGN_DRAFT, "U0MGRN001", (), False), (CAMPAIGN_DRAFT, "U0PRAN001", (), False),
                (CAMPAIGN_DRAFT, "U0MGRN001", ("U0MGRN001",), True), (CAMPAIGN_DRAFT, "U0MGRS001", (), True),
                (CAMPAIGN_DRAFT, "U0QALEAD1", (), True), (PEER_DRAFT, "U0MGRN001", (), True),
                (PEER_DRAFT, "U0PRAN001", (), False), (PEER_DRAFT, "U0MGRS001", (), False)]


@pytest.mark.parametrize(("draft", "user", "alerted", "view"), OTHER_DRAFTS)
def test_another_teams_draft_is_read_by_its_auditors_managers_and_those_its_alert_reached(
        draft: Audit, user: str, alerted: tuple[str, ...], view: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.may_view(DIRECTORY, person, draft, alerted=alerted) is view


def test_nobody_moderates_an_audit_of_their_own_case_or_by_themselves_whatever_their_role() -> None:
    lead = DIRECTORY.person("U0QALEAD1")
    admin = DIRECTORY.person("U0ADMIN01")
    assert lead is not None and admin is not None
    assert not policy.may_moderate(DIRECTORY, lead, Audit("U0MGRN001", "U0QALEAD1", "north"))
    assert not policy.may_moderate(DIRECTORY, admin, Audit("U0ADMIN01", "U0PRAN001", "north"))
    assert not policy.may_moderate(DIRECTORY, None, NORTH_AUDIT)


# person, owner of the action: may mark it done
ACTION_TABLE = [
    ("U0PRAN001", "U0PRAN001", True),    # the owner
    ("U0PRAN002", "U0PRAN001", False),   # a colleague
    ("U0MGRN001", "U0PRAN001", True),    # the owner's manager
    ("U0MGRS001", "U0PRAN001", False),   # another team's manager
    ("U0QALEAD1", "U0PRAN001", False),   # QA leads read, they do not complete others' actions
    ("U0ADMIN01", "U0PRAN001", True),    # admins may
]


@pytest.mark.parametrize(("user", "owner", "allowed"), ACTION_TABLE)
def test_who_may_mark_an_action_done(user: str, owner: str, allowed: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.may_complete_action(DIRECTORY, person, owner) is allowed


# person, owner of the action: may give it more time once its auditor can no longer change its audit (trial 30)
MORE_TIME_TABLE = [
    ("U0MGRN001", "U0PRAN001", True),    # the owner's manager
    ("U0MGRS001", "U0PRAN001", False),   # another team's manager, even the one who audited it
    ("U0PRAN001", "U0PRAN001", False),   # the owner asks, they do not give
    ("U0QALEAD1", "U0PRAN001", False),   # QA leads read
    ("U0ADMIN01", "U0MGRN001", True),    # admins, for an owner with no manager of their own
]


@pytest.mark.parametrize(("user", "owner", "allowed"), MORE_TIME_TABLE)
def test_who_may_give_an_action_more_time(user: str, owner: str, allowed: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.may_give_more_time(DIRECTORY, person, owner) is allowed


# person, owner of the action, auditor who set it: may reopen it once done
REOPEN_TABLE = [
    ("U0PRAN001", "U0PRAN001", "U0MGRS001", True),    # the owner
    ("U0MGRS001", "U0PRAN001", "U0MGRS001", True),    # the auditor who set it, from another team
    ("U0MGRN001", "U0PRAN001", "U0MGRS001", True),    # the owner's manager
    ("U0MGRN001", "U0MGRS001", "U0PRAN002", True),    # the auditor's manager
    ("U0PRAN002", "U0PRAN001", "U0MGRN001", False),   # a colleague
    ("U0MGRS001", "U0PRAN001", "U0MGRN001", False),   # another team's manager
    ("U0QALEAD1", "U0PRAN001", "U0MGRN001", False),   # QA leads read, they do not reopen others' actions
    ("U0ADMIN01", "U0PRAN001", "U0MGRN001", True),    # admins may
]


@pytest.mark.parametrize(("user", "owner", "auditor", "allowed"), REOPEN_TABLE)
def test_who_may_reopen_a_done_action(user: str, owner: str, auditor: str, allowed: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.may_reopen_action(DIRECTORY, person, owner, auditor) is allowed


# person: digest teams, may read North's data, may run maintenance
SCOPE_TABLE = [
    ("U0PRAN001", [], False, False),
    ("U0MGRN001", ["north"], True, False),
    ("U0MGRS001", ["south"], False, False),
    ("U0QALEAD1", ["north", "south"], True, False),
    ("U0ADMIN01", ["north", "south"], True, True),
]


@pytest.mark.parametrize(("user", "teams", "north", "maintenance"), SCOPE_TABLE)
def test_digest_scope_team_data_and_maintenance(user: str, teams: list[str], north: bool, maintenance: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.digest_teams(DIRECTORY, person) == teams
    assert policy.may_read_team(DIRECTORY, person, "north") is north
    assert policy.may_run_maintenance(person) is maintenance


def test_the_server_operator_is_trusted_like_an_admin_on_the_command_line() -> None:
    assert policy.may_run_maintenance(None)
    assert policy.may_read_team(DIRECTORY, None, None)


# relationship to NORTH_AUDIT, person:              may reflect, may respond to its moderation
READBACK_TABLE = [
    ("auditor (manages the team)", "U0MGRN001",      False, True),
    ("worker whose case it is", "U0PRAN001",         True,  False),
    ("practitioner of the same team", "U0PRAN002",   False, False),
    ("manager of another team", "U0MGRS001",         False, False),
    ("QA lead (unrelated)", "U0QALEAD1",             False, False),
    ("admin (unrelated)", "U0ADMIN01",               False, False),
]


@pytest.mark.parametrize(("relationship", "user", "reflect", "respond"), READBACK_TABLE,
                         ids=[row[0] for row in READBACK_TABLE])
def test_who_reflects_and_who_answers_a_moderation(relationship: str, user: str, reflect: bool,
                                                   respond: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.may_reflect(person, NORTH_AUDIT) is reflect
    assert policy.may_respond_to_moderation(person, NORTH_AUDIT) is respond


@pytest.mark.parametrize(("user", "teams"), [("U0PRAN001", []), ("U0MGRN001", ["north"]), ("U0QALEAD1", None),
                                             ("U0ADMIN01", None)])
def test_list_team_scope_agrees_with_who_may_view(user: str, teams: list[str] | None) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    assert policy.readable_teams(DIRECTORY, person) == teams
    if teams is not None:  # every audit of a team in scope is one they may view
        assert all(policy.may_view(DIRECTORY, person, Audit("U0PRAS001", "U0PRAS001", t)) for t in teams)


# person: may see and reject the wordings the knowledge base learned from use
CURATE_TABLE = [("U0PRAN001", False), ("U0MGRN001", False), ("U0QALEAD1", True), ("U0ADMIN01", True)]


@pytest.mark.parametrize(("user", "allowed"), CURATE_TABLE)
def test_who_may_reject_learned_wordings(user: str, allowed: bool) -> None:
    assert policy.may_keep_knowledge(DIRECTORY.person(user)) is allowed
    assert not policy.may_keep_knowledge(None)
@pytest.mark.parametrize(("user", "allowed"), [
    ("U0ADMIN01", True), ("U0QALEAD1", True), ("U0MGRN001", False), ("U0PRAN001", False), (None, False)])
def test_who_keeps_the_knowledge_base_and_its_unanswered_questions(user: str | None, allowed: bool) -> None:
    person = DIRECTORY.person(user) if user else None
    assert policy.may_keep_knowledge(person) is allowed


@pytest.mark.parametrize(("status", "view"), [("in_moderation", True), ("moderated", True), ("submitted", False)])
def test_a_manager_of_another_team_reads_the_audit_they_moderate(status: str, view: bool) -> None:
    south = DIRECTORY.person("U0MGRS001")
    assert south is not None
    audit = Audit(auditor_id="U0MGRN001", worker_id="U0PRAN001", team_id="north", status=status)
    assert policy.may_view(DIRECTORY, south, audit, moderators={"U0MGRS001"}) is view
    assert policy.may_view(DIRECTORY, south, audit, moderators={"U0QALEAD1"}) is False


# person: may read a cancelled audit of the North worker's case by the North manager, when the immediate-concern alert
# it sent reached the South manager (and no alert stands)
CANCELLED_TABLE = [("U0MGRN001", True, True), ("U0PRAN001", False, False), ("U0PRAN002", False, False),
                   ("U0MGRS001", True, False), ("U0QALEAD1", True, True), ("U0ADMIN01", True, True)]


@pytest.mark.parametrize(("user", "alerted", "not_alerted"), CANCELLED_TABLE)
def test_a_cancelled_audit_is_read_by_its_auditor_oversight_and_those_its_standing_alert_reached(
        user: str, alerted: bool, not_alerted: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    cancelled = Audit(auditor_id="U0MGRN001", worker_id="U0PRAN001", team_id="north", status="cancelled")
    assert policy.may_view_cancelled(person, cancelled, alerted={"U0MGRS001"}) is alerted
    assert policy.may_view_cancelled(person, cancelled) is not_alerted


# person: whose case they may name when they start an audit by hand (U0PRAN001/2 in North, U0MGRS001 the South manager)
NAMING_TABLE = [
    ("U0MGRN001", {"U0PRAN001": True, "U0PRAN002": True, "U0MGRS001": False}),
    ("U0MGRS001", {"U0PRAN001": False, "U0PRAN002": False}),
    ("U0PRAN001", {"U0PRAN002": True, "U0MGRN001": True, "U0MGRS001": False}),
    ("U0PRAN002", {"U0PRAN001": True, "U0MGRS001": False}),
    ("U0QALEAD1", {"U0PRAN001": True, "U0MGRS001": True}),
    ("U0ADMIN01", {"U0PRAN001": True, "U0MGRS001": True}),
]


@pytest.mark.parametrize(("user", "names"), NAMING_TABLE, ids=[row[0] for row in NAMING_TABLE])
def test_whose_case_an_auditor_may_name(user: str, names: dict[str, bool]) -> None:
    """Managers their own teams' cases, practitioners (peer audits) a colleague's in a team they share, QA leads and
    admins anyone's."""
    person = DIRECTORY.person(user)
    assert person is not None
    for worker, may in names.items():
        assert policy.may_name_worker(DIRECTORY, person, worker) is may, worker


# person: whether the re-audit of North worker U0PRAN001's case, last audited by the South manager (through a
# campaign), is theirs to do: whoever may start an audit of it by hand, never the worker
REAUDIT_TABLE = [("U0MGRS001", False), ("U0MGRN001", True), ("U0PRAN002", True), ("U0PRAN001", False),
                 ("U0QALEAD1", True), ("U0ADMIN01", True)]


@pytest.mark.parametrize(("user", "allowed"), REAUDIT_TABLE)
def test_whose_re_audit_it_is(user: str, allowed: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    audit = Audit(auditor_id="U0MGRS001", worker_id="U0PRAN001", team_id="north")
    assert policy.may_reaudit(DIRECTORY, person, audit) is allowed


# person, the text's author, the audit's status: may remove the stored text (it could identify someone)
REDACT_TABLE = [
    ("U0QALEAD1", "U0MGRN001", "moderated", True),      # QA leads and admins: any audit, any text, any time
    ("U0ADMIN01", "U0PRAN001", "in_moderation", True),
    ("U0MGRN001", "U0MGRN001", "submitted", True),      # the auditor: their own text while they may edit the audit
    ("U0MGRN001", "U0MGRN001", "draft", True),
    ("U0MGRN001", "U0MGRN001", "in_moderation", False),  # a moderator has it: no longer the auditor's alone
    ("U0MGRN001", "U0MGRN001", "moderated", False),
    ("U0MGRN001", "U0PRAN001", "submitted", False),      # the worker's reflection is not the auditor's to remove
    ("U0PRAN001", "U0PRAN001", "submitted", False),      # the worker, a team-mate and another manager: never
    ("U0PRAN002", "U0MGRN001", "submitted", False),
    ("U0MGRS001", "U0MGRN001", "submitted", False),
]


@pytest.mark.parametrize(("user", "author", "status", "allowed"), REDACT_TABLE)
def test_who_may_remove_a_stored_text(user: str, author: str, status: str, allowed: bool) -> None:
    person = DIRECTORY.person(user)
    assert person is not None
    audit = Audit(auditor_id="U0MGRN001", worker_id="U0PRAN001", team_id="north", status=status)
    assert policy.may_redact(person, audit, author) is allowed
