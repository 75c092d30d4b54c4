"""End to end through Bolt over HTTP and the Slack stand-in (trial 44 F8): a question asking for a rate the entry
gives none of gets the entry and an honest line, and the QA lead's `/audit kb unanswered` lists it."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing

PRACTITIONER, QA_LEAD = "U0PRAN001", "U0QALEAD1"
RATE = "what is the staying put allowance rate for 2026"


def test_the_asker_is_told_the_entry_gives_no_rate_and_the_qa_lead_sees_the_question(running_bot: RunningBot,
                                                                                     standin) -> None:
    running_bot.slack.message_im(PRACTITIONER, RATE)
    post_containing(standin, "What are staying put and staying close arrangements?", f"D{PRACTITIONER}")
    post_containing(standin, "This entry doesn't give a rate or amount. I've passed your question to the QA leads",
                    f"D{PRACTITIONER}")

    running_bot.slack.command(QA_LEAD, "kb unanswered")
    group = post_containing(standin, "Link to an entry", f"D{QA_LEAD}")  # the group, with its buttons, comes last
    assert RATE in str(group.params) and "which gives no rate or amount" in str(group.params)
