"""Trial 30 (item 5): a head of service's plain questions about the data, and half-typed commands, went to the
knowledge base and onto the QA leads' list of unanswered questions. Each now gets the command that answers it
(bot.asking.leader_words, bot.asking.team_asked, `/audit list <grade>`), and none is noted as unanswered.

The clock is pinned (time_machine, tick=False) to the trial's Saturday, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

HEAD = "U0ADMIN01"
WORKER = "U0PRAN001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize(("typed", "expected"), [
    ("whats the picture for south team", "South Child in Need and Protection"),
    ("overdue actions children in care team", "Overdue actions in team children-in-care"),
    ("did practice improve on the reaudits?", "Improved 9"),
    ("which reaudits got worse", "compare 145"),
    ("any campaigns running at the moment?", "audit campaigns"),
    ("show me all the inadequate audits", "Audits you can read, graded Inadequate"),
    ("audits inadequate", "graded Inadequate"),
    ("how do i see how each team is doing", "`/audit digest` gives last week's figures for every team"),
    ("delete campaign 1", "close it with `campaign close 1`"),
    ("mod 41", "You are moderating this audit"),
])
def test_a_leaders_words_get_the_command_that_answers_them(demo: Services, engine: Engine, typed: str,
                                                            expected: str) -> None:
    reply = said(engine, HEAD, typed)
    assert expected in reply, reply
    assert "QA leads' list" not in reply and "not sure which" not in reply
    assert nothing_unanswered(demo)


def test_the_inadequate_list_holds_only_audits_graded_inadequate(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "show me all the inadequate audits")
    listed = [line for line in reply.split("•")[1:]]
    assert listed and all("Inadequate" in line for line in listed)
    assert "Good," not in reply and "Outstanding," not in reply


def test_moderate_with_agree_and_a_reason_in_one_line_takes_both(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "moderate 70 agree, the plan was reviewed and the grade fits")
    assert "You agree with" in reply
    assert "needs at least one" in reply  # the reason was taken; the Inadequate grade's action is asked next
    for step in ("Review the plan with the family", "the worker", "18/12/2026"):  # the action, its owner, its date
        said(engine, HEAD, step)
    stored = demo.storage.db.execute("SELECT agrees, reason FROM moderations WHERE audit_id = 70 AND decided_at "
                                     "IS NOT NULL").fetchall()
    assert [tuple(row) for row in stored] == [(1, "the plan was reviewed and the grade fits")]
    assert nothing_unanswered(demo)


def test_a_practitioner_asking_for_inadequate_audits_gets_the_knowledge_base(demo: Services,
                                                                           engine: Engine) -> None:
    reply = said(engine, WORKER, "show me all the inadequate audits")
    assert "graded Inadequate" not in reply
