"""A QA lead's own words about the unanswered list are read as what they are, never noted on it (trial 28):
`kooth is out of scope, its a local service - dismiss that` became a group of its own, `out of scope 10` (meant as
`kb out-of-scope 10`) got the entries on core groups, and `what questions have people asked that you couldnt answer`
got suggestions and was listed.

The clock is pinned (time_machine, tick=False), so the suite passes on any day, including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.unanswered_asked import asks_for_listing, closing_meant, is_instruction
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine

NOW = datetime(2026, 12, 5, 17, 30, tzinfo=UTC)
QA_LEAD, ADMIN, PRACTITIONER = "U0QALEAD1", "U0ADMIN01", "U0PRAN001"
KOOTH = "can i refer a young person to kooth"


def said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title}\n{r.text}" for r in replies)


def noted(services: Services) -> list[str]:
    return [row[0] for row in services.storage.db.execute("SELECT query FROM kb_asks ORDER BY id")]


@pytest.fixture
def asked(engine: Engine, services: Services) -> Iterator[int]:
    """A practitioner's question the bot cannot answer, on the list; yields its group's number."""
    with time_machine.travel(NOW, tick=False):
        engine.message(PRACTITIONER, KOOTH, surface="terminal")
        assert noted(services) == [KOOTH]
        [number] = [row[0] for row in services.storage.db.execute("SELECT id FROM kb_asks")]
        yield number


def test_an_instruction_about_the_list_is_not_noted_and_says_what_to_type(engine: Engine, services: Services,
                                                                          asked: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(QA_LEAD, "kooth is out of scope, its a local service - dismiss that",
                                 surface="terminal")
        listing = said(engine.command(QA_LEAD, "kb unanswered", surface="terminal"))
    assert "so I haven't added it to the list" in reply.text
    assert f"`/audit kb out-of-scope {asked}`" in reply.text and f"`/audit kb dismiss {asked}`" in reply.text
    assert f"#{asked}, _{KOOTH}_" in reply.text
    assert noted(services) == [KOOTH]
    assert "1 question in the last 30 days" in listing and "dismiss that" not in listing


def test_out_of_scope_n_without_kb_is_suggested_with_it(engine: Engine, services: Services, asked: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [meant] = engine.message(QA_LEAD, "out of scope 10", surface="terminal")
        [dismiss] = engine.message(ADMIN, "dismiss 12", surface="terminal")
    assert meant.text.startswith("Did you mean `kb out-of-scope 10`?")
    assert dismiss.text.startswith("Did you mean `kb dismiss 12`?")
    assert "core group" not in meant.text
    assert noted(services) == [KOOTH]


@pytest.mark.parametrize("words", ["what questions have people asked that you couldnt answer",
                                   "what questions couldn't you answer?", "unanswered questions"])
def test_asking_what_went_unanswered_gets_the_list(engine: Engine, services: Services, asked: int,
                                                  words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        listing = engine.command(QA_LEAD, "kb unanswered", surface="terminal")
        replies = engine.message(QA_LEAD, words, surface="terminal")
    assert said(replies) == said(listing) and KOOTH in said(replies)
    assert noted(services) == [KOOTH]


def test_a_practitioner_saying_the_same_still_asks_the_knowledge_base(engine: Engine, services: Services,
                                                                    asked: int) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(PRACTITIONER, "what questions couldn't you answer?", surface="terminal")
    assert "Unanswered questions" not in said(replies) and KOOTH not in said(replies)


@given(st.text(max_size=120))
def test_the_readers_never_fail(text: str) -> None:
    assert isinstance(asks_for_listing(text), bool) and isinstance(is_instruction(text), bool)
    meant = closing_meant(text)
    if meant is not None:
        assert meant.name == "kb" and meant.rest.split()[0] in {"out-of-scope", "dismiss"}


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["out of scope", "out-of-scope", "Dismiss"]),
       st.sampled_from(["", ".", " please", "#"]))
def test_any_number_closing_word_is_read(number: int, word: str, extra: str) -> None:
    typed = f"{word} #{number}{extra.strip('#')}" if extra == "#" else f"{word} {number}{extra}"
    meant = closing_meant(typed)
    assert meant is not None and meant.rest.endswith(f" {number}")


@given(st.sampled_from(["is kooth out of scope?", "what is out of scope for the bot", "how do i close a case",
                        "can i dismiss that worry", "the family is out of area"]))
def test_questions_about_scope_are_not_instructions(text: str) -> None:
    assert not is_instruction(text)
