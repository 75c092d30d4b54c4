"""What typed text does while a moderator writes their decision (user trial 9, finding 4): at "What grade would you
give?" (after *No, go back and change it*, say) every command was refused as "Please choose a grade", so the
moderator could not re-read the audit with `show 3` before choosing, and nothing else worked until a grade was
picked. Now a whole command runs at any step of the decision and the moderation follows ("Back to your moderation of
audit #3:"), as at an audit's steps; `back` returns to Agree/Disagree, and `pause` or `cancel` leave the moderation
held (a moderation ends only by its decision or a take-over), saying how to come back."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.conversation import MODERATING, STATES
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
AUDITOR, MODERATOR = "U0MGRN001", "U0MGRS001"  # North's manager audits; South's manager moderates, as in the trial
REASON = "The child's views are summarised by adults and not in their own words."
REFUSED = "Please choose a grade"


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("`", "").split())


def texts(replies: list[Reply]) -> str:
    return flat("\n".join(reply.text for reply in replies))


def awaiting(services: Services) -> str | None:
    return store.conversation(services.storage, MODERATOR).get("awaiting")


@pytest.fixture
def at_the_grade(engine: Engine, services: Services) -> int:
    """The trial's way to "What grade would you give?": disagree, Inadequate with a reason, then No at the alert."""
    with time_machine.travel(THURSDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)  # graded Good, with an open action
        for line in [f"moderate {audit_id}", "disagree", "inadequate - the child was not heard enough", "no"]:
            replies = engine.message(MODERATOR, line)
    assert "What grade would you give?" in texts(replies) and awaiting(services) == "moderation_grade"
    return audit_id


@pytest.mark.parametrize(("typed", "ran"), [
    ("show {audit}", "Do you agree with the overall grade?"),  # the audit re-read before choosing
    ("list", "Audits you can read"),
    ("home", "Hello, Team manager (South)"),
    ("actions", "open actions"),
    ("moderate", "Audits you are moderating"),
])
def test_a_command_at_the_moderators_grade_runs_and_the_grade_question_follows(
        engine: Engine, services: Services, at_the_grade: int, typed: str, ran: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        replies = engine.message(MODERATOR, typed.format(audit=at_the_grade))
    assert REFUSED not in texts(replies) and not [r for r in replies if r.kind == "error"]
    assert ran in texts(replies)
    assert replies[-1].text.startswith(f"Back to your moderation of audit #{at_the_grade}:\nWhat grade would you give?")
    assert {c.label for c in replies[-1].choices} == {"Outstanding", "Requires improvement to be good", "Inadequate"}
    assert awaiting(services) == "moderation_grade"
    assert store.get_audit(services.storage, at_the_grade).status == "in_moderation"


def test_the_grade_typed_after_the_commands_still_moderates_in_the_terminal(engine: Engine, services: Services,
                                                                            at_the_grade: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, ["home", f"show {at_the_grade}", "list", "actions", "moderate", f"RI, {REASON}",
                                "skip"], user=MODERATOR)
    assert REFUSED not in out
    assert out.count(f"Back to your moderation of audit #{at_the_grade}:") == 5
    assert f"Moderation of audit #{at_the_grade} saved" in flat(out)
    assert store.get_audit(services.storage, at_the_grade).moderated_grade == "requires_improvement"


def test_back_at_the_grade_returns_to_agree_or_disagree_and_saves_nothing(engine: Engine, services: Services,
                                                                          at_the_grade: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        replies = engine.message(MODERATOR, "back")
        assert "Nothing is saved yet: back to your decision" in texts(replies)
        assert [c.label for c in replies[-1].choices] == ["Agree: Good", "Disagree"]
        assert awaiting(services) == "moderation_decision"  # waiting at Agree / Disagree, so `1` or `agree` is its
        asked = engine.message(MODERATOR, "agree")  # the decision typed, as the buttons make it
    assert "You agree with Good. Why?" in texts(asked)
    assert store.get_audit(services.storage, at_the_grade).status == "in_moderation"


@pytest.mark.parametrize("typed", ["pause", "cancel"])
def test_pause_or_cancel_leaves_the_moderation_held_and_says_how_to_come_back(
        engine: Engine, services: Services, at_the_grade: int, typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [left] = engine.message(MODERATOR, typed)
        listed = engine.message(MODERATOR, "moderate")
    kept = (f"Saved so far: Disagree; type moderate {at_the_grade} to finish. Nothing is decided or sent yet"
            if typed == "pause" else "Nothing is saved")  # pause keeps the decision so far (trial 39)
    assert flat(left.text) == (f"{kept}: audit #{at_the_grade} stays yours to moderate, and read-only for "
                               "its auditor, until you decide (if it is still undecided on Monday 7 December 2026, "
                               "another moderator may take it over). To carry on, press Continue or type /audit "
                               f"moderate {at_the_grade}; to let it go back to the queue, editable by its auditor, "
                               f"type stop moderating {at_the_grade}.")
    assert [(c.action, c.value) for c in left.choices] == [("audit.moderate_open", str(at_the_grade))]
    assert awaiting(services) is None
    held = moderation_store.current_moderation(services.storage, at_the_grade)
    assert held is not None and held.moderator_id == MODERATOR
    assert any(c.label == f"Continue #{at_the_grade}" for r in listed for c in r.choices)
    assert "Back to your moderation" not in texts(listed)  # nothing waits any more


def test_a_command_at_the_moderators_reason_runs_and_the_reason_is_still_asked(engine: Engine, services: Services,
                                                                               at_the_grade: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        engine.message(MODERATOR, "RI")
        replies = engine.message(MODERATOR, f"show {at_the_grade}")
        assert "Please say in a sentence" not in texts(replies)
        assert replies[-1].text.startswith(f"Back to your moderation of audit #{at_the_grade}:\nYou would grade it")
        assert awaiting(services) == "moderation_reason"
        engine.message(MODERATOR, REASON)
        engine.message(MODERATOR, "skip")  # the action offered with a disagreement (fix41d)
    assert store.get_audit(services.storage, at_the_grade).moderated_grade == "requires_improvement"


def test_every_state_of_a_moderators_decision_runs_a_command_aside() -> None:
    """None of the states a moderator's decision waits in can swallow `show 12` again."""
    assert MODERATING and [state for state in MODERATING if not STATES[state].commands] == []
