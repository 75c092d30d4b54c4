"""Trial 24, MEDIUM 9: at "Why this grade?" a manager typed `yes core group within 10 days`, meant for the next
question; it was saved as the grade's evidence and the next answer landed on the wrong question. A note starting with
yes (or `no -`, `no,`) is now asked about first; and the same grade given again at the question `change 7` jumped to
asks for the note again, showing the one on file, so a stray note can be replaced (or kept with `keep`)."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS

AUDITOR = "U0MGRN001"
TO_WHY = TO_ACTIONS[:TO_ACTIONS.index("good") + 1]  # the early help spot check, at its first "Why this grade?"
TO_REVIEW = TO_ACTIONS[:TO_ACTIONS.index("next")]
QUALITY = "practice-quality"  # question 7, graded Good
STRAY = "yes core group within 10 days"
REASON = "The plan and the visits show steady progress."


def say(engine: Engine, *lines: str) -> list[Reply]:
    """Type each line in a DM, the clock pinned; the replies to the last one."""
    replies: list[Reply] = []
    with time_machine.travel(DRAFTED, tick=False):
        for line in lines:
            replies = engine.message(AUDITOR, line)
    return replies


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def note_on_file(services: Services) -> str | None:
    return store.answers_of(services.storage, 1)[QUALITY].evidence


def step(services: Services) -> str:
    audit = store.get_audit(services.storage, 1)
    assert audit is not None
    return audit.step


@pytest.mark.parametrize("stray", [STRAY, "Yes, core group within 10 days", "no - core group was late",
                                   "yep seen alone on every visit"])
def test_a_note_that_starts_like_an_answer_is_asked_about_and_not_saved_yet(engine: Engine, services: Services,
                                                                              stray: str) -> None:
    [asked] = say(engine, *TO_WHY, stray)
    word = stray.split()[0].strip(",")
    assert asked.text.startswith(f"That starts with “{word}”") and "Is it your reason for the grade (**Good**)?" in \
        asked.text
    assert [c.label for c in asked.choices] == ["Yes, save it", "No, I'll type the reason"]
    assert note_on_file(services) is None and step(services) == f"evidence:{QUALITY}"


@pytest.mark.parametrize("yes", ["yes", "Yes, save it"])
def test_yes_saves_it_as_the_grades_note_and_moves_on(engine: Engine, services: Services, yes: str) -> None:
    replies = say(engine, *TO_WHY, STRAY, yes)
    assert replies[0].text == f"Got it: **Good**, with your note: “{STRAY}”."
    assert note_on_file(services) == STRAY and step(services) != f"evidence:{QUALITY}"


def test_no_saves_nothing_and_asks_for_the_reason_again_then_the_next_question_is_answered(
        engine: Engine, services: Services) -> None:
    replies = say(engine, *TO_WHY, STRAY, "no")
    assert replies[0].text.startswith("OK, I haven't saved it. Type your reason for the grade")
    assert "**Why this grade?**" in texts(replies) and note_on_file(services) is None
    say(engine, REASON)
    assert note_on_file(services) == REASON


def test_another_note_typed_instead_is_the_note(engine: Engine, services: Services) -> None:
    replies = say(engine, *TO_WHY, STRAY, REASON)
    assert replies[0].text == f"Got it: **Good**, with your note: “{REASON}”."
    assert note_on_file(services) == REASON


@pytest.mark.parametrize("reason", ["No evidence of the child's voice in the plan", "Nothing shows drift."])
def test_a_reason_that_is_no_answer_is_saved_at_once(engine: Engine, services: Services, reason: str) -> None:
    say(engine, *TO_WHY, reason)
    assert note_on_file(services) == reason


def test_the_same_grade_after_change_shows_the_note_and_a_new_one_replaces_it(engine: Engine,
                                                                              services: Services) -> None:
    say(engine, *TO_WHY, STRAY, "yes", *TO_REVIEW[len(TO_WHY) + 1:])
    assert step(services) == "review"
    [asked] = say(engine, "change 7", "good")
    assert f"Your note now: “{STRAY}”. Type a new note to replace it, or `keep` to keep it." in asked.text
    replies = say(engine, REASON)
    assert replies[0].text == f"Got it: **Good**, with your note: “{REASON}”."
    assert note_on_file(services) == REASON and step(services) == "review"


def test_keep_keeps_the_note_on_file(engine: Engine, services: Services) -> None:
    say(engine, *TO_WHY, REASON, *TO_REVIEW[len(TO_WHY) + 1:], "change 7", "good")
    say(engine, "keep")
    assert note_on_file(services) == REASON and step(services) == "review"
