"""A typed `campaign create` whose only mistake is a deadline on a weekend or bank holiday: the two dates the refusal
names are offered as buttons and as replies typed next (`29/1`, or `31/1 anyway`), and either creates the campaign
as typed with that deadline. Trial 26's head of service was told "give 29/1 … or 31/1 anyway", typed `29/1` and got
"There's no question waiting", so had to type the whole command again.

The typed fields wait on the person's conversation row (never in a button's value, which carries ids only) until
the bot next waits for something else from them; they passed every check but the deadline's, the identifier screen
included, before they are kept."""

from __future__ import annotations

from typing import Any

from bot.campaigns.model import DeadlineOff
from bot.core.markup import bold
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as audit_store
from knowledge import dates

ACTION = "campaign.deadline"  # value "instead" or "keep"
KEY = "campaign_deadline"  # beside the conversation: {"fields": {...}, "instead": ISO date, "keep": "ISO anyway"}
OUT_OF_DATE = ("That choice of deadline is out of date, so nothing was created: type the `campaign create` command "
               "again.")


def offered(services: Services, turn: Turn, fields: dict[str, str], refused: DeadlineOff) -> Reply:
    """The refusal, asking which of its two dates to take, with both kept for the buttons and the typed replies."""
    off = refused.off
    instead, kept = f"{off.instead.day}/{off.instead.month}", f"{off.day.day}/{off.day.month}"
    audit_store.keep_aside(services.storage, turn.user_id, KEY, {
        "fields": fields, "instead": off.instead.isoformat(), "keep": f"{off.day.isoformat()} {dates.KEEP_WORD}"},
        turn.now)
    use, keep = f"Use {off.instead:%A} {instead}", f"Keep {off.day:%A} {kept}"
    reply = Reply(kind="question", text=(
        f"The deadline, {dates.long_date(off.day)}, is {off.what}, so nothing is created yet. Type `{instead}` for "
        f"{off.instead_said}, or `{kept} {dates.KEEP_WORD}` to keep it (or press {bold(use)} or {bold(keep)}); "
        "the campaign is then created as you typed it."),
        choices=(Choice(use, ACTION, "instead"), Choice(keep, ACTION, "keep")))
    year = off.instead.year
    return confirmations.offer(
        services, turn, reply, (instead, f"{instead}/{year}", f"{instead} {dates.KEEP_WORD}", use),
        (f"{kept} {dates.KEEP_WORD}", kept, f"{kept}/{off.day.year}", f"{kept}/{off.day.year} {dates.KEEP_WORD}",
         keep))


def fields_picked(services: Services, turn: Turn, value: str) -> dict[str, str]:
    """The fields typed, with the deadline picked (`instead` or `keep`); the question answered, so it is dropped.
    A UserError when it is no longer waiting (another command was typed since, or it was answered already)."""
    waiting: Any = audit_store.conversation(services.storage, turn.user_id).get(KEY)
    if not isinstance(waiting, dict) or value not in ("instead", "keep"):
        raise UserError(OUT_OF_DATE)
    audit_store.keep_aside(services.storage, turn.user_id, KEY, None, turn.now)
    return {**waiting["fields"], "deadline": str(waiting[value])}
