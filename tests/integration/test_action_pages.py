"""`/audit actions team` with more than a page of actions (user trial: "…and 40 more" with no way to see them) pages
as `/audit list` does: `page N`, and `more` typed for the next page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
MANAGER, WORKER, COLLEAGUE = "U0MGRN001", "U0PRAN001", "U0PRAN002"


@pytest.fixture
def due_in_order(services: Services) -> list[str]:
    """45 open actions in the North team, one due each day from today, the worker's and a colleague's in turn."""
    audit_id = insert_audit(services.storage, "CR-123456", NOW - timedelta(days=3))
    return [str(action_store.add_action(services.storage, audit_id, f"Follow-up visit number {n}",
                                        WORKER if n % 2 else COLLEAGUE, (NOW + timedelta(days=n)).date().isoformat(),
                                        MANAGER, NOW)) for n in range(45)]


def done_values(reply) -> list[str]:
    return [c.value for c in reply.choices if c.action == "actions.done"]


def test_more_shows_the_next_pages_of_the_teams_actions_then_says_it_was_the_last(
        engine: Engine, services: Services, due_in_order: list[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        [first] = engine.command(MANAGER, "actions team", surface="terminal")
        assert first.text.startswith("**Open actions in your teams** (1 to 20 of 45)")
        assert "_Due later: type `more`, or `/audit actions team page 2`._" in first.text
        assert "more, due later" not in first.text and done_values(first) == due_in_order[:20]
        [second] = engine.message(MANAGER, "more", surface="terminal")
        assert "(21 to 40 of 45)" in second.text and done_values(second) == due_in_order[20:40]
        [third] = engine.message(MANAGER, "next page", surface="terminal")
        assert "(41 to 45 of 45)" in third.text and done_values(third) == due_in_order[40:]
        assert "Due later" not in third.text
        [last] = engine.message(MANAGER, "more", surface="terminal")
    assert last.kind == "notice" and "That was the last page of `/audit actions team`: there are no more." in last.text
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0  # never a question


def test_a_page_is_asked_for_by_number_and_one_past_the_end_says_how_many(engine: Engine,
                                                                          due_in_order: list[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        [second] = engine.command(MANAGER, "actions team page 2", surface="terminal")
        [beyond] = engine.command(MANAGER, "actions team page 4", surface="terminal")
    assert done_values(second) == due_in_order[20:40]
    assert beyond.kind == "error"
    assert beyond.text == ("There is no page 4: your teams' open actions fill 3 pages of 20. Type "
                           "`/audit actions team` for the first.")


def test_your_own_actions_page_the_same_way(engine: Engine, due_in_order: list[str]) -> None:
    mine = due_in_order[1::2]  # the worker's 22
    with time_machine.travel(NOW, tick=False):
        [first] = engine.command(WORKER, "actions", surface="terminal")
        assert first.text.startswith("**Your open actions** (1 to 20 of 22)") and done_values(first) == mine[:20]
        assert "`/audit actions page 2`" in first.text
        [second] = engine.message(WORKER, "more", surface="terminal")
    assert done_values(second) == mine[20:]


def test_in_slack_the_command_names_the_next_page_and_more_works_in_messages(engine: Engine,
                                                                             due_in_order: list[str]) -> None:
    with time_machine.travel(NOW, tick=False):
        [first] = engine.command(MANAGER, "actions team")  # a slash command in Slack
        assert "_Due later: `/audit actions team page 2` (or `more` in your messages with me)._" in first.text
        [second] = engine.message(MANAGER, "more", surface="dm")
    assert done_values(second) == due_in_order[20:40]


def test_more_goes_on_with_the_list_shown_last(engine: Engine, services: Services, due_in_order: list[str]) -> None:
    for n in range(12):
        insert_audit(services.storage, f"CR-3{n:05}", NOW - timedelta(hours=n))
    with time_machine.travel(NOW, tick=False):
        engine.command(MANAGER, "actions team", surface="terminal")
        engine.command(MANAGER, "list", surface="terminal")
        [audits] = engine.message(MANAGER, "more", surface="terminal")
        engine.command(MANAGER, "actions team", surface="terminal")
        [actions] = engine.message(MANAGER, "more", surface="terminal")
    assert "newest submitted first" in audits.text and done_values(actions) == due_in_order[20:40]


def test_a_list_page_kept_before_actions_paged_still_goes_on(engine: Engine, services: Services) -> None:
    for n in range(12):
        insert_audit(services.storage, f"CR-3{n:05}", NOW - timedelta(hours=n))
    store.remember_listing(services.storage, MANAGER, {"words": [], "page": 1, "last": False}, NOW)  # no command
    [second] = engine.message(MANAGER, "more", surface="terminal")
    assert "(11 to 12 of 12)" in second.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.sampled_from(["", "team", "teams", "page 2", "team page 3", "team page 0", "page", "team page x",
                             "page 99999999999", "everyone"]) | st.text(max_size=25))
def test_any_words_after_actions_list_a_page_or_say_what_to_type(engine: Engine, due_in_order: list[str],
                                                                  args: str) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.command(MANAGER, f"actions {args}", surface="terminal")
    assert len(replies) == 1 and "something went wrong" not in replies[0].text
    if replies[0].kind == "error":
        # what to type: the usage, the pages there are, or (after `team`) the teams there are
        assert any(hint in replies[0].text for hint in ("/audit actions", "There is no page", "Teams: `",
                                                         "among yours: `"))
    elif not replies[0].text.startswith(("You have no open actions", "You own no open actions")):  # own: none
        assert 1 <= len(done_values(replies[0])) <= 20


def test_help_says_actions_page_and_how_to_reopen(engine: Engine) -> None:
    [shown] = engine.command(MANAGER, "help", surface="terminal")
    assert ("`/audit actions [team [team id]] [overdue] [page N]` — open actions from audits: yours, or your teams' "
            "for managers (`done 12` marks one done, `reopen action 12` opens it again)") in shown.text
