"""Closing a campaign before its deadline: ask first, and tell the auditors whose cases were left.

A user trial closed a campaign 16 days early with one typed command: nothing asked, and its auditors still saw
their cases "to do" with a Start button that then said the campaign was closed. Closing early now asks (buttons,
or the same command with `confirm`), and on close each auditor with cases not done is told by DM that those cases
need no audit for this campaign. Pure: the replies are built here, `bot.campaigns.service.close` sends them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.campaigns.model import Allocation, Campaign
from bot.core.calendar import working_days_between
from bot.core.markup import bold
from bot.core.replies import Choice, Reply, count_of
from knowledge.dates import long_date

CONFIRM_WORD = "confirm"


def not_done(allocations: Sequence[Allocation]) -> list[Allocation]:
    """The allocations whose audit is not submitted: never started, or a draft."""
    return [a for a in allocations if not a.submitted]


def needs_confirming(campaign: Campaign, allocations: Sequence[Allocation], today: date) -> bool:
    """Closing asks first only when it cuts the campaign short: before its deadline, with cases not done."""
    return today < campaign.deadline and bool(not_done(allocations))


AFTER_CLOSING = ("No case can be started in it after that, and each auditor with cases left is told they need no "
                 "audit for this campaign.")


def early_close_facts(campaign: Campaign, allocations: Sequence[Allocation], today: date,
                      answered: Mapping[int, int] | None = None) -> str:
    """What closing now cuts short: the days left to the deadline and the cases not done, naming the drafts in
    progress (`answered`: audit id -> answers given; trial 56 was not told one had 5 answers). Said by the chat's
    question and by the command line's (`audit-bot campaign close N` asks, or wants --yes), so both say the same."""
    left = len(not_done(allocations))
    days = (campaign.deadline - today).days
    return (f"Campaign {campaign.id} {bold(campaign.name)} runs to {long_date(campaign.deadline)} ({days} day"
            f"{'' if days == 1 else 's'} away), and {left} of its {len(allocations)} allocated case"
            f"{'' if len(allocations) == 1 else 's'} {'is' if left == 1 else 'are'} not done (not submitted)."
            + in_progress(allocations, answered or {}))


def in_progress(allocations: Sequence[Allocation], answered: Mapping[int, int]) -> str:
    """" 1 of them is in progress: audit #140, 5 answers; its auditor keeps the draft, …", or "" with no draft."""
    drafts = [a.audit_id for a in not_done(allocations) if a.started and a.audit_id is not None]
    if not drafts:
        return ""
    named = "; ".join(f"audit #{d}, {count_of(answered.get(d, 0), 'answer')}" for d in drafts)
    one = len(drafts) == 1
    return (f" {len(drafts)} of them {'is' if one else 'are'} in progress: {named}; "
            f"{'its auditor keeps the draft' if one else 'their auditors keep the drafts'}, as an ordinary audit "
            "outside the campaign.")


def state(campaign: Campaign, today: date | None) -> str:
    """"open", "closed", "not started yet" (with the day it starts), or for an open campaign whose deadline has
    gone, "open, overdue: its deadline passed 6 working days ago". The close at the end of the deadline day runs only
    while the bot does: a trial's campaign, its deadline missed that way, was listed "open" twelve days later with
    nothing said (trial 14, F16)."""
    if not campaign.is_open:
        return "closed"
    if today is not None and today < campaign.starts_on:  # trial 21: listed "open" two days before it started
        return f"not started yet: its cases can be started from {long_date(campaign.starts_on)}"
    if today is None or today <= campaign.deadline:
        return "open"
    days = working_days_between(campaign.deadline, today)
    return "open, overdue: its deadline " + (f"passed {count_of(days, 'working day')} ago" if days else "has passed")


def close_overdue(campaign: Campaign, today: date, command: str) -> str | None:
    """For whoever may close it (a QA lead or admin), how to close an open campaign past its deadline, with what
    that does; None for any other campaign. `command` is how they close one where they read it."""
    if not campaign.is_open or today <= campaign.deadline:
        return None
    return (f"Campaign {campaign.id} {bold(campaign.name)} is past its deadline and still open: close it with "
            f"`{command} {campaign.id}`. Its report then goes to the QA channel, and auditors with cases left are "
            "told they need no audit for it.")


# What `ok` to the question is told: it is no yes to a close that cannot be undone.
NOT_YET = f"To close it now, type `yes` (or press {bold('Close now')}); nothing was closed."


def confirm_reply(campaign: Campaign, allocations: Sequence[Allocation], today: date,
                  answered: Mapping[int, int] | None = None) -> Reply:
    """Close now / Keep it open, saying what closing early leaves undone."""
    return Reply(
        text=(f"{early_close_facts(campaign, allocations, today, answered)} Close it now? {AFTER_CLOSING} Press "
              f"{bold('Close now')}, or type `/audit campaign close {campaign.id} {CONFIRM_WORD}`."),
        kind="question",
        choices=(Choice("Close now", "campaign.close_confirm", str(campaign.id), "danger"),
                 Choice("Keep it open", "campaign.close_keep", str(campaign.id), "primary")))


def kept_reply(campaign_id: int) -> Reply:
    """Keep it open: nothing changed."""
    return Reply(text=f"OK, campaign {campaign_id} stays open; nothing was changed.")


def auditor_notices(campaign: Campaign, allocations: Sequence[Allocation], closed_on: date) -> list[Reply]:
    """One DM per auditor with cases not done: the campaign closed (early, or at its deadline), and what that
    means for those cases. A draft they started stays theirs (`/audit resume`); it just is no longer awaited."""
    left: dict[str, list[Allocation]] = {}
    for allocation in not_done(allocations):
        left.setdefault(allocation.auditor_id, []).append(allocation)
    when = (f"early, on {long_date(closed_on)} (its deadline was {long_date(campaign.deadline)})"
            if closed_on < campaign.deadline else f"at its deadline, {long_date(campaign.deadline)}")
    notices = []
    for auditor, cases in left.items():
        drafts = sum(a.started for a in cases)
        draft_note = (f" You started {drafts} of them: the draft{'' if drafts == 1 else 's'} stay"
                      f"{'s' if drafts == 1 else ''} in `/audit resume`, to finish or cancel as you see fit, as an "
                      "ordinary audit outside the campaign (its report leaves it out)."
                      if drafts else "")
        notices.append(Reply(
            text=(f"Audit campaign {bold(campaign.name)} ({campaign.theme}) closed {when}. Your "
                  f"{len(cases)} remaining case{'' if len(cases) == 1 else 's'} in it need"
                  f"{'s' if len(cases) == 1 else ''} no audit for this campaign.{draft_note}"),
            to_user=auditor, kind="notice"))
    return notices


def closed_heading(campaign: Campaign, items: Sequence[Allocation], closed_on: date | None) -> str:
    """`/audit campaign mine N` of a closed campaign: said first, and no Start buttons follow."""
    closed = f" (closed on {long_date(closed_on)})" if closed_on else ""
    left = not_done(items)
    drafts = sum(a.started for a in left)
    one = len(left) == 1
    said = (f"your {len(left)} case{'' if one else 's'} not done in it need{'s' if one else ''} no audit for this "
            "campaign." if left else "all your cases in it were audited.")
    return (f"{bold(campaign.name)} ({campaign.theme}) is closed{closed}: {said}"
            + (" A draft you started is in `/audit resume`." if drafts else ""))
