"""What the eighth user trial got through Slack past the identifier screen, through signed requests: a campaign named
after a child's review ('Kayden Smith review') or a case's initials ('case of jj') was created and DMed to every
auditor; a question about a child's review was stored as unanswered; a worker's reflections holding a parent's email
without its ending or a social-media account were saved and sent on. All names and accounts here are invented."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit
from tests.support.slack_standin import dm_channel_for
from tests.support.text import repeated

LONDON = ZoneInfo("Europe/London")
QA_LEAD, WORKER = "U0QALEAD1", "U0PRAN001"
AUDITORS = ("U0MGRN001", "U0MGRS001", "U0MGRC001")
CREATE = ('campaign create name="{}" theme=neglect checklist=neglect '
          "teams=north-assessment,south-cin-cp,children-in-care start=2026-12-01 deadline=2026-12-11 per-worker=1 "
          "auditors=peer moderate=50")


def campaigns(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM campaigns"))


def dms_to(standin, users: tuple[str, ...]) -> list:
    channels = {dm_channel_for(user) for user in users}
    return [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] in channels]


@pytest.mark.parametrize(("name", "quoted"), [
    ("Kayden Smith review", "“K… S…” looks like a child's or family member's name"),
    ("case of jj", "“j…” looks like a person's initials"),
])
def test_a_campaign_named_after_a_child_is_refused_and_nobody_is_told(bot: RunningBot, standin,
                                                                      services: Services, name: str,
                                                                      quoted: str) -> None:
    qa = SlackPerson(bot, standin, QA_LEAD)
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON), tick=False):
        [refused] = qa.send("command", CREATE.format(name))
    assert refused.kind == "error" and quoted in refused.text
    assert repeated(name.removesuffix(" review").removeprefix("case of "), refused.text) == []
    assert campaigns(services) == [] and dms_to(standin, AUDITORS) == []


def test_a_campaign_named_after_a_public_review_is_created(bot: RunningBot, standin, services: Services) -> None:
    qa = SlackPerson(bot, standin, QA_LEAD)
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON), tick=False):
        [created] = qa.send("command", CREATE.format("Star Hobson review learning"))
    assert "Campaign 1" in created.text
    assert [c["name"] for c in campaigns(services)] == ["Star Hobson review learning"]


@pytest.mark.parametrize(("question", "quoted", "named"), [
    ("what did the Kayden Smith review find", "“K… S…”", "Kayden Smith"),
    ("how do i audit the case of jj", "“j…”", "jj"),
    # trial 43, finding 1: a national review's child named in a question about a live case
    ("what do i do about Arthur Labinjo-Hughes attendance at school", "“A… L…”", "Arthur Labinjo-Hughes"),
])
def test_a_question_naming_a_child_is_neither_stored_nor_passed_on(bot: RunningBot, standin, services: Services,
                                                                   question: str, quoted: str, named: str) -> None:
    [refused] = SlackPerson(bot, standin, WORKER).send("message", question)
    assert refused.kind == "error" and quoted in refused.text
    assert repeated(named, refused.text) == []  # not written back into Slack
    assert list(services.storage.db.query("SELECT * FROM kb_asks")) == []


@pytest.mark.parametrize(("typed", "quoted", "instead"), [
    ("mum emails from sarahjones84 at gmail so I will arrange visits through her",
     "“s… a… g…” looks like an email address", "'mum's email address'"),
    ("mum emails from sarahjones84@gmail so I will arrange visits through her",
     "“s…” looks like an email address", "'mum's email address'"),
    ("mum is on facebook as @sarahjones84 so I will message her about visits",
     "“@…” looks like a social media account name", "'her social media account'"),
    ("mum is sarahj84 on snapchat so I will message her about visits",
     "“s…” looks like a social media account name", "'her social media account'"),
])
def test_reflections_with_a_parents_account_are_refused_and_not_sent_on(bot: RunningBot, standin,
                                                                        services: Services, typed: str, quoted: str,
                                                                        instead: str) -> None:
    audit = insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 10, 0, tzinfo=LONDON),
                         auditor="U0MGRN001", worker=WORKER)
    worker = SlackPerson(bot, standin, WORKER)
    worker.send("command", f"reflect {audit}")
    sent_before = len(dms_to(standin, ("U0MGRN001",)))
    replies = worker.send("message", typed)
    assert any(quoted in reply.text and instead in reply.text for reply in replies)
    assert not [reply for reply in replies if "sarahj" in reply.text]
    assert store.reflections_of(services.storage, audit) == []
    assert len(dms_to(standin, ("U0MGRN001",))) == sent_before


def test_reflections_that_mention_social_media_without_an_account_are_saved(bot: RunningBot, standin,
                                                                            services: Services) -> None:
    audit = insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 10, 0, tzinfo=LONDON),
                         auditor="U0MGRN001", worker=WORKER)
    worker = SlackPerson(bot, standin, WORKER)
    worker.send("command", f"reflect {audit}")
    text = "On facebook there were concerning posts; I will use email and the team inbox to arrange visits."
    worker.send("message", text)
    assert [r["text"] for r in store.reflections_of(services.storage, audit)] == [text]


def test_a_reflection_naming_a_national_reviews_child_is_refused_and_not_stored(bot: RunningBot, standin,
                                                                              services: Services) -> None:
    """Trial 43, finding 1: 'reflect 149 I saw Arthur Labinjo-Hughes alone at school' was saved."""
    audit = insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 10, 0, tzinfo=LONDON),
                         auditor="U0MGRN001", worker=WORKER)
    replies = SlackPerson(bot, standin, WORKER).send("command", f"reflect {audit} I saw Arthur Labinjo-Hughes alone "
                                                                "at school")
    assert any("“A… L…” looks like a child's or family member's name" in reply.text for reply in replies)
    assert not [reply for reply in replies if "Labinjo" in reply.text]
    assert store.reflections_of(services.storage, audit) == []


def test_a_question_about_a_national_review_is_not_refused(bot: RunningBot, standin, services: Services) -> None:
    replies = SlackPerson(bot, standin, WORKER).send("message", "what did the Arthur Labinjo-Hughes review find")
    assert replies and not [reply for reply in replies if "looks like a child's" in reply.text]


@pytest.mark.parametrize(("typed", "quoted"), [
    ("need to chase Dr Patel the GP and PC Jones about the DA incident", "“D… P…”"),
    ("Grace from the school said attendance is ok", "“G…”"),
])
def test_a_reflection_naming_the_familys_gp_or_teacher_asks_for_the_role(bot: RunningBot, standin,
                                                                         services: Services, typed: str,
                                                                         quoted: str) -> None:
    """Trial 43, finding 19: both were saved, while the refusal text told people to write roles."""
    audit = insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 10, 0, tzinfo=LONDON),
                         auditor="U0MGRN001", worker=WORKER)
    replies = SlackPerson(bot, standin, WORKER).send("command", f"reflect {audit} {typed}")
    assert any(f"{quoted} looks like a professional's name" in reply.text and "'the GP'" in reply.text
               for reply in replies)
    assert store.reflections_of(services.storage, audit) == []
