"""A count question answered "none" or "no" stores 0 (trial 26: both were refused with "Please type a number")."""

from __future__ import annotations

import pytest

from bot.audits.flow import AnswerError, parse_number
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.integration.test_audit_cancel_restore import only_audit, say, walk_to_first


@pytest.mark.parametrize("typed", ["none", "no", "None.", "nil", "zero", "none at all"])
def test_none_or_no_at_a_count_question_is_stored_as_0(engine: Engine, services: Services, typed: str) -> None:
    view = TerminalView()
    question_id = walk_to_first(engine, services, view, "number")
    replies = say(engine, view, typed)
    assert not any(reply.kind == "error" for reply in replies)
    assert store.answers_of(services.storage, only_audit(services).id)[question_id].value == "0"


@pytest.mark.parametrize("typed", ["zero visits", "none"])
def test_zero_said_with_what_is_counted_is_0(typed: str) -> None:
    assert parse_number(typed) == "0"


@pytest.mark.parametrize("typed", ["no idea", "not sure", "nothing much", "a few"])  # "three" is 3 (trial 29)
def test_words_that_are_not_a_count_of_nothing_are_still_refused(typed: str) -> None:
    with pytest.raises(AnswerError, match="Please type a number"):
        parse_number(typed)
