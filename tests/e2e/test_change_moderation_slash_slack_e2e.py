"""Trial 62 F1: the DM a moderator gets when the auditor responds says "`/audit change moderation 9` opens your
moderation again to revise it"; typed as the slash command it was "I don't know `/audit change`", and neither
`/audit help` nor `help moderate` named a way to revise a moderation. Signed /audit commands into the real Bolt app:
the command the DM names opens the moderation again, and help names it. Shipped people: North's manager audits,
South's manager moderates."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_wording import submitted_audit
from tests.support.slack_standin import dm_channel_for
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, SOUTH = "U0MGRN001", "U0MGRS001"
REASON = "Plans drift and the review dates slipped twice without a reason recorded."


def _moderated_and_answered(bot: RunningBot, standin, services: Services, engine: Engine) -> tuple[SlackPerson, int]:
    """South's manager moderates an audit down in Slack and its auditor responds: the moderator's DM names
    `/audit change moderation N`."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    moderator, auditor = SlackPerson(bot, standin, SOUTH), SlackPerson(bot, standin, AUDITOR)
    moderator.send("command", f"moderate {audit_id}")
    [grades] = moderator.send("press", f"audit.moderate_disagree|{audit_id}")
    [ri] = [c for c in grades.choices if c.label.startswith("Requires improvement")]
    moderator.send("press", f"{ri.action}|{ri.value}")
    moderator.send("message", REASON)
    moderator.send("message", "skip")
    assert store.get_audit(services.storage, audit_id).status == "moderated"
    auditor.send("command", f"respond {audit_id} The child refused direct work twice and it is in the case notes.")
    told = [flat(c.text, "*`") for c in standin.messages_to(SOUTH) if "responded to your moderation" in c.text]
    assert told and f"/audit change moderation {audit_id} opens your moderation again" in told[-1]
    return moderator, audit_id


def test_the_slash_command_the_dm_names_opens_the_moderation_again(bot: RunningBot, standin, services: Services,
                                                                   engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        moderator, audit_id = _moderated_and_answered(bot, standin, services, engine)
        replies = moderator.send("command", f"change moderation {audit_id}")
    said = "\n".join(flat(r.text, "*`_") for r in replies)
    assert "I don't know" not in said
    assert f"Your moderation of audit #{audit_id} is open again" in said
    assert "Do you agree with the overall grade?" in said
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


def _shown(standin, user: str, since: int) -> str:
    """Every block of the DMs posted to `user` after the first `since`, as one line (the help's fallback text is
    cut short; its blocks hold all of it)."""
    posts = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(user)]
    blocks = [block for post in posts[since:] for block in post.params["blocks"]]
    return " ".join(html.unescape(flat(b["text"]["text"], "*`_")) for b in blocks if isinstance(b.get("text"), dict))


def test_help_names_how_a_moderation_is_changed(bot: RunningBot, standin, services: Services) -> None:
    moderator = SlackPerson(bot, standin, SOUTH)
    with time_machine.travel(WEDNESDAY, tick=False):
        moderator.send("command", "help")
        listed = _shown(standin, SOUTH, 0)
        moderate = "\n".join(flat(r.text, "*`_") for r in moderator.send("command", "help moderate"))
        change = html.unescape("\n".join(flat(r.text, "*`_") for r in moderator.send("command", "change 12")))
    assert "/audit change moderation <audit number> — open your own moderation of an audit again" in listed
    assert "/audit change moderation 12 (or change moderation 12) opens your decision again to revise it" in moderate
    assert "That isn't how /audit change is typed: /audit change moderation <audit number>." in change
