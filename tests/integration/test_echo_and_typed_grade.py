"""Trial 36: what was typed, said back.

- (H2) At a date question `ruby was off sick all week` was told "I could not read 'ruby was off sick all week' as a
  date": an error quotes what was typed only when the privacy screen passes it and it is a few words, like a date.
- (LOW) `RI` typed at the overall grade was not said back, as every other typed answer is.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.echo import masked
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
QA = "U0QALEAD1"
TO_DATE = ["start audit supervision", "CR-600400", "sw n1", "no"]  # the next question asks a date
TO_GRADE = TO_ACTIONS[:TO_ACTIONS.index("next") + 1]


def _at_the_date(engine: Engine, typed: str) -> str:
    with time_machine.travel(NOW, tick=False):
        for line in TO_DATE:
            engine.message(QA, line, surface="terminal")
        replies = engine.message(QA, typed, surface="terminal")
    return " ".join(" ".join(r.text.split()) for r in replies)


@pytest.mark.parametrize("typed", ["off sick all week so not seen", "offsick all week so not seen"])
def test_a_date_that_could_not_be_read_is_not_said_back_unless_it_passes_the_screen(engine: Engine,
                                                                                    typed: str) -> None:
    said = _at_the_date(engine, typed)
    assert "I could not read that as a date." in said
    assert typed.split()[0].lower() not in said.lower()


def test_a_name_typed_where_a_date_is_asked_is_refused_and_never_said_back(engine: Engine) -> None:
    """'ruby was off sick all week' names a child (trial 41): the screen refuses it before the date is read."""
    said = _at_the_date(engine, "ruby was off sick all week")
    assert "“r…” looks like a child's or family member's name" in said and "ruby" not in said.lower()


def test_a_date_typed_wrong_in_a_few_words_is_still_said_back(engine: Engine) -> None:
    assert "I could not read 'next tuesdya' as a date." in _at_the_date(engine, "next tuesdya")


@pytest.mark.parametrize(("text", "typed", "shown"), [
    ("I could not read 'mum said jack was hit' as a date.", "mum said jack was hit",
     "I could not read that as a date."),
    ("'ruby was off sick all…' is not a real date.", "ruby was off sick all week", "That is not a real date."),
    ("I could not read 'blursday' as a date.", "blursday", "I could not read 'blursday' as a date."),
    ("Did you mean 'show 12'?", "shwo 12", "Did you mean 'show 12'?"),  # not the person's own words: kept
    ("“S… W…” looks like a name.", "Shannon Wright is mum", "“S… W…” looks like a name."),  # the screen's own mask
])
def test_only_a_quote_of_what_was_typed_that_passes_is_kept(text: str, typed: str, shown: str) -> None:
    assert masked(text, typed, lambda quoted: "jack" not in quoted) == shown


@pytest.mark.parametrize(("typed", "label"), [("RI", "Requires improvement to be good"),
                                              ("req imp", "Requires improvement to be good")])
def test_a_grade_typed_alone_at_the_overall_grade_is_said_back(engine: Engine, services: Services, typed: str,
                                                               label: str) -> None:
    with time_machine.travel(NOW, tick=False):
        _, out = drive(engine, [*TO_GRADE, typed], user="U0MGRN001")
    after = " ".join(out.split("Overall grade")[-1].split()).replace("**", "")
    assert f"Got it: {label}." in after
    assert store.get_audit(services.storage, 1).overall_grade == "requires_improvement"
