"""Reading audits back: `/audit show`, `/audit list`, `/audit reflect`, the auditor's response to a moderation,
and the Home's "Recent audits you can read". Who may read what is bot.core.policy's; this module words it.

Buttons: audit.view / reflect / moderation_accept / moderation_reply "<audit>".
"""

from __future__ import annotations

from typing import Any

from bot.audits import escalation, moderation_hold, response_waiting
from bot.audits import finish as audits_finish
from bot.audits.core import (
    Ctx,
    answer_error,
    can_view,
    checklist_of,
    grade_label,
    grade_of_record_text,
    is_reopened,
    load,
    not_found_or_closed,
    not_in_channel,
    reopened_day,
    require_view,
    short_status,
    summary_reply,
    waiting,
)
from bot.audits.flow import MIN_EVIDENCE_CHARS, AnswerError, parse_text
from bot.audits.grade_words import read_grade
from bot.core import buttons, policy
from bot.core.replies import Choice, Reply
from bot.core.sentences import as_sentence
from bot.core.services import Services
from bot.core.teams import TeamRead, noted, readable_team
from bot.engine import pages
from bot.engine.routing import Turn
from bot.errors import AccessDenied, StaleAction, UserError
from bot.privacy.screen import check_case_reference, screen_text
from bot.settings.people import Person
from bot.storage import audits as store
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc
from bot.storage.errors import Conflict
from knowledge.checklist_schema import GRADE_LABELS
from knowledge.dates import short_date

SHOWN = 10  # audits listed by `/audit list`, newest first; the rest are counted
HOME_SHOWN = 5
LIST_USAGE = ("Type `/audit list` for every audit you may read, `/audit list mine` (yours and your cases'), "
              "`/audit list team` (your teams'), `/audit list team <team id>`, or `/audit list case CR-123456`; "
              "add a grade (`/audit list inadequate`) for those graded so, and `page 2` for older ones.")
SHOW_HINT = "type `/audit show <audit number>`, for example `/audit show 12`"
REFLECT_USAGE = ("Type `/audit reflect <audit number>` and then your reflections, or all at once: "
                 "`/audit reflect 12 I agree the plan drifted; I will…`.")
RESPOND_USAGE = ("Type `/audit respond <audit number> accept`, or `/audit respond <audit number> <your short "
                 "reply>`: you can respond once to a moderation.")
REPLY_LIMIT = 500


# -- show ------------------------------------------------------------------------------------------------

def _moderation_history(services: Services, audit_id: int) -> str:
    """Every decision on the audit, in order, each with its reason and the auditor's response: re-moderated
    (`change moderation 145`), `/audit show` showed only the new decision, the first and its response gone (trial
    39). Earlier decisions are headed with the day they were made and that they were changed."""
    decided = readback_store.decided_moderations(services.storage, audit_id)
    zone = services.settings.timezone
    days = [short_date(parse_utc(m["decided_at"]).astimezone(zone).date()) for m in decided]
    earlier = [_moderation_text(services, m, f"Moderation of {day}, since changed")
               for m, day in zip(decided[:-1], days, strict=False)]
    return "\n".join([*earlier, _moderation_text(services, decided[-1] if decided else None)]).strip()


def _moderation_text(services: Services, moderation: dict[str, Any] | None, heading: str = "Moderation") -> str:
    if moderation is None:
        return ""
    moderator = services.directory.label(moderation["moderator_id"])
    verdict = ("agreed with the grade" if moderation["agrees"]
               else f"graded it **{grade_label(moderation['grade'])}**")
    reason = (moderation.get("reason") or "").strip()  # a decision stored without one shows none, never "None"
    text = f"**{heading}:** {moderator} {verdict}." + (f" Reason: {as_sentence(reason)}" if reason else
                                                       " No reason given.")
    if moderation.get("concern_reason"):  # a Good or Outstanding confirmed over an immediate concern (fix41d)
        day = short_date(parse_utc(moderation["decided_at"]).astimezone(services.settings.timezone).date())
        text += (f"\n{grade_label(moderation['grade'])} confirmed over an immediate concern by {moderator} on {day}, "
                 f"reason: {as_sentence(str(moderation['concern_reason']))}")
    if moderation.get("response") == "accepted":
        text += "\n**Auditor's response:** accepted."
    elif moderation.get("response") == "replied":
        text += f"\n**Auditor's response:** {moderation['response_text']}"
    return text


def audit_view(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """The whole audit as the moderator sees it, plus the moderation outcome, the auditor's response and the
    worker's reflections; the buttons are what this reader may do next."""
    if store.get_audit(services.storage, audit_id) is None:
        raise UserError(not_found_or_closed(audit_id))
    ctx = load(services, audit_id)
    if ctx.audit.status != "cancelled":  # a draft's urgent alert asks those it reached to open it
        require_view(services, turn.person, ctx.audit, escalation.alerted(services, ctx))
    elif not policy.may_view_cancelled(turn.person, ctx.audit, escalation.alerted(services, ctx)):
        raise UserError(f"Audit #{audit_id} was cancelled by its auditor, so there is nothing to read.")
    if turn.surface == "channel":
        return [Reply(text="Audits hold case details, so I've not shown it here: open it in our direct messages.")]
    moderation = readback_store.latest_moderation(services.storage, audit_id)
    reflections = store.reflections_of(services.storage, audit_id)
    held_text, held_choices = moderation_hold.show_part(services, turn, ctx.audit)
    extra = [text for text in (_moderation_history(services, audit_id), held_text) if text]
    if reflections:
        extra.append("**Worker's reflections:**\n" + "\n".join(
            f"• {short_date(parse_utc(r['created_at']).astimezone(services.settings.timezone).date())}: {r['text']}"
            for r in reflections))
    choices: list[Choice] = list(held_choices)
    if policy.may_reflect(turn.person, ctx.audit) and ctx.audit.status in readback_store.READABLE_STATUSES:
        choices.append(Choice("Add my reflections", "audit.reflect", str(audit_id)))
    if (moderation is not None and moderation.get("response") is None
            and policy.may_respond_to_moderation(turn.person, ctx.audit)):
        choices += [Choice("Accept the moderation", "audit.moderation_accept", str(audit_id), "primary"),
                    Choice("Respond", "audit.moderation_reply", str(audit_id))]
    choices += compare_choices(services, turn.person, ctx.audit)
    summary = summary_reply(services, ctx, _heading(services, ctx), choices=tuple(choices), viewer=turn.user_id)
    text = "\n\n".join([part for part in summary.text.split("\n\n") if part.strip()] + extra)
    return [Reply(text=text, title=summary.title, fields=summary.fields, choices=summary.choices)]


def compare_choices(services: Services, person: Person, audit: store.AuditRow) -> list[Choice]:
    """*Compare #12 with #9* on a submitted audit whose case was audited before, when this reader may read that earlier
    audit too (a comparison shows both): the way to see whether practice improved is found where audits are read."""
    if audit.status not in readback_store.READABLE_STATUSES:
        return []
    earlier = readback_store.audit_before(services.storage, audit)
    if earlier is None or not can_view(services, person, earlier):
        return []
    return [Choice(f"Compare #{audit.id} with #{earlier.id}", "audit.compare", str(audit.id))]


def _heading(services: Services, ctx: Ctx) -> str:
    """'Audit #12', and for a cancelled one that it was cancelled, and whether an alert from it still stands."""
    audit = ctx.audit
    if audit.status != "cancelled":
        return f"Audit #{audit.id}"
    day = moderation_hold.day(services, store.cancelled_at(audit))
    text = (f"Audit #{audit.id}: **cancelled by its auditor** on {day}. It does not count as an audit; its answers "
            "are kept for the record.")
    flagged = [f"_{question.text}_ {question.answer_label(value)}" for question, value in escalation.standing(ctx)]
    if flagged:
        text += ("\nThe immediate concern flagged here was **not withdrawn** by cancelling; it stands until someone "
                 "speaks to the auditor: " + "; ".join(flagged))
    return text


def on_view(services: Services, turn: Turn, value: str) -> list[Reply]:
    return audit_view(services, turn, buttons.record_id(value, SHOW_HINT))


def show_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    audit_id = buttons.typed_id(args.strip().lstrip("#")) if args.strip() else None
    if audit_id is None:
        raise UserError("Which audit? Type `/audit show <audit number>`, for example `/audit show 12`; "
                        "`/audit list` shows the audits you can read.")
    return audit_view(services, turn, audit_id)


# -- list ------------------------------------------------------------------------------------------------

def _scope(services: Services, person: Person, words: list[str]) -> tuple[str, dict[str, Any]]:
    """(heading, filter for readback_store.readable_audits) for `/audit list [mine|team|case REF]`."""
    return _scope_and_team(services, person, words)[:2]


# Said to someone who reads no team's audits (a practitioner), whichever team they name, their own too: the audits of
# a team are its managers', QA leads' and admins' to read; a worker reads their own and their cases'.
NOT_A_TEAM_READER = ("`/audit list team` is for team managers, QA leads and admins: a team's audits (your own team's "
                     "too) are not listed for you. `/audit list mine` shows your audits and the audits of your cases.")


def _scope_and_team(services: Services, person: Person,
                    words: list[str]) -> tuple[str, dict[str, Any], TeamRead | None]:
    """The heading and filter, and the team named when one was (`/audit list team north`), to say which was read."""
    teams = policy.readable_teams(services.directory, person)
    everything: dict[str, Any] = ({} if teams is None
                                  else {"people": [person.user_id], "teams": teams, "moderator": person.user_id})
    if not words:
        return "Audits you can read", everything, None
    kind = words[0].lower()
    if kind == "mine" and len(words) == 1:
        return "Your audits and audits of your cases", {"people": [person.user_id]}, None
    if kind == "team" and len(words) == 1:
        if teams is None:
            return "Every team's audits", {}, None
        if not teams:
            raise AccessDenied(NOT_A_TEAM_READER)
        return "Your teams' audits", {"teams": teams}, None
    if kind == "team":  # `team north-assessment`, `team north`, `team children in care`
        if teams == []:  # trial 41: a worker's own team was refused as "your own teams only: none"
            raise AccessDenied(NOT_A_TEAM_READER)
        team = readable_team(services, teams, " ".join(words[1:]), "list the audits")
        return f"Audits of {team.said}", {"teams": [team.id]}, team
    if kind == "case" and len(words) in (2, 3):  # `case CR-123456`, `case cr123456`, `case CR 123456`
        reference = check_case_reference(" ".join(words[1:]), services.settings.case_reference_pattern,
                                         services.identifier_screen)
        return f"Audits of {reference}", {**everything, "case_ref": reference}, None
    raise UserError(LIST_USAGE)


def audit_line(services: Services, audit: store.AuditRow) -> str:
    """An audit in `/audit list` and the Home, dated first by its submission, the order they are listed in, then by
    its later status's own day: "audited by Team manager (North): submitted 3 Dec 2026, moderated 4 Dec 2026 by QA
    lead (practice)" (trial 10 read "moderated (3 Dec 2026)", the day it was submitted; trial 23 read a list sorted by
    submission dated by moderation)."""
    title = checklist_of(services, audit).title

    def day(stamp: str) -> str:
        return short_date(parse_utc(stamp).astimezone(services.settings.timezone).date())

    dates = f"submitted {day(audit.submitted_at or audit.updated_at)}"
    if is_reopened(audit):  # dated by the day its auditor reopened it
        reopened = reopened_day(services, audit)
        dates += f", {short_status(audit)}" + (f" {short_date(reopened)}" if reopened else "")
    elif audit.status == "moderated" and audit.moderated_at:
        dates += f", moderated {day(audit.moderated_at)}{_moderated_by(services, audit.id)}"
    elif audit.status != "submitted":
        dates += f", {short_status(audit)}"
    return (f"• #{audit.id} {title}, case {audit.case_ref}, {grade_of_record_text(audit)}, audited by "
            f"{services.directory.label(audit.auditor_id)}: {dates}")


def _moderated_by(services: Services, audit_id: int) -> str:
    """' by QA lead (practice)', who decided the audit's latest moderation (trial 28 read "moderated 4 Dec 2026, by
    QA lead (practice)", the auditor, as the moderator: each name now says what it did)."""
    moderation = readback_store.latest_moderation(services.storage, audit_id)
    return f" by {services.directory.label(moderation['moderator_id'])}" if moderation else ""


def readable(services: Services, person: Person, scope: dict[str, Any], limit: int,
             offset: int = 0) -> tuple[int, list]:
    """The audits matching `scope` that this person may read, newest first (the policy has the last word)."""
    total, audits = readback_store.readable_audits(services.storage, limit=limit, offset=offset, **scope)
    moderators = readback_store.moderators_of(services.storage, [a.id for a in audits])
    shown = [a for a in audits if policy.may_view(services.directory, person, a, moderators.get(a.id, set()))]
    return total - (len(audits) - len(shown)), shown


def list_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    words, page = pages.page_of(args.split())
    scoped, grade = graded(words)
    heading, scope, team = _scope_and_team(services, turn.person, scoped)
    if grade is not None:
        heading, scope = f"{heading}, graded {grade_label(grade)}", {**scope, "grade": grade}
    return noted(team, _listing(services, turn, words, page, heading, scope))


def graded(words: list[str]) -> tuple[list[str], str | None]:
    """The list's scope words and the grade it is filtered by, said last (`list inadequate`, `list team south
    ri`, `list requires improvement`): trial 30, a head of service's "show me all the inadequate audits" had no
    list to go to. None when no grade ends the words."""
    for size in (2, 1):
        if len(words) >= size and words[-size].lower() not in ("team", "case", "mine"):
            grade = read_grade(" ".join(words[-size:]))
            if grade is not None:
                return words[:-size], grade
    return words, None


def _listing(services: Services, turn: Turn, words: list[str], page: int, heading: str,
             scope: dict[str, Any]) -> list[Reply]:
    total, audits = readable(services, turn.person, scope, SHOWN, offset=(page - 1) * SHOWN)
    if not audits:
        if page > 1 and total:
            # "audits of North Assessment Team": only the heading's first letter is lowered, never a name's
            raise pages.no_such_page(page, heading[:1].lower() + heading[1:], total, SHOWN, "list", words)
        pages.remember(services, turn, "list", words, page, last_page=True)
        return [Reply(text=f"{heading}: none submitted yet. " + LIST_USAGE)]
    first = (page - 1) * SHOWN + 1
    more = f" ({first} to {first + len(audits) - 1} of {total})" if total > len(audits) else ""
    lines = [audit_line(services, a) for a in audits]
    last_page = first + len(audits) - 1 >= total
    if not last_page:
        command = pages.next_page_command("list", words, page)
        lines.append(f"_Older ones: {pages.more_hint(services, turn, command)}._")
    pages.remember(services, turn, "list", words, page, last_page)
    return [Reply(text=f"**{heading}**{more}, newest submitted first:\n" + "\n".join(lines),
                  note="View opens the whole audit: answers, grades, actions, moderation and reflections.",
                  choices=tuple(Choice(f"View #{a.id}", "audit.view", str(a.id)) for a in audits))]


SUBMITTED_STATES = ("submitted", "in_moderation", "moderated")  # what a worker reflects on


def home_section(services: Services, person: Person) -> list[Reply]:
    """The Home's "Recent audits you can read": the newest few, each with a View button."""
    _, scope = _scope(services, person, [])
    total, audits = readable(services, person, scope, HOME_SHOWN)
    if not audits:
        return []
    to_reflect = _waiting_for_reflection(services, person, audits)
    prompt = (f"Audit #{to_reflect[0]} of your case waits for your reflections: press Reflect on #{to_reflect[0]}, or "
              f"type `/audit reflect {to_reflect[0]}`. " if to_reflect else "")
    return [Reply(title="Recent audits you can read",
                  text="\n".join(audit_line(services, a) for a in audits),
                  note=prompt + "Newest submitted first." + (f" {total} in all: `/audit list` shows more."
                                                             if total > len(audits) else ""),
                  choices=tuple(choice for a in audits for choice in (
                      Choice(f"View #{a.id}", "audit.view", str(a.id)),
                      *((Choice(f"Reflect on #{a.id}", "audit.reflect", str(a.id)),) if a.id in to_reflect else ())
                  )))]


def _waiting_for_reflection(services: Services, person: Person, audits: list[store.AuditRow]) -> list[int]:
    """The audits shown that are of this person's case, submitted, and not yet reflected on: a worker whose case
    was graded Inadequate saw only "View #1" on Home, nothing saying `reflect 1` was theirs to do (trial 48)."""
    reflected = readback_store.reflected_audit_ids(services.storage, person.user_id)
    return [a.id for a in audits if a.worker_id == person.user_id and a.status in SUBMITTED_STATES
            and a.id not in reflected]


# -- reflect ---------------------------------------------------------------------------------------------

def reflect_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit reflect 12` asks for the reflections; `/audit reflect 12 <text>` saves them at once."""
    parts = args.strip().split(maxsplit=1)
    audit_id = buttons.typed_id(parts[0].lstrip("#")) if parts else None
    if audit_id is None:
        raise UserError(REFLECT_USAGE)
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    if len(parts) == 1:
        return audits_finish.on_reflect(services, turn, str(audit_id))
    return audits_finish.reflection(services, turn, audit_id, parts[1])


# -- the auditor's response to a moderation --------------------------------------------------------------

def _decided(services: Services, turn: Turn, audit_id: int) -> tuple[store.AuditRow, dict[str, Any]]:
    audit = store.get_audit(services.storage, audit_id)
    if audit is None:
        raise UserError("I can't find that audit. `/audit list mine` shows yours.")
    if not policy.may_respond_to_moderation(turn.person, audit):
        raise AccessDenied("Only the auditor can respond to the moderation of an audit.")
    moderation = readback_store.latest_moderation(services.storage, audit_id)
    if moderation is None:
        raise UserError(f"Audit #{audit_id} has not been moderated yet, so there is nothing to respond to.")
    if moderation.get("response") is not None:
        raise UserError(f"You have already responded to the moderation of audit #{audit_id}; "
                        "a moderation gets one response.")
    return audit, moderation


def _respond(services: Services, turn: Turn, audit_id: int, text: str | None) -> list[Reply]:
    audit, moderation = _decided(services, turn, audit_id)
    try:
        readback_store.respond_to_moderation(services.storage, int(moderation["id"]), turn.user_id, text, turn.now,
                                             waiting={})
    except Conflict:
        raise StaleAction("You have already responded to this moderation; a moderation gets one response.") from None
    auditor = services.directory.label(turn.user_id)
    said = "accepted your moderation" if text is None else f"responded to your moderation: {text}"
    return [Reply(text=f"Thank you: your response is saved with the moderation of audit #{audit.id}."
                  + ("" if text is None else _next_after_reply(services, audit, moderation["moderator_id"]))),
            Reply(to_user=moderation["moderator_id"], kind="notice",
                  text=f"{auditor} {said} (audit #{audit.id})." + ("" if text is None else _moderator_next(audit)),
                  choices=(Choice("Open the audit", "audit.view", str(audit.id)),))]


def _moderator_next(audit: store.AuditRow) -> str:
    """What the moderator can do with a written response (trial 49, F18: they were told only what it said): revise
    their moderation, which only they can, or leave it, and their decision stands."""
    grade = GRADE_LABELS.get(audit.grade_of_record or "", "")
    stands = f"the grade of record stays {grade}" if grade else "your moderation stands"
    return (f" If it changes your view, `/audit change moderation {audit.id}` opens your moderation again to revise "
            f"it; otherwise nothing more is needed and {stands}.")


def _next_after_reply(services: Services, audit: store.AuditRow, moderator_id: str) -> str:
    """What a written response leads to (trial 48: a disagreeing manager was told only that it was saved): who sees
    it, and that the moderator's decision stands as the grade of record unless the moderator changes it, which only
    they can do (`change moderation N`, docs/audits-and-checklists.md)."""
    moderator = services.directory.label(moderator_id)
    grade = GRADE_LABELS.get(audit.grade_of_record or "", "")
    stays = f"The grade of record stays {grade}" if grade else "The moderation stands"
    return (f" {moderator}, who moderated it, is sent your response, and it shows with the moderation in "
            f"`/audit show {audit.id}` for everyone who reads the audit. {stays} unless {moderator} changes their "
            "moderation, which only they can do: if you think it should change, talk it through with them.")


def on_accept(services: Services, turn: Turn, value: str) -> list[Reply]:
    return _respond(services, turn, buttons.record_id(value, RESPOND_USAGE), None)


def on_reply(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Ask for the auditor's short reply; the next thing they type is it."""
    audit, _ = _decided(services, turn, buttons.record_id(value, RESPOND_USAGE))
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_response", audit_id=audit.id),
                           turn.now)
    return response_prompt(audit.id)


def response_prompt(audit_id: int) -> list[Reply]:
    """The auditor's one reply to a moderation, typed next."""
    return [Reply(text=f"Your reply to the moderation of audit #{audit_id}, in a sentence or two (you can respond "
                       "once).", prompt="Type your reply.", kind="question")]


ACCEPT_WORDS = frozenset({"accept", "accepted", "agree"})


def reply(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply]:
    """The auditor's one reply to a moderation: `accept`, or at least a sentence, since it can't be changed once
    saved (a reply of `ok` would stand for good as all the auditor had to say). Whether the person may respond at
    all comes first, so nobody is asked to rewrite a reply they cannot send."""
    _decided(services, turn, audit_id)
    try:
        cleaned = parse_text(text, "reply")
    except AnswerError as error:
        raise answer_error(error) from None
    if cleaned.lower().rstrip(".!") in ACCEPT_WORDS:
        return _respond(services, turn, audit_id, None)
    if len(cleaned) < MIN_EVIDENCE_CHARS:
        raise UserError(f"Please say in a sentence what you want the moderator to know (at least a few words), or "
                        f"type `/audit respond {audit_id} accept` to accept the moderation: you can respond once.")
    if len(cleaned) > REPLY_LIMIT:
        raise UserError(f"Please keep your reply to {REPLY_LIMIT} characters (it has {len(cleaned)}): a short reply "
                        "the moderator can read at a glance.")
    screen_text(cleaned, services.identifier_screen, "your reply")
    return _respond(services, turn, audit_id, cleaned)


def respond_command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit respond 12 accept|<reply>`; with nothing after it, the moderations waiting for your response."""
    if not args.strip():
        return response_waiting.respond_alone(services, turn)
    parts = args.strip().split(maxsplit=1)
    audit_id = buttons.typed_id(parts[0].lstrip("#")) if parts else None
    if audit_id is None or len(parts) < 2:
        raise UserError(RESPOND_USAGE)
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    return reply(services, turn, audit_id, parts[1])


# -- the outcome, told to the worker and their managers --------------------------------------------------

def outcome_notices(services: Services, audit: store.AuditRow, moderator_id: str, verdict: str,
                    moderated: str = "moderated") -> list[Reply]:
    """A DM each to the worker whose case it is and their managers (never the moderator or the auditor twice);
    `moderated` is "re-moderated" when the decision replaces an earlier one (verdict saying what changed)."""
    told: list[Reply] = []
    skip = {moderator_id, audit.auditor_id}
    worker = audit.worker_id
    people = ([worker] if worker else []) + services.directory.managers_of(worker or audit.auditor_id)
    for person in dict.fromkeys(people):
        if person in skip:
            continue
        whose = "your case" if person == worker else "a case in your team"
        told.append(Reply(to_user=person, kind="notice",
                          text=as_sentence(f"Audit #{audit.id} of {whose} has been {moderated}: {verdict}"),
                          choices=(Choice("Open the audit", "audit.view", str(audit.id)),)))
    return told
