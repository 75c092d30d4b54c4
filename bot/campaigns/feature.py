"""`/audit campaign …`, the Start buttons of allocated cases, the typed case reference, and the Home section.

    /audit campaign                                  the campaigns you can see
    /audit campaign 3                                progress by team and by auditor
    /audit campaign create name=… theme=… checklist=… teams=a,b start=DATE deadline=DATE
                           per-worker=2 auditors=managers|peer moderate=20      (QA leads, admins)
    /audit campaign new                              the same as a Slack form: cases per worker, or a pasted
                                                     CSV of case references with their workers  (QA leads, admins)
    /audit campaign reassign <allocation> <auditor> <reason>                   (QA leads, admins)
    /audit campaign swap <allocation> <allocation> <reason>                     (QA leads, admins)
    /audit campaign cancel <allocation> <reason>     a case not started taken out (a leaver's)  (QA leads, admins)
    /audit campaign rename 3 name=… theme=…         a new name or theme, checked as at create (QA leads, admins)
    /audit campaign deadline 3 12/2 / teams 3 north,cic   a new deadline or teams, its managers told (changes)
    /audit campaign sample 3 [now] / close 3 [confirm]                          (QA leads, admins)
                                                     before the deadline with cases not done, close asks
                                                     first (Close now / Keep it open, or typed `confirm`)
    /audit campaign allocations 3 [from]            campaign 3's allocations by number  (QA leads, admins)
    /audit campaign mine 3                           your cases in campaign 3, with Start buttons
    /audit campaign 3 report (or report 3)           campaign 3's whole report, as posted at close (QA leads, admins)

Buttons: campaign.start "<allocation id>", campaign.mine "<campaign id>", campaign.close_confirm and
campaign.close_keep "<campaign id>", campaign.deadline "instead" / "keep" (a typed deadline on a day off).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.campaigns import (
    asked,
    change_words,
    changes,
    closing,
    deadline_offer,
    free_words,
    open_listed,
    render,
    service,
)
from bot.campaigns.auditor_named import auditor_and_reason
from bot.campaigns.model import CampaignSpec, DeadlineOff, FieldError
from bot.core import buttons, policy
from bot.core.replies import Form, FormField, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied, UserError
from bot.privacy.screen import screen_text
from bot.settings.people import Person, Role
from bot.storage import audits as audit_store
from bot.storage import campaigns as store

USAGE = ("/audit campaign [N | N report | create key=value… | rename N name=… theme=… | deadline N <date> | "
         "teams N <teams> | close N [confirm] | "
         "sample N [now] | allocations N | mine N | "
         "reassign <allocation> <auditor> "
         "<reason> | swap <allocation> <allocation> <reason> | cancel <allocation> <reason>]")
CREATE_EXAMPLE = ("/audit campaign create name=Neglect December theme=neglect checklist=Neglect "
                  "teams=north,south start=today deadline=next Friday per-worker=2 auditors=managers moderate=20")
# `campaign create` alone, and `campaign new` in the terminal chat (Slack opens the form): one message, how to type it.
CREATE_USAGE = (
    "To create a campaign, type `/audit campaign create` and these, each as key=value (a value may have spaces: "
    "the next key ends it):\n"
    "• name: what it is called, such as Neglect December\n"
    "• theme: what it looks at, such as neglect\n"
    "• checklist: its title or id, such as Neglect\n"
    "• teams: the teams in it, comma-separated, by id, name or a short form, such as north,cic\n"
    "• start and deadline: its first and last days, such as today, 7/12/2026 or next Friday\n"
    "• per-worker: cases to audit for each worker, 1 to 20\n"
    "• auditors: managers (managers audit their own teams) or peer (the managers of the campaign's other teams audit "
    "each other's)\n"
    "• moderate: the share of submitted audits to moderate, 0 to 100\n"
    f"For example: `{CREATE_EXAMPLE}`")
# `help campaign`, for the organisers (auditors see their own usage line): trial 26 found no help on campaigns.
HELP_DETAILS = (
    "A campaign is a themed audit round across teams: its cases are allocated to auditors at once, each told by DM "
    "with a **Start** button per case.\n"
    "• `campaign create` alone shows each field with an example (`campaign new` opens it as a form); "
    "`teams=all` takes every team\n"
    "• `campaign` lists the campaigns, `campaign 3` shows campaign 3's progress, `campaign 3 report` its report\n"
    "• `campaign allocations 3` lists its cases by number, for `reassign 7 @auditor <reason>` and "
    "`swap 7 8 <reason>`, or `cancel 7 <reason>` to take a case not started out of it (a leaver's)\n"
    "• `campaign sample 3` draws the moderation sample; `campaign close 3` closes it and posts the report to the QA "
    "leads\n"
    "• `campaign rename 3 name=… theme=…` changes its name or theme; `campaign deadline 3 12/2/2027` its deadline and "
    "`campaign teams 3 north,cic` its teams, telling the managers affected")
AUDITOR_USAGE = "/audit campaign [N | mine N]"  # what those who audit in a campaign (not organise it) can do
# The verbs `command` reads, each with the shape of what follows it when typed without `/audit` in a DM
# (`campaign close 3`); the organisers' verbs first. `campaign N` and `campaign` alone are typed too. A verb typed
# with nothing after it runs, so its own message says what it takes ("campaign close to the deadline" is a question).
ORGANISER_VERBS = {
    "create": r"(?:\s+\S.*)?",
    "close": rf"(?:\s+{NUMBER}(?:\s+{closing.CONFIRM_WORD})?)?",
    "rename": rf"(?:\s+{NUMBER}(?:\s+\S.*)?)?",
    "deadline": rf"(?:\s+{NUMBER}(?:\s+\S.*)?)?",
    "teams": rf"(?:\s+{NUMBER}(?:\s+\S.*)?)?",
    "sample": rf"(?:\s+{NUMBER}(?:\s+now)?)?",
    "allocations": rf"(?:\s+{NUMBER}(?:\s+\d{{1,9}})?)?",
    "reassign": r"(?:\s+#?\d\S*\s+\S.*)?",
    "swap": r"(?:\s+#?\d\S*\s+\S.*)?",
    "cancel": r"(?:\s+#?\d\S*(?:\s+\S.*)?)?",
}
VERBS = {**ORGANISER_VERBS, "mine": rf"(?:\s+{NUMBER})?", "new": "", "report": rf"(?:\s+{NUMBER})?",
         "show": rf"(?:\s+{NUMBER})?"}
TYPED = "(?:" + "|".join([rf"{NUMBER}(?:\s+report)?", *(verb + after for verb, after in VERBS.items())]) + ")?"
HOME_SHOWN = 5
PROGRESS_TITLE = "Campaigns in progress"  # the Home's heading over open campaigns' figures
# A campaign's case started in words: the Start button's own label, `Start allocation 5`, typed (a trial's head of
# service was told "That isn't how /audit start is typed"), or `start allocation #5`, `resume allocation 5`, `open my
# allocated case 5`.
START_TYPED = re.compile(r"^\s*(?:start|begin|open|resume|continue|audit|do)\s+(?:(?:the|my)\s+)?(?:campaign\s+)?"
                         r"(?:allocation|allocated\s+(?:case|audit))\s*(?:no\.?\s*|number\s+)?#?(?P<id>\d{1,9})"
                         r"\s*[.!]?\s*$", re.IGNORECASE)
NOT_YOURS = ("Allocation {id} is not one of your campaign cases, so nothing was started. `/audit campaign` lists your "
             "campaigns, and `/audit campaign mine <campaign number>` your cases in one, each with a Start button "
             "(typed too: `start allocation` and its number).")
FORM_ACTION = "campaign.create_form"
# The case list is pasted into the form as CSV lines rather than uploaded as a file: a file input would need the
# files:read scope (every file the bot can see), a download from Slack inside the 3 seconds Slack waits for the
# check, and it would leave the file in Slack's file store, out of the bot's reach, even when the identifier
# screen refuses it for naming a child. The pasted text itself is never stored, only the cases that pass.
# Slack's text inputs hold at most 3,000 characters (about 150 lines like CR-123456,U0ABC123); longer lists go
# through `audit-bot campaign create --cases-csv FILE`, which reads them with the same parser and messages.
MAX_CASES_CHARS = 3000
CASES_HINT = ("Instead of cases per worker: one case a line as case reference, worker's Slack member ID (such as "
              "CR-123456,U0ABC123; a heading line is allowed). A member ID is in the worker's Slack profile, under ⋮ "
              "> Copy member ID. Up to 3,000 characters (about 150 cases); for more, use the command line's "
              "--cases-csv.")
FORM = Form(action=FORM_ACTION, title="New audit campaign", submit="Create", fields=(
    FormField("name", "Name", max_length=200), FormField("theme", "Theme", max_length=200),
    FormField("checklist", "Checklist (its id or name, such as neglect)", max_length=200),
    FormField("teams", "Teams (ids, names or short forms such as cic, comma-separated)", max_length=200),
    FormField("start", "Start (such as 1/12/2026 or today)", max_length=200),
    FormField("deadline", "Deadline (such as 18/12/2026 or Friday week)", max_length=200),
    FormField("per-worker", "Cases per worker (1 to 20)", optional=True, max_length=200,
              hint="Leave empty when you give the case list below."),
    FormField(service.CASES_FIELD, "Case list (CSV)", "long_text", optional=True, hint=CASES_HINT,
              max_length=MAX_CASES_CHARS),
    FormField("auditors", "Who audits: managers or peer", max_length=200),
    FormField("moderate", "Share to moderate (0 to 100 %)", max_length=200)))
FORM_KEYS = tuple(f.id for f in FORM.fields if f.id != service.CASES_FIELD)
# The submitted form as JSON: every character may be escaped (up to 12 characters for one outside the BMP).
MAX_FORM_PAYLOAD = 12 * (MAX_CASES_CHARS + 200 * len(FORM_KEYS) + 3000) + 1000


# A word that starts a field: a key and `=` at the start of a word (`checklist=`), outside double quotes.
KEY_START = re.compile(r"(?<!\S)([A-Za-z][\w-]*)=")


def read_fields(text: str) -> dict[str, str]:
    """`key=value` fields, a value running on to the next `key=` (`checklist=voice of the child`,
    `name=Neglect December`, `deadline=next Friday`), so quotes are needed only for a value holding a `word=` of
    its own (name="a=b"); double or single quotes around a whole value are dropped. A UserError for words before
    the first key, or a key that is not one. Trial 11 asked for quotes around every value of several words and
    trial 17's QA lead still found `checklist=voice of the child` refused; the next key ends a value without them.
    An apostrophe (`name=Children's homes`) is a letter, never a quote."""
    if text.count('"') % 2:
        raise UserError("A quote is not closed. Write a value with its own `=` in double quotes: "
                        'name="Neglect audit December".')
    starts = [m for m in KEY_START.finditer(text) if text.count('"', 0, m.start()) % 2 == 0]
    before = text[:starts[0].start()] if starts else text
    if before.strip():
        raise UserError(f"I don't understand {before.split()[0][:40]!r}. Write key=value with these keys: "
                        f"{', '.join(service.SPEC_KEYS)}.")
    fields: dict[str, str] = {}
    for i, match in enumerate(starts):
        key = match.group(1).lower()
        value = text[match.end():starts[i + 1].start() if i + 1 < len(starts) else len(text)].strip()
        if key not in service.SPEC_KEYS:
            raise UserError(f"I don't understand {(match.group(0) + value)[:40]!r}. Write key=value with these "
                            f"keys: {', '.join(service.SPEC_KEYS)}.")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        fields[key] = " ".join(value.split())
    return fields


def _typed_spec(services: Services, text: str) -> CampaignSpec:
    """The campaign `campaign create …` asks for; with nothing after `create`, how to type one (trial 17: "Please
    fix these 9 things:", each line repeating every field)."""
    if not text.strip():
        raise UserError(CREATE_USAGE)
    return service.build_spec(services, read_fields(text))


def _campaign_id(text: str) -> int:
    number = buttons.typed_id(text)
    if number is None:
        raise UserError(f"Give the campaign's number, such as `/audit campaign 3`. Type `/audit campaign` to list "
                        f"them. ({USAGE})")
    return number


CLOSE_COMMAND = "/audit campaign close"  # how a QA lead closes a campaign past its deadline, told where it is listed


def visible(services: Services, person: Person, campaign: store.Campaign) -> bool:
    """Whether this person may see the campaign: its teams are theirs to see, or they audit in it."""
    return policy.may_see_campaign(services.directory, person, campaign.teams) or bool(
        store.allocations(services.storage, campaign.id, person.user_id))


def list_reply(services: Services, person: Person) -> Reply:
    """`/audit campaign`: the campaigns this person may see, open ones first."""
    shown = [c for c in store.list_campaigns(services.storage) if visible(services, person, c)]
    if not shown:
        hint = " Create one with `/audit campaign create …`." if policy.may_run_campaigns(person) else ""
        return Reply(text="There are no audit campaigns for you to see." + hint)
    closer = CLOSE_COMMAND if policy.may_run_campaigns(person) else None
    return Reply(text="**Audit campaigns**\n" + "\n".join(
        render.campaign_list(shown, services.local_now().date(), closer, bullet="• ")))


def progress(services: Services, turn: Turn, campaign_id: int) -> list[Reply]:
    """`/audit campaign N`: progress for those who may see it, else the person's own cases."""
    campaign = store.get_campaign(services.storage, campaign_id)
    if campaign is None or not visible(services, turn.person, campaign):
        raise UserError(f"There is no campaign {campaign_id} you can see. Type `/audit campaign` to list them.")
    if not policy.may_see_campaign(services.directory, turn.person, campaign.teams):
        return mine(services, turn, campaign_id)
    teams = None if policy.sees_every_team(turn.person) else services.directory.managed_team_ids(turn.user_id)
    closer = CLOSE_COMMAND if policy.may_run_campaigns(turn.person) else None
    shown = render.progress_reply(service.progress(services, campaign), teams, services.local_now().date(), closer,
                                  _members(services, teams))
    if (cancelled := service.cancelled_said(services, campaign_id)) is not None:
        shown = replace(shown, text=f"{shown.text}\n{cancelled}")
    if closer:
        flagged = service.misfits_said(services, campaign, store.allocations(services.storage, campaign_id))
        shown = Reply(text="\n".join([shown.text, *flagged, f"`/audit campaign allocations {campaign_id}` lists each "
                                       "allocation by number, for `reassign`, `swap` and `cancel`."]))
    return [shown]


def mine(services: Services, turn: Turn, campaign_id: int) -> list[Reply]:
    """An auditor's own cases in a campaign, with Start buttons (the reminders' button too)."""
    campaign = store.get_campaign(services.storage, campaign_id)
    items = store.allocations(services.storage, campaign_id, turn.user_id) if campaign else []
    if campaign is None or not items:
        raise UserError(f"You have no cases in campaign {campaign_id}. Type `/audit campaign` to list campaigns.")
    listed = service.my_cases_reply(services, campaign, items)
    open_listed.remember(services, turn, campaign_id, listed)  # `open 2` then presses its second button
    return [listed]


def _organiser_command(services: Services, turn: Turn, verb: str, rest: str) -> list[Reply]:
    service.require_organiser(services, turn.user_id)
    if verb == "create":
        return _create_typed(services, turn, rest)
    if verb == "close":
        number, _, word = rest.partition(" ")
        confirmed = word.strip().lower() == closing.CONFIRM_WORD
        if word.strip() and not confirmed:
            raise UserError(f"Write `/audit campaign close {number} {closing.CONFIRM_WORD}` to close it at once, "
                            f"or `/audit campaign close {number}` to be asked first.")
        replies = service.close_asked(services, _campaign_id(number), turn.user_id, turn.now, confirmed)
        # Close now / Keep it open, typed too (or `yes` / `no`)
        return [confirmations.ask(services, turn, reply, not_yet=closing.NOT_YET) if reply.kind == "question"
                else reply for reply in replies]
    if verb == "rename":
        number, _, typed = rest.partition(" ")
        return service.rename(services, _campaign_id(number), read_fields(typed), turn.user_id, turn.now)
    if verb in ("deadline", "teams"):
        return _changed(services, turn, verb, rest)
    if verb == "sample":
        number, _, word = rest.partition(" ")
        campaign_id = _campaign_id(number)
        campaign = store.get_campaign(services.storage, campaign_id)
        if campaign is None:
            raise UserError(f"There is no campaign {campaign_id}. Type `/audit campaign` to list them.")
        if word.strip().lower() != "now":
            service.refuse_early_sample(services, campaign)
        return service.draw_sample(services, campaign, turn.user_id, turn.now)
    if verb == "allocations":
        number, _, start = rest.partition(" ")
        campaign = store.get_campaign(services.storage, _campaign_id(number))
        if campaign is None:
            raise UserError(f"There is no campaign {number}. Type `/audit campaign` to list them.")
        return [service.allocations_reply(services, campaign, buttons.typed_id(start.strip()) or 1)]
    if verb == "cancel":
        return _cancel(services, turn, rest)
    words = rest.split(maxsplit=2)
    if verb == "reassign" and len(words) >= 3:
        words = [words[0], *auditor_and_reason(services, words[0], rest.split(maxsplit=1)[1])]
    if len(words) < 3 or not words[2]:
        raise UserError(f"Write `/audit campaign {verb} <allocation> "
                        f"{'<auditor>' if verb == 'reassign' else '<allocation>'} <reason>`.")
    first = _allocation_number(words[0])
    if verb == "reassign":
        return service.reassign(services, turn.user_id, first, words[1], words[2], turn.now)
    return service.swap(services, turn.user_id, first, _allocation_number(words[1]), words[2], turn.now)


def _cancel(services: Services, turn: Turn, rest: str) -> list[Reply]:
    """`campaign cancel 3 worker left`: allocation 3 taken out of its campaign, with the reason."""
    number, _, reason = rest.partition(" ")
    if not reason.strip():
        raise UserError("Write `/audit campaign cancel <allocation> <reason>`, such as `/audit campaign cancel 3 "
                        "worker left`: the reason is kept in the trail.")
    return service.cancel(services, turn.user_id, _allocation_number(number), reason, turn.now)


def _changed(services: Services, turn: Turn, verb: str, rest: str) -> list[Reply]:
    """`campaign deadline 3 12/2` or `campaign teams 3 north,south` (`deadline=` or `teams=` before it allowed)."""
    number, _, typed = rest.partition(" ")
    typed = re.sub(rf"^\s*{verb}\s*=\s*", "", typed, flags=re.IGNORECASE).strip()
    campaign_id = _campaign_id(number)
    if verb == "deadline":
        return changes.move_deadline(services, campaign_id, typed, turn.user_id, turn.now)
    if not typed:
        raise UserError(f"Give the teams it should cover: `/audit campaign teams {campaign_id} north,south` (ids, "
                        "names or short forms, comma-separated).")
    teams, errors = service.read_teams(services, typed)
    if errors:
        raise UserError(f"{errors[0]} Nothing was changed.")
    return changes.change_teams(services, campaign_id, teams, turn.user_id, turn.now)


def on_change(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, change it* under a change asked in words (bot.campaigns.change_words): `deadline 3 12/2/2027` or
    `teams 3 north,cic`, run as typed."""
    service.require_organiser(services, turn.user_id)
    verb, _, rest = value.partition(" ")
    if verb not in ("deadline", "teams"):
        raise UserError("That change is out of date; nothing was changed. Type `/audit campaign` to list them.")
    return _changed(services, turn, verb, rest)


def _create_typed(services: Services, turn: Turn, text: str) -> list[Reply]:
    """`campaign create …` typed: created, or its mistakes; a deadline on a day off, when it is the only one, asks
    which of the two dates to take, typed next or pressed (bot.campaigns.deadline_offer)."""
    worded = _worded_fields(services, text)
    if worded is not None and set(free_words.KEYS) - set(worded):
        return [Reply(title="New audit campaign", text=(
            f"From what you said: {free_words.template(worded)}. Put a value in place of each `…` and send it; what "
            f"each key takes:\n\n{CREATE_USAGE}"))]
    try:
        spec = service.build_spec(services, worded) if worded is not None else _typed_spec(services, text)
    except DeadlineOff as refused:
        return [deadline_offer.offered(services, turn, worded or read_fields(text), refused)]
    return _created(services, turn, spec)


def _worded_fields(services: Services, text: str) -> dict[str, str] | None:
    """`campaign create neglect north and south by 29th jan 2 per worker [key=value…]`: the fields the words name,
    read as the sentence form reads them (bot.campaigns.free_words), with those typed; None when no words come
    before the first key, or they name nothing (then `read_fields` says what it can't read)."""
    starts = [m for m in KEY_START.finditer(text) if text.count('"', 0, m.start()) % 2 == 0]
    words = text[:starts[0].start()] if starts else text
    if not words.strip():
        return None
    typed = read_fields(text[len(words):])
    for key in ("name", "theme"):  # said back in the filled-in command: screened first, as creating screens them
        if typed.get(key):
            screen_text(typed[key], services.identifier_screen, f"that {key}", mode="full")  # as creating does
    fields = free_words.create_words(services, words, typed)
    return fields if set(fields) - set(typed) else None


def on_deadline(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Use Friday 29/1* / *Keep Sunday 31/1*, or either date typed next: the campaign as typed, with that deadline."""
    service.require_organiser(services, turn.user_id)
    return _created(services, turn, service.build_spec(services, deadline_offer.fields_picked(services, turn, value)))


def _created(services: Services, turn: Turn, spec: CampaignSpec) -> list[Reply]:
    campaign_id, dms = service.create(services, turn.user_id, spec, turn.now)
    created = service.created_line(services, spec, campaign_id, len(dms))
    return [Reply(text=f"{created} by DM. `/audit campaign {campaign_id}` shows progress."
                       + service.created_note(services, spec)), *dms]


def _allocation_number(text: str) -> int:
    number = buttons.typed_id(text.lstrip("#"))
    if number is None:
        raise UserError("That is not an allocation number; `/audit campaign allocations N` lists campaign N's "
                        "allocations by number.")
    return number


def command(services: Services, turn: Turn, args: str) -> list[Reply]:
    """`/audit campaign …` (see the module's docstring)."""
    verb, _, rest = args.strip().partition(" ")
    verb = verb.lower()
    if not verb:
        return [list_reply(services, turn.person)]
    if verb in ORGANISER_VERBS:
        return _organiser_command(services, turn, verb, rest.strip())
    if verb == "mine":
        return mine(services, turn, _campaign_id(rest))
    if verb == "new":
        return new_form(services, turn, rest)
    if verb == "report":
        return report(services, turn, _campaign_id(rest))
    if verb == "show":  # `campaign show 3` is `campaign 3`
        return progress(services, turn, _campaign_id(rest))
    number, _, after = args.strip().partition(" ")
    if after.strip().lower() == "report":
        return report(services, turn, _campaign_id(number))
    return progress(services, turn, _campaign_id(args))


def report(services: Services, turn: Turn, campaign_id: int) -> list[Reply]:
    """`/audit campaign 3 report`: the report posted at close (trial 23: it was on the command line only), open or
    closed, with its chart, for those who may read the whole of it (bot.core.policy.may_read_campaign_report)."""
    campaign = store.get_campaign(services.storage, campaign_id)
    if campaign is None or not visible(services, turn.person, campaign):
        raise UserError(f"There is no campaign {campaign_id} you can see. Type `/audit campaign` to list them.")
    if not policy.may_read_campaign_report(turn.person):
        raise AccessDenied(f"The whole campaign report is for QA leads and admins; `/audit campaign {campaign_id}` "
                           "gives your teams' progress.")
    built = service.report(services, campaign, services.local_now().date())
    return [render.report_reply(built, chart=render.report_chart(built) if built.progress.submitted else None)]


def new_form(services: Services, turn: Turn, _value: str) -> list[Reply]:
    """The campaign form: in Slack a modal, elsewhere (the terminal chat) how to type the command."""
    service.require_organiser(services, turn.user_id)
    if turn.surface == "terminal":  # no forms here: how to type it, as `campaign create` alone says
        return [Reply(title="New audit campaign", text=CREATE_USAGE)]
    return [Reply(title="New audit campaign", kind="question", form=FORM, text=CREATE_USAGE)]


def form_spec(services: Services, value: str) -> CampaignSpec | None:
    """The campaign a submitted form asks for, checked as typed ones are (a FieldError names the field to fix;
    a pasted case list is read by the CLI's own case-file parser); None when the form is out of date."""
    payload = json.loads(value) if len(value) <= MAX_FORM_PAYLOAD else None
    form = payload.get("form") if isinstance(payload, dict) else None
    if not isinstance(form, dict):
        return None
    fields = {key: str(form.get(key) or "").strip() for key in FORM_KEYS}
    cases = str(form.get(service.CASES_FIELD) or "")
    return service.build_spec(services, {key: text for key, text in fields.items() if text},
                              cases_csv=cases if cases.strip() else None)


def on_create_form(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The form submitted: created, or one error naming its field (`fields=(("field", key),)`) for the modal."""
    try:
        service.require_organiser(services, turn.user_id)
        spec = form_spec(services, value)
        if spec is None:
            raise UserError("That form is out of date. Type `/audit campaign new` to open it again.")
        return _created(services, turn, spec)
    except FieldError as exc:
        return [Reply(text=str(exc), kind="error", fields=(("field", exc.field),))]
    except json.JSONDecodeError:
        return [Reply(text="That form is out of date. Type `/audit campaign new` to open it again.", kind="error")]


def check_create_form(services: Services, turn: Turn, value: str) -> list[Reply]:
    """While Slack waits for the modal's answer: the first mistake, shown beside its field (nothing is stored).

    The same checks as creating (the fields, the case list, then whether the cases can be allocated), so a form
    that passes here is created after Slack has its answer."""
    try:
        service.require_organiser(services, turn.user_id)
        spec = form_spec(services, value)
        if spec is None:
            return []  # the work says the form is out of date, by DM
        service.check_allocation(services, spec, turn.user_id)
    except FieldError as exc:  # every mistake beside its own field (two in one field share it, one a line)
        beside: dict[str, list[str]] = {}
        for field, message in exc.errors:
            beside.setdefault(field, []).append(message)
        return [Reply(text=str(exc), kind="error",
                      form_errors=tuple((f, "\n".join(dict.fromkeys(m))) for f, m in beside.items()))]
    except (UserError, json.JSONDecodeError) as exc:
        return [Reply(text=str(exc), kind="error", form_errors=(("auditors", str(exc)),))]
    return []


def on_start(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The Start button of an allocated case (the value is the allocation id)."""
    allocation = store.get_allocation(services.storage, buttons.record_id(value, "type `/audit campaign` to see "
                                                                                "your campaigns"))
    if allocation is None:
        raise UserError("That case is no longer part of a campaign. Type `/audit campaign` to see your campaigns.")
    return service.start(services, turn, allocation)


def on_close_confirm(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Close now*, under the question an early close asks."""
    service.require_organiser(services, turn.user_id)
    return service.close_asked(services, buttons.record_id(value), turn.user_id, turn.now, confirmed=True)


def on_close_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Keep it open*: nothing changes."""
    service.require_organiser(services, turn.user_id)
    return [closing.kept_reply(buttons.record_id(value))]


def typed_start(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`start allocation 5` typed: as the case's Start button does, for the auditor it is allocated to; anyone else
    (or a number no allocation has) is told where their own cases are listed. None for other text."""
    typed = START_TYPED.match(text)
    if typed is None:
        return None
    allocation_id = int(typed.group("id"))
    allocation = store.get_allocation(services.storage, allocation_id)
    if allocation is None or allocation.auditor_id != turn.user_id:
        raise UserError(NOT_YOURS.format(id=allocation_id))
    return service.start(services, turn, allocation)


def typed_case(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """Claim typed text only while this person is naming the case of an allocation they pressed Start on."""
    state: dict[str, Any] = audit_store.conversation(services.storage, turn.user_id)
    if state.get("feature") != "campaign" or state.get("awaiting") != "case_reference":
        return None
    if text.strip().lower() in ("cancel", "stop"):
        audit_store.set_conversation(services.storage, turn.user_id, None, turn.now)
        return [Reply(text="OK, nothing started. Press Start again when you are ready.")]
    allocation = store.get_allocation(services.storage, int(state.get("allocation") or 0))
    if allocation is None:
        audit_store.set_conversation(services.storage, turn.user_id, None, turn.now)
        raise UserError("That case is no longer part of a campaign, so nothing was started.")
    return service.case_typed(services, turn, allocation, text)


def home_section(services: Services, person: Person) -> list[Reply]:
    """First the cases this person must audit in open campaigns (whatever their role: a peer campaign allocates
    to practitioners), then open campaigns' progress: every team for QA leads and admins, their own teams for
    managers. A user trial found a manager's Home showing their team's allocations but not their own."""
    campaigns = [c for c in store.list_campaigns(services.storage) if c.is_open]
    own = [service.to_audit_reply(services, c, items) for c in campaigns
           if (items := store.allocations(services.storage, c.id, person.user_id))
           and any(not a.submitted for a in items)]
    if person.role not in (Role.QA_LEAD, Role.ADMIN, Role.MANAGER):
        return own[:HOME_SHOWN]
    teams = None if policy.sees_every_team(person) else services.directory.managed_team_ids(person.user_id)
    shown = [c for c in campaigns if policy.may_see_campaign(services.directory, person, c.teams)]
    closer = CLOSE_COMMAND if policy.may_run_campaigns(person) else None
    progress = [render.progress_reply(service.progress(services, c), teams, services.local_now().date(), closer,
                                      _members(services, teams)) for c in shown[:HOME_SHOWN]]
    # under a heading of its own (trial 50: it sat under "Re-audits due", after that section's buttons)
    return own[:HOME_SHOWN] + [replace(reply, title=PROGRESS_TITLE if at == 0 else None)
                               for at, reply in enumerate(progress)]


def _members(services: Services, team_ids: list[str] | None) -> frozenset[str]:
    """The people of a manager's teams, whose progress as auditors the manager sees (None: every team's reader)."""
    teams = services.directory.teams
    return frozenset(m for t in team_ids or () if t in teams for m in teams[t].member_ids)


def can_wait(replies: list[Reply]) -> list[Reply]:
    """A campaign's DMs to others wait for their working hours, a manager's too (bot.audits.held_dms): nothing in
    them is urgent (trial 51 F17: at 3am a QA lead's `campaign create` DM'd a manager at once, while every DM to a
    worker that night was held until 08:00)."""
    return [replace(reply, waits_for_working_hours=True) if reply.to_user else reply for reply in replies]


def install(engine: Engine, services: Services) -> None:
    """Register `/audit campaign`, its buttons, the typed case reference and the Home section."""

    def bind(handler: Callable[[Services, Turn, str], list[Reply]]) -> Callable[[Turn, str], list[Reply]]:
        return lambda turn, value: can_wait(handler(services, turn, value))

    engine.add_command("campaign", bind(command), "audit campaigns: themed rounds across teams", usage=USAGE,
                       usage_by_role=dict.fromkeys((Role.PRACTITIONER, Role.MANAGER), AUDITOR_USAGE), typed=TYPED,
                       details=HELP_DETAILS)
    engine.add_action("campaign.start", bind(on_start))
    engine.add_action("campaign.new_form", bind(new_form))
    confirmations.add_answers(engine, services, ("campaign.close_confirm", bind(on_close_confirm)),
                              ("campaign.close_keep", bind(on_close_keep)))
    confirmations.add_answers(engine, services, (deadline_offer.ACTION, bind(on_deadline)))
    confirmations.add_answers(engine, services, (change_words.ACTION, bind(on_change)),
                              (change_words.KEEP, bind(lambda _s, _turn, value: change_words.kept(
                                  buttons.record_id(value)))))
    engine.add_form(FORM_ACTION, bind(on_create_form), bind(check_create_form))
    engine.add_action("campaign.mine", bind(lambda s, turn, value: mine(s, turn, buttons.record_id(value))))
    engine.add_message_handler(lambda turn, text: typed_start(services, turn, text), priority=18)
    open_listed.install(engine, services)  # `open 2` under the cases or audits just shown (trial 43)
    engine.add_message_handler(lambda turn, text: typed_case(services, turn, text), priority=19)
    asked.install(engine, services)  # "show me the report for the voice campaign"
    engine.add_home_section("campaigns", lambda person: home_section(services, person), priority=24)



