"""fix41e: `open 2` typed under an auditor's campaign cases (`/audit campaign mine 1`, whose buttons the terminal
numbers) was asked "Did you mean show 2?". Now it presses the list's second button: the case's audit is started, or
resumed once started, the same in Slack (a DM after the slash command) as in the terminal chat."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
QA, NORTH_MANAGER = "U0QALEAD1", "U0MGRN001"
CREATE = ('campaign create name="Voice December" theme=voice checklist=neglect teams=north-assessment,south-cin-cp '
          "start={start} deadline=2026-12-18 per-worker=1 auditors=managers moderate=0")


def campaign(engine: Engine, services: Services, start: str = "2026-12-07") -> tuple[int, list[int]]:
    """The campaign's number, and North's manager's allocations in the order their list shows them."""
    [created, *_] = engine.command(QA, CREATE.format(start=start), surface="terminal")
    assert created.kind != "error", created.text
    campaign_id = int(re.search(r"Campaign (\d+)", created.text).group(1))
    return campaign_id, [a.id for a in campaign_store.allocations(services.storage, campaign_id, NORTH_MANAGER)]


def test_open_2_in_the_terminal_starts_the_second_listed_case(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        number, allocations = campaign(engine, services)
        _, out = drive(engine, [f"campaign mine {number}", "open 2", "CR-123456"], user=NORTH_MANAGER)
    said = flat(out)
    assert "Did you mean" not in said
    assert "Voice December: which case of Social worker N2 are you auditing?" in said
    audit_id = campaign_store.get_allocation(services.storage, allocations[1]).audit_id
    assert audit_id is not None and store.get_audit(services.storage, audit_id).case_ref == "CR-123456"
    assert campaign_store.get_allocation(services.storage, allocations[0]).audit_id is None


def test_open_2_in_slack_resumes_the_second_case_once_started(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        number, allocations = campaign(engine, services)
        engine.action(NORTH_MANAGER, "campaign.start", str(allocations[1]))
        engine.message(NORTH_MANAGER, "CR-123456")
        engine.message(NORTH_MANAGER, "pause")
        engine.command(NORTH_MANAGER, f"campaign mine {number}")  # the slash command, its buttons unnumbered
        replies = engine.message(NORTH_MANAGER, "open #2")
    audit_id = campaign_store.get_allocation(services.storage, allocations[1]).audit_id
    assert f"Carrying on with audit #{audit_id} (CR-123456, Neglect) where you stopped." in flat(
        "\n".join(r.text for r in replies))


@pytest.mark.parametrize(("typed", "told"), [
    ("open 3", "There is no case 3 in the list: it has 2 with a button, so type `open 1` to `open 2`"),
    ("open 0", "There is no case 0 in the list"),
])
def test_a_number_past_the_list_says_which_numbers_there_are(engine: Engine, services: Services, typed: str,
                                                             told: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        number, allocations = campaign(engine, services)
        engine.command(NORTH_MANAGER, f"campaign mine {number}")
        [refused] = engine.message(NORTH_MANAGER, typed)
    assert refused.kind == "error" and refused.text.startswith(told)
    assert all(campaign_store.get_allocation(services.storage, a).audit_id is None for a in allocations)


def test_before_the_campaign_opens_open_2_says_when_it_does(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 4, 10, 0, tzinfo=UTC), tick=False):
        number, _ = campaign(engine, services)
        engine.command(NORTH_MANAGER, f"campaign mine {number}")
        [refused] = engine.message(NORTH_MANAGER, "open 2")
    assert refused.kind == "error"
    assert refused.text.startswith(f"Campaign {number} opens on Monday 7 December 2026; its audits can be started "
                                   "from then. Nothing was opened;")


def test_open_n_with_no_list_shown_since_opens_nothing_and_says_what_to_type(engine: Engine,
                                                                             services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, allocations = campaign(engine, services)
        engine.message(NORTH_MANAGER, "how often should a child in need be visited")  # words shown since the DM
        [told] = engine.message(NORTH_MANAGER, "open 2")
    assert told.kind == "error" and flat(told.text).startswith(
        "There is no list of cases or audits just shown, so `open 2` opens nothing. To open audit #2, type `show 2`")
    assert campaign_store.get_allocation(services.storage, allocations[1]).audit_id is None
