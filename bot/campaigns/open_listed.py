"""`open 2` typed under a list of cases or audits just shown: the list's second option pressed.

fix41e: `/audit campaign mine 1` lists the cases with buttons, which the terminal chat numbers (1, 2, …), so an
auditor typed `open 2` and was asked "Did you mean show 2?"; that list alone learned to take it. Trial 43: the
campaign's first DM, the reminders and Home in the terminal list cases too, and `open 2` there was still "Did you
mean show 2?" (audit #2, nobody's case in that list). Now the options of whatever the bot just showed a person are
kept, numbered as the terminal numbers them (bot.core.replies.numbered_choices: Home's *Start allocation 8* is its
option 9 when it is shown ninth), the same in Slack: after the replies to what they typed or pressed (a turn watch),
a DM sent to them by someone else's turn (a campaign's first DM, a case reassigned), and a scheduled message
(`remember_delivered`). `open 9` presses option 9 when it opens a case or an audit (*Start allocation 8*, *Resume
#12*, *View #129*, *Moderate #45*, *Start re-audit CR-…*); another option (*Done: action 150*, *Full digest*) is
never pressed by `open`: the reply names the numbers that open something. `open 129` under a list showing *View
#129* opens that audit. Where no such list was just shown, `open 2` gets one message saying what to type.
The moderation queue keeps its own reading (`open 45` is audit 45's moderation: bot.audits.open_listed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.audits import open_listed as audits_open_listed
from bot.audits.reaudits import START as REAUDIT_START
from bot.campaigns.model import not_open_yet
from bot.core.buttons import TYPED_DIGITS
from bot.core.replies import Choice, Reply, numbered_choices
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from bot.storage import shown_options

COMMAND = "campaign mine"
OPEN_WORDS = re.compile(rf"^\s*open\s+(?:(?:the\s+)?case\s+)?(?:no\.?\s*|number\s+)?#?(?P<n>\d{{1,{TYPED_DIGITS}}})"
                        r"\s*[.!]?\s*$", re.IGNORECASE)
CAMPAIGN_START = "campaign.start"
AUDIT_OPENS = frozenset({"audit.resume", "audit.view", "audit.moderate_open"})  # their value is the audit's number
OPENS = AUDIT_OPENS | {CAMPAIGN_START, REAUDIT_START}  # the buttons that open a case or an audit
PRIORITY = 18  # before an audit's typed step (20): a list with cases was the last thing shown
UNSHOWN_PRIORITY = 86  # after everything else that reads `open N`, before the near-miss "Did you mean show 2?" (87)


def remember(services: Services, turn: Turn, campaign_id: int, reply: Reply) -> None:
    """Keep which campaign `/audit campaign mine` listed, so `open 2` under a list with no Start button yet (a
    campaign not open until its start date) says when it opens."""
    allocations = [int(choice.value) for choice in reply.choices if choice.action == CAMPAIGN_START]
    audit_store.remember_listing(services.storage, turn.user_id,
                                 {"command": COMMAND, "campaign": campaign_id, "allocations": allocations}, turn.now)


def _kept(options: list[Choice]) -> list[list[str]] | None:
    """The options to keep for `open N`: all of them, numbered, when any opens a case or an audit; else None."""
    if not any(option.action in OPENS for option in options):
        return None
    return [[option.label, option.action, option.value] for option in options]


def remember_delivered(services: Services, user_id: str, replies: list[Reply] | tuple[Reply, ...]) -> None:
    """Messages with options delivered to `user_id` without their asking (a scheduled reminder, someone else's turn):
    their options are now the ones just shown to them. Nothing changes for messages without options."""
    if services.directory.person(user_id) is None:
        return  # a channel, or someone not set up
    shown = numbered_choices([replace(reply, to_user=None, to_channel=None) for reply in replies])
    if shown:
        shown_options.remember(services.storage, user_id, _kept(shown), services.clock())


def watch(services: Services, turn: Turn, _typed: str | None) -> Callable[[list[Reply]], list[Reply]]:
    """After every command, typed message and button press: the options shown to the one who spoke are kept (or
    forgotten, when the turn showed words without options, or options that open nothing); a refusal alone leaves them,
    so `open 5` refused under a list of 3 leaves `open 2` working. The DMs the turn sent others are theirs."""

    def afterwards(replies: list[Reply]) -> list[Reply]:
        mine = [reply for reply in replies if reply.is_for_requester]
        shown = numbered_choices(replies)
        if shown or (mine and any(reply.kind != "error" for reply in mine)):
            shown_options.remember(services.storage, turn.user_id, _kept(shown), turn.now)
        for user_id in dict.fromkeys(reply.to_user for reply in replies if reply.to_user):
            if user_id != turn.user_id:
                remember_delivered(services, user_id, [reply for reply in replies if reply.to_user == user_id])
        return []

    return afterwards


def typed_open(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`open N` under a list of cases or audits just shown: its option N pressed; None when no such list was the last
    thing shown (the line goes on: an audit's typed answer, the moderation queue's `open 45`, then `not_shown`)."""
    said = OPEN_WORDS.match(text or "")
    if said is None or _moderation_queue(services, turn):
        return None
    shown = [Choice(label, action, value) for label, action, value in shown_options.last(services.storage,
                                                                                         turn.user_id)]
    if not any(option.action in OPENS for option in shown):
        return None
    n = int(said.group("n"))
    in_list = 1 <= n <= len(shown)
    picked = shown[n - 1] if in_list else next(  # `open 129` under *View #129*
        (option for option in shown if option.action in AUDIT_OPENS and option.value == str(n)), None)
    if picked is None:
        raise UserError(_past_the_list(shown, n))
    if picked.action not in OPENS:
        raise UserError(f"Number {n} in the list just shown is **{picked.label}**, not a case or an audit, so nothing "
                        f"was opened. {_which(shown)}")
    return engine.run_action(turn, picked.action, picked.value)


def _moderation_queue(services: Services, turn: Turn) -> bool:
    """Whether the moderation queue was the last list shown: its `open 45` is audit 45 (bot.audits.open_listed)."""
    return audits_open_listed.queue_shown(services, turn.user_id)


def _which(shown: list[Choice]) -> str:
    """The numbers that open something in the list just shown, and how to type one."""
    numbers = [n for n, option in enumerate(shown, start=1) if option.action in OPENS]
    runs: list[list[int]] = []
    for n in numbers:  # 4, 6, 7, 8 … 15 said as "4 and 6 to 15"
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]} and {run[1]}" if len(run) == 2 else f"{run[0]} to {run[-1]}"
             for run in runs]
    said = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    which = "The one that opens a case or an audit is" if len(numbers) == 1 else \
        "The ones that open a case or an audit are"
    return f"{which} {said}: type `open {numbers[0]}`, say."


def _past_the_list(shown: list[Choice], n: int) -> str:
    """A number past the list: which numbers there are (a campaign's cases in the words they had, fix41e)."""
    if all(option.action == CAMPAIGN_START for option in shown):
        choices = "`open 1`" if len(shown) == 1 else f"`open 1` to `open {len(shown)}`"
        return (f"There is no case {n} in the list: it has {len(shown)} with a button, so type {choices} (the "
                "button's place in the list), or `start allocation` and the allocation's number. Nothing was opened.")
    return f"There is no number {n} in the list just shown, so nothing was opened. {_which(shown)}"


def not_shown(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`open N` with no list of cases or audits just shown (nothing else took it): one message saying what to type,
    never "Did you mean show 2?", which would open audit #2, a case nobody listed (trial 43)."""
    said = OPEN_WORDS.match(text or "")
    if said is None or _moderation_queue(services, turn):
        return None
    n = int(said.group("n"))
    listing = audit_store.last_listing(services.storage, turn.user_id)
    if listing is not None and listing.get("command") == COMMAND and not listing.get("allocations"):  # no Start yet
        campaign_id = listing.get("campaign")
        campaign = store.get_campaign(services.storage, campaign_id) if isinstance(campaign_id, int) else None
        waiting = not_open_yet(campaign, services.local_now().date()) if campaign and campaign.is_open else None
        raise UserError(f"{waiting or 'None of the cases listed has a Start button.'} Nothing was opened; type "
                        f"`/audit campaign mine {campaign_id}` to see your cases again.")
    raise UserError(f"There is no list of cases or audits just shown, so `open {n}` opens nothing. To open audit "
                    f"#{n}, type `show {n}`; to open a case from a list, show the list first (`home`, `/audit campaign "
                    "mine <campaign number>` or `/audit list`), then type `open` and its number there, like `open 1`.")


def install(engine: Engine, services: Services) -> None:
    """Keep the options each turn shows, and read `open N` against them."""
    engine.add_turn_watch(lambda turn, typed: watch(services, turn, typed))
    engine.add_message_handler(lambda turn, text: typed_open(engine, services, turn, text), priority=PRIORITY)
    engine.add_message_handler(lambda turn, text: not_shown(services, turn, text), priority=UNSHOWN_PRIORITY)
