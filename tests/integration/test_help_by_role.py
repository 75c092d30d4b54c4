"""Help lists what the person's role may do, and a refusal names whom to ask (trial 53: a practitioner's `help`
listed `/audit redact`, `/audit chase` and `/audit worker`, refused when tried, and `moderate 130` answered "Ask
them if you need it done" without saying who)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text

LONDON = ZoneInfo("Europe/London")
WORKING_DAY = datetime(2026, 12, 8, 10, tzinfo=LONDON)  # a Tuesday morning: nothing is held
PRACTITIONER, MANAGER, QA_LEAD, ADMIN = "U0PRAS001", "U0MGRS001", "U0QALEAD1", "U0ADMIN01"
LEADS = "a QA lead: QA lead (practice), QA lead (children in care)."


def listed(engine: Engine, user: str) -> str:
    with time_machine.travel(WORKING_DAY, tick=False):
        return all_text(engine.message(user, "help"))


def test_a_practitioners_help_leaves_out_what_only_others_do_and_says_so_in_one_line(engine: Engine) -> None:
    text = listed(engine, PRACTITIONER)
    for theirs in ("/audit reflect", "/audit extend", "/audit respond", "/audit actions"):
        assert f"`{theirs}" in text
    for others in ("`/audit redact", "`/audit chase", "`/audit worker", "`/audit moderate", "`/audit kb"):
        assert others not in text
    assert "Managers, QA leads and admins can also use" in text and "`chase`" in text and "`worker`" in text
    assert text.count("\n• ") < 22  # `cancel N` (fix68e) is one line more


@pytest.mark.parametrize(("user", "shown", "hidden", "others"), [
    (MANAGER, ["`/audit chase", "`/audit worker", "`/audit moderate", "`/audit redact"], ["`/audit kb"],
     "QA leads and admins can also use `moderate sample`, `kb`"),
    (QA_LEAD, ["`/audit kb", "`/audit moderate", "`/audit worker"], [], ""),
    (ADMIN, ["`/audit kb", "`/audit chase", "`/audit redact"], [], ""),
])
def test_help_per_role(engine: Engine, user: str, shown: list[str], hidden: list[str], others: str) -> None:
    text = listed(engine, user)
    assert all(line in text for line in shown)
    assert not any(line in text for line in hidden)
    assert (others in text) if others else "can also use" not in text


def test_chase_is_still_the_practitioners_to_ask_help_about(engine: Engine) -> None:
    """Left out of the list, not taken away: a practitioner who audited a colleague's case may chase its actions."""
    with time_machine.travel(WORKING_DAY, tick=False):
        replies = engine.message(PRACTITIONER, "help chase")
    assert "`/audit chase <action number>`" in all_text(replies)


@pytest.mark.parametrize(("typed", "command", "who"), [
    ("moderate 130", "moderate", "QA leads, team managers and admins"),
    ("digest north", "digest", "team managers, QA leads and admins"),
    ("kb unanswered", "kb", "QA leads and admins"),
    ("kb edit 3", "kb", "QA leads and admins"),
])
def test_a_refusal_names_whom_to_ask(engine: Engine, typed: str, command: str, who: str) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        replies = engine.message(PRACTITIONER, typed)
    manager = "Team manager (South) or " if command != "kb" else ""
    assert [reply.text for reply in replies] == [f"`/audit {command}` is for {who}. Ask {manager}{LEADS}"]


def test_a_manager_refused_the_knowledge_base_is_pointed_at_the_qa_leads_not_at_themselves(engine: Engine) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        replies = engine.command(MANAGER, "kb unanswered")
    assert replies[-1].text == f"`/audit kb` is for QA leads and admins. Ask {LEADS}"
