"""Trial 43 (finding 3): a change of mind about a done action, typed in words, reopens it. `oh wait no sorry 18 isnt
done yet the supervision is next week` went onto the QA leads' list as a knowledge question and `reopen 18` was told
to type `reopen action 18`. Now the loose words ask first, the plain ones reopen at once, and `reopen 18` is action
18's reopen."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import reopen_said
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SET = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)  # a Monday; the action is due 18 Dec
MANAGER, WORKER = "U0MGRS001", "U0PRAS001"


@pytest.fixture
def action_id(services: Services) -> int:
    """The South worker's action from her manager's audit, marked done by the manager."""
    audit_id = insert_audit(services.storage, "CR-123456", SET, auditor=MANAGER, worker=WORKER,
                            team="south-cin-cp")
    number = action_store.add_action(services.storage, audit_id, "Book a supervision discussion", WORKER,
                                     "2026-12-18", MANAGER, SET)
    action_store.complete_action(services.storage, number, MANAGER, True, SET)
    return number


def is_open(services: Services, number: int) -> bool:
    found = action_store.get_action(services.storage, number)
    return found is not None and found.done_at is None


def said(engine: Engine, text: str) -> str:
    with time_machine.travel(NOW, tick=False):
        return flat("\n".join(reply.text for reply in engine.message(MANAGER, text, surface="terminal")
                              if reply.to_user is None))


def test_the_trial_line_asks_first_and_yes_reopens(engine: Engine, services: Services, action_id: int) -> None:
    asked = said(engine, f"oh wait no sorry {action_id} isnt done yet the supervision is next week")
    assert asked.startswith(f"Reopen action {action_id} (Social worker S1's), _Book a supervision discussion_ "
                            "(audit #1")
    assert not is_open(services, action_id)
    assert asked_the_knowledge_base(services) == 0
    reopened = said(engine, "yes")
    assert reopened.startswith(f"Reopened: action {action_id}")
    assert is_open(services, action_id)


def test_no_leaves_it_done(engine: Engine, services: Services, action_id: int) -> None:
    said(engine, f"hmm {action_id} not finished yet I think, the visit got moved")
    assert said(engine, "no") == f"OK: action {action_id} stays marked done. Nothing changed."
    assert not is_open(services, action_id)


@pytest.mark.parametrize("line", ["reopen {n}", "{n} isn't done yet", "{n} is not finished", "action {n} isnt done",
                                  "I marked {n} done by mistake", "i marked action {n} as done by accident, sorry"])
def test_plain_words_reopen_it_at_once(engine: Engine, services: Services, action_id: int, line: str) -> None:
    assert said(engine, line.format(n=action_id)).startswith(f"Reopened: action {action_id}")
    assert is_open(services, action_id)


def test_reopen_of_a_number_no_action_has_names_the_audit_command(engine: Engine, action_id: int) -> None:
    assert "To change submitted audit #999 instead, type `/audit edit 999`." in said(engine, "reopen 999")


def test_a_question_about_a_section_is_not_read_as_a_reopen(engine: Engine, services: Services,
                                                            action_id: int) -> None:
    assert reopen_said.inside("what happens if section 47 isn't done in time?") is None
    assert reopen_said.inside("the section 47 isnt done in time by the team") is None
    said(engine, f"what if {action_id} isn't done by the conference?")
    assert not is_open(services, action_id)


FILLER = st.sampled_from(["", "oh wait ", "no sorry ", "oops ", "hmm ok "])
AFTER = st.sampled_from(["", " the supervision is next week", ", still waiting on school", " - my mistake"])
SAYING = st.sampled_from(["{n} isnt done yet", "{n} is not finished", "action {n} isn't complete",
                          "i marked {n} done by mistake", "{n} not done"])


@given(number=st.integers(min_value=1, max_value=99999), lead=FILLER, saying=SAYING, after=AFTER)
def test_the_number_is_read_whatever_is_around_it(number: int, lead: str, saying: str, after: str) -> None:
    line = f"{lead}{saying.format(n=number)}{after}"
    assert reopen_said.inside(line) == number
    if not lead and not after:
        assert reopen_said.whole(line) == number


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=80))
def test_a_line_without_a_number_is_never_read(text: str) -> None:
    assert reopen_said.whole(text) is None and reopen_said.inside(text) is None
