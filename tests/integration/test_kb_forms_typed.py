"""fix81d (fix80c's follow-up sweep): `kb new` typed in the chat without `/audit` (three letters, so not read as a
`kb` word typed wrong) was answered as a practice question, with the knowledge base's how-to page; so were
`kb new <words>` and `kb link kooth` without the group's number. Every `kb …` form typed without `/audit` is now the
command, as other commands are: its usage for a QA lead or admin, and who may use it for anyone else."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text

QA_LEAD, ADMIN, WORKER, MANAGER = "U0QALEAD1", "U0ADMIN01", "U0PRAN001", "U0MGRN001"
HOW_TO = "How do QA leads update the knowledge base?"


def asked(services: Services) -> list[str]:
    return [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks")]


@pytest.mark.parametrize(("typed", "usage"), [
    ("kb new", "like `/audit kb new 12 <question> | <answer>`"),
    ("kb new what is a pep", "like `/audit kb new 12 <question> | <answer>`"),
    ("kb link kooth", "like `/audit kb link 12 <entry id>`"),
    ("KB answer", "like `/audit kb answer 12 <your answer>`"),
])
@pytest.mark.parametrize("user", [QA_LEAD, ADMIN])
def test_a_kb_form_without_its_number_gets_its_usage(engine: Engine, services: Services, typed: str, usage: str,
                                                      user: str) -> None:
    said = all_text(engine.message(user, typed))
    assert "Say which group with its number from `/audit kb unanswered`" in said and usage in said
    assert HOW_TO not in said and asked(services) == []


@pytest.mark.parametrize("typed", ["kb new", "kb unanswered", "kb check", "kb learned", "kb link kooth"])
@pytest.mark.parametrize("user", [WORKER, MANAGER])
def test_others_are_told_who_may_use_kb(engine: Engine, services: Services, typed: str, user: str) -> None:
    said = all_text(engine.message(user, typed))
    assert "`/audit kb` is for QA leads and admins." in said
    assert HOW_TO not in said and asked(services) == []


def test_the_other_kb_forms_still_run_typed(engine: Engine) -> None:
    assert "No unanswered or unhelpful questions" in all_text(engine.message(QA_LEAD, "kb unanswered"))
    assert "The knowledge folder has no problems" in all_text(engine.message(QA_LEAD, "kb check"))
