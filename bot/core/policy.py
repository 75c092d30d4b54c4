"""Who may do what: every permission rule of the bot, as pure functions of a person, teams.yaml and the audit.

Features, the engine and the command line ask here and word their own refusal; nothing else decides a right.
Each function answers one question and reads no database, so the whole policy is tested as one table
(tests/unit/test_policy.py: role x action x relationship to the audit).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from bot.settings.people import Directory, Person, Role

OVERSIGHT = (Role.QA_LEAD, Role.ADMIN)


class AuditParties(Protocol):
    """What the rules need to know about an audit: who did it, whose case it is, and which team it is in."""

    # Read-only properties, so a frozen dataclass (bot.storage.audits.AuditRow) satisfies the protocol.
    @property
    def auditor_id(self) -> str: ...
    @property
    def worker_id(self) -> str | None: ...
    @property
    def team_id(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def submitted_at(self) -> object:
        """When it was first submitted (None for a draft never submitted): a reopened audit keeps it."""


def manages_team_of(directory: Directory, person: Person, audit: AuditParties) -> bool:
    return person.role is Role.MANAGER and audit.team_id in directory.managed_team_ids(person.user_id)


DRAFT_READERS = ("its auditor, their team's managers, anyone an immediate-concern alert from it reached, QA leads and "
                 "admins")
"""Who may_view lets read a draft never submitted, in words, beside the rule: the refusal to anyone else quotes this,
so it says what the rule does (it once left out those an alert reached, who may read it: review 14, R13)."""


def may_view(directory: Directory, person: Person, audit: AuditParties,
             moderators: Collection[str] = (), alerted: Collection[str] = ()) -> bool:
    """Who may read an audit (and so see its case reference): the auditor, the worker, their team's manager,
    QA leads and admins, and its moderator: `moderators` are those who hold its moderation open or decided it
    (a manager of another team reads the audit they moderate). A draft is still the auditor's working copy
    (grades may change): besides the auditor and QA leads and admins, only the managers of the auditor's team, who
    answer for the auditor's work, and those an immediate-concern alert from it reached (`alerted`, while it
    stands: the alert asks them to open it) read it. The worker and the case's team manager, when they are not
    those, read it once it is submitted, when they are sent its summary. A submitted audit its auditor reopened for
    changes (a draft again, keeping its submission) is read by those who read it submitted: its worker was sent it.
    The one rule for `/audit show`, `/audit list`, the re-audits and the "audited before" heads-up."""
    if person.role in OVERSIGHT or person.user_id == audit.auditor_id:
        return True
    if audit.status == "draft" and audit.submitted_at is None:
        return person.user_id in directory.managers_of(audit.auditor_id) or person.user_id in alerted
    if person.user_id == audit.worker_id:
        return True
    if person.user_id in moderators and audit.status in ("in_moderation", "moderated"):
        return True
    return manages_team_of(directory, person, audit)


def may_view_cancelled(person: Person, audit: AuditParties, alerted: Collection[str] = ()) -> bool:
    """A cancelled audit does not count, and only its auditor works with it; but an immediate-concern alert sent
    from it is not withdrawn by cancelling, so those it reached (`alerted`, while it stands), QA leads and admins
    read its answers too."""
    return person.role in OVERSIGHT or person.user_id == audit.auditor_id or person.user_id in alerted


def may_name_worker(directory: Directory, auditor: Person, worker_id: str) -> bool:
    """Whose case an audit started by hand may be, so an audit of a colleague's case is one their role or their team
    makes theirs to do: QA leads and admins anyone's, a team manager a member of a team they manage, a practitioner
    (a peer audit) a colleague who shares one of their teams. Never the auditor's own (refused with its own words);
    a campaign's allocation decides its own (may_audit_in_campaign)."""
    if auditor.role in OVERSIGHT:
        return True
    return any(worker_id in directory.teams[team].member_ids for team in auditing_team_ids(directory, auditor))


def may_audit_by_hand(directory: Directory, person: Person) -> bool:
    """Whether anyone's case is this person's to audit outside a campaign (may_name_worker): QA leads and admins
    anyone's, a manager or practitioner those of someone else in a team they audit. Someone in no such team (listed
    under `people:` only) may audit nobody's, so an audit they start is refused before anything is stored (one such
    audit used to be kept as a draft, waiting at "Whose case is it?" with no worker to pick)."""
    if person.role in OVERSIGHT:
        return True
    return any(member != person.user_id for team in auditing_team_ids(directory, person)
               for member in directory.teams[team].member_ids)


def is_own_case(person: Person, worker_id: str | None, action_owner_ids: Collection[str]) -> bool:
    """Whether an audit of a case by this person would be a self-audit: they are the worker its latest audit names
    (anyone, whoever they then pick as the worker), or, for a practitioner, they own its open actions (trial 34: a
    worker started an audit of her own Inadequate case, picked her manager as the worker, graded it Good and it
    counted as its re-audit). A manager's or QA lead's open action on a case is oversight work, not the casework
    audited, so it does not make the case theirs. Nobody audits their own case: the start and restore refuse it."""
    if worker_id is not None and person.user_id == worker_id:
        return True
    return person.role is Role.PRACTITIONER and person.user_id in action_owner_ids


def may_reaudit(directory: Directory, person: Person, audit: AuditParties) -> bool:
    """Whether the re-audit a case's latest audit asks for is this person's to do: a re-audit is an audit started by
    hand, so it is whoever may name the case's worker (may_name_worker: the case team's managers, a colleague in
    that team as a peer audit, QA leads and admins), never the worker. A manager who audited another team's case
    through a campaign may not audit that case outside one, so its re-audit is not theirs: a trial's manager was
    told on Home that a North case's re-audit was due to them, then refused when starting it."""
    if audit.worker_id is None or person.user_id == audit.worker_id:
        return False
    return may_name_worker(directory, person, audit.worker_id)


def auditing_team_ids(directory: Directory, auditor: Person) -> list[str]:
    """The teams whose members' cases a manager (those they manage) or a practitioner (their own) may audit by hand."""
    if auditor.role is Role.MANAGER:
        return directory.managed_team_ids(auditor.user_id)
    return list(auditor.team_ids)


def may_change_own_audit(user_id: str, audit: AuditParties) -> bool:
    """Only an audit's auditor writes into it: its answers, submitting, cancelling, restoring, reopening and
    editing before moderation (a manager or QA lead reads it, and a moderator records moderation separately)."""
    return user_id == audit.auditor_id


def may_cancel_leavers_draft(directory: Directory, person: Person | None, audit: AuditParties) -> bool:
    """A draft whose auditor has left teams.yaml can be finished by nobody: an admin or QA lead may cancel it (and
    restore it), so it is not left a draft for ever (trial 59, F9). Never anyone else's draft."""
    return (person is not None and person.role in OVERSIGHT and audit.auditor_id not in directory.people
            and person.user_id != audit.auditor_id)


def may_moderate(directory: Directory, person: Person | None, audit: AuditParties) -> bool:
    """Moderation is an independent check: never an audit you did, of your own case, or of a team you manage;
    QA leads and admins any other, managers other teams'."""
    if person is None or person.user_id in (audit.auditor_id, audit.worker_id):
        return False
    if person.role in OVERSIGHT:
        return True
    return person.role is Role.MANAGER and not manages_team_of(directory, person, audit)


def may_complete_for_others(directory: Directory, person: Person, owner_id: str) -> bool:
    """Besides its owner, an action may be marked done by an admin or by a manager of the owner."""
    if person.role is Role.ADMIN:
        return True
    return person.role is Role.MANAGER and person.user_id in directory.managers_of(owner_id)


def may_set_away_for(directory: Directory, person: Person, worker_id: str) -> bool:
    """Someone else's time away may be set by a manager of their team (covering a worker's leave is normal practice:
    trial 41) or an admin; a practitioner, or a manager of another team, may not."""
    return may_complete_for_others(directory, person, worker_id)


def may_see_worker(directory: Directory, person: Person, worker_id: str) -> bool:
    """One worker's picture (`/audit worker`: their cases' audits, their actions, requests and reflections) is for a
    manager of a team they are in, QA leads and admins, and the worker themselves; never a colleague (trial 43)."""
    if person.role in OVERSIGHT or person.user_id == worker_id:
        return True
    return person.role is Role.MANAGER and person.user_id in directory.managers_of(worker_id)


def may_complete_action(directory: Directory, person: Person, owner_id: str) -> bool:
    """The owner, or someone who may complete it for them."""
    return person.user_id == owner_id or may_complete_for_others(directory, person, owner_id)


def may_give_more_time(directory: Directory, person: Person, owner_id: str) -> bool:
    """An action whose audit its auditor can no longer change (being moderated, or moderated) has its due date moved,
    on its owner's request for more time, by those who may mark it done for the owner (a manager of the owner, an
    admin), whichever team the audit is in: they answer for the owner's work."""
    return may_complete_for_others(directory, person, owner_id)


def may_reopen_action(directory: Directory, person: Person, owner_id: str, auditor_id: str) -> bool:
    """A done action may be reopened by its owner, the auditor who set it, a manager of either, or an admin: the
    people who could mark it done, and the one who asked for it."""
    if person.user_id in (owner_id, auditor_id) or person.role is Role.ADMIN:
        return True
    return person.role is Role.MANAGER and any(person.user_id in directory.managers_of(uid)
                                               for uid in (owner_id, auditor_id))


def sees_every_team(person: Person | None) -> bool:
    """QA leads and admins see every team's digest, export and figures; the server operator (None) too."""
    return person is None or person.role in OVERSIGHT


def digest_teams(directory: Directory, person: Person) -> list[str]:
    """The teams whose digest this person may read: every team for QA leads and admins, else those they
    manage (none for a practitioner)."""
    return list(directory.teams) if sees_every_team(person) else directory.managed_team_ids(person.user_id)


def may_read_team(directory: Directory, person: Person | None, team_id: str | None) -> bool:
    """Whether a team's data (digest, export) is open to this person; `team_id` None means every team."""
    if sees_every_team(person):
        return True
    assert person is not None  # sees_every_team is true for the server operator
    return person.role is Role.MANAGER and team_id in directory.managed_team_ids(person.user_id)


def may_run_maintenance(person: Person | None) -> bool:
    """Retention, backup, restore and demo data: admins, and the server's operator (person None)."""
    return person is None or person.role is Role.ADMIN


def may_reflect(person: Person, audit: AuditParties) -> bool:
    """Reflections are the audited worker's own words on the audit of their case: nobody else adds them."""
    return audit.worker_id is not None and person.user_id == audit.worker_id


def may_respond_to_moderation(person: Person, audit: AuditParties) -> bool:
    """Only the auditor answers a moderation of their audit (accept, or one short reply)."""
    return person.user_id == audit.auditor_id


def readable_teams(directory: Directory, person: Person) -> list[str] | None:
    """Whose audits `/audit list team` shows: None for every team (QA leads, admins), else the teams managed
    (none for a practitioner). It always agrees with `may_view`."""
    return None if person.role in OVERSIGHT else directory.managed_team_ids(person.user_id)


def may_run_campaigns(person: Person | None) -> bool:
    """Audit campaigns are created, reassigned, sampled and closed by QA leads and admins (and the server's
    operator on the command line): they set work for every team."""
    return person is None or person.role in OVERSIGHT


def may_read_campaign_report(person: Person | None) -> bool:
    """A campaign's whole report (every team's grades, questions, actions and moderation), in chat or on the command
    line: QA leads and admins (and the server's operator); a manager reads their teams' progress instead."""
    return sees_every_team(person)


def may_see_campaign(directory: Directory, person: Person | None, team_ids: tuple[str, ...]) -> bool:
    """A campaign's progress: QA leads and admins, and managers of one of its teams (who see their teams)."""
    if sees_every_team(person):
        return True
    assert person is not None
    return person.role is Role.MANAGER and bool(set(team_ids) & set(directory.managed_team_ids(person.user_id)))


def may_audit_in_campaign(directory: Directory, mode: str, worker_id: str, team_id: str, auditor_id: str,
                          organiser_id: str) -> bool:
    """Campaign audits are independent: never the worker's own case, never the organiser; with `managers` a
    manager of the worker's team, with `peer` a manager who shares no team with the worker."""
    if auditor_id in (worker_id, organiser_id):
        return False
    auditor = directory.person(auditor_id)
    team = directory.teams.get(team_id)
    if auditor is None or team is None:
        return False
    if mode == "managers":
        return auditor_id in team.manager_ids
    worker = directory.person(worker_id)
    shared = set(auditor.team_ids) & set(worker.team_ids if worker else (team_id,))
    return mode == "peer" and auditor.role is Role.MANAGER and not shared and team_id not in auditor.team_ids


def may_keep_knowledge(person: Person | None) -> bool:
    """The knowledge base is kept by QA leads and admins: reloading it, answering, linking, adding or closing
    the questions it could not answer, and seeing and rejecting the wordings it learned from use."""
    return person is not None and person.role in OVERSIGHT


def may_redact(person: Person, audit: AuditParties, author_id: str | None) -> bool:
    """Removing a stored text for good (it identifies someone): QA leads and admins any audit's texts, and the
    auditor the texts they wrote themselves while the audit is still theirs to edit (a draft, or submitted and not
    yet opened by a moderator). Once a moderator has it, the record is no longer the auditor's alone to alter."""
    if person.role in OVERSIGHT:
        return True
    return (person.user_id == audit.auditor_id and author_id == audit.auditor_id
            and audit.status in ("draft", "submitted"))
