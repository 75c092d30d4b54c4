"""End to end through Bolt over HTTP and the Slack stand-in (trial 44 F8): a question asking for a rate the entry
gives none of gets the entry and an honest line, and the QA lead's `/audit kb unanswered` lists it."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.e2e.test_e2e_learning import kb_show_values
from tests.support.kb_helpers import post_containing

PRACTITIONER, QA_LEAD = "U0PRAN001", "U0QALEAD1"
# A staying put rate now gets "rates are set locally" (knowledge/local_rates.yaml); a private fostering rate is
# still answered by an entry that gives none.
RATE = "what is the rate for a private fostering arrangement"


def test_the_asker_is_told_the_entry_gives_no_rate_and_the_qa_lead_sees_the_question(running_bot: RunningBot,
                                                                                     standin) -> None:
    running_bot.slack.message_im(PRACTITIONER, RATE)
    post_containing(standin, "What is private fostering and what must the council do?", f"D{PRACTITIONER}")
    post_containing(standin, "This entry doesn't give a rate or amount. I've passed your question to the QA leads",
                    f"D{PRACTITIONER}")

    running_bot.slack.command(QA_LEAD, "kb unanswered")
    group = post_containing(standin, "Link to an entry", f"D{QA_LEAD}")  # the group, with its buttons, comes last
    assert RATE in str(group.params) and "which gives no rate or amount" in str(group.params)


def test_the_qa_leads_answer_reaches_the_next_asker_in_the_same_words(running_bot: RunningBot, standin) -> None:
    """Trial 49 F1: the next asker got the entry and "I've passed your question to the QA leads" again."""
    running_bot.slack.message_im(PRACTITIONER, RATE)
    post_containing(standin, "This entry doesn't give a rate or amount", f"D{PRACTITIONER}")
    running_bot.slack.command(QA_LEAD, "kb answer 1 Parents pay a private foster carer; the council sets no rate.")
    post_containing(standin, "Send this as the answer to #1?", f"D{QA_LEAD}")  # the command's work ends after its ack
    running_bot.slack.message_im(QA_LEAD, "yes")
    post_containing(standin, "Sent your answer to 1 person", f"D{QA_LEAD}")

    running_bot.slack.message_im("U0PRAN002", RATE)
    post_containing(standin, "What is private fostering and what must the council do?", "DU0PRAN002")
    post_containing(standin, "the council sets no rate", "DU0PRAN002")
    theirs = [call.params for call in standin.calls_to("chat.postMessage") if call.params["channel"] == "DU0PRAN002"]
    assert "passed your question" not in str(theirs)


def test_an_entry_picked_for_a_how_often_question_says_it_gives_no_frequency(running_bot: RunningBot,
                                                                            standin) -> None:
    """Trial 50 F5: picking the family time entry from "Did you mean…" gave no frequency and no word of it."""
    running_bot.slack.message_im(PRACTITIONER, "how often shud contact with birth parents be for a baby in care")
    offer = post_containing(standin, "Did you mean", f"D{PRACTITIONER}")
    [pick] = [value for value in kb_show_values(offer) if value.startswith("family-time:")]
    running_bot.slack.block_action(PRACTITIONER, "kb.show|1", pick)
    post_containing(standin, "How should family time and contact be planned for a child in care?", f"D{PRACTITIONER}")
    post_containing(standin, "This entry doesn't give a frequency (how often). I've passed your question",
                    f"D{PRACTITIONER}")
