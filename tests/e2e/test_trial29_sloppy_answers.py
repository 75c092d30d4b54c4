"""Trial 29: a full audit answered as a busy manager types, and what it refused that they expected to work.

- `nah not really` (and `nope, not really`, `nah, not at all`) at a yes/no question: "Please answer yes or no", where
  `no, not really` was No.
- `two`, `once`, `twice`, `about three months` at a count question: "Please type a number", where `2` and `none` were
  read.
- `dunno`, `not sure`, `tbc` at a yes/no question: "Please answer yes or no", which does not say what to do when the
  file doesn't say; now it says to give the answer the file supports with a note, or `pause` (`skip` where optional).
"""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY
from tests.e2e.test_trial27_own_words import TO_YES_NO
from tests.integration.test_audit_cancel_restore import only_audit, say, walk_to_first
from tests.support.text import flat

ASKED = "strategy-timely"  # the yes/no question TO_YES_NO stands at (required, no Not applicable)


def _answers(services: Services) -> dict[str, tuple[str, str | None]]:
    return {qid: (a.value, a.evidence) for qid, a in store.answers_of(services.storage, 1).items()}


@pytest.mark.parametrize(("typed", "said", "stored"), [
    ("nah not really", "Got it: No.", ("no", None)),
    ("nope, not really", "Got it: No.", ("no", None)),
    ("nah, not at all", "Got it: No.", ("no", None)),
    ("nah not really, held a week late", "Got it: No, with your note: “nah not really, held a week late”.",
     ("no", "nah not really, held a week late")),
])
def test_an_informal_no_then_not_really_is_no(engine: Engine, services: Services, typed: str, said: str,
                                              stored: tuple[str, str | None]) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, typed])
    assert "Please answer yes or no" not in flat(out)
    assert said in flat(out)
    assert _answers(services)[ASKED] == stored


@pytest.mark.parametrize(("typed", "value"), [("two", "2"), ("Once", "1"), ("twice", "2"), ("about three months", "3"),
                                              ("eleven", "11")])
def test_a_count_in_words_is_read_and_said_back(engine: Engine, services: Services, typed: str, value: str) -> None:
    view = TerminalView()
    with time_machine.travel(MONDAY, tick=False):
        question_id = walk_to_first(engine, services, view, "number")
        replies = say(engine, view, typed)
    assert not any(reply.kind == "error" for reply in replies)
    assert f"Got it: **{value}**." in [reply.text for reply in replies]
    assert store.answers_of(services.storage, only_audit(services).id)[question_id].value == value


@pytest.mark.parametrize(("typed", "words"), [("dunno", "dunno"), ("not sure, will ask the SW", "not sure"),
                                              ("tbc", "tbc"), ("idk", "idk")])
def test_not_knowing_is_told_what_to_do_and_nothing_is_stored(engine: Engine, services: Services, typed: str,
                                                              words: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_YES_NO, typed])
    assert (f"“{words}” isn't an answer I can store, so nothing was saved. Give the answer the file supports, with a "
            "note on what is unclear (yes, … or no, …); to check the file first, type pause and come back to "
            "it.") in flat(out, "`")  # the terminal shows code marks plainly
    assert ASKED not in _answers(services)
