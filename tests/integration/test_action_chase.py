"""Trial 28 (MEDIUM): there was no way to chase an action. `chase action 9` got knowledge-base suggestions and "can u
remind sw s1 about action 18" only showed the action. Now a manager of the owner, the auditor or an admin nudges the
owner by DM (bot.audits.action_chase), recorded, at most once a day per action; a done action is said to be done."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.action_chase import WORDED
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 11, 0, tzinfo=LONDON)  # a Monday, in working hours
MANAGER = "U0MGRN001"
OWNER = "U0PRAN001"
WORDS = "(_Update the chronology_, audit #1, CR-100200)"  # beside its number (trial 43)


def _chase(engine: Engine, user: str, text: str) -> list:
    return engine.message(user, text, surface="terminal")


@pytest.mark.parametrize("typed", ["chase action {n}", "chase {n}", "nudge action {n}", "/audit chase {n}",
                                   "can u remind sw n1 about action {n}", "remind Social worker N1 about action {n}"])
def test_a_manager_nudges_the_owner_once_a_day(engine: Engine, services: Services, typed: str) -> None:
    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001",
                            text="Update the chronology")
    with time_machine.travel(NOW, tick=False):
        replies = _chase(engine, MANAGER, typed.format(n=action))
    said = flat("\n".join(r.text for r in replies if r.to_user is None))
    [nudge] = [r for r in replies if r.to_user == OWNER]
    assert f"Sent: I've nudged Social worker N1 about action {action} {WORDS} (due 20 Nov 2026, overdue)" in said
    assert nudge.text.startswith(f"Team manager (North) asks about action {action}: _Update the chronology_")
    assert [c.action for c in nudge.choices] == ["actions.done"]
    who, when = action_store.last_chase(services.storage, action)
    assert (who, when) == (MANAGER, NOW)
    with time_machine.travel(NOW + timedelta(hours=5), tick=False):
        again = _chase(engine, MANAGER, f"chase {action}")
    assert [r.to_user for r in again] == [None]
    assert "was chased today already (Team manager (North), 11:00)" in again[0].text
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        tomorrow = _chase(engine, MANAGER, f"chase {action}")
    assert OWNER in [r.to_user for r in tomorrow]


def test_the_auditor_may_chase_and_others_may_not(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 12, 20), auditor="U0MGRS001")
    with time_machine.travel(NOW, tick=False):
        other = flat(_chase(engine, "U0MGRC001", f"chase {action}")[0].text)
        worker = flat(_chase(engine, "U0PRAN002", f"chase {action}")[0].text)
        auditor = _chase(engine, "U0MGRS001", f"chase {action}")
    assert "Only Social worker N1's manager, the auditor who set action" in other
    assert "Only Social worker N1's manager" in worker
    assert OWNER in [r.to_user for r in auditor]
    assert "due Sun 20 Dec 2026)" in auditor[0].text


def test_a_done_action_is_said_to_be_done(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 12, 20))
    with time_machine.travel(NOW, tick=False):
        action_store.complete_action(services.storage, action, OWNER, allowed=False, now=NOW)
        replies = _chase(engine, MANAGER, f"chase action {action}")
    assert [r.to_user for r in replies] == [None]
    assert f"Action {action} {WORDS} is done already (marked done on 7 Dec 2026 by Social worker N1)" in \
        flat(replies[0].text)
    assert action_store.last_chase(services.storage, action) is None


def test_naming_someone_else_sends_nothing(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 12, 20))
    with time_machine.travel(NOW, tick=False):
        replies = _chase(engine, MANAGER, f"remind social worker n2 about action {action}")
    assert [r.to_user for r in replies] == [None]
    assert "is Social worker N1's, not Social worker N2's" in flat(replies[0].text)


@settings(max_examples=200, deadline=None)
@given(owner=st.text(alphabet=st.characters(categories=("L", "Zs")), min_size=1, max_size=20),
       number=st.integers(min_value=1, max_value=999_999), verb=st.sampled_from(["chase", "nudge", "remind"]))
def test_any_owner_words_before_about_action_n_read_the_number(owner: str, number: int, verb: str) -> None:
    found = WORDED.match(f"{verb} {owner.strip() or 'sw'} about action {number}")
    assert found is not None and int(found.group("id")) == number


def test_the_nudge_says_how_to_ask_for_more_time_and_those_words_ask(engine: Engine, services: Services) -> None:
    """Trial 32: the chase said nothing of `extend action N …`; it now shows it, and the words shown work."""
    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    with time_machine.travel(NOW, tick=False):
        [nudge] = [r for r in _chase(engine, MANAGER, f"chase {action}") if r.to_user == OWNER]
        example = f"extend action {action} to 14/12"  # a week from today, the due date having passed: a Monday
        assert f"if it needs longer, ask for more time: type `extend action {action} to` and the date you need, " \
               f"like `{example}`." in flat(nudge.text)
        asked = engine.message(OWNER, example, surface="terminal")
    said = flat(" ".join(r.text for r in asked if r.to_user is None))
    assert f"for more time on action {action} {WORDS} until 14 Dec 2026" in said, said
    assert any(r.to_user == "U0MGRS001" for r in asked)  # the auditor is asked


def test_a_chase_in_working_hours_says_nothing_of_hours(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    with time_machine.travel(datetime(2026, 12, 7, 10, 0, tzinfo=LONDON), tick=False):
        replies = _chase(engine, MANAGER, f"chase {action}")
    assert "working hours" not in " ".join(r.text for r in replies)
