"""Who may own an audit's action, offered as buttons and typed: the people of the case, not of the auditor; and the
one reader of an owner typed, wherever one is read (an audit's actions step, a moderator's Inadequate, and
`action 41 owner …` on an action already added: bot.audits.action_edit).

A trial (8, F19) found a campaign (peer) audit of a South case by North's manager offering North's workers as
owners, who cannot act on a South case, while the South team manager, the obvious owner, was reachable only by
member ID; and `the social worker` typed was "I don't know that person". So the owners offered are the case's
worker, the case team's manager(s), the auditor, then the rest of the case's team; and `the worker` / `the manager`
typed mean the case's worker and the case team's manager (which one is asked when the team has several). The same
holds for the first action an Inadequate grade needs (bot.audits.inadequate_action). Anyone else is
typed by member ID or by name as the bot writes it, or the start of one person's name (bot.core.people, the reading
`/audit away … cover` uses), so a name copied from a reply works wherever an owner is asked for.

The owner must be one of those people (`case_people`), typed as well as pressed. A trial (9, F3) gave an action on a
North case to a South practitioner, offered among the names `Social` could be: they were DMed the case reference
and the task, and listed it under `/audit actions`, but could not open the audit. So a typed name is looked for
among the case's people only (someone elsewhere is never in a "could be …" list), and a name, mention, member ID or
`me` naming someone outside them is refused, saying who may hold the action.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.audits.core import user_id_from
from bot.core.people import person_named
from bot.core.services import Services
from bot.errors import UserError
from bot.settings.people import folded_name
from bot.storage.audits import AuditRow

MAX_OFFERED = 12  # buttons beside Back, Pause and Cancel, within Slack's limit of 25 in a message

_APOSTROPHE = r"['’]"
WORKER_WORDS = re.compile(rf"(?:the |their |his |her )?(?:case ?|case{_APOSTROPHE}s |allocated |child{_APOSTROPHE}s )?"
                          r"(?:social )?worker|sw|the sw")
MANAGER_WORDS = re.compile(rf"(?:the |their |his |her )?(?:case{_APOSTROPHE}s |worker{_APOSTROPHE}s |"
                           rf"team{_APOSTROPHE}s )?(?:team )?manager|tm|the tm")
AUDITOR_WORDS = frozenset({"me", "myself", "the auditor"})
UNKNOWN = ("I don't know that person: pick an owner from the buttons, or type `the worker`, `the manager`, or the "
           "name (as I write it) or Slack member ID of one of the case's people.")


def case_managers(services: Services, audit: AuditRow) -> list[str]:
    """The managers of the case's team (the team the audit was started for), else of the worker's teams."""
    team = services.directory.teams.get(audit.team_id or "")
    if team is not None and team.manager_ids:
        return list(team.manager_ids)
    return services.directory.managers_of(audit.worker_id) if audit.worker_id else []


def case_people(services: Services, audit: AuditRow) -> list[str]:
    """Everyone who may own an action on this audit, in the order they are offered: the case's worker (the owner
    unless another is picked), the case team's manager(s), the auditor, then the rest of the case's team: those who
    can act on this case. Only people in the bot's teams list."""
    ids = [audit.worker_id] if audit.worker_id else []
    ids += [*case_managers(services, audit), audit.auditor_id]
    team = services.directory.teams.get(audit.team_id or "")
    if team is not None:
        ids += list(team.member_ids)
    return [uid for uid in dict.fromkeys(ids) if services.directory.person(uid) is not None]


def candidates(services: Services, audit: AuditRow) -> list[str]:
    """The owners offered as buttons: the first of the case's people, as many as a message holds."""
    return case_people(services, audit)[:MAX_OFFERED]


def who_may_hold(services: Services, audit: AuditRow) -> str:
    """Who may own an action on this audit, in words: "the case's worker, a manager of North Assessment Team, the
    auditor or someone else in that team"."""
    team = services.directory.teams.get(audit.team_id or "")
    if team is None:
        return "the case's worker, their manager or the auditor"
    return f"the case's worker, a manager of {team.name}, the auditor or someone else in that team"


def _outside(services: Services, audit: AuditRow, owners: list[str], typist: str, typed: str) -> UserError:
    """People in the bot's teams list who are not among the case's people (one, or several a typed start fits):
    refused, saying who may hold the action."""
    if len(owners) > 1:
        who = f"“{' '.join(typed.split())}” fits only people outside this case, who can't hold an action on it"
    else:
        name = "You are" if owners[0] == typist else f"{services.directory.label(owners[0])} is"
        who = f"{name} not one of this case's people, so can't hold an action on it"
    return UserError(f"{who}: its owner must be {who_may_hold(services, audit)}.")


def label(services: Services, audit: AuditRow, user_id: str, auditor_is: str = "you") -> str:
    """A person's name on an owner button, with why they are offered: "(the case's worker)", "(the case's team
    manager)", or `auditor_is` for the auditor ("you" to the auditor, "the auditor" to a moderator)."""
    name = services.directory.label(user_id)
    if user_id == audit.worker_id:
        return f"{name} (the case's worker)"
    if user_id in case_managers(services, audit):
        return f"{name} (the case's team manager)"
    return f"{name} ({auditor_is})" if user_id == audit.auditor_id and auditor_is else name


def resolve(services: Services, audit: AuditRow, text: str, typist: str,
            typed_as: Callable[[str], str] = lambda name: name, nobody: str = UNKNOWN) -> str | list[str]:
    """The owner's member ID a typed line (or a button's value) means, read in this order: `the worker` / `the social
    worker`, `the manager` / `team manager` (the case team's managers, returned as a list to ask which when there
    are several), `me` (the one typing, `typist`) or `the auditor`; a member ID or mention; a name as the bot writes
    it, or the start of exactly one person's name. Names are looked for among the case's people (`case_people`)
    only: a start that fits several of them is UserError naming them, with `typed_as(name)` showing how a whole name
    is typed where this reads it (`action 41 owner Social worker N2`); someone outside them, however typed (`me`
    too, by a moderator of another team), is UserError saying who may hold the action; UserError(`nobody`) when it
    names nobody in the bot's teams list."""
    directory = services.directory
    words = " ".join(text.strip().rstrip(".!").casefold().split())
    if WORKER_WORDS.fullmatch(words):
        if not audit.worker_id or directory.person(audit.worker_id) is None:
            raise UserError("This audit names no worker in the bot's teams list: pick an owner from the buttons, or "
                            "type their name or Slack member ID.")
        return audit.worker_id
    if MANAGER_WORDS.fullmatch(words):
        managers = [m for m in case_managers(services, audit) if directory.person(m) is not None]
        if not managers:
            raise UserError("The case's team has no manager in the bot's teams list: pick an owner from the "
                            "buttons, or type their name or Slack member ID.")
        return managers[0] if len(managers) == 1 else managers
    people = case_people(services, audit)
    if words in AUDITOR_WORDS:
        owner: str | None = typist if words != "the auditor" else audit.auditor_id
    else:
        owner = user_id_from(text) or person_named(directory, text, typed_as, among=people)
    if owner is None:  # nobody of the case's: someone else by that name is refused as outside them
        whole = directory.named(text)
        elsewhere = [whole] if whole is not None else directory.names_starting(text)
        if elsewhere:
            raise _outside(services, audit, elsewhere, typist, text)
    if owner is None or directory.person(owner) is None:
        raise UserError(nobody)
    if owner not in people:
        raise _outside(services, audit, [owner], typist, text)
    return owner


def only_an_owner(services: Services, audit: AuditRow, text: str) -> bool:
    """Whether a whole line names only someone an action could be given to, as `resolve` reads an owner: `the
    manager`, `the worker`, `me`, a member ID or mention, anyone's whole name as the bot writes it, or the first
    word(s) of one of the case's people's names (`Social worker`). Typed where an action's text is asked for, it is
    the owner a step early: a trial (9, F8) answered "what must happen for the child?" with `the manager`, which
    became the action. Whether that person may hold the action does not matter here; a line with more words than a
    name ("the manager to review the plan") is an action."""
    words = " ".join(text.strip().rstrip(".!").casefold().split())
    if WORKER_WORDS.fullmatch(words) or MANAGER_WORDS.fullmatch(words) or words in AUDITOR_WORDS:
        return True
    if user_id_from(text) is not None:
        return True
    people = set(case_people(services, audit))
    wanted = folded_name(words.lstrip("@").strip())  # `sw n1` is "social worker n1"
    for uid in services.directory.names_starting(wanted):
        name = folded_name(services.directory.label(uid))
        if name == wanted or (uid in people and name[len(wanted):].startswith(" ")):
            return True
    return False


def which_manager_text(services: Services, audit: AuditRow) -> str:
    """The question when `the manager` typed fits several: which of the case team's managers."""
    team = services.directory.teams.get(audit.team_id or "")
    where = team.name if team is not None else "The case's team"
    return f"{where} has {len(case_managers(services, audit))} team managers: which one owns this action?"


def which_manager_typed(services: Services, audit: AuditRow, managers: list[str],
                        typed_as: Callable[[str], str]) -> str:
    """The same question where an owner is typed in a command with no buttons to press (`action 41 owner the
    manager`): each manager's whole name, typed as `typed_as` writes it."""
    team = services.directory.teams.get(audit.team_id or "")
    where = team.name if team is not None else "The case's team"
    whole = [f"`{typed_as(services.directory.label(uid))}`" for uid in managers]
    return f"{where} has {len(managers)} team managers: type which one owns it, {', '.join(whole[:-1])} or {whole[-1]}."
