"""An audit campaign end to end through signed Slack requests: a QA lead creates it, each auditor gets their
cases by DM and starts them with the Start button, one allocation is reassigned, three auditors complete their
audits, the daily reminder chases the rest on a frozen clock, the moderation sample is drawn, and the scheduled
job closes the campaign and posts a report to the QA channel that matches the answers given."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.markup import to_slack
from bot.core.replies import Reply
from bot.core.services import Services
from bot.settings.config import Settings, load_settings
from bot.storage import audits as audit_store
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender, RecordingSender
from tests.audit_driver import complete_audit
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson

LONDON = ZoneInfo("Europe/London")
QA_LEAD, QA_CHANNEL = "U0QALEAD1", "C0QABOARD"
CREATE = ('campaign create name="Neglect December" theme=neglect checklist=neglect '
          "teams=north-assessment,south-cin-cp,children-in-care start=2026-12-01 deadline=2026-12-11 per-worker=1 "
          "auditors=peer moderate=50")


@pytest.fixture
def settings(environ: dict[str, str], config_dir: Path) -> Settings:
    """The shipped config with a QA channel, where campaign reports go."""
    settings_file = config_dir / "settings.yaml"
    settings_file.write_text(settings_file.read_text().replace("qa_channel: null", f"qa_channel: {QA_CHANNEL}"))
    return load_settings(environ)


@pytest.fixture
def bot(services: Services, standin) -> Iterator[RunningBot]:
    services.rng = random.Random(2026)  # the moderation sample is reproducible
    running = RunningBot(services, standin, process_before_response=True)
    yield running
    running.stop()


def start_buttons(replies: list[Reply]) -> dict[str, str]:
    """Allocation id -> button value of each Start button in an auditor's DM."""
    return {c.value: c.value for r in replies for c in r.choices if c.action == "campaign.start"}


def audit_case(person: SlackPerson, allocation: str, case_ref: str) -> None:
    """Press Start, type the case reference, and answer every step until the audit is submitted."""
    [asked] = person.send("press", f"campaign.start|{allocation}")
    assert "Type its case reference" in asked.text
    first = person.send("type", case_ref)
    assert any("Neglect December" in r.text for r in first) and all(r.kind != "error" for r in first)
    complete_audit(person.send, first)


def test_a_campaign_from_creation_to_its_report_in_the_qa_channel(bot: RunningBot, standin,
                                                                  services: Services) -> None:
    qa = SlackPerson(bot, standin, QA_LEAD)
    north, south, care = (SlackPerson(bot, standin, u) for u in ("U0MGRN001", "U0MGRS001", "U0MGRC001"))
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON), tick=False):
        refused = north.send("command", CREATE)
        assert refused[0].kind == "error" and "QA leads and admins" in refused[0].text
        [created] = qa.send("command", CREATE)
        assert "Campaign 1" in created.text and "3 auditors" in created.text
        dms = {p.user: p._replies(p._dm_posts()) for p in (north, south, care)}
        # peer auditors: never their own team; the two North cases go to Children in Care's manager
        assert sorted(start_buttons(dms["U0MGRC001"])) == ["1", "4"]
        assert list(start_buttons(dms["U0MGRN001"])) == ["2"] and list(start_buttons(dms["U0MGRS001"])) == ["3"]

        [bad] = qa.send("command", "campaign reassign 4 U0MGRN001 covering leave")
        assert bad.kind == "error" and "must be a manager from another team" in bad.text
        [moved] = qa.send("command", "campaign reassign 4 U0MGRS001 auditor on leave")
        assert "Allocation 4 now goes to" in moved.text
        assert sorted(start_buttons(south._replies(south._dm_posts()))) == ["3", "4"]

    with time_machine.travel(datetime(2026, 12, 3, 11, 0, tzinfo=LONDON), tick=False):
        audit_case(care, "1", "CR-300101")
        audit_case(north, "2", "CR-300202")
        audit_case(south, "3", "CR-300303")
        [progress] = qa.send("command", "campaign 1")
        assert "4 allocated, 3 started, 3 submitted, 0 moderated" in progress.text
        [manager_view] = north.send("command", "campaign 1")
        assert "North Assessment Team: 2 allocated, 1 started, 1 submitted" in manager_view.text
        # their own teams' auditors only (trial 22: a manager saw no auditor at all), here themself
        by_auditor = manager_view.text.split("By auditor")[1]
        assert "U0MGRN001" in by_auditor or "Team manager (North)" in by_auditor
        assert not any(other in by_auditor for other in ("U0MGRC001", "U0MGRS001", "(South)", "(Children in care)"))
    audits = {row["id"]: row for row in services.storage.db.query("SELECT * FROM audits")}
    assert {a["worker_id"] for a in audits.values()} == {"U0PRAN001", "U0PRAS001", "U0PRAC001"}
    assert all(a["status"] == "submitted" and a["checklist_id"] == "neglect" for a in audits.values())

    sender = RecordingSender()
    runner = JobRunner(services, sender, holder="process-a")
    with time_machine.travel(datetime(2026, 12, 8, 9, 30, tzinfo=LONDON), tick=False):
        runner.fire("reminders")
    chased = {reply.to_user: reply.text for _, reply in sender.sent if "Neglect December" in reply.text}
    assert list(chased) == ["U0MGRS001"]
    assert "1 of your 2 allocated audits is not submitted" in chased["U0MGRS001"]
    assert "Fri 11 Dec" in chased["U0MGRS001"]

    with time_machine.travel(datetime(2026, 12, 9, 10, 0, tzinfo=LONDON), tick=False):
        [early] = qa.send("command", "campaign sample 1")  # one of the four still to come
        assert early.kind == "error" and early.text.startswith("Only 3 of 4 audits of Neglect December are submitted")
        [sampled, *_] = qa.send("command", "campaign sample 1 now")
        assert "2 of 3 submitted audits are sampled" in sampled.text
        [waiting] = SlackPerson(bot, standin, "U0QALEAD2").send("command", "moderate")
        sample_ids = [int(n) for n in re.findall(r"#(\d+)", sampled.text.split(":", 1)[1])]
        assert [c.value for c in waiting.choices][:2] == [str(n) for n in sample_ids]

    from handlers.delivery import SlackDelivery

    delivery = SlackDelivery(bot.app.client)
    slack_sender = PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01)
    closer = JobRunner(services, slack_sender, holder="process-a")
    with time_machine.travel(datetime(2026, 12, 11, 17, 30, tzinfo=LONDON), tick=False):
        # the QA channel's report, and South's manager, whose second case was not done, is told it needs no audit
        assert closer.fire("campaign_close") == 2
    [posted] = standin.wait_for("files.completeUploadExternal", count=1)
    assert posted.params.get("channel_id") == QA_CHANNEL
    report = posted.params["initial_comment"]
    assert "Completion*: 3 of 4 (75%)" in report
    for line in expected_question_lines(services, list(audits)):
        assert to_slack(line) in report
    assert re.search(r"Moderation\*: 2 sampled", report)
    row = services.storage.db.execute("SELECT status FROM campaigns WHERE id = 1").fetchone()
    assert row[0] == "closed"
    assert "CR-3003" not in json.dumps([c.params for c in standin.calls if c.params.get("channel_id") == QA_CHANNEL])


def expected_question_lines(services: Services, audit_ids: list[int]) -> list[str]:
    """Each yes/no question's yes rate and flags, counted straight from the answers stored for the audits."""
    first = audit_store.get_audit(services.storage, audit_ids[0])
    assert first is not None
    checklist = audit_store.checklist_version(services.storage, first.checklist_hash)
    answers = [audit_store.answers_of(services.storage, audit_id) for audit_id in audit_ids]
    flags = dict(services.storage.db.execute(
        "SELECT question_id, SUM(flagged) FROM answers GROUP BY question_id").fetchall())
    lines = []
    for question in checklist.questions():
        values = [a[question.id].value for a in answers if question.id in a]
        yes, no = values.count("yes"), values.count("no")
        if yes + no:
            rate = round(100 * yes / (yes + no))
            lines.append(f"• {question.text}: {yes} of {yes + no} ({rate}%) yes, {flags.get(question.id, 0)} flagged")
    assert lines, "the neglect checklist has yes/no questions"
    return lines


def form_values(**fields: str) -> dict:
    """A campaign form's state.values in Slack's shape: one block per field, named as the field."""
    return {key: {key: {"type": "plain_text_input", "value": value}} for key, value in fields.items()}


@pytest.mark.usefixtures("unhurried_form_checks")
def test_the_campaign_modal_shows_mistakes_beside_the_field_then_creates(bot: RunningBot, standin,
                                                                       services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON), tick=False):
        assert bot.slack.command("U0MGRN001", "campaign new").status == 200
        assert standin.calls_to("views.open") == []  # a manager gets the refusal by DM, no form
        assert bot.slack.command(QA_LEAD, "campaign new").status == 200
        [opened] = standin.calls_to("views.open")
        view = opened.params["view"]
        view = json.loads(view) if isinstance(view, str) else view
        assert view["callback_id"] == "campaign.create_form"
        assert [b["block_id"] for b in view["blocks"]] == ["name", "theme", "checklist", "teams", "start",
                                                           "deadline", "per-worker", "cases", "auditors", "moderate"]
        optional = {b["block_id"] for b in view["blocks"] if b.get("optional")}
        assert optional == {"per-worker", "cases"}  # one or the other, checked on submit
        [cases] = [b["element"] for b in view["blocks"] if b["block_id"] == "cases"]
        assert cases["type"] == "plain_text_input" and cases["multiline"] and cases["max_length"] == 3000
        good = {"name": "Neglect December", "theme": "neglect", "checklist": "neglect",
                "teams": "north-assessment,south-cin-cp", "start": "2026-12-01", "deadline": "2026-12-18",
                "per-worker": "1", "auditors": "managers", "moderate": "20"}
        for field, wrong, words in [("deadline", "blursday", "I could not read 'blursday' as a date"),
                                    ("teams", "north-assessment,west", "There is no team `west`"),
                                    ("moderate", "150", "from 0 to 100"),
                                    ("start", "2026-12-19", "the start must be on or before the deadline")]:
            response = bot.slack.view_submission(QA_LEAD, "campaign.create_form", form_values(**{**good, field: wrong}))
            answer = response.json()
            assert answer["response_action"] == "errors", answer
            [(where, message)] = answer["errors"].items()
            assert words in message and where == ("deadline" if field == "start" else field)
        assert services.storage.db.execute("SELECT COUNT(*) FROM campaigns").fetchone()[0] == 0
        response = bot.slack.view_submission(QA_LEAD, "campaign.create_form", form_values(**good))
        assert response.status == 200 and response.json() is None
    qa_dm = SlackPerson(bot, standin, QA_LEAD)
    assert any("Campaign 1" in r.text for r in qa_dm._replies(qa_dm._dm_posts()))
    assert services.storage.db.execute("SELECT COUNT(*) FROM campaign_allocations").fetchone()[0] == 3


CASE_LIST = "case reference,worker\nCR-500001,U0PRAN001\nCR-500002,U0PRAS001\nCR-500003,U0PRAN002\n"


@pytest.mark.usefixtures("unhurried_form_checks")
def test_a_qa_lead_pastes_a_case_list_into_the_modal_and_exactly_those_cases_are_allocated(
        bot: RunningBot, standin, services: Services) -> None:
    form = {"name": "Voice of the child", "theme": "voice", "checklist": "neglect",
            "teams": "north-assessment,south-cin-cp", "start": "2026-12-01", "deadline": "2026-12-18",
            "per-worker": "", "auditors": "peer", "moderate": "20"}
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON), tick=False):
        assert bot.slack.command(QA_LEAD, "campaign new").status == 200
        [opened] = standin.calls_to("views.open")
        view = opened.params["view"]
        blocks = {b["block_id"]: b for b in (json.loads(view) if isinstance(view, str) else view)["blocks"]}
        assert "Copy member ID" in blocks["cases"]["hint"]["text"]  # where a council user finds the IDs
        for wrong, where, words in [
            ({"per-worker": "1", "cases": CASE_LIST}, "per-worker", "not both"),
            ({"cases": ""}, "per-worker", "not both and not neither"),
            ({"cases": "CR-500001,U0PRAN001\nCR-500002,U0PRAS001\nNHS 943 476 5919,U0PRAN001\n"}, "cases",
             "Line 3 of the case file: "),
            ({"cases": "CR-500001,U0PRAN001\nCR-500001,U0PRAS001\n"}, "cases",
             "Case CR-500001 is listed twice in the case file (lines 1 and 2). List each case once."),
            ({"cases": "CR-500001,U0PRAC001\n"}, "cases", "Line 1 of the case file: that worker is not in any"),
        ]:
            answer = bot.slack.view_submission(QA_LEAD, "campaign.create_form",
                                               form_values(**{**form, **wrong})).json()
            assert answer["response_action"] == "errors", answer
            assert list(answer["errors"]) == [where] and words in answer["errors"][where], answer
        assert services.storage.db.execute("SELECT COUNT(*) FROM campaigns").fetchone()[0] == 0
        # a refused list is told only in the modal: nothing was posted to any DM or channel
        assert not any("943 476 5919" in json.dumps(c.params) for c in standin.calls)
        assert standin.calls_to("chat.postMessage") == []

        response = bot.slack.view_submission(QA_LEAD, "campaign.create_form",
                                             form_values(**{**form, "cases": CASE_LIST}))
        assert response.status == 200 and response.json() is None  # the modal closes; the work follows
    rows = services.storage.db.execute(
        "SELECT case_ref, worker_id, auditor_id FROM campaign_allocations ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("CR-500001", "U0PRAN001", "U0MGRS001"),
                                        ("CR-500002", "U0PRAS001", "U0MGRN001"),
                                        ("CR-500003", "U0PRAN002", "U0MGRS001")]
    qa, north, south = (SlackPerson(bot, standin, u) for u in (QA_LEAD, "U0MGRN001", "U0MGRS001"))
    assert any("Campaign 1" in r.text and "2 auditors" in r.text for r in qa._replies(qa._dm_posts()))
    south_dm = south._replies(south._dm_posts())
    assert sorted(start_buttons(south_dm)) == ["1", "3"]
    assert "CR-500001" in south_dm[0].text and "CR-500003" in south_dm[0].text
    north_dm = north._replies(north._dm_posts())
    assert list(start_buttons(north_dm)) == ["2"] and "CR-500002" in north_dm[0].text
    assert SlackPerson(bot, standin, "U0MGRC001")._dm_posts() == []  # not a campaign team: no DM


def test_when_the_campaign_modal_cannot_open_the_qa_lead_is_told_how_to_type_it(bot: RunningBot, standin) -> None:
    standin.fail_next("views.open", status=500, times=5)  # Slack down, or the trigger expired: no modal
    assert bot.slack.command(QA_LEAD, "campaign new").status == 200
    qa = SlackPerson(bot, standin, QA_LEAD)
    [told] = standin.wait_for("chat.postMessage", count=1)
    assert "/audit campaign create name=" in qa._replies([told])[0].text
