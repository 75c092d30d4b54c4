"""Trial 18: `kb dismis 13` got the whole list of knowledge-base commands. A word a letter or two from one of them is
answered with that command and the number typed (never run: `dismiss` closes a question for everyone who asked),
and never with the rest of the line, which may be an answer's unscreened text. Other words get the list as before."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks as store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.integration.test_unanswered_workflow import QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)


@pytest.mark.parametrize(("typed", "meant"), [("dismis", "dismiss"), ("dimsiss", "dismiss"), ("anwser", "answer"),
                                              ("unanswerd", "unanswered"), ("relaod", "reload")])
def test_a_command_word_spelt_a_letter_or_two_out_is_named_and_not_run(engine: Engine, services: Services,
                                                                       typed: str, meant: str) -> None:
    key = ask_fire_drill(engine)
    [reply] = engine.command(QA_LEAD, f"kb {typed} {key} Tyler Brown's school knows")
    assert reply.kind == "error"
    assert f"Did you mean `/audit kb {meant} {key}`?" in reply.text
    assert "Tyler" not in reply.text
    assert statuses(services) == [] and store.closure(services.storage, int(key)) is None


def test_a_word_far_from_every_command_gets_the_list(engine: Engine) -> None:
    [reply] = engine.command(QA_LEAD, "kb banana")
    assert reply.kind == "error" and "What you can do with the knowledge base" in reply.text


@pytest.mark.parametrize("typed", ["kb out of scope {key}", "kb Out Of Scope {key}", "/audit kb out of scope {key}"])
def test_out_of_scope_typed_with_spaces_as_its_button_reads_closes_the_question(engine: Engine, services: Services,
                                                                                typed: str) -> None:
    key = ask_fire_drill(engine)
    logged = asked_the_knowledge_base(services)
    [reply] = engine.message(QA_LEAD, typed.format(key=key))
    assert reply.text == f"Closed #{key} as out of scope (2 questions)."
    assert {status for status, _, _ in statuses(services)} == {"out_of_scope"}  # each of the two askings
    assert asked_the_knowledge_base(services) == logged  # trial 21: it went on the QA leads' own list as a question


def test_a_misspelt_word_typed_without_audit_is_named_and_never_reaches_the_list(engine: Engine,
                                                                               services: Services) -> None:
    key = ask_fire_drill(engine)
    logged = asked_the_knowledge_base(services)
    [reply] = engine.message(QA_LEAD, f"kb dismis {key}")
    assert reply.kind == "error" and f"Did you mean `/audit kb dismiss {key}`?" in reply.text
    assert statuses(services) == [] and asked_the_knowledge_base(services) == logged
