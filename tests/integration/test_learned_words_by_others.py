"""`accept 1` / `reject 1` typed by someone who is not a QA lead: what the words are (trial 53, F9: a practitioner's
`reject 1` was offered as `reflect 1`, a manager's `accept 1` got the knowledge-base entry on the suggested grade)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.learned_words_elsewhere import REVIEW_WORDS, SAID
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
WORKING_DAY = datetime(2026, 12, 8, 10, tzinfo=LONDON)  # a Tuesday morning


@pytest.mark.parametrize(("user", "typed"), [("U0PRAS001", "reject 1"), ("U0MGRS001", "accept 1"),
                                             ("U0PRAN001", "reject 2 wrong entry"), ("U0MGRC001", "accept #4")])
def test_review_words_by_others_say_what_they_are(engine: Engine, user: str, typed: str) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        replies = engine.message(user, typed)
    assert [reply.text for reply in replies] == [SAID]
    assert "Did you mean" not in all_text(replies) and "suggested grade" not in all_text(replies)


def test_a_qa_leads_accept_is_still_the_review(engine: Engine) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        replies = engine.message("U0QALEAD1", "accept 99")
    assert "There is no learned wording #99" in all_text(replies)


@given(st.text(max_size=40))
def test_only_accept_or_reject_and_a_number_are_read(line: str) -> None:
    found = REVIEW_WORDS.fullmatch(line)
    if found is not None:
        assert line.split()[0].lower() in ("accept", "reject") and found.group(1).isdigit()


def test_the_auditor_of_audit_1_is_told_nothing_was_done_and_what_they_can_do(engine: Engine,
                                                                               services: Services) -> None:
    """Trial 55 F2: the North manager, who audited #1, typed `accept 1` and got the knowledge-base entry on the
    suggested grade, with nothing saying nothing was done."""
    with time_machine.travel(WORKING_DAY, tick=False):
        audit = insert_audit(services.storage, "CR-551234", WORKING_DAY - timedelta(days=2), auditor="U0MGRN001")
        said = all_text(engine.message("U0MGRN001", f"accept {audit}"))
    assert said.strip().startswith("Nothing was done: `accept` and `reject` with a number are the QA leads"), said
    assert f"Audit #{audit} (you audited): `show {audit}` opens it." in said, said
    assert "suggested grade" not in said
