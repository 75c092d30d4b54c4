"""Trial 43: `open N` opened the Nth case only after `/audit campaign mine`; after a campaign's first DM, the
reminders or Home it was "Did you mean show 2?" (audit #2, a case nobody listed). Now `open N` presses option N of
whatever was just shown, numbered as the terminal numbers it, when it opens a case or an audit; another option is
never pressed by `open`; and with no such list shown, one message says what to type."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.campaigns.open_listed import OPEN_WORDS
from bot.core.replies import numbered_choices
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as campaign_store
from tests.integration.test_campaign_open_listed import CREATE, NORTH_MANAGER, QA
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def _campaign(engine: Engine, services: Services) -> tuple[int, list[int]]:
    """A campaign created by the QA lead (its first DM sent to each auditor), and North's manager's allocations."""
    [created, *dms] = engine.command(QA, CREATE.format(start="2026-12-07"), surface="dm")
    number = int(re.search(r"Campaign (\d+)", created.text).group(1))
    assert any(reply.to_user == NORTH_MANAGER and reply.choices for reply in dms)
    return number, [a.id for a in campaign_store.allocations(services.storage, number, NORTH_MANAGER)]


def _started(services: Services, allocation: int) -> bool:
    """Whether the allocation's audit was started (its case reference typed after its Start)."""
    return campaign_store.get_allocation(services.storage, allocation).audit_id is not None


def _open(engine: Engine, typed: str) -> list:
    """`open N` typed by North's manager, then a case reference for whatever it asked, as a person would."""
    replies = engine.message(NORTH_MANAGER, typed)
    if any("Type its case reference" in reply.text for reply in replies):
        engine.message(NORTH_MANAGER, "CR-123456")
    return replies


def test_open_2_after_the_campaigns_first_dm_starts_its_second_case(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, allocations = _campaign(engine, services)
        replies = _open(engine, "open 2")
    assert "Voice December: which case of Social worker N2 are you auditing?" in flat(replies[-1].text, "*")
    assert _started(services, allocations[1]) and not _started(services, allocations[0])


def test_open_n_after_home_presses_homes_option_n_when_it_opens_a_case(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, allocations = _campaign(engine, services)
        shown = numbered_choices(engine.message(NORTH_MANAGER, "home"))
        number = next(n for n, c in enumerate(shown, start=1) if c.label == f"Start allocation {allocations[1]}")
        assert number > 2  # Home's own options come first: the number is Home's, not the case's place
        _open(engine, f"open {number}")
    assert _started(services, allocations[1]) and not _started(services, allocations[0])


def test_open_n_never_presses_an_option_that_opens_no_case(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, allocations = _campaign(engine, services)
        shown = numbered_choices(engine.message(NORTH_MANAGER, "home"))
        assert shown[0].label == "Start an audit"
        [refused] = engine.message(NORTH_MANAGER, "open 1")
        [past] = engine.message(NORTH_MANAGER, f"open {len(shown) + 5}")
    starts = [n for n, c in enumerate(shown, start=1) if c.action == "campaign.start"]
    assert refused.kind == "error" and flat(refused.text, "*`").startswith(
        "Number 1 in the list just shown is Start an audit, not a case or an audit, so nothing was opened. The ones "
        "that open a case or an audit are")
    assert f"{starts[0]} and {starts[1]}" in refused.text or f"{starts[0]} to " in refused.text
    assert past.kind == "error" and past.text.startswith(f"There is no number {len(shown) + 5} in the list just shown")
    assert not any(_started(services, a) for a in allocations)
    assert store_has_no_draft(services)


def store_has_no_draft(services: Services) -> bool:
    return services.storage.db.execute("SELECT COUNT(*) FROM audits WHERE status = 'draft'").fetchone()[0] == 0


def test_with_no_list_shown_open_n_says_what_to_type(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [told] = engine.message(NORTH_MANAGER, "open 2")
    assert told.kind == "error" and flat(told.text) == (
        "There is no list of cases or audits just shown, so `open 2` opens nothing. To open audit #2, type `show 2`; "
        "to open a case from a list, show the list first (`home`, `/audit campaign mine <campaign number>` or "
        "`/audit list`), then type `open` and its number there, like `open 1`.")
    assert "Did you mean" not in told.text and store_has_no_draft(services)


def test_a_refused_open_leaves_the_list_and_words_shown_since_retire_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        number, allocations = _campaign(engine, services)
        engine.command(NORTH_MANAGER, f"campaign mine {number}")
        [refused] = engine.message(NORTH_MANAGER, "open 9")
        assert refused.text.startswith("There is no case 9 in the list: it has 2 with a button")
        _open(engine, "open 1")  # the list still stands after the refusal
        assert _started(services, allocations[0])
        engine.message(NORTH_MANAGER, "pause")
        engine.message(NORTH_MANAGER, "what is a core group")  # words shown since: no list now
        [told] = engine.message(NORTH_MANAGER, "open 2")
    assert told.text.startswith("There is no list of cases or audits just shown") and not _started(services,
                                                                                                  allocations[1])


@pytest.mark.parametrize("typed", ["open {n}", "open #{n}", "Open case {n}", "open the case {n}", "open number {n}",
                                   "open no. {n}", "open {n}!"])
def test_the_ways_of_typing_open_n(typed: str) -> None:
    said = OPEN_WORDS.match(typed.format(n=12))
    assert said is not None and said.group("n") == "12"


@given(st.integers(min_value=0, max_value=9999), st.sampled_from(["", " ", "  "]), st.booleans())
def test_open_n_read_whatever_its_spacing_and_case(n: int, space: str, upper: bool) -> None:
    typed = f"{space}{'OPEN' if upper else 'open'} {n}{space}"
    said = OPEN_WORDS.match(typed)
    assert said is not None and int(said.group("n")) == n


@given(st.text(min_size=1, max_size=30).filter(lambda rest: any(ch.isalpha() for ch in rest)))
def test_open_n_with_words_after_it_is_not_open_n(rest: str) -> None:
    """`open 2 actions for south` is something else: only the number (and a full stop or `!`) may follow."""
    assert OPEN_WORDS.match(f"open 2 {rest}") is None or not any(ch.isalpha() for ch in rest.strip(" .!"))
