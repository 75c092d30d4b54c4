"""The splitter that finds the other questions in a line holding a command (trial 43, finding 7): never drops a
word, never reports the command's own part, and leaves a courtesy ("is that ok") unreported."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.core import also_asked

QUESTIONS = ["which of my actions are overdue", "how do i do a good chronology", "what is a strategy meeting",
             "can you show my audits", "where do i find the threshold document", "is the genogram needed"]
COMMAND = "can i get more time on 34 till the 20th cos of the conference"
JOINS = [", ", "? ", " - ", "; ", "\n", ", and ", " and "]


def _is_command(part: str) -> bool:
    return "more time" in part


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@given(st.lists(st.sampled_from(QUESTIONS), min_size=1, max_size=3, unique=True), st.sampled_from(JOINS),
       st.booleans())
def test_each_other_question_is_named_once_and_the_command_never(questions: list[str], join: str,
                                                                  first: bool) -> None:
    line = join.join([COMMAND, *questions] if first else [*questions, COMMAND])
    assert also_asked.others(line, _is_command) == questions
    assert also_asked.kept(line, _is_command) == COMMAND


@given(st.text(alphabet="abcdefghij ,?-;\n0123456789", max_size=80))
def test_no_word_is_ever_dropped_by_the_split(text: str) -> None:
    connectives = {"and", "also", "plus", "then"}
    kept = [word for part in also_asked.parts(text) for word in _words(part)]
    assert [word for word in _words(text) if word not in connectives] == [w for w in kept if w not in connectives]


@given(st.text(max_size=60))
def test_a_line_of_one_part_reports_nothing(text: str) -> None:
    if len(also_asked.parts(text)) < 2:
        assert also_asked.others(text, _is_command) == []
        assert also_asked.kept(text, _is_command) == text


def test_a_courtesy_after_the_request_and_a_preamble_before_it_are_not_questions() -> None:
    for line in (f"{COMMAND}, is that ok?", f"{COMMAND}? would that be alright", f"sorry - {COMMAND}",
                 f"hi, {COMMAND}, thanks"):
        assert also_asked.others(line, _is_command) == [], line


def test_the_line_quotes_what_passes_the_screen_and_nothing_else() -> None:
    said = also_asked.line(["how do i do a good chronology", "can jayden stay"], lambda part: "jayden" not in part)
    assert said == ("You also asked \u201chow do i do a good chronology\u201d and another question: send each on its "
                    "own line and I'll answer it.")
    assert also_asked.line(["which of my actions are overdue"], lambda part: True).endswith(
        "send it on its own line and I'll answer it.")
