"""A question that mentions the case it is about (trial 17): "whats the process for CR-445512 step down to early help"
got "I don't know that yet", while the same words without the reference got the step-down entry; and the QA leads'
unanswered list then showed the reference. The reference says nothing about the practice asked about: the question is
searched without it and noted with `[a case reference]` in its place. The references are invented."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text, button_values

MANAGER = "U0MGRS001"
QA_LEAD = "U0QALEAD1"


def first_entry(replies: list) -> str | None:
    """The entry answered outright (by its title) or else the first suggested, by id."""
    if replies[0].title:
        return replies[0].title
    shown = button_values(replies, "kb.show")
    return shown[0].split(":")[0] if shown else None


@pytest.mark.parametrize(("with_reference", "without"), [
    ("whats the process for CR-445512 step down to early help", "whats the process for step down to early help"),
    ("when is the ICPC due for CR-882019?", "when is the ICPC due?"),
    ("what does good look like for voice of the child on EH-2233", "what does good look like for voice of the child"),
    ("CR-882019: what does ICPC stand for?", "what does ICPC stand for?"),
])
def test_a_case_reference_in_a_question_does_not_change_the_answer(engine: Engine, with_reference: str,
                                                                    without: str) -> None:
    plain = engine.message(MANAGER, without)
    assert first_entry(plain) is not None
    referenced = engine.message(MANAGER, with_reference)
    assert first_entry(referenced) == first_entry(plain)
    assert referenced[0].text == plain[0].text  # "ICPC stands for…" first, as without the reference


def test_a_question_noted_for_the_qa_leads_keeps_no_reference(engine: Engine, services: Services) -> None:
    replies = engine.message(MANAGER, "canteen opening hours for the visit on CR-445512")
    assert "I don't know that yet" in all_text(replies)
    [query] = [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks")]
    assert query == "canteen opening hours for the visit on [a case reference]"
    listed = all_text(engine.command(QA_LEAD, "kb unanswered"))
    assert "canteen opening hours for the visit on" in listed and "CR-445512" not in listed
