"""A command-like line that does not parse (`mod abc`, `moderate x`, `kb accept abc`) gets the command's usage
and is never noted on the QA leads' list of unanswered questions as if it were a practice question (fix34a: `mod abc`
and `mod` were). `mod` is `moderate`'s short form, so `/audit mod 12` opens #12 as `mod 12` typed bare does, and `mod`
alone lists the queue as `moderate` and `/audit mod` do (fix37a: typed, it got the usage)."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY
from tests.integration.test_wording import submitted_audit

PRACTITIONER = "U0PRAN001"
MOD_USAGE = "That isn't how `mod` is typed: it is short for `/audit moderate [audit number | page N]`, like `mod 12`."


def said(replies: list) -> str:
    return "\n".join(reply.text for reply in replies)


def asked(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks ORDER BY id"))


@pytest.mark.parametrize(("typed", "usage"), [
    ("mod abc", MOD_USAGE),
    ("MOD x", MOD_USAGE),
    ("moderate x", "That isn't how `/audit moderate` is typed: `/audit moderate [audit number | page N]`."),
    ("kb accept abc", "That isn't how `/audit kb` is typed: `/audit kb reload|unanswered|answer|link|new|out-of-scope|"
                      "dismiss|find|remove|stale|check|learned`."),
])
def test_a_command_typed_wrong_gets_its_usage_and_is_not_an_unanswered_question(engine: Engine, services: Services,
                                                                                 typed: str, usage: str) -> None:
    assert said(engine.message(QA, typed)) == usage
    assert asked(services) == []
    assert "No unanswered" in said(engine.command(QA, "kb unanswered"))


def test_mod_typed_by_someone_who_does_not_moderate_says_whose_it_is(engine: Engine, services: Services) -> None:
    text = said(engine.message(PRACTITIONER, "mod abc"))
    assert text == said(engine.command(PRACTITIONER, "moderate"))  # whose the command is, as `/audit moderate` says
    assert asked(services) == []


def test_mod_with_an_audit_number_opens_it_bare_or_after_audit(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        first = submitted_audit(engine, services, AUDITOR)
        opened = said(engine.command(QA, f"mod {first}"))
    assert "You are moderating this audit" in opened and "I don't know" not in opened
    assert asked(services) == []


@pytest.mark.parametrize("user", [QA, PRACTITIONER])
def test_mod_alone_typed_is_moderate_alone_as_the_slash_command_is(engine: Engine, services: Services,
                                                                   user: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        first = submitted_audit(engine, services, AUDITOR)
        queue = said(engine.message(user, "moderate"))
        assert said(engine.message(user, "mod")) == said(engine.message(user, "Mod.")) == queue
        assert said(engine.command(user, "mod")) == said(engine.command(user, "moderate")) == queue
    assert (f"#{first}" in queue) if user == QA else ("is for QA leads" in queue), queue
    assert "isn't how" not in queue and asked(services) == []
