"""Trial 32, HIGH 2: at "Why this grade?" after `good`, `actually RI not good, visits slipped twice` was saved as Good
with the change of mind as its evidence. A grade changed in words there takes the new grade, with the rest as the
evidence, and says so."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_leaving_words_pause import QUALITY, TO_WHY, audit, say


def stored(services: Services) -> tuple[str, str | None]:
    answer = store.answers_of(services.storage, 1)[QUALITY]
    return answer.value, answer.evidence


@pytest.mark.parametrize(("typed", "grade", "label", "note"), [
    ("actually RI not good, visits slipped twice", "requires_improvement", "Requires improvement to be good",
     "visits slipped twice"),
    ("RI not good - visits slipped twice", "requires_improvement", "Requires improvement to be good",
     "visits slipped twice"),
    ("sorry I meant inadequate - no visits for 9 weeks", "inadequate", "Inadequate", "no visits for 9 weeks"),
    ("actually outstanding, the plan is the family's own", "outstanding", "Outstanding",
     "the plan is the family's own"),
])
def test_a_grade_changed_at_the_note_takes_the_new_grade_with_the_rest_as_evidence(
        engine: Engine, services: Services, typed: str, grade: str, label: str, note: str) -> None:
    replies = say(engine, *TO_WHY, typed)
    assert replies[0].text == f"Changed to **{label}** (was Good), with your note: “{note}”."
    assert stored(services) == (grade, note)
    assert audit(services).step != f"evidence:{QUALITY}"
    assert "with your note: “actually" not in "\n".join(r.text for r in replies)


def test_a_grade_changed_alone_asks_for_the_new_grades_evidence(engine: Engine, services: Services) -> None:
    replies = say(engine, *TO_WHY, "actually RI")
    assert replies[0].text == "Changed to **Requires improvement to be good** (was Good)."
    assert "Why this grade?" in "\n".join(r.text for r in replies)
    assert stored(services) == ("requires_improvement", None) and audit(services).step == f"evidence:{QUALITY}"
    say(engine, "The visits slipped twice in the period.")
    assert stored(services) == ("requires_improvement", "The visits slipped twice in the period.")


def test_a_too_short_note_with_the_change_is_asked_again(engine: Engine, services: Services) -> None:
    replies = say(engine, *TO_WHY, "actually RI not good, ok")
    assert replies[0].text.startswith("Changed to **Requires improvement to be good** (was Good). “ok” is too short")
    assert stored(services) == ("requires_improvement", None) and audit(services).step == f"evidence:{QUALITY}"


@pytest.mark.parametrize("note", ["Good visits throughout and the plan is reviewed on time.",
                                  "actually good, visits were regular and purposeful",
                                  "The plan is not outstanding but visits are regular."])
def test_a_note_naming_no_other_grade_is_the_evidence(engine: Engine, services: Services, note: str) -> None:
    replies = say(engine, *TO_WHY, note)
    assert replies[0].text.startswith("Got it: **Good**, with your note:")
    assert stored(services)[0] == "good"
