"""Trial 43 (findings 3, 18, 20): `undo` never goes to the knowledge base.

`done 18`, a line that went elsewhere, then `undo` got "Can I change an audit after I have submitted it?" and left
action 18 done; `undo that` at "Mark action 142 done? 1) Yes 2) No" got the same answer; and "The choice above is
still waiting: type `undo`" ended unrelated replies long after the reflection's Withdraw button had gone. Now `undo` at
a Yes-or-No question is its No, with nothing to undo it says so and names the way to reopen the action, and an offer's
reminder line is said once, on the very next reply."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.asking.feature import KnowledgeFeature
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.integration.test_wording import submitted_audit
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SET = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)  # a Monday
MANAGER, WORKER = "U0MGRS001", "U0PRAS001"


@pytest.fixture
def action_id(services: Services) -> int:
    """An open action of the South worker's, from her manager's audit."""
    audit_id = insert_audit(services.storage, "CR-123456", SET, auditor=MANAGER, worker=WORKER,
                            team="south-cin-cp")
    return action_store.add_action(services.storage, audit_id, "Book a supervision discussion", WORKER,
                                   "2026-12-18", MANAGER, SET)


def said(engine: Engine, who: str, text: str) -> str:
    with time_machine.travel(NOW, tick=False):
        return flat("\n".join(reply.text for reply in engine.message(who, text, surface="terminal")
                              if reply.to_user is None))


def is_done(services: Services, number: int) -> bool:
    found = action_store.get_action(services.storage, number)
    return found is not None and found.done_at is not None


def test_undo_after_a_line_elsewhere_says_nothing_to_undo_and_names_the_reopen(
        engine: Engine, services: Services, action_id: int) -> None:
    assert said(engine, MANAGER, f"done {action_id}").startswith("Mark action")
    said(engine, MANAGER, "yes")
    assert is_done(services, action_id)
    said(engine, MANAGER, "my actions")  # a line that went elsewhere: the offer of `undo` is let go
    asked_before = asked_the_knowledge_base(services)
    reply = said(engine, MANAGER, "undo")
    assert reply == ("Nothing to undo just now: `undo` works straight after `done`, `reflect` or a request for more "
                     "time. To withdraw a reflection, type `withdraw my reflection on N` (N the audit); to reopen "
                     f"action {action_id}, which you marked done, type `reopen action {action_id}`.")
    assert asked_the_knowledge_base(services) == asked_before
    assert said(engine, WORKER, "undo please").endswith("to reopen an action, `reopen action N`.")


@pytest.mark.parametrize("undo", ["undo", "undo that", "oops undo", "Undo please!"])
def test_undo_at_a_yes_or_no_question_is_its_no(engine: Engine, services: Services, action_id: int,
                                                undo: str) -> None:
    assert said(engine, MANAGER, f"done {action_id}").startswith(f"Mark action #{action_id} done")
    reply = said(engine, MANAGER, undo)
    assert reply.startswith(f"OK: action {action_id} (") and reply.endswith("stays open. Nothing changed.")
    assert not is_done(services, action_id)
    assert asked_the_knowledge_base(services) == 0


def test_the_offers_reminder_is_said_on_the_very_next_reply_only(engine: Engine, services: Services) -> None:
    with time_machine.travel(SET, tick=False):
        audit_id = submitted_audit(engine, services)
    saved = said(engine, "U0PRAN001", f"reflect {audit_id} I will ask the school for their view before the review.")
    assert "Type `undo`" in saved
    first = said(engine, "U0PRAN001", "what is a core group?")
    assert first.endswith("The choice above is still waiting: type `undo` (or press **Withdraw**).")
    second = said(engine, "U0PRAN001", "when is the ICPC due?")
    assert "still waiting" not in second
    assert said(engine, "U0PRAN001", "undo").startswith("Nothing to undo just now")


_LEADS = st.sampled_from(["", "oops ", "sorry ", "whoops ", "oh no ", "please ", "can you ", "no ", "wait "])
_WHAT = st.sampled_from(["", " that", " it", " this", " the last one", " last"])
_AFTER = st.sampled_from(["", " please", " pls", " thanks", " now"])
_MARKS = st.sampled_from(["", "!", ".", "!!", "?"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lead=_LEADS, what=_WHAT, after=_AFTER, mark=_MARKS, upper=st.booleans())
def test_no_undo_phrase_ever_reaches_the_knowledge_search(engine: Engine, monkeypatch: pytest.MonkeyPatch,
                                                          lead: str, what: str, after: str, mark: str,
                                                          upper: bool) -> None:
    def searched(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an undo phrase was asked of the knowledge base")

    monkeypatch.setattr(KnowledgeFeature, "ask", searched)
    phrase = f"{lead}undo{what}{after}{mark}"
    assert said(engine, MANAGER, phrase.upper() if upper else phrase.capitalize()).startswith("Nothing to undo")
