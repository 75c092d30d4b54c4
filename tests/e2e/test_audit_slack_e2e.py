"""Audits end to end: signed Slack requests into the real Bolt app, replies read from the Web API stand-in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_services
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.settings.config import Settings
from bot.storage import audits as store
from handlers.blocks import action_name
from tests.audit_driver import complete_audit
from tests.conftest import RunningBot
from tests.integration.test_audit_terminal import CHECKLIST_IDS
from tests.support.slack_standin import dm_channel_for
from tests.support.text import repeated

# A QA lead audits (a practitioner starts no audit by hand, only a campaign's): the first worker offered is the
# Children in Care social worker, whose manager hears of the audit and of an immediate concern.
AUDITOR = "U0QALEAD1"
WORKER = "U0PRAC001"
MANAGER = "U0MGRC001"
WORKING_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday morning


class SlackPerson:
    """Plays one person in Slack: sends signed requests and reads their DM back as replies with buttons."""

    def __init__(self, bot: RunningBot, standin, user: str) -> None:
        self.bot, self.standin, self.user = bot, standin, user
        self.action_ids: dict[tuple[str, str], str] = {}

    def _dm_posts(self) -> list:
        channel = dm_channel_for(self.user)
        return [c for c in self.standin.calls_to("chat.postMessage") if c.params["channel"] == channel]

    def _replies(self, posts: list) -> list[Reply]:
        replies = []
        for post in posts:
            blocks = post.params.get("blocks") or []
            choices, prompt = [], None
            for block in blocks:
                if block["type"] == "actions":
                    for element in block["elements"]:
                        name = action_name(element["action_id"])
                        self.action_ids[(name, element["value"])] = element["action_id"]
                        choices.append(Choice(element["text"]["text"], name, element["value"]))
                elif block["type"] == "context" and block["elements"][0]["text"].startswith("✏️ "):
                    prompt = block["elements"][0]["text"][len("✏️ "):]
            is_error = any(b["type"] == "section" and b["text"]["text"].startswith(":warning:") for b in blocks
                           if "text" in b)
            replies.append(Reply(text=post.params["text"], choices=tuple(choices), prompt=prompt,
                                 kind="error" if is_error else "info"))
        return replies

    def send(self, kind: str, payload: str) -> list[Reply]:
        before = len(self._dm_posts())
        if kind == "command":
            response = self.bot.slack.command(self.user, payload)
        elif kind == "press":
            name, value = payload.split("|", 1)
            response = self.press(name, value)
        else:
            response = self.bot.slack.message_im(self.user, payload)
        assert response.status == 200
        return self._replies(self._dm_posts()[before:])

    def press(self, name: str, value: str):
        return self.bot.slack.block_action(self.user, self.action_ids[(name, value)], value)


def audit_row(services: Services) -> dict:
    [row] = list(services.storage.db.query("SELECT * FROM audits"))
    return row


@time_machine.travel(WORKING_DAY, tick=False)  # in working hours: the worker is told at once (trial 43)
def test_a_complete_audit_from_slash_command_to_submission(bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    first = person.send("command", "start child-protection-plan")
    assert "What is the case reference?" in first[0].text
    complete_audit(person.send, first)
    row = audit_row(services)
    assert row["status"] == "submitted" and row["auditor_id"] == AUDITOR and row["case_ref"] == "CR-100200"
    assert row["worker_id"] == WORKER
    worker_dm = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(WORKER)]
    manager_dm = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(MANAGER)]
    assert "audited one of your cases. Here is the summary" in worker_dm[-1].text
    assert "audit.reflect" in str(worker_dm[-1].params["blocks"])
    assert "submitted" in manager_dm[-1].text
    # the worker reflects by button, then typed text
    worker = SlackPerson(bot, standin, WORKER)
    worker._replies(worker_dm)
    worker.press("audit.reflect", str(row["id"]))
    [saved, *_] = worker.send("type", "I agree the plan needs sharper timescales.")
    assert "reflections are saved" in saved.text
    assert [r["text"] for r in store.reflections_of(services.storage, row["id"])] == [
        "I agree the plan needs sharper timescales."]


@pytest.mark.parametrize("checklist_id", CHECKLIST_IDS)
def test_every_shipped_checklist_can_be_completed_in_slack(bot: RunningBot, standin, services: Services,
                                                            checklist_id: str) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    complete_audit(person.send, person.send("command", f"start {checklist_id}"))
    row = audit_row(services)
    assert row["status"] == "submitted" and row["checklist_id"] == checklist_id
    checklist = store.checklist_version(services.storage, row["checklist_hash"])
    answers = store.answers_of(services.storage, row["id"])
    assert {q.id for q in checklist.questions() if q.required and q.show_if is None} <= set(answers)
    assert all(answers[q.id].evidence for q in checklist.questions() if q.type == "scale" and q.id in answers)


@time_machine.travel(WORKING_DAY, tick=False)  # in working hours: the worker is told at once (trial 43)
def test_a_submitted_audit_reopened_in_slack_keeps_the_change_as_a_revision(bot: RunningBot, standin,
                                                                              services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    complete_audit(person.send, person.send("command", "start early-help-spot"))
    row = audit_row(services)
    before = store.answers_of(services.storage, row["id"])["consent"].value
    done = person._replies(person._dm_posts()[-1:])
    reopened = person.send("press", f"audit.reopen|{row['id']}")
    assert "open for changes" in reopened[0].text and done[0].choices[0].action == "audit.reopen"
    question = person.send("type", "change 2")
    other = next(c for c in question[-1].choices if c.action == "audit.answer" and not c.value.endswith(before))
    review = person.send("press", f"audit.answer|{other.value}")
    submit = next(c for c in review[-1].choices if c.action == "audit.submit")
    [resubmitted] = person.send("press", f"audit.submit|{submit.value}")
    assert "resubmitted" in resubmitted.text
    [change] = [r for r in store.revisions_of(services.storage, row["id"]) if r["field"] == "answer:consent"]
    assert change["old_value"] == before and change["changed_by"] == AUDITOR
    assert audit_row(services)["status"] == "submitted"


def start_questions(person: SlackPerson, checklist: str = "case-audit") -> list[Reply]:
    person.send("command", f"start {checklist}")
    worker_step = person.send("type", "CR-777001")
    worker_button = next(c for c in worker_step[-1].choices if c.action == "audit.worker")
    return person.send("press", f"audit.worker|{worker_button.value}")


def answer_button(replies: list[Reply], label: str) -> Choice:
    return next(c for c in replies[-1].choices if c.action == "audit.answer" and c.label == label)


def test_a_double_press_records_one_answer_and_shows_the_next_question_once(bot: RunningBot, standin,
                                                                              services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    question = start_questions(person)
    no = answer_button(question, "No")
    first = person.send("press", f"audit.answer|{no.value}")
    second = person.send("press", f"audit.answer|{no.value}")
    assert "Is the child currently in the care" in first[-1].text
    assert second == []
    row = audit_row(services)
    assert services.storage.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
    assert row["step"] == "question:child-in-care"


def test_a_stale_button_changes_nothing_and_says_why(bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    question = start_questions(person)
    person.send("press", f"audit.answer|{answer_button(question, 'No').value}")
    stale = person.send("press", f"audit.answer|{answer_button(question, 'Yes').value}")
    assert stale[0].kind == "error" and "earlier question" in stale[0].text
    assert store.answers_of(services.storage, audit_row(services)["id"])["immediate-concern"].value == "no"


def test_an_escalating_answer_alerts_the_manager_at_once(bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    question = start_questions(person)
    asked = person.send("press", f"audit.answer|{answer_button(question, 'Yes').value}")
    assert "This sends an urgent alert now to Team manager (Children in care). Send it?" in asked[-1].text
    assert not [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(MANAGER)]
    send = next(c for c in asked[-1].choices if c.label == "Send the alert")
    replies = person.send("press", f"{send.action}|{send.value}")
    [alert] = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(MANAGER)]
    assert "Escalation from audit #" in alert.text and "CR-777001" in alert.text
    assert any("alerted Team manager (Children in care)" in r.text for r in replies)
    assert audit_row(services)["status"] == "draft"


def test_a_case_reference_holding_a_name_or_nhs_number_is_refused(bot: RunningBot, standin,
                                                                  services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    person.send("command", "start early-help-spot")
    [name] = person.send("type", "Oliver Smith")
    [nhs] = person.send("type", "9434765919")
    assert name.kind == nhs.kind == "error"
    assert "“O… S…” looks like a child's or family member's name" in name.text
    assert "“9…” looks like an NHS number" in nhs.text
    assert repeated("Oliver Smith", name.text) == repeated("9434765919", nhs.text) == []  # not said back into Slack
    assert services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 0


def test_resume_after_a_restart_continues_where_the_person_stopped(bot: RunningBot, standin, services: Services,
                                                                   settings: Settings) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    question = start_questions(person, "early-help-spot")
    person.send("press", f"audit.answer|{answer_button(question, 'No').value}")
    step_before = audit_row(services)["step"]
    bot.stop()
    services.storage.close()

    fresh_services = build_services(settings)
    restarted = RunningBot(fresh_services, standin, process_before_response=True)
    try:
        again = SlackPerson(restarted, standin, AUDITOR)
        continued = again.send("command", "resume")  # the one draft: carried on at once
        assert "Carrying on with audit" in continued[0].text
        assert audit_row(fresh_services)["step"] == step_before
        complete_audit(again.send, continued)
        assert audit_row(fresh_services)["status"] == "submitted"
    finally:
        restarted.stop()
        fresh_services.storage.close()


def test_in_a_channel_the_bot_asks_to_move_to_a_direct_message(bot: RunningBot, standin) -> None:
    bot.slack.app_mention(AUDITOR, "<@U0BOT0001> start audit", channel="C0CHAN001")
    [post] = standin.wait_for("chat.postMessage")
    assert post.params["channel"] == "C0CHAN001" and "direct message" in post.text


def test_a_question_asked_mid_audit_is_followed_by_where_the_audit_is_and_the_earlier_buttons_still_work(
        bot: RunningBot, standin, services: Services) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    asked = start_questions(person)
    no = answer_button(asked, "No")
    answered = person.send("type", "how often should a child on a CP plan be visited?")
    assert "child protection plan" in answered[0].text
    assert answered[-1].text.startswith("Back to audit #1, question 1:")
    assert answer_button(answered, "No") == no  # the question's own buttons, the same as on the earlier message
    person.send("press", f"audit.answer|{no.value}")
    assert store.answers_of(services.storage, 1)["immediate-concern"].value == "no"


def test_a_bare_command_typed_mid_audit_runs_and_the_question_follows_with_its_buttons(
        bot: RunningBot, standin, services: Services) -> None:
    """Trial 7: `list`, typed in the DM at a yes/no question, was refused with "Please answer yes or no"."""
    person = SlackPerson(bot, standin, AUDITOR)
    no = answer_button(start_questions(person), "No")
    answered = person.send("type", "list")
    assert answered[0].text.startswith("Audits you can read") and "Please answer yes or no" not in answered[0].text
    assert answered[-1].text.startswith("Back to audit #1, question 1:")
    assert answer_button(answered, "No") == no
    person.send("press", f"audit.answer|{no.value}")
    assert store.answers_of(services.storage, 1)["immediate-concern"].value == "no"
