"""End to end through Bolt over HTTP and the Slack stand-in: the line typed after Not helpful is kept with the
question, and the QA leads get both when it is passed on."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.e2e.test_e2e_knowledge import post_containing

PRACTITIONER = "U0PRAN001"


def buttons_of(call, action: str) -> list[tuple[str, str]]:
    """(action id, value) of each button for `action` in a message posted to the Slack stand-in."""
    return [(element["action_id"], element["value"]) for block in call.params.get("blocks") or []
            for element in block.get("elements", [])
            if element.get("type") == "button" and element["action_id"].split("|")[0] == action]


def test_the_remark_after_not_helpful_reaches_the_qa_leads_with_its_question(running_bot: RunningBot,
                                                                             standin) -> None:
    assert running_bot.slack.message_im(PRACTITIONER, "when is the ICPC due?").status == 200
    answer = post_containing(standin, "15 working days")
    [_, (action_id, value)] = buttons_of(answer, "kb.feedback")
    running_bot.slack.block_action(PRACTITIONER, action_id, value)
    post_containing(standin, "tell me in a line what was missing")

    running_bot.slack.message_im(PRACTITIONER, "it didnt tell me the actual date")
    # trial 46 F19: the note passes the question on, with no second press
    noted = post_containing(standin, "I've passed your question")
    assert "and your note to the QA leads" in str(noted.params) and buttons_of(noted, "kb.escalate") == []

    to_lead = post_containing(standin, "What was missing, they said", channel="DU0QALEAD1")
    assert "when is the ICPC due?" in str(to_lead.params)
    assert "it didnt tell me the actual date" in str(to_lead.params)
    stored = [row["query"] for row in running_bot.services.storage.db.query("SELECT query FROM kb_asks")]
    assert stored == ["when is the ICPC due?"]
