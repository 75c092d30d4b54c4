"""Trial 51 F6, F16, F8: a girl at risk of FGM and a child blackmailed over images get the urgent line first with what
to do now and the nearest entry offered; a DASH threshold and a "how long before … has to be reported" asked of
entries with no number get the "This entry doesn't give…" line and go on the QA leads' list."""

from __future__ import annotations

import time_machine

from bot.core.replies import Reply
from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
QA_LEAD = "U0QALEAD1"
STEER = "talk to your manager or the duty team straight away"
FGM = "11yo girl from sudan, mum talked about a cutting ceremony over summer hols, what do i do"
SEXTORTION = "kid being sextorted on snapchat, sent nudes, now being blackmailed"
DASH = ("mum says dad strangled her last nite, kids were in the house. marac referral?? whats the dash threshold")
CME = "how long before a child missing education has to be reported"


def _offered(replies: list[Reply]) -> list[str]:
    """Every entry shown or offered: answers' titles and buttons' labels."""
    return [reply.title for reply in replies] + [choice.label for reply in replies for choice in reply.choices]


def test_a_girl_at_risk_of_fgm_gets_the_steer_a_strategy_discussion_and_the_fgm_entry(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, FGM)
    assert STEER in replies[0].text
    assert "strategy discussion with the police straight away" in replies[0].text
    assert "What is the FGM mandatory reporting duty?" in _offered(replies)
    assert replies[1].title == "What is the FGM mandatory reporting duty?"  # not forced marriage first


def test_a_child_blackmailed_over_images_gets_police_and_ceop(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, SEXTORTION)
    assert STEER in replies[0].text
    assert "report it to CEOP" in replies[0].text and "do not delete them" in replies[0].text
    assert "How should we respond to online abuse and harmful online contact?" in _offered(replies)


def test_a_dash_threshold_is_answered_by_the_domestic_abuse_entry_and_not_listed(engine: Engine) -> None:
    """Trial 51 found the entry gave no DASH threshold, so the bot said so and listed the question; since trial 60
    (F23) the entry says who refers to MARAC and on what DASH score, so the threshold is answered, not passed on."""
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, DASH)
        assert "How should we respond when there is domestic abuse in the family?" in _offered(replies)
        assert "often 14 or more yes answers" in all_text(replies)
        assert "This entry doesn't give a threshold or score" not in all_text(replies)
        assert "whats the dash threshold" not in all_text(engine.command(QA_LEAD, "kb unanswered"))


def test_how_long_before_a_cme_report_gets_the_no_timescale_line(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, CME)
    assert replies[0].title == "What should I do about a child missing education?"
    assert "This entry doesn't give a deadline or timescale." in all_text(replies)
