"""A refused text's reply does not write the name back into Slack (trial finding: "“Tyler Brown” looks like a child's
or family member's name: …" was the bot's own message, in a DM and, for an @mention, in the channel). Through signed
requests into the real Bolt app: whatever the bot sends Slack after a refusal shows the words masked, “T… B…”, and
holds neither name. All names here are invented."""

from __future__ import annotations

import json

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import AUDITOR, SlackPerson, start_questions
from tests.support.kb_helpers import post_containing

CHANNEL = "C0CHAN001"
PRACTITIONER = "U0PRAN001"
NAMED = ("Tyler", "Brown")


def sent_to_slack(standin, since: int) -> str:
    """Everything the bot has sent Slack since call number `since`: every method, every parameter, blocks too."""
    return " ".join(json.dumps(call.params, ensure_ascii=False) for call in list(standin.calls)[since:])


def test_a_note_refused_in_an_audit_is_answered_without_the_name(bot: RunningBot, standin,
                                                                 services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    start_questions(person)
    before = len(standin.calls)
    refused = person.send("type", "Tyler Brown was seen alone and said he feels safe at home")
    assert refused[0].kind == "error"
    assert "“T… B…” looks like a child's or family member's name: refer to them by role" in refused[0].text
    assert "Nothing was saved." in refused[0].text
    said = sent_to_slack(standin, before)
    assert not [name for name in NAMED if name in said], said
    stored = " ".join(str(row) for table in ("audits", "answers", "revisions")
                      for row in services.storage.db.query(f"SELECT * FROM {table}"))
    assert "Tyler" not in stored


def test_a_question_refused_at_a_mention_is_answered_in_the_channel_without_the_name(running_bot: RunningBot,
                                                                                    standin) -> None:
    before = len(standin.calls)
    running_bot.slack.app_mention(PRACTITIONER, "<@U0BOT0001> what did the Tyler Brown review find?",
                                  channel=CHANNEL, ts="1700000000.000700")
    reply = post_containing(standin, "“T… B…” looks like a child's or family member's name", channel=CHANNEL)
    assert reply.params["thread_ts"] == "1700000000.000700"
    said = sent_to_slack(standin, before)
    assert not [name for name in NAMED if name in said], said
    assert list(running_bot.services.storage.db.query("SELECT * FROM kb_asks")) == []
