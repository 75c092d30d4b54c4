"""Trial 51, F1: at an audit question, 'no - plan has no dates. the boy is the only year 4 pupil with a brother in the
PRU, dad is in HMP Durham and mum works at the Tesco on the high street' was stored, shown in the review and sent to
the worker. Through the terminal chat the note is now refused, saying what to write instead, nothing is stored, and
the same answer reworded is kept."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import AUDITOR, TO_ACTIONS
from tests.support.text import flat

ON_A_WORKING_DAY = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)  # a Wednesday morning, pinned
TO_FIRST_QUESTION = TO_ACTIONS[:3]
NOTE = ("no - plan has no dates. the boy is the only year 4 pupil with a brother in the PRU, dad is in HMP Durham and "
        "mum works at the Tesco on the high street")


def test_a_note_that_identifies_the_family_is_refused_and_nothing_is_stored(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(ON_A_WORKING_DAY, tick=False):
        drive(engine, TO_FIRST_QUESTION, user=AUDITOR)
        before = store.answers_of(services.storage, 1)
        out = flat(drive(engine, [NOTE], user=AUDITOR)[1])
        assert "looks like a named prison: write 'in prison' instead" in out
        assert "a parent's workplace and where it is" in out and "a description only one child or family fits" in out
        assert "Nothing was saved" in out and "Durham" not in out and "Tesco" not in out
        assert store.answers_of(services.storage, 1) == before
        assert "year 4" not in str(services.storage.db.execute("SELECT * FROM answers").fetchall())
        _, kept = drive(engine, ["no - plan has no dates; a parent is in prison and the other works locally"],
                        user=AUDITOR)
    assert "Got it: No" in kept
    assert "in prison" in str(store.answers_of(services.storage, 1))
