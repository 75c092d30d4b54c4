"""`more` typed after `/audit list` shows the next page of that list; with no list to go on with it says so; it is
never logged as a knowledge question, and where an audit waits for a typed answer it is that answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.list_pages import is_more, typed_more
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from tests.support.audit_rows import insert_audit

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
QA_LEAD, MANAGER = "U0QALEAD1", "U0MGRN001"


def questions_logged(services: Services) -> int:
    return services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0]


@pytest.fixture
def newest_first(services: Services) -> list[str]:
    """23 submitted North audits: three pages of ten."""
    ids = [insert_audit(services.storage, f"CR-3{n:05}", DAY + timedelta(hours=n)) for n in range(23)]
    return [str(i) for i in reversed(ids)]


def test_more_shows_the_next_pages_of_the_same_list_then_says_it_was_the_last(engine: Engine, services: Services,
                                                                               newest_first: list[str]) -> None:
    [first] = engine.command(QA_LEAD, "list team north-assessment", surface="terminal")
    assert "type `more`" in first.text
    [second] = engine.message(QA_LEAD, "more", surface="terminal")
    assert "(11 to 20 of 23)" in second.text and [c.value for c in second.choices] == newest_first[10:20]
    [third] = engine.message(QA_LEAD, "Next page please.", surface="terminal")
    assert "(21 to 23 of 23)" in third.text and [c.value for c in third.choices] == newest_first[20:]
    [done] = engine.message(QA_LEAD, "more please", surface="terminal")
    assert done.kind == "notice" and "last page of `/audit list team north-assessment`" in done.text
    assert "/audit list" in done.text and not done.choices
    assert questions_logged(services) == 0


def test_a_page_past_the_end_says_how_many_and_how_to_see_the_first(engine: Engine, newest_first: list[str]) -> None:
    """Every list that pages refuses a page past its end in the same words (bot.engine.pages.no_such_page); only
    `/audit moderate` used to say how to get back to the first page."""
    [beyond] = engine.command(QA_LEAD, "list team north-assessment page 4", surface="terminal")
    assert beyond.kind == "error"
    assert beyond.text == ("There is no page 4: audits of North Assessment Team fill 3 pages of 10. Type "
                           "`/audit list team north-assessment` for the first.")


def test_more_with_no_list_says_so_and_how_to_list_and_is_not_a_question(engine: Engine, services: Services) -> None:
    [reply] = engine.message(MANAGER, "more", surface="dm")
    assert reply.kind == "notice" and "There is no list to show more of" in reply.text
    assert "`/audit list`" in reply.text
    assert questions_logged(services) == 0


def test_a_list_on_one_page_has_no_more(engine: Engine, services: Services) -> None:
    insert_audit(services.storage, "CR-300001", DAY)
    [listed] = engine.command(MANAGER, "list", surface="terminal")
    assert "more" not in listed.text
    [reply] = engine.message(MANAGER, "more", surface="terminal")
    assert "That was the last page of `/audit list`" in reply.text
    assert questions_logged(services) == 0


def test_each_person_pages_their_own_list(engine: Engine, newest_first: list[str]) -> None:
    engine.command(QA_LEAD, "list team north-assessment page 2", surface="terminal")
    [other] = engine.message(MANAGER, "more", surface="terminal")
    assert "There is no list to show more of" in other.text
    [own] = engine.message(QA_LEAD, "more", surface="terminal")
    assert [c.value for c in own.choices] == newest_first[20:]


def test_more_typed_where_an_audit_waits_for_text_is_that_answer(engine: Engine, services: Services,
                                                                  newest_first: list[str]) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=UTC), tick=False):
        engine.command(MANAGER, "start early-help-spot", surface="terminal")
        for typed in ("CR-555555", "U0PRAN001", "no", "yes", "yes", "no", "yes", "yes", "good",
                      "The plan and the visits show steady progress.", "yes", "1", "good",
                      "The step-down decision is recorded with the family's views.", "next", "good"):
            engine.message(MANAGER, typed, surface="terminal")
        audit_id = services.storage.db.execute("SELECT id FROM audits WHERE status = 'draft'").fetchone()[0]
        assert store.get_audit(services.storage, audit_id).step == "strengths"
        [listed] = engine.command(MANAGER, "list", surface="terminal")  # a list looked at mid-audit…
        assert "type `more`" not in listed.text and "page 2" in listed.text  # …does not offer `more`
        replies = engine.message(MANAGER, "more", surface="terminal")
    assert store.get_audit(services.storage, audit_id).strengths == "more"  # the strengths, as typed
    assert not any(c.action == "audit.view" for r in replies for c in r.choices)
    assert questions_logged(services) == 0


def test_more_in_a_knowledge_answer_context_is_not_logged(engine: Engine, services: Services) -> None:
    engine.message(MANAGER, "when is the ICPC due?", surface="dm")
    logged = questions_logged(services)
    [reply] = engine.message(MANAGER, "more", surface="dm")
    assert reply.kind == "notice" and questions_logged(services) == logged


@pytest.mark.parametrize("typed", ["more", "More.", "more please", "next page", "Next page, please", "show more",
                                   "older ones"])
def test_the_ways_of_asking_for_more(typed: str) -> None:
    assert is_more(typed)


@pytest.mark.parametrize("typed", ["more about ICPC", "what does more mean?", "tell me more about s47", "nextpage",
                                   "more more"])
def test_other_text_is_left_to_the_other_handlers(typed: str) -> None:
    assert not is_more(typed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40) | st.sampled_from(["more", " MORE! ", "next page please", "older", "more,  please"]),
       listed=st.sampled_from([None, "", "team", "mine", "page 3", "case CR-300001"]))
def test_any_text_at_the_more_handler_pages_says_clearly_or_is_left(services: Services, engine: Engine,
                                                                     text: str, listed: str | None) -> None:
    if listed is not None:
        engine.command(QA_LEAD, f"list {listed}", surface="terminal")
    person = services.directory.person(QA_LEAD)
    assert person is not None
    replies = typed_more(services, Turn(person=person, surface="dm", now=DAY), text)
    if replies is None:
        assert not is_more(text)
        return
    assert is_more(text) and replies and all(r.text for r in replies)
    assert all(r.kind != "error" or "no page" in r.text.lower() for r in replies)
