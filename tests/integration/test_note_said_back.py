"""An answer's note is said back as it is kept (trial 21: `no visits gap of 9 weeks in Oct/Nov` was kept whole as the
note of a No, which reads as "there was no gap", and the auditor saw it only at the review)."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.questions import NOTE_SAID_BACK, with_your_note
from bot.engine.routing import Engine
from knowledge.checklist_schema import Question
from tests.e2e.test_terminal_chat import drive

WHEN = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
TO_CONSENT = ["start audit early-help-spot", "CR-555555", "U0PRAN001", "no"]


def test_the_note_kept_with_a_yes_or_no_is_said_back_word_for_word(engine: Engine) -> None:
    with time_machine.travel(WHEN, tick=False):
        _, out = drive(engine, [*TO_CONSENT, "no visits gap of 9 weeks in Oct/Nov", "no, the plan is a list of tasks"],
                       user="U0MGRN001")
    said = " ".join(out.split())
    assert "Got it: No, with your note: “no visits gap of 9 weeks in Oct/Nov”." in said
    assert "Got it: No, with your note: “the plan is a list of tasks”." in said  # the answer's own word left out


@given(st.text(min_size=1, max_size=400).filter(lambda text: text.strip()))
def test_any_note_is_said_back_whole_or_cut_with_an_ellipsis(note: str) -> None:
    question = Question(id="q", text="Is it recorded?", type="yes_no")
    said = with_your_note(question, "no", note).text
    shown = said.split("with your note: “", 1)[1].removesuffix("”.")
    flat = " ".join(note.split())
    assert shown == flat if len(flat) <= NOTE_SAID_BACK else (shown.endswith("…") and len(shown) <= NOTE_SAID_BACK
                                                              and flat.startswith(shown[:-1].rstrip()))
