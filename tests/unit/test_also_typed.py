"""A command typed with other questions beside it (trial 44): the command's part is run, the questions named back;
a note, a reflection's words or any other free text after a command stay the command's (bot.engine.also_typed)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.engine.also_typed import split

_COMMANDS = {r"done\s+\d+(?:\s*[-:,]\s*\S.*)?": "shortcut", r"reopen\s+\d+": "shortcut", r"show\s+\d+": "show",
             r"away\s+(?:from|until)\s.+": "away", r"reflect\s+\d+.*": "reflect", r"note\s+\d+.*": "note"}


def _command(part: str) -> str | None:
    return next((name for shape, name in _COMMANDS.items() if re.fullmatch(shape, part.strip(), re.IGNORECASE)), None)


def test_done_and_a_question_is_split_into_the_command_and_the_question() -> None:
    assert split("done 18 and when is the icpc due", _command) == ("done 18", ["when is the icpc due"])
    assert split("done 18, when is the icpc due?", _command) == ("done 18", ["when is the icpc due"])


def test_away_and_a_question_is_split() -> None:
    assert split("away from the 21st to 4th jan and how do i reflect", _command) == (
        "away from the 21st to 4th jan", ["how do i reflect"])


def test_free_text_after_a_command_is_left_whole() -> None:
    assert split("done 12 - was told by school", _command) is None
    assert split("done 12 - what was agreed at core group", _command) is None  # `done 12 - what was done`
    assert split("reflect 12 I agree, what a good audit", _command) is None
    assert split("note 12 rang mum, how she is coping", _command) is None  # not one of the commands split
    assert split("when is the icpc due", _command) is None
    assert split("done 18", _command) is None


NUMBERS = st.integers(min_value=1, max_value=9999)
QUESTIONS = st.sampled_from(["when is the icpc due", "how do i reflect", "what does drift mean",
                             "can i get more time", "which of my actions are overdue", "is there a template"])
JOINERS = st.sampled_from([" and ", ", ", "? ", "; ", " - ", ", and ", " also "])
COMMANDS = st.sampled_from(["done {}", "reopen {}", "show {}", "reflect {}"])


@given(command=COMMANDS, number=NUMBERS, joiner=JOINERS, question=QUESTIONS)
def test_any_command_then_a_question_runs_the_command_and_names_the_question(command: str, number: int,
                                                                            joiner: str, question: str) -> None:
    typed = command.format(number)
    assert split(f"{typed}{joiner}{question}?", _command) == (typed, [question])


NOTES = st.sampled_from(["rang the school", "was told by school", "sent to mum", "the plan is shared",
                         "I agree with the grade", "done with the family", "spoke to the IRO"])


@given(number=NUMBERS, joiner=st.sampled_from([" - ", ", ", ": ", "; "]), note=NOTES)
def test_a_note_after_done_is_never_split_off(number: int, joiner: str, note: str) -> None:
    assert split(f"done {number}{joiner}{note}", _command) is None
    assert split(f"reflect {number} {note}, what a relief", _command) is None
