"""fix44d: `undo` typed inside an audit or a moderation step goes back one step in that conversation, as `back`
does: the earlier answer is shown to change. Before, at a yes/no question it got "Please answer yes or no", at a
text step it could be stored as the answer, and at a moderation step it was read as the step's grade or reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import next_input
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
AUDITOR, MODERATOR = "U0MGRN001", "U0MGRS001"
UNDO = ["undo", "undo that", "oops undo", "go back"]
Send = Callable[[str, str], list[Reply]]


def said(replies: list[Reply]) -> str:
    return flat(" ".join(reply.text for reply in replies if reply.to_user is None)).replace("**", "")


@pytest.fixture(autouse=True)
def thursday() -> object:
    with time_machine.travel(THURSDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView(), AUDITOR)


def step_of(services: Services) -> str:
    return store.get_audit(services.storage, 1).step


def until(send: Send, replies: list[Reply], done: Callable[[list[Reply]], bool]) -> list[Reply]:
    for _ in range(80):
        if done(replies):
            return replies
        step = next_input(replies, {})
        assert step is not None
        replies = send(*step)
    raise AssertionError("never reached the step")


def grades_shown(replies: list[Reply]) -> bool:
    return any(c.action == "audit.grade" for r in replies for c in r.choices)


@pytest.mark.parametrize("undo", UNDO)
def test_undo_at_an_audit_question_shows_the_question_before_with_its_answer(
        send: Send, services: Services, undo: str) -> None:
    send("type", "/audit start early-help-spot")
    send("type", "CR-771234")
    send("type", "sw n1")
    asked = send("type", "2")  # No immediate concern: question 2 is asked
    assert "Question 2 of 10" in said(asked) or "informed consent" in said(asked)
    back = send("type", undo)
    assert "Answered before: No" in said(back) and "immediate safeguarding concern" in said(back)
    assert "Please answer" not in said(back) and step_of(services).startswith("question")
    assert asked_the_knowledge_base(services) == 0


@pytest.mark.parametrize("undo", UNDO[:2])
def test_undo_at_the_overall_grade_goes_back_a_step_and_stores_nothing(send: Send, services: Services,
                                                                       undo: str) -> None:
    until(send, send("type", "/audit start early-help-spot"), grades_shown)
    assert step_of(services) == "overall_grade"
    back = send("type", undo)
    assert step_of(services) != "overall_grade" and not grades_shown(back)
    assert store.get_audit(services.storage, 1).overall_grade is None
    assert asked_the_knowledge_base(services) == 0


@pytest.mark.parametrize("undo", UNDO[:3])
def test_undo_at_the_grade_reason_goes_back_to_the_grade_and_keeps_no_reason(send: Send, services: Services,
                                                                             undo: str) -> None:
    replies = until(send, send("type", "/audit start early-help-spot"), grades_shown)
    outstanding = next(c for r in replies for c in r.choices if c.label == "Outstanding")
    assert send("press", f"{outstanding.action}|{outstanding.value}")[-1].text.startswith("**Why a different grade?**")
    back = send("type", undo)
    assert grades_shown(back) and step_of(services) == "overall_grade"
    assert store.get_audit(services.storage, 1).grade_reason is None
    assert asked_the_knowledge_base(services) == 0


@pytest.fixture
def moderated(engine: Engine, services: Services) -> int:
    return submitted_audit(engine, services, AUDITOR)  # graded Good


def conversation_of(services: Services) -> str | None:
    return store.conversation(services.storage, MODERATOR).get("awaiting")


@pytest.mark.parametrize("undo", UNDO[:3])
def test_undo_at_the_moderation_grade_goes_back_to_agree_or_disagree(engine: Engine, services: Services,
                                                                     moderated: int, undo: str) -> None:
    engine.message(MODERATOR, f"moderate {moderated}")
    assert "What grade would you give?" in said(engine.message(MODERATOR, "disagree"))
    back = engine.message(MODERATOR, undo)
    assert said(back).startswith(f"Nothing is saved yet: back to your decision on audit #{moderated}.")
    assert conversation_of(services) == "moderation_decision"
    assert asked_the_knowledge_base(services) == 0


@pytest.mark.parametrize("undo", UNDO[:3])
def test_undo_at_the_moderation_reason_goes_back_to_the_grade_picked(engine: Engine, services: Services,
                                                                     moderated: int, undo: str) -> None:
    engine.message(MODERATOR, f"moderate {moderated}")
    engine.message(MODERATOR, "disagree")
    assert "Why?" in said(engine.message(MODERATOR, "requires improvement"))
    back = engine.message(MODERATOR, undo)
    assert said(back).startswith(f"Nothing is saved yet: back to the grade for audit #{moderated}. You picked "
                                 "Requires improvement to be good: pick it again or another.")
    assert "What grade would you give?" in said(back) and conversation_of(services) == "moderation_grade"
    picked = engine.message(MODERATOR, "outstanding")
    assert "You would grade it Outstanding. Why?" in said(picked)
    assert asked_the_knowledge_base(services) == 0


def test_undo_at_the_reason_after_agreeing_goes_back_to_agree_or_disagree(engine: Engine, services: Services,
                                                                          moderated: int) -> None:
    engine.message(MODERATOR, f"moderate {moderated}")
    assert "Why?" in said(engine.message(MODERATOR, "agree"))
    back = engine.message(MODERATOR, "undo")
    assert said(back).startswith(f"Nothing is saved yet: back to your decision on audit #{moderated}.")
    assert conversation_of(services) == "moderation_decision"
