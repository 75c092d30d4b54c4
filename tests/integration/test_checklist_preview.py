"""`/audit checklist NAME`: a checklist's questions and what good looks like, read outside any audit. Trial 26: a
worker told to "self audit before supervision" could not (a worker never audits their own case) and had no way to
read what an audit of the case would ask."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot.audits.checklist_preview import _guidance_line
from bot.audits.core import knowledge_base
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.checklist_schema import Question

PRACTITIONER = "U0PRAN001"


def said(engine: Engine, text: str) -> str:
    return "\n".join(f"{r.title or ''}\n{r.text}" for r in engine.message(PRACTITIONER, text, surface="terminal"))


@pytest.mark.parametrize("typed", ["checklist cp plan", "/audit checklist child protection plan",
                                   "show me the cp plan checklist",
                                   "what does the child protection plan checklist ask?",
                                   "what questions are on the child protection plan checklist"])
def test_a_checklist_named_shows_every_question_and_what_good_looks_like(engine: Engine, services: Services,
                                                                           typed: str) -> None:
    shown = said(engine, typed)
    assert shown.startswith("Child protection plan\n"), shown
    assert "7. Was the initial child protection conference held within 15 working days" in shown
    assert "19. How would you grade the progress the child has made while on the plan?" in shown
    assert "Working Together 2023 sets 15 working days from the strategy discussion" in shown  # its guidance
    assert "**Core groups and visits**" in shown  # the sections, in order
    assert store.drafts_of(services.storage, PRACTITIONER) == []  # nothing started, nothing stored


def test_a_question_whose_guidance_is_an_entry_points_to_that_entry(services: Services) -> None:
    """A checklist's guidance may name a knowledge entry (`kb check` checks it exists): the preview names the entry's
    question to ask, rather than print a whole answer under one question; long guidance is cut at a sentence."""
    entry = knowledge_base(services).entries["voice-of-the-child-good"]
    pointed = Question(id="q1", text="Is the child's voice heard?", type="yes_no", guidance="voice-of-the-child-good")
    assert _guidance_line(services, pointed) == f"What good looks like: ask \u201c{entry.question}\u201d"
    long = Question(id="q2", text="Is it good?", type="yes_no", guidance="First sentence here is long enough. " * 20)
    assert _guidance_line(services, long).endswith("long enough.") and len(_guidance_line(services, long)) <= 220


def test_no_name_lists_the_checklists_and_how_to_read_one(engine: Engine) -> None:
    shown = said(engine, "checklist")
    assert "Type `checklist` and a name to read its questions" in shown
    assert "• Neglect: `checklist neglect`" in shown


def test_a_name_that_is_no_checklist_says_so_and_lists_them(engine: Engine) -> None:
    shown = said(engine, "checklist zebra crossings")
    assert shown.strip().startswith("No checklist has that name.") and "zebra" not in shown
    assert "• Neglect: `checklist neglect`" in shown


def test_a_question_about_something_else_on_a_checklist_is_still_a_question(engine: Engine) -> None:
    """"what is on the agenda checklist" names no checklist: the preview leaves it to the knowledge base."""
    shown = said(engine, "what is on the ICPC agenda checklist")
    assert "Type `checklist` and a name" not in shown and "No checklist has that name" not in shown


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_name_typed_gets_a_reply_never_a_traceback_or_silence(engine: Engine, name: str) -> None:
    """Whatever follows `checklist`: the checklist, the list, or the identifier screen's refusal of a name-like word."""
    replies = engine.message(PRACTITIONER, f"checklist {name}", surface="terminal")
    assert replies and all(r.text.strip() for r in replies)


@pytest.mark.parametrize(("typed", "title"), [("checklist neglet", "Neglect"),
                                              ("checklist child protection plna", "Child protection plan"),
                                              ("show me teh neglect checklst", "Neglect")])
def test_a_checklist_named_with_a_typo_is_read_and_said_back(engine: Engine, typed: str, title: str) -> None:
    """Trial 27: `/audit checklist cp plna` was "No checklist has that name", and "show me teh neglect checklst" got
    knowledge-base guesses, though `start audit` forgives such typos."""
    shown = said(engine, typed)
    assert f"\n{title}\n" in f"\n{shown}" and "1. " in shown, shown
    assert "No checklist has that name" not in shown
