"""What the bot says matches what a person sees: labels agree with lists, grades are attributed to whoever gave
them, checklist guidance names who is really alerted, and the README's settings are the ones in settings.yaml."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine
import yaml

from bot.audits.core import grade_label, load
from bot.audits.questions import escalation_alerts
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import DEFAULTS, PROJECT_DIR
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from knowledge.loader import load_knowledge
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender

MODERATOR = "U0MGRS001"  # the South manager moderates the North team's audits
ALERT_SENTENCE = ("The alert goes straight away to your team manager; if you have none (say you manage the team "
                  "yourself), to the worker's manager if that is not you, otherwise to the QA leads and heads of "
                  "service")


def submitted_audit(engine: Engine, services: Services, auditor: str = "U0MGRN001") -> int:
    send = terminal_sender(engine, TerminalView(), user=auditor)
    complete_audit(send, send("type", "/audit start early-help-spot"))
    return int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])


# -- /audit actions: the Done buttons name actions the way the list does -------------------------------------

def test_done_buttons_name_actions_the_list_shows(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 11, 16, 10, 0, tzinfo=UTC), tick=False):
        first = submitted_audit(engine, services)
        second = submitted_audit(engine, services)
        action_store.add_action(services.storage, first, "Book a core group", "U0PRAN002", "2026-12-20", "U0MGRN001",
                         datetime(2026, 11, 16, 10, 0, tzinfo=UTC))
        for command, user in (("actions team", "U0MGRN001"), ("actions", "U0PRAN001")):
            [listing] = engine.command(user, command, surface="terminal")
            labels = [c.label for c in listing.choices]
            assert labels, listing.text
            lines = [line for line in listing.text.splitlines() if line.startswith("•")]
            assert len(lines) == len(labels)
            for label, line, choice in zip(labels, lines, listing.choices, strict=True):
                named = label.removeprefix("Done: ")
                assert line.lower().startswith(f"• {named}"), (label, line)  # button and line name the same action
                owned = action_store.open_actions_of_owners(services.storage, ["U0PRAN001", "U0PRAN002"])
                action = next(a for a in owned if str(a.id) == choice.value)
                assert action.description in line and f"audit #{action.audit_id}" in line
    assert second != first


# -- /audit moderate: checklist title and case reference -------------------------------------------------------

def test_the_moderation_queue_shows_checklist_title_and_case_reference(engine: Engine, services: Services) -> None:
    audit_id = submitted_audit(engine, services)
    [listing] = engine.command(MODERATOR, "moderate", surface="terminal")
    audit = store.get_audit(services.storage, audit_id)
    title = load(services, audit_id).checklist.title
    assert f"#{audit_id} {title}, case {audit.case_ref}" in listing.text
    assert audit.checklist_id not in listing.text


# -- moderation result: each grade attributed to whoever gave it ------------------------------------------------

def moderate(engine: Engine, audit_id: int, grade: str | None) -> str:
    engine.action(MODERATOR, "audit.moderate_open", str(audit_id))
    if grade is None:
        engine.action(MODERATOR, "audit.moderate_agree", str(audit_id))
    else:
        engine.action(MODERATOR, "audit.moderate_grade", f"{audit_id}:{grade}")
    replies = engine.message(MODERATOR, "Evidence of impact for the child is thin.")
    if grade == "inadequate":  # it alerts the managers: Send the alert first
        replies = engine.message(MODERATOR, "send")
    elif "Add an action for the auditor or worker" in replies[-1].text:  # offered with a disagreement (fix41d)
        replies = engine.message(MODERATOR, "skip")
    _saved, told, *_outcome = replies
    return told.text


def test_a_different_moderation_grade_is_the_moderators_and_the_auditors_is_theirs(engine: Engine,
                                                                                   services: Services) -> None:
    audit_id = submitted_audit(engine, services)
    auditors = grade_label(store.get_audit(services.storage, audit_id).overall_grade)
    text = moderate(engine, audit_id, "inadequate")
    assert "Team manager (South) graded it **Inadequate**" in text
    assert f"where your grade was **{auditors}**" in text
    assert "your grade (**Inadequate**)" not in text


def test_an_agreeing_moderation_names_the_shared_grade(engine: Engine, services: Services) -> None:
    audit_id = submitted_audit(engine, services)
    auditors = grade_label(store.get_audit(services.storage, audit_id).overall_grade)
    assert f"Team manager (South) agreed with your grade (**{auditors}**)" in moderate(engine, audit_id, None)


# -- immediate-concern guidance says who is really alerted -----------------------------------------------------

def guidance_about_alerts() -> list[tuple[str, str]]:
    """Guidance of escalating questions that tells the auditor about the alert (the immediate-concern ones)."""
    return [(c.id, " ".join((q.guidance or "").split())) for c in load_knowledge().checklists.values()
            for q in c.questions() if q.escalate_if and "alert" in (q.guidance or "")]


@pytest.mark.parametrize(("checklist_id", "guidance"), guidance_about_alerts())
def test_escalation_guidance_names_who_the_bot_alerts(checklist_id: str, guidance: str) -> None:
    assert ALERT_SENTENCE in guidance, checklist_id
    assert "team manager is alerted" not in guidance


@pytest.mark.parametrize(("auditor", "worker", "alerted"), [
    ("U0PRAN002", "U0PRAN001", ["U0MGRN001"]),               # your team manager
    ("U0MGRN001", "U0PRAN001", ["U0ADMIN01", "U0QALEAD1", "U0QALEAD2"]),  # you manage it: QA leads, heads of service
    ("U0ADMIN01", "U0PRAS001", ["U0MGRS001"]),               # no team of your own: the worker's manager
])
def test_the_alert_goes_where_the_guidance_says(engine: Engine, services: Services, auditor: str, worker: str,
                                                 alerted: list[str]) -> None:
    engine.command(auditor, "start case-audit", surface="dm")
    engine.message(auditor, "CR-123456")
    engine.message(auditor, worker)
    audit_id = int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])
    ctx = load(services, audit_id)
    question = next(q for q in ctx.checklist.questions() if q.escalate_if)
    alerts = escalation_alerts(services, ctx, question, question.escalate_if[0])
    assert [a.to_user for a in alerts] == alerted


# -- README settings agree with config/settings.yaml ------------------------------------------------------------

def readme_setting_keys() -> list[str]:
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("`config/settings.yaml`", 1)[1].split("`config/teams.yaml`", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)


def test_every_setting_the_readme_names_is_in_settings_yaml_with_its_default() -> None:
    text = (PROJECT_DIR / "config" / "settings.yaml").read_text(encoding="utf-8")
    active = yaml.safe_load(text)
    commented = yaml.safe_load("\n".join(m.group(1) for m in re.finditer(r"^# ([a-z_]+: .*)$", text, re.MULTILINE)))
    shown = {**(commented or {}), **active}
    readme = readme_setting_keys()
    assert "local_user" in readme
    assert sorted(readme) == sorted(shown), "README and settings.yaml list different keys"
    assert set(shown) <= set(DEFAULTS)
    assert commented["local_user"] == DEFAULTS["local_user"]
