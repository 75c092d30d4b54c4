"""Counts in what people read are worded as people write them, "1 case", "2 auditors", never "case(s)" (trial 11,
F21: "2 auditor(s) have their cases by DM", "you audit 4 case(s)", "6 allocation(s)", "1 change(s)"). A campaign of
one team with one worker gives the singulars; the shipped campaign of three teams the plurals."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.rules import ActionItem, ReminderInputs, due_reminders
from bot.storage import campaigns as store
from tests.integration.test_campaigns import QA, create

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)  # the shipped campaign runs 1 to 11 December


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(WEDNESDAY, tick=False) as traveller:
        yield traveller


def _no_brackets(*texts: str) -> None:
    for text in texts:
        assert "(s)" not in text, text


def test_a_campaign_of_one_case_says_one_auditor_one_case_one_allocation(engine: Engine, services: Services) -> None:
    replies = engine.command(QA, 'campaign create name="Voice one" theme=voice checklist=voice teams=south '
                                 "start=today deadline=23/12 per-worker=1 auditors=managers moderate=20",
                             surface="terminal")
    created, dm = replies[0], next(r for r in replies if r.to_user == "U0MGRS001")
    assert "1 auditor has their cases by DM" in created.text, created.text
    assert "you audit 1 case against" in dm.text, dm.text
    [listed] = engine.command(QA, "campaign allocations 1", surface="terminal")
    assert "Voice one**: 1 allocation. Those still to do" in listed.text, listed.text
    closed = engine.command(QA, "campaign close 1 confirm", surface="terminal")
    assert "1 auditor with cases not done was told they need no audit." in closed[0].text, closed[0].text
    _no_brackets(created.text, dm.text, listed.text, closed[0].text)


def test_the_shipped_campaign_says_auditors_cases_and_allocations(engine: Engine, services: Services) -> None:
    campaign_id = create(engine)
    [listed] = engine.command(QA, f"campaign allocations {campaign_id}", surface="terminal")
    count = len(store.allocations(services.storage, campaign_id))
    assert f"{count} allocations. Those still to do" in listed.text
    [mine] = engine.command("U0MGRN001", f"campaign mine {campaign_id}", surface="terminal")
    assert "you audit 2 cases against" in mine.text, mine.text
    closed = engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    assert "3 auditors with cases not done were told" in closed[0].text, closed[0].text
    _no_brackets(listed.text, mine.text, closed[0].text)


@pytest.mark.parametrize(("overdue", "said"), [
    (1, "1 action in your team is overdue. Its owner gets the last daily reminder of it on Mon 23 Nov: from the day "
        "an overdue action first goes on this weekly list, it is chased through you, not its owner:"),
    (2, "2 actions in your team are overdue. Their owners get the last daily reminder of them on Mon 23 Nov: from "
        "the day an overdue action first goes on this weekly list, it is chased through you, not its owner:")])
def test_the_managers_overdue_list_counts_one_action_or_several(overdue: int, said: str) -> None:
    inputs = ReminderInputs(actions=tuple(ActionItem(9 + n, "U0PRAN001", "Overdue", date(2026, 11, 20), False,
                                                     ("U0MGRN001",)) for n in range(overdue)))
    [listed] = [r.text for r in due_reminders(inputs, date(2026, 11, 23)) if r.key == "overdue-list"]
    assert listed.startswith(said), listed


@pytest.mark.parametrize(("escalated", "said"), [
    ((True, True), "2 actions in your team are overdue. They were on an earlier weekly list, so their owners are no "
                   "longer reminded of them: they are chased through you:"),
    ((False, True), "2 actions in your team are overdue. 1 is new to this list, and its owner gets the last daily "
                    "reminder on Mon 23 Nov; the other 1 was on an earlier list: from the day an overdue action first "
                    "goes on this weekly list, it is chased through you, not its owner:")])
def test_the_overdue_list_says_whose_reminders_actions_already_listed_are(escalated: tuple[bool, ...],
                                                                         said: str) -> None:
    """Trial 48 (F16): "its owner is not reminded of it after today" beside "Mon 14 Dec" in `my reminders`: which
    day, and why? The list now names the day and the rule, and an action listed an earlier week is said to be so."""
    inputs = ReminderInputs(actions=tuple(ActionItem(9 + n, "U0PRAN001", "Overdue", date(2026, 11, 20), gone,
                                                     ("U0MGRN001",)) for n, gone in enumerate(escalated)))
    [listed] = [r.text for r in due_reminders(inputs, date(2026, 11, 23)) if r.key == "overdue-list"]
    assert listed.startswith(said), listed
