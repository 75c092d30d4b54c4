"""`re-audit CR-632084` typed: the case's re-audit started, on the checklist of the audit that asks for it, so
`/audit compare` then compares like with like. Trial 26's head of service typed `re-audit cr632084` and got the
knowledge base's article on re-audits; the case reference alone did not say its re-audit was overdue (that came only
after a checklist was picked: `reaudits.due_said` now says it beside the reference too).

The reference is read in any spelling a case reference is typed in (`cr632084`, `CR 632084`, `CR-632084`). A case
with no re-audit due is offered an ordinary audit; a re-audit that is not this person's to do says whose it is."""

from __future__ import annotations

import re

from bot.audits import own_case, reaudit_early, reaudit_near
from bot.audits import start as audits_start
from bot.audits.core import Ctx, checklists, not_in_channel
from bot.audits.reaudits import START
from bot.core import policy
from bot.core.reaudits import due_for_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.privacy.screen import typed_case_reference
from bot.storage import audits as store
from knowledge.dates import long_date

# "re-audit cr632084", "reaudit CR 632084", "start the re-audit of CR-632084", "do a re-audit on case cr632084"
TYPED = re.compile(r"^\s*(?:(?:start|begin|do|open)\s+(?:(?:a|the|my)\s+)?)?re-?\s?audit\s+(?:(?:of|for|on)\s+)?"
                   r"(?:(?:the\s+)?case\s+)?(?P<ref>[A-Za-z]{1,6}[\s-]?\d[\d\s-]{2,14})\s*[.!]?\s*$", re.IGNORECASE)
KNOWN_DAYS = 36500  # a case audited here at any time is a reference typed as meant
PRIORITY = 28  # after an audit or a moderation waiting for typed text (a note is that note), before the knowledge base


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`re-audit <case reference>`: the re-audit started (see the module); None for other text."""
    asked = TYPED.match(text)
    reference = typed_case_reference(asked.group("ref"), services.settings.case_reference_pattern) if asked else None
    if reference is None:
        return None
    return started(services, turn, reference)


def started(services: Services, turn: Turn, reference: str, early_ok: bool = False) -> list[Reply]:
    """The re-audit of a case (a reference as the bot writes it) started, typed or pressed (*Start re-audit* under
    `/audit reaudits` and on Home, trial 41: only *View* was there, and `re-audit CR-…` had to be guessed). One not
    yet due soon is asked about first (bot.audits.reaudit_early), unless `early_ok` (its Yes)."""
    if (refusal := not_in_channel(turn)) is not None:
        return refusal
    item = due_for_case(services.storage, services.settings.reaudit, services.settings.timezone, reference)
    if item is None:
        return _none_due(services, turn, reference)
    if (own := own_case.refusal(services, turn.person, reference)) is not None:
        return [Reply(kind="error", text=f"{own} So I haven't started its re-audit.")]
    if not policy.may_reaudit(services.directory, turn.person, item.audit):
        return [Reply(kind="error", text=f"The re-audit of {reference} is not yours to start: it is for whoever may "
                                         "audit the case by hand (its team's managers, a colleague in its team as a "
                                         "peer audit, a QA lead or an admin), never its worker.")]
    drafts = [d for d in store.drafts_of(services.storage, turn.user_id) if d.case_ref == reference]
    if drafts:
        return [Reply(text=f"Your audit #{drafts[0].id} of {reference} is its re-audit, under way: pick it to carry "
                           "on.",
                      choices=(Choice(f"Resume #{drafts[0].id}", "audit.resume", str(drafts[0].id)),))]
    if not early_ok and reaudit_early.is_early(item, turn.now.astimezone(services.settings.timezone).date()):
        return reaudit_early.asked(services, turn, item)
    checklist = checklists(services).get(item.audit.checklist_id)
    reply = audits_start.start_case(services, turn, reference)
    if checklist is None:  # its checklist is gone: pick another, for this case
        return reply
    said = Reply(kind="notice", text=f"Starting the re-audit of {reference} against **{checklist.title}**, the "
                                     f"checklist of audit #{item.audit.id}, so `/audit compare` compares like with "
                                     "like (`change checklist` picks another).")
    return [said, *audits_start.start(services, turn, checklist.id)]


def _none_due(services: Services, turn: Turn, reference: str) -> list[Reply]:
    """No re-audit due for `reference`: an ordinary audit offered. When one case a digit away has its re-audit due
    (bot.audits.reaudit_near; a typed `yes` answers it), a reference audited here before, so typed as meant, is
    answered first and the suggestion follows; one never audited here is likelier a slip, so "Did you mean …?" comes
    first, as option 1, and the line after it speaks of the reference as typed (trial 51, F20: "CR-37320 has no
    re-audit due… To audit it anyway" came first, option 2 above option 1, and read as contradicting the suggestion)."""
    near = reaudit_near.did_you_mean(services, turn, reference)
    known = bool(store.recent_audits_of_case(services.storage, reference, turn.now, days=KNOWN_DAYS))
    if near is None or known:
        none = Reply(text=f"**{reference}** has no re-audit due: its latest submitted audit's grade asks for none, or "
                          "it has none here. To audit it anyway, press **Start an audit** and choose the checklist.",
                     choices=(Choice("Start an audit", "audit.start_case", reference),))
        return [none] if near is None else [none, near]
    typed_as = Reply(text=f"If you did mean **{reference}** as typed: it has no re-audit due. To audit it anyway, "
                          f"press **Start an audit of {reference}** and choose the checklist.",
                     choices=(Choice(f"Start an audit of {reference}", "audit.start_case", reference),))
    return [near, typed_as]


def at_the_worker(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`re-audit CR-373208` typed where audit #N waits for its worker (trial 30: "I don't know that person"): when the
    re-audit is due and theirs, the draft, which holds nothing yet, is not kept and the re-audit starts as `typed`
    starts it; otherwise what `typed` says, and that the draft still waits. None for other text."""
    asked = TYPED.match(text)
    reference = typed_case_reference(asked.group("ref"), services.settings.case_reference_pattern) if asked else None
    if reference is None:
        return None
    audit = ctx.audit
    item = due_for_case(services.storage, services.settings.reaudit, services.settings.timezone, reference)
    if item is None or not policy.may_reaudit(services.directory, turn.person, item.audit):
        waits = Reply(kind="notice", text=f"Audit #{audit.id} of {audit.case_ref} still waits for its worker: pick "
                                          "one to carry on, or type `cancel` to cancel it.")
        return [*(typed(services, turn, text) or []), waits]
    if not store.discard_unstarted(services.storage, audit.id, turn.user_id, "re-audit typed instead", turn.now):
        raise UserError(f"Audit #{audit.id} of {audit.case_ref} is waiting for its worker, so I haven't started the "
                        f"re-audit of {reference}. Pick the worker to carry on, or type `cancel` to cancel audit "
                        f"#{audit.id} and then `re-audit {reference}`.")
    left = Reply(kind="notice", text=f"Audit #{audit.id} of {audit.case_ref} held nothing yet, so I haven't kept it.")
    return [left, *(typed(services, turn, text) or [])]


def install(engine: Engine, services: Services) -> None:
    """Register the typed `re-audit <case reference>` and the *Start re-audit* button (its value the reference)."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
    engine.add_action(START, lambda turn, value: _pressed(services, turn, value))
    confirmations.add_answers(engine, services,
                              (reaudit_early.GO_ON, lambda turn, value: _pressed(services, turn, value, True)),
                              (reaudit_early.WAIT, lambda turn, value: _waiting(services, value)))


def _waiting(services: Services, value: str) -> list[Reply]:
    """*Not yet* at an early re-audit: nothing started, and how to start it when due. A press whose case has no
    re-audit due any more (done since, or an old button) still gets a word, never silence."""
    item = due_for_case(services.storage, services.settings.reaudit, services.settings.timezone, value)
    if item is None:
        return [Reply(kind="notice", text="Not started: nothing was begun. `/audit reaudits` lists the re-audits "
                                          "due.")]
    return reaudit_early.not_yet(value, long_date(item.due))


def _pressed(services: Services, turn: Turn, value: str, early_ok: bool = False) -> list[Reply]:
    """*Start re-audit*: its reference read as a typed one is (a button can be copied), then started."""
    reference = typed_case_reference(value, services.settings.case_reference_pattern)
    if reference is None:
        raise UserError("That button is out of date: type `/audit reaudits` for the re-audits due.")
    return started(services, turn, reference, early_ok)
