"""Trial 36 (M7): a manager's plain words for an action's command went onto the QA leads' list of unanswered
questions. One rule (bot.audits.plain_commands) reads a command's word and an action's number: a change or a send is
offered as "Did you mean …?", which `yes` runs, never with the manager's other words; a list runs at once. The clock
is pinned to the trial day, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import re

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

SOUTH_MANAGER = "U0MGRS001"
SOUTH_WORKER = "U0PRAS001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize(("typed", "offered"), [
    ("can u chase sw s1 on 142 pls, visit still not done", "chase 142"),
    ("chase 9 - overdue since sept, update me by weds", "chase 9"),
    ("ok give s1 till the 18th on 95", "action 95 due 18/12"),
    ("move action 151 to 18/12 im off after that", "action 151 due 18/12"),
])
def test_plain_words_offer_the_command_with_its_number_and_date_only(demo: Services, engine: Engine, typed: str,
                                                                      offered: str) -> None:
    reply = said(engine, SOUTH_MANAGER, typed)
    assert f"Did you mean `{offered}`? Type `yes` to run it" in reply, reply
    assert "QA leads' list" not in reply
    assert nothing_unanswered(demo)


def test_yes_runs_the_chase_and_the_words_typed_with_it_are_not_sent(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "can u chase sw s1 on 9 pls, visit still not done")
    assert re.search(r"Action 9 \(_[^_]+_, audit #\d+, CR-\d+\) is Social worker S1's\. The nudge says the action "
                     r"and its due date; nothing else you typed is sent\.", reply), reply
    reply = said(engine, SOUTH_MANAGER, "yes")
    # the trial day is a Saturday evening: the chase runs, and is held until the working morning
    assert "I'll nudge Social worker S1 about action 9 " in reply, reply
    assert "It will reach them at 08:00 on Monday 7 December, or sooner if they use the bot before then." in reply
    assert "visit still not done" not in reply


def test_grant_offers_the_day_the_waiting_request_asked_for(demo: Services, engine: Engine) -> None:
    asked = said(engine, SOUTH_WORKER, "extend 94 to 15/12, waiting on health")
    assert "for more time on action 94" in asked, asked
    for typed in ("grant 94", "approve extension on 94"):
        reply = said(engine, SOUTH_MANAGER, typed)
        assert "Did you mean `action 94 due 15/12`?" in reply and "Social worker S1 asked for" in reply, reply
    reply = said(engine, SOUTH_MANAGER, "yes")
    assert "action 94" in reply and "is now due Tuesday 15 December 2026" in reply, reply
    assert nothing_unanswered(demo)


def test_approving_where_no_request_waits_says_so(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "approve extension on 95")
    assert "No request for more time is waiting on action 95" in reply, reply
    assert nothing_unanswered(demo)


def test_team_actions_and_compare_by_case_reference(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "whats outstanding on my teams actions")
    assert "Open actions in your teams" in reply and "Action 9 " in reply, reply
    reply = said(engine, SOUTH_MANAGER, "compare CR-341944")
    assert "`compare` takes an audit's number" in reply and "Audits of CR-341944" in reply and "#18" in reply, reply
    assert nothing_unanswered(demo)


def test_a_number_that_is_no_action_number_is_left_alone(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "how do i remind the family about 3 visits")
    assert "`chase 3`" not in reply


def test_a_how_to_question_about_team_actions_still_gets_its_answer(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "how can a manager see and close their team's actions?")
    assert "Open actions in your teams" not in reply and "/audit actions team" in reply, reply
