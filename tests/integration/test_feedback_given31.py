"""Trial 31: feedback was hard to give. An entry opened from a suggestion had no Helpful / Not helpful, so `1`, meant
as Helpful, opened the entry's first related question; `was that helpful? yes it was` was searched ("Did you
mean…"); and in a new terminal session `2` after an entry was "There are no options to pick from just now". An
entry reached by a pick has Helpful / Not helpful first, as a direct answer has; Helpful or Not helpful said in
words marks the latest answer; and an answer's options stay open into the next session until one is pressed."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.composition import build_engine
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.chat import run_chat

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
WORKER = "U0PRAN001"
ASKED = "how often shud i be having supervision as an asye"


def votes(services: Services) -> list[tuple[str, int]]:
    return [(row["entry_id"], row["helpful"]) for row in services.storage.db.query(
        "SELECT entry_id, helpful FROM kb_feedback ORDER BY id")]


def related(replies: list[Reply]) -> tuple[str, str]:
    """The first related question under the answer: (its label, its button's value)."""
    choice = next(c for r in replies for c in r.choices if c.action == "kb.show")
    return choice.label, choice.value


def test_an_entry_opened_from_a_related_question_has_helpful_first(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        label, value = related(engine.message(WORKER, ASKED, surface="terminal"))
        opened = engine.action(WORKER, "kb.show", value, surface="terminal")
        [entry] = [r for r in opened if r.title == label]
        assert [c.label for c in entry.choices[:2]] == ["Helpful", "Not helpful"]
        helpful = entry.choices[0]
        said = engine.action(WORKER, helpful.action, helpful.value, surface="terminal")
    assert said[0].text == "Thanks: glad it helped."
    assert votes(services) == [(value, 1)]


@pytest.mark.parametrize(("typed", "vote"), [("was that helpful? yes it was", 1), ("that was helpful", 1),
                                             ("thanks, that was really useful", 1), ("not helpful", 0),
                                             ("that didnt help", 0)])
def test_helpful_said_in_words_marks_the_latest_answer(engine: Engine, services: Services, typed: str,
                                                       vote: int) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, ASKED, surface="terminal")
        said = "\n".join(r.text for r in engine.message(WORKER, typed, surface="terminal"))
    assert "Did you mean" not in said and "QA leads' list for the knowledge base" not in said
    assert ("glad it helped" if vote else "The QA leads see answers marked Not helpful") in said
    assert [helpful for _, helpful in votes(services)] == [vote]


def test_helpful_said_with_no_answer_given_is_told_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        said = engine.message(WORKER, "that was helpful", surface="terminal")
    assert "I haven't given you an answer just now to mark" in said[0].text
    assert votes(services) == [] and services.storage.db["kb_asks"].count == 0


def _session(services: Services, lines: str, at: datetime) -> str:
    out = io.StringIO()
    with time_machine.travel(at, tick=False):
        run_chat(build_engine(services), WORKER, io.StringIO(lines), out)
    return out.getvalue()


def test_an_answers_helpful_and_not_helpful_stay_open_in_the_next_session(services: Services) -> None:
    first = _session(services, f"{ASKED}\n", NOW)
    assert "1) Helpful" in first and "2) Not helpful" in first
    second = _session(services, "2\n", NOW + timedelta(hours=1))
    # not asked again as the session opens (trial 34), yet `2` typed first still marks it
    assert "helpful?" not in second.lower() and "There are no options to pick from" not in second
    assert "You picked 2: Not helpful" in second and "The QA leads see answers marked Not helpful" in second
    assert [helpful for _, helpful in votes(services)] == [0]
    third = _session(services, "", NOW + timedelta(hours=2))
    assert "still open" not in third  # pressed: settled
