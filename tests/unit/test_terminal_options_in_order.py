"""Trial 60, F20: `re-audit CR-373208` showed the heads-up's "5) View #13" above the worker question's "1) Social
worker N1 … 4) Cancel audit": the question's options are numbered first (so the worker list reads the same whoever
starts the audit), and the terminal now also lists every option in number order, top to bottom."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.core.replies import Choice, Reply
from bot.terminal.render import TerminalView

HEADS_UP = Reply(kind="notice", text="Heads up: CR-373208 has been audited in the last 12 months:",
                 choices=(Choice("View #13", "audit.view", "13"),))
WORKERS = Reply(kind="question", text="Whose case is it?",
                choices=tuple(Choice(label, "audit.worker", label) for label in
                              ("Social worker N1", "Social worker N2", "Pause", "Cancel audit")))


def numbers_shown(out: str) -> list[int]:
    return [int(found) for found in re.findall(r"^\s+#?(\d+)\) ", out, re.MULTILINE)]


def test_a_heads_up_view_button_follows_the_worker_question_as_option_5() -> None:
    view = TerminalView()
    out = view.render([HEADS_UP, WORKERS])
    assert numbers_shown(out) == [1, 2, 3, 4, 5]
    assert out.index("Heads up") < out.index("Whose case is it?") < out.index("  4) Cancel audit") \
        < out.index("  5) View #13")
    assert view.choices[4].label == "View #13"  # a typed 5 still views #13


@given(st.lists(st.tuples(st.sampled_from(["notice", "question"]), st.integers(min_value=0, max_value=3)),
                max_size=5))
def test_options_of_notices_and_questions_always_read_in_number_order(shapes: list[tuple[str, int]]) -> None:
    replies = [Reply(kind=kind, text=f"reply {n}", choices=tuple(Choice(f"option {n}.{k}", "a", f"{n}.{k}")
                                                                 for k in range(count)))
               for n, (kind, count) in enumerate(shapes)]
    out = TerminalView().render(replies)
    assert numbers_shown(out) == list(range(1, sum(count for _, count in shapes) + 1))


def test_an_answer_given_aside_keeps_its_own_options_beside_it() -> None:
    answer = Reply(text="How often should a child on a plan be visited? …",
                   choices=(Choice("Helpful", "kb.helpful", "1"), Choice("Not helpful", "kb.unhelpful", "1")))
    out = TerminalView().render([answer, WORKERS])
    assert out.index("  5) Helpful") < out.index("Whose case is it?")
