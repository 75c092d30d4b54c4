"""What an audit of a case will ask, asked in words, gets the checklist's questions (trial 27: "what would an audit
of my case ask? its a cp case", "what will the auditor look at on my neglect case" and "what questions does the
neglect audit ask" got the knowledge base's guesses, never the checklist); and a checklist's name of several words
typed with a typo is forgiven (`/audit checklist cp plna` was "No checklist has that name")."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot.audits.checklist_asked import checklist_meant
from bot.audits.checklist_words import spelt_synonyms
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store

PRACTITIONER = "U0PRAN001"
MANAGER = "U0MGRN001"


def said(engine: Engine, text: str, user: str = PRACTITIONER) -> str:
    return "\n".join(f"{r.title or ''}\n{r.text}" for r in engine.message(user, text, surface="terminal"))


@pytest.mark.parametrize(("typed", "title"), [
    ("what would an audit of my case ask? its a cp case", "Child protection plan"),
    ("what will the auditor look at on my neglect case", "Neglect"),
    ("what questions does the neglect audit ask", "Neglect"),
    ("What will the auditor look for on my child in need case?", "Child in need (section 17)"),
    ("what would an audit check on my neglet case", "Neglect"),
    ("what will the auditor look at on my cp plna case", "Child protection plan"),
])
def test_what_an_audit_asks_shows_the_checklist_named(engine: Engine, services: Services, typed: str,
                                                      title: str) -> None:
    shown = said(engine, typed)
    assert f"\n{title}\n" in f"\n{shown}" and "\n1. " in shown, shown
    assert "Did you mean" not in shown and "This is what an audit asks" in shown
    assert store.drafts_of(services.storage, PRACTITIONER) == []  # nothing started


def test_with_no_checklist_named_the_checklists_are_listed_with_how_to_read_one(engine: Engine) -> None:
    replies = engine.message(PRACTITIONER, "what would an auditor look for on my case", surface="terminal")
    shown = "\n".join(r.text for r in replies)
    assert "What an audit asks depends on its checklist" in shown
    assert "Type `checklist` and a name" in shown and "• Neglect: `checklist neglect`" in shown
    # the entry the same words found before is one press away
    assert [c.value for c in replies[-1].choices] == ["own-case-before-supervision"]


@pytest.mark.parametrize("typed", [
    "what does the auditor check when the child is unsafe",
    "what is the audit target?",
    "what do the daily audit reminders cover",
    "iro footprint on the file what should auditors look for",
    "what should an auditor look for about whether the child was safe while waiting for the conference",
])
def test_other_questions_about_audits_stay_with_the_knowledge_base(engine: Engine, typed: str) -> None:
    shown = said(engine, typed)
    assert "Type `checklist` and a name" not in shown and "This is what an audit asks" not in shown
    assert "No checklist has that name" not in shown


def test_a_name_of_several_words_with_a_typo_is_forgiven_at_checklist_and_start_audit(engine: Engine) -> None:
    shown = said(engine, "/audit checklist cp plna")
    assert "I took that as **Child protection plan**." in shown and "No checklist has that name" not in shown
    started = said(engine, "start audit cp plna", user=MANAGER)
    assert "I took that as **Child protection plan**" in started and "What is the case reference?" in started


def test_a_name_left_unknown_is_never_said_back(engine: Engine) -> None:
    shown = said(engine, "what will the auditor look at on my zebra crossing case")
    assert "Type `checklist` and a name" not in shown and "No checklist has that name" not in shown  # the KB's reply


@given(st.text(max_size=120))
def test_the_readers_never_raise(text: str) -> None:
    assert checklist_meant(text) is None or isinstance(checklist_meant(text), str)
    assert isinstance(spelt_synonyms(text, [("cp plan", "child protection plan"), ("child in need",)]), list)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_case_named_gets_a_reply_never_a_traceback_or_silence(engine: Engine, name: str) -> None:
    replies = engine.message(PRACTITIONER, f"what will the auditor look at on my {name} case", surface="terminal")
    assert replies and all(r.text.strip() for r in replies)
