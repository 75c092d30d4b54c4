"""fix37g: a near miss typed after a slash or `kb` (`/audit shwo 12`, `kb unaswered`, `/audit kb stael`) got "Did
you mean …?" but a typed `yes` was told nothing waited, while it ran a plain typed one (`shwo 12`). Now `yes` runs
every one offered, except a command that sends words to someone, which is offered without them and only to type
again (`reflcet 12 I agree`, `kb anwser 3 <answer>`)."""

from __future__ import annotations

import pytest

from bot.engine.routing import Engine

QA = "U0QALEAD1"
MANAGER = "U0MGRN001"
NOTHING_WAITS = "There's no question waiting for a \"yes\" from you just now."


def said(replies: list) -> str:
    return "\n".join(f"{r.title or ''} {r.text}" for r in replies)


@pytest.mark.parametrize(("user", "typed", "offered", "runs"), [
    (MANAGER, "/audit shwo 12", "I don't know `shwo`. Did you mean `/audit show 12`? Type `yes` to run it.", "show 12"),
    (MANAGER, "/audti show 12", "Did you mean `/audit show 12`? Type `yes` to run it.", "show 12"),
    (QA, "kb unaswered", "Did you mean `/audit kb unanswered`? Type `yes` to run it", "kb unanswered"),
    (QA, "/audit kb stael", "Did you mean `/audit kb stale`? Type `yes` to run it", "kb stale"),
    (QA, "kb dismis 4", "Did you mean `/audit kb dismiss 4`? Type `yes` to run it", "kb dismiss 4"),
])
def test_yes_runs_a_near_miss_typed_after_a_slash_or_kb(engine: Engine, user: str, typed: str, offered: str,
                                                        runs: str) -> None:
    first = engine.command(user, typed.removeprefix("/audit "), surface="terminal") if typed.startswith("/audit ") \
        else engine.message(user, typed, surface="terminal")
    assert offered in said(first)
    ran = said(engine.message(user, "yes", surface="terminal"))
    assert NOTHING_WAITS not in ran
    assert ran == said(engine.command(user, runs, surface="terminal"))


@pytest.mark.parametrize(("user", "typed", "offered"), [
    (MANAGER, "/audit reflcet 12 I agree with most of it", "Did you mean `/audit reflect 12`?"),
    (MANAGER, "reflcet 12 I agree with most of it", "Did you mean `reflect 12`?"),
    (QA, "kb anwser 3 the answer is in the guidance", "Did you mean `/audit kb answer 3`?"),
    (QA, "/audit kb anwser 3 the answer is in the guidance", "Did you mean `/audit kb answer 3`?"),
])
def test_a_near_miss_that_would_send_words_is_offered_without_them_and_yes_runs_nothing(
        engine: Engine, user: str, typed: str, offered: str) -> None:
    first = engine.command(user, typed.removeprefix("/audit "), surface="terminal") if typed.startswith("/audit ") \
        else engine.message(user, typed, surface="terminal")
    assert offered in said(first) and "Type `yes`" not in said(first)
    assert NOTHING_WAITS in said(engine.message(user, "yes", surface="terminal"))


def test_a_word_after_kb_near_no_subcommand_lists_them_not_the_knowledge_base(engine: Engine) -> None:
    replies = engine.message(QA, "kb articles", surface="terminal")
    assert "I don't know `/audit kb articles`. What you can do with the knowledge base:" in said(replies)
