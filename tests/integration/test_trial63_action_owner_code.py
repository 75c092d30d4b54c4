"""Trial 63 (F8): `Q7: rewrite the plan with SMART timescales, S1 by 25/12` took the date but kept "S1" in the action's
text and asked who owns it. A member's short code after a comma (or a dash) at the end is now its owner when it names
exactly one person who may hold the action; an action with no person at its end is never given an owner."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits import owner_last
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.audits import get_audit
from tests.e2e.test_trial28_manager import TO_ACTIONS, WORKER, _actions, _chat


@pytest.mark.parametrize("typed", ["Q7: rewrite the plan with SMART timescales, S1 by 25/12",
                                   "rewrite the plan with SMART timescales - S1 - 25/12",
                                   "rewrite the plan with SMART timescales, s1, by 25/12"])
def test_a_short_code_after_a_comma_or_dash_is_the_owner(engine: Engine, services: Services, typed: str) -> None:
    out = _chat(engine, [*TO_ACTIONS, typed])
    assert "Who owns this action?" not in out
    assert _actions(services) == [("rewrite the plan with SMART timescales", WORKER, "2026-12-25")]


def test_an_unknown_code_keeps_asking(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_ACTIONS, "rewrite the plan with SMART timescales, X9 by 25/12"])
    assert "Who owns this action?" in out
    assert _actions(services) == []


WORD = st.sampled_from(["rewrite", "the", "plan", "with", "SMART", "timescales", "visit", "child", "by", "Q7",
                        "chase", "health", "review", "weekly", "and", "school", "records"])


def test_an_action_with_no_person_at_its_end_gets_no_owner(engine: Engine, services: Services) -> None:
    _chat(engine, TO_ACTIONS)
    audit = get_audit(services.storage, 1)

    @settings(max_examples=60, deadline=None)
    @given(words=st.lists(WORD, min_size=2, max_size=8), mark=st.sampled_from([", ", " - ", " "]))
    def never_invented(words: list[str], mark: str) -> None:
        text = " ".join(words[:-1]) + mark + words[-1]
        assert owner_last.split(services, audit, text) is None, text

    never_invented()
