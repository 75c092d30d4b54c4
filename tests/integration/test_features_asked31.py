"""Trial 31: everyday ways of asking for a feature fell through to the knowledge base. `what actions have i got` got
"Did you mean…" (`my actions` listed them), and `my TM is auditing my neglect case next week, what will she look at`
got suggestions where `what will the auditor look at on my neglect case` showed the checklist."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.checklist_asked import checklist_meant
from bot.audits.feature import LIST_ACTIONS
from bot.core.replies import Reply
from bot.engine.routing import Engine

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
WORKER = "U0PRAN001"


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''}\n{r.text}" for r in replies)


@pytest.mark.parametrize("typed", ["what actions have i got", "do i have any actions", "whats on my list",
                                   "What's on my list?", "have i got any actions at the moment",
                                   "show me my actions"])
def test_asking_for_my_actions_in_my_own_words_lists_them(engine: Engine, typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine.message(WORKER, typed, surface="terminal"))
    assert "You have no open actions from audits." in said, (typed, said)
    assert "Did you mean" not in said and "QA leads' list" not in said


@pytest.mark.parametrize("typed", ["what actions should i set for drift", "what are good actions",
                                   "do actions have to be smart", "my actions are late, why"])
def test_questions_about_actions_stay_questions(typed: str) -> None:
    assert not LIST_ACTIONS.match(typed)


@pytest.mark.parametrize("typed", ["my TM is auditing my neglect case next week, what will she look at",
                                   "what will my manager check on my neglect case",
                                   "what will my TM look at on my neglect case",
                                   "my neglect case is being audited tomorrow, what will they check"])
def test_what_my_manager_will_look_at_shows_the_checklist(engine: Engine, typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        shown = _said(engine.message(WORKER, typed, surface="terminal"))
    assert shown.startswith("Neglect\n") and "This is what an audit asks" in shown, shown
    assert "Did you mean" not in shown


@pytest.mark.parametrize("typed", ["what will my manager look at in supervision",
                                   "the plan drifted badly, what will the auditor look at",
                                   "what does the manager check in a strategy discussion"])
def test_other_questions_about_managers_stay_with_the_knowledge_base(typed: str) -> None:
    assert checklist_meant(typed) is None


@given(st.sampled_from(["my manager", "my TM", "the auditor", "my team manager"]),
       st.sampled_from(["look at", "check", "look for"]), st.sampled_from(["", "?"]))
def test_every_way_of_naming_who_audits_reads_the_checklist(who: str, does: str, end: str) -> None:
    assert checklist_meant(f"what will {who} {does} on my neglect case{end}") == "neglect"
