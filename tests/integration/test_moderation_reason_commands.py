"""At a moderation's "Why?" (the reason the auditor reads, which can't be changed once saved), a command typed wrong or
a word one letter off a command's or the step's own (`mod abc`, `agre`, `relase`, `moderate x`, `kb accept abc`) was
saved as the reason (fix34a). It is said back as what was meant, and the reason asked for again, saying how; a whole
command (`show 12`, `help`, `/audit mod 3`) runs. A real reason that starts with a command's word is still saved."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.core.sentences import MIN_SENTENCE_CHARS
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit

WHY = "Why? A sentence the auditor can learn from."
NOT_SAVED = ("Nothing was saved as your reason: type the command as shown, or your reason in a sentence of your own "
             "words.")


def reasons(services: Services, audit_id: int) -> list[str | None]:
    return [row["reason"] for row in services.storage.db.query(
        "SELECT reason FROM moderations WHERE audit_id = ? AND decided_at IS NOT NULL", [audit_id])]


def at_why(engine: Engine, services: Services, typed: str) -> tuple[int, str]:
    """An audit opened for moderation by the QA lead and agreed with, then `typed` at "Why?": the audit, and what
    the chat showed after "Why?"."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    _, out = drive(engine, [f"moderate {audit_id}", "agree", typed], user=QA)
    assert WHY in flat(out)
    return audit_id, flat(out).split(WHY, 1)[1]


@pytest.mark.parametrize(("typed", "meant"), [
    ("mod abc", "That isn't how mod is typed: it is short for /audit moderate [audit number | page N], like mod 12."),
    ("moderate x", "That isn't how /audit moderate is typed: /audit moderate [audit number | page N]."),
    ("kb accept abc", "That isn't how /audit kb is typed: /audit kb reload|unanswered|answer"),
    ("show abc", "That isn't how /audit show is typed: /audit show <number>, like show 12."),
    ("shwo 12", "Did you mean show 12?"),
    ("agre", "Did you mean agree?"),
    ("disagre", "Did you mean disagree?"),
    ("relase", "Did you mean release?"),
    ("Relase.", "Did you mean release?"),
    ("hepl", "Did you mean help?"),
])
def test_a_command_typed_wrong_at_why_is_put_right_and_the_reason_asked_again(engine: Engine, services: Services,
                                                                               typed: str, meant: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, text = at_why(engine, services, typed)
        waiting = store.conversation(services.storage, QA)
    assert meant in text, text
    assert NOT_SAVED in text and text.endswith(f"{WHY} > Type your reason. Bye.")  # asked again, last on screen
    assert reasons(services, audit_id) == []
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"
    assert waiting.get("awaiting") == "moderation_reason" and waiting.get("audit_id") == audit_id


@pytest.mark.parametrize(("typed", "shown"), [("show 1", "== Audit #1"), ("help", "Here is what I can do for you"),
                                              ("mod", "Audits you are moderating"),
                                              ("moderate", "Audits you are moderating")])
def test_a_whole_command_at_why_runs_and_the_reason_is_asked_again(engine: Engine, services: Services, typed: str,
                                                                    shown: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, typed)
    assert shown in out and f"Back to your moderation of audit #{audit_id}:" in out
    assert reasons(services, audit_id) == []


def test_slash_mod_at_why_opens_that_audit_and_saves_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        other = submitted_audit(engine, services, AUDITOR)
        audit_id, out = at_why(engine, services, f"/audit mod {other}")
    assert "I don't know" not in out and "You are moderating this audit" in out
    assert store.conversation(services.storage, QA).get("audit_id") == other
    assert reasons(services, audit_id) == []


@pytest.mark.parametrize("reason", ["shows no evidence of visits", "Shows no evidence of visits since June.",
                                    "show the child's views in the plan", "help for the family came late",
                                    "list of actions is not dated", "editing of the plan was not recorded"])
def test_a_real_reason_that_starts_with_a_command_s_word_is_saved(engine: Engine, services: Services,
                                                                   reason: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, reason)
    assert f"Moderation of audit #{audit_id} saved" in out and NOT_SAVED not in out
    assert reasons(services, audit_id) == [reason]


# Ordinary words of a reason, some of them a command's word (`show`, `list`, `help`, `home`, `start`, `edit`): none a
# grade, a decision (`agree`), or a way to step out or let go (`back`, `cancel`, `release`, `leave`), which the step
# reads as such whatever follows; and no `checklist`, whose command takes any words after it.
ORDINARY = ("show", "shows", "list", "help", "home", "start", "edit", "away", "chase", "compare", "the", "plan", "was",
            "not", "visits", "child", "seen", "alone", "evidence", "of", "recorded", "in", "review", "manager",
            "oversight", "clear", "and", "views", "file", "notes", "late", "missing", "assessment", "family", "worker",
            "drift", "timely", "school", "health", "dates", "chronology", "supervision", "risks", "analysis")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(ORDINARY), min_size=4, max_size=9))
def test_a_reason_of_four_or_more_ordinary_words_is_always_saved_as_typed(engine: Engine, services: Services,
                                                                           words: list[str]) -> None:
    """Saved as typed unless the privacy screen refuses it (`chase` is also a surname): then nothing is saved."""
    reason = " ".join(words)
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, reason)
    assert NOT_SAVED not in out and "Did you mean" not in out and "isn't how" not in out
    assert reasons(services, audit_id) == ([] if services.identifier_screen.find(reason) else [reason])


# fix37a: a reason of two or three words that starts with a command's word was asked again as a command typed wrong
# (`help was needed`: "That isn't how `/audit help` is typed"), or ran the command aside (`digest was late`).
@pytest.mark.parametrize("reason", ["help was needed", "review was late", "plan is drifting", "digest was late",
                                    "list was good", "help needed", "checklist is unclear", "Show, was late."])
def test_a_short_reason_that_starts_with_a_command_s_word_is_saved(engine: Engine, services: Services,
                                                                   reason: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, reason)
    assert f"Moderation of audit #{audit_id} saved" in out and NOT_SAVED not in out and "isn't how" not in out
    assert reasons(services, audit_id) == [reason]


@pytest.mark.parametrize("typed", ["help", "mod 12", "agree 12", "mod abc", "kb accept abc", "digest north",
                                   "list good", "list mine", "checklist neglect", "away off", "away next week",
                                   "moderate page 2", "show me 1"])
def test_a_command_in_its_own_shape_at_why_is_still_no_reason(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, typed)
    assert reasons(services, audit_id) == [], out
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


# Every command's word typed bare (engine.typed_shapes) and `mod`; words of a reason that none of them takes first:
# no command's word, grade, number, date or period, team's or checklist's name.
COMMAND_WORDS = ("actions", "areas", "ask", "auditors", "away", "campaign", "chase", "checklist", "compare", "digest",
                 "edit", "extend", "help", "home", "kb", "list", "moderate", "mod", "reaudits", "redact", "reflect",
                 "reminders", "respond", "restore", "resume", "show", "start", "worker")
REASON_WORDS = ("was", "is", "were", "not", "needed", "late", "drifting", "plan", "visits", "seen", "alone",
                "evidence", "recorded", "manager", "oversight", "unclear", "thin", "views", "file", "notes", "missing",
                "family", "drift", "timely", "school", "dates", "chronology", "supervision", "risks",
                "analysis", "delayed", "weak", "strong", "lacking", "absent", "outdated")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(COMMAND_WORDS), st.lists(st.sampled_from(REASON_WORDS), min_size=1, max_size=2))
def test_a_command_word_then_ordinary_words_is_always_saved_as_the_reason(engine: Engine, services: Services,
                                                                           command: str, words: list[str]) -> None:
    """A reason of two or three words: at least a few letters, as every reason must be (bot.core.sentences)."""
    reason = " ".join([command, *words])
    assume(len(reason) >= MIN_SENTENCE_CHARS and not services.identifier_screen.find(reason))
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, out = at_why(engine, services, reason)
    assert NOT_SAVED not in out and "Did you mean" not in out and "isn't how" not in out, out
    assert reasons(services, audit_id) == [reason], out
