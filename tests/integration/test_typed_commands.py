"""Commands typed nearly right, through the engine: run or suggested, never a question for the knowledge base and
never on the QA leads' list of unanswered questions (a user trial found `show 136` logged there)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.typos import ARGS, NAMES, typo_of

MANAGER = "U0MGRN001"
QA_LEAD = "U0QALEAD1"


def asked(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks ORDER BY id"))


def said(replies: list) -> str:
    return "\n".join(reply.text for reply in replies)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typo_of(tuple(ARGS)))
def test_a_typo_of_a_command_typed_in_a_dm_is_suggested_and_never_asked(engine: Engine, services: Services,
                                                                          pair: tuple[str, str]) -> None:
    name, typo = pair
    text = said(engine.message(MANAGER, f"{typo} {ARGS[name]}"))
    assert "Did you mean `/audit " in text
    assert "I don't know that yet" not in text and "noted your question" not in text
    assert asked(services) == []


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typo_of(NAMES))
def test_a_typo_of_a_slash_command_names_the_command_meant_not_the_whole_help(engine: Engine,
                                                                             pair: tuple[str, str]) -> None:
    name, typo = pair
    [reply] = engine.command(MANAGER, f"{typo} 12")
    assert reply.text.startswith(f"I don't know `{typo}`. Did you mean ")
    assert f"`/audit {name} 12`" in reply.text
    assert "Type `/audit help` for all commands." in reply.text
    assert "Here is what I can do" not in reply.text


def test_the_trial_s_near_misses_run_or_are_suggested_and_none_is_logged(engine: Engine,
                                                                        services: Services) -> None:
    assert "I can't find that audit (#136)" in said(engine.message(MANAGER, "show 136"))
    assert "I can't find that audit" in said(engine.message(MANAGER, "resume 136"))
    assert said(engine.message(MANAGER, "view 12")).startswith("Did you mean `/audit show 12`?")
    assert said(engine.message(MANAGER, "open audit 12")).startswith("Did you mean `/audit show 12`?")
    assert asked(services) == []
    assert "No unanswered" in said(engine.command(QA_LEAD, "kb unanswered"))


def test_a_mistyped_slash_command_typed_as_a_message_is_put_right(engine: Engine, services: Services) -> None:
    assert said(engine.message(MANAGER, "/audti show 12")).startswith("Did you mean `/audit show 12`?")
    assert said(engine.message(MANAGER, "/audti shwo 12")).startswith("Did you mean `/audit show 12`?")
    assert "I can't find that audit (#12)" in said(engine.message(MANAGER, "/audit show 12"))
    assert "`/shrug` is not one of my commands" in said(engine.message(MANAGER, "/shrug"))
    assert asked(services) == []


def test_an_unknown_slash_command_points_to_help_without_listing_it(engine: Engine) -> None:
    [reply] = engine.command(MANAGER, "frobnicate now")
    assert reply.text == "I don't know `/audit frobnicate`. Type `/audit help` for all commands."


def test_a_question_that_starts_with_a_command_word_is_still_answered(engine: Engine, services: Services) -> None:
    engine.message(MANAGER, "show me how to grade the plan")
    assert [a["query"] for a in asked(services)] == ["show me how to grade the plan"]


def test_a_qa_lead_s_typed_restore_of_a_learned_wording_is_not_taken_for_restoring_an_audit(
        engine: Engine) -> None:
    text = said(engine.message(QA_LEAD, "restore 12"))
    assert "wording" in text
    assert "cancelled" not in text
