"""Where an owner's request for more time on an action stands, in words: beside the action in `my actions`, on
Home and on the action's card, and as the answer to "did i get more time on 147?" (trial 34: the request was
invisible once sent, and the question went to the knowledge base).

Here, not in bot.audits, because the actions are listed by three sibling features (bot.audits, bot.digests,
bot.asking), which may not import each other.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.more_time_late import late, line_note
from bot.core.owner_manager import answerer_now, others_who_answer
from bot.core.services import Services
from bot.storage import more_time as store
from bot.storage.actions import ActionRow, get_action
from bot.storage.audits import get_audit
from knowledge.dates import short_date

WAITING, GIVEN, REFUSED, WITHDRAWN = "waiting", "given", "refused", "withdrawn"


def state_of(asked: store.Asked, due_now: str) -> str:
    """Where the request stands: withdrawn by its owner; given (the due date is no longer the one it had when asked,
    however it was changed); said no to; else waiting for an answer."""
    if asked.withdrawn_at is not None:
        return WITHDRAWN
    if due_now != asked.due_then:
        return GIVEN
    return REFUSED if asked.refused_at is not None else WAITING


def asked_of(services: Services, asked: store.Asked) -> str:
    """Everyone the request was sent to, the one asked first: "Team manager (North) and Head of service" (fix74a A1:
    one sent to an admin as well while the manager was away named the manager only, everywhere it was said)."""
    names = [services.directory.label(who) for who in asked.sent_to]
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def _day(services: Services, moment: datetime) -> str:
    return short_date(moment.astimezone(services.settings.timezone).date(), year=False)


def note(services: Services, asked: store.Asked, due_now: str, action: ActionRow | None = None) -> str | None:
    """A few words beside the action in a list: "more time asked to 18 Dec, waiting for Team manager (South)", or
    the answer; None once it was withdrawn or given (the list shows the new date). With the action, a request whose
    answer has passed to someone else since it was asked says so (`passed_on`)."""
    state, who = state_of(asked, due_now), asked_of(services, asked)
    until = f" to {short_date(asked.until, year=False)}" if asked.until else ""
    if state == WAITING:
        moved = passed_on(services, action, asked) if action is not None else None
        if moved is not None:
            return f"more time asked{until} of {who} on {_day(services, asked.at)}; {moved}"
        return f"more time asked{until}, waiting for {who}"
    if state == REFUSED and asked.refused_at is not None:
        return f"{services.directory.label(asked.refused_by or asked.asked)} said no to more time on " \
               f"{_day(services, asked.refused_at)}"
    return None


def passed_on(services: Services, action: ActionRow, asked: store.Asked) -> str | None:
    """Why a waiting request is no longer the one asked's to answer, and who answers it now (bot.core.owner_manager
    decides): "Social worker N1 is now in South Child in Need and Protection, so Team manager (South) answers it now";
    None while the one asked still answers it (trial 58 F8: a worker moved team and the request stayed with her old
    manager, who could not answer it, while the new one never saw it)."""
    now = answerer_now(services, action)
    if now == asked.asked:
        return None
    answers = f"{services.directory.label(now)} answers it now" if now else "nobody I can ask answers it now: ask a " \
                                                                          "QA lead"
    return f"{_why_passed_on(services, action, asked.asked)}, so {answers}"


def why_passed_on(services: Services, action: ActionRow, asked: store.Asked) -> str | None:
    """`passed_on`'s reason alone ("Social worker N1 is now in South …"), or None while the one asked answers it."""
    return None if answerer_now(services, action) == asked.asked else _why_passed_on(services, action, asked.asked)


def _why_passed_on(services: Services, action: ActionRow, asked_id: str) -> str:
    """What changed since the request was asked: the one asked left; the owner is no longer in a team the one asked
    manages (asked as the owner's manager, or as the auditor of an audit of their own team's); the audit went to
    moderation, which its auditor no longer changes."""
    directory, asked = services.directory, services.directory.label(asked_id)
    audit = get_audit(services.storage, action.audit_id)
    if directory.person(asked_id) is None:
        return f"{asked} has left"
    owner, teams = directory.label(action.owner_id), directory.teams_of(action.owner_id)
    as_manager = audit is None or asked_id != audit.auditor_id or (audit.team_id or "") in directory.managed_team_ids(
        asked_id)
    if as_manager and teams and asked_id not in directory.managers_of(action.owner_id):
        return f"{owner} is now in {' and '.join(team.name for team in teams)}"
    if audit is not None and audit.auditor_id == asked_id and audit.status != "submitted":
        return f"audit #{audit.id} has gone to moderation (its auditor can no longer change it)"
    return f"{asked} no longer answers for {owner}'s actions"


def notes_for(services: Services, actions: list[ActionRow]) -> dict[int, str]:
    """The note of each of these actions that has one, by action."""
    asked = store.latest_of(services.storage, [action.id for action in actions])
    by_id = {action.id: action for action in actions}
    return {action_id: said for action_id, request in asked.items()
            if (said := note(services, request, by_id[action_id].due_date, by_id[action_id])) is not None}


def answer(services: Services, action: ActionRow) -> str:
    """"did i get more time on 147?": where the latest request stands, or how to ask when none was."""
    asked = store.latest(services.storage, action.id)
    due = short_date(action.due_date)
    if asked is None:
        return (f"You haven't asked for more time on {action_named(action)}; it is due {due}. To ask, type `extend "
                f"action {action.id} to <date>, <reason>`.")
    state, who = state_of(asked, action.due_date), asked_of(services, asked)
    until = f" until {short_date(asked.until)}" if asked.until else ""
    when = _day(services, asked.at)
    if state == WAITING:
        moved = passed_on(services, action, asked)
        return (f"Not yet: you asked {who} for more time on {action_named(action)}{until} on {when}"
                + (f"; {moved}, and they haven't answered" if moved else ", and they haven't answered")
                + f". It stays due {due} until they do; to take the request back, type `withdraw {action.id}`.")
    if state == GIVEN:
        return (f"Yes: {action_named(action)} is now due {due} (it was due {short_date(asked.due_then)} when you asked "
                f"on {when}).")
    if state == REFUSED:
        return (f"No: {services.directory.label(asked.refused_by or asked.asked)} said no to more time on "
                f"{action_named(action)}, so it stays due {due}.")
    return (f"You withdrew your request for more time on {action_named(action)}, so nobody was left to answer it; it "
            f"is due {due}. To ask again, type `extend action {action.id} to <date>, <reason>`.")


def waiting(services: Services) -> list[tuple[ActionRow, store.Asked, str | None]]:
    """Every request for more time waiting for an answer, with its open action and who answers it now (bot.core.
    owner_manager.approver: the one asked, unless the worker or the audit has moved on since)."""
    found = []
    for asked in store.waiting(services.storage):
        action = get_action(services.storage, asked.action_id)
        if action is not None:
            found.append((action, asked, answerer_now(services, action)))
    return found


def waiting_for_you(services: Services, user_id: str) -> list[tuple[ActionRow, store.Asked]]:
    """The open actions whose owner's request for more time waits for this person's answer now, with the request:
    those asked of them that they still answer, those passed to them since they were asked, and those sent to them
    as well that they may still answer (bot.core.owner_manager.others_who_answer; fix74a A1)."""
    return [(action, asked) for action, asked, now in waiting(services) if now == user_id or (
        user_id in asked.also and user_id in others_who_answer(services, action))]


def passed_on_from(services: Services, user_id: str) -> list[tuple[ActionRow, store.Asked]]:
    """The requests asked of this person that someone else answers now (the worker moved team, say): listed where
    theirs are, without the buttons, so they know where each went."""
    return [(action, asked) for action, asked, now in waiting(services) if asked.asked == user_id and now != user_id]


def waiting_lines(services: Services, waiting: list[tuple[ActionRow, store.Asked]]) -> list[str]:
    """One line a request: "Action 18, _Book a supervision…_ (audit #149, CR-…): Social worker S1 asks until 11 Dec
    (due 9 Dec), asked 6 Dec". Home, `/audit reminders` and the answer in words share them. One asked of someone
    else first says so: "…, asked 6 Dec of Team manager (North); Social worker S1 is now in …, so you answer it
    now"."""
    lines, today = [], services.local_now().date()
    for action, asked in waiting:
        until = f"until {short_date(asked.until, year=False)}" if asked.until else "for more time (no date given)"
        passed = late(services, asked, today)  # trial 60 F10: the day it gives instead, and why
        moved = why_passed_on(services, action, asked)
        why = f" of {services.directory.label(asked.asked)}; {moved}, so you answer it now" if moved else \
            f" of {asked_of(services, asked)}" if asked.also else ""
        lines.append(f"Action {action.id}, _{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)}"
                     f"): {services.directory.label(action.owner_id)} asks {until} (due "
                     f"{short_date(action.due_date, year=False)}), asked {_day(services, asked.at)}{why}"
                     f"{line_note(passed) if passed else ''}")
    return lines


def passed_on_lines(services: Services, passed: list[tuple[ActionRow, store.Asked]]) -> list[str]:
    """One line a request asked of this person that someone else answers now: "Action 82, _…_ (audit #84, CR-…):
    Social worker N1 asked you until 18 Dec on 7 Dec; Social worker N1 is now in South …, so Team manager (South)
    answers it now"."""
    lines = []
    for action, asked in passed:
        until = f" until {short_date(asked.until, year=False)}" if asked.until else ""
        lines.append(f"Action {action.id}, _{action.description}_ ({audit_and_case(action.audit_id, action.case_ref)}"
                     f"): {services.directory.label(action.owner_id)} asked you{until} on {_day(services, asked.at)}; "
                     f"{passed_on(services, action, asked)}")
    return lines


PASSED_ON_HEADING = "No longer yours to answer"


def waiting_heading(count: int) -> str:
    """"Waiting for your answer: 3 requests for more time"."""
    return f"Waiting for your answer: {count} request{'s' if count != 1 else ''} for more time"


HOW_TO_ANSWER = ("To give one, type `action <number> due <date>`; to say no, `no more time on <number>`, with your "
                 "reason after a dash if you like.")
