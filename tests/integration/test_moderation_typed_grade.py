"""At "What grade would you give?" a moderator may type the grade's name, as at an audit's overall grade: the typed
grade (and the reason typed next) is the moderation's, never a question for the knowledge base."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.text import repeated

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
REASON = "Communication was not understood and the plan is not linked to the EHCP."
LABELS = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement to be good",
          "inadequate": "Inadequate"}
# What people type for each grade (the words an audit's overall-grade step takes), digits aside: in the terminal a
# digit picks a button.
SPELLINGS = {
    "outstanding": ["outstanding", "o"],
    "good": ["good", "g"],
    "requires_improvement": ["requires improvement", "requires improvement to be good", "requires_improvement", "ri",
                             "req imp", "requires imp", "req improvement", "r.i.", "r/i"],
    "inadequate": ["inadequate", "i"],
}


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("`", "").split())


def test_typing_the_grade_and_reason_moderates_the_audit_as_in_the_trial(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)  # graded Good, with an open action
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "inadequate", REASON, "send"], user=QA)
    text = flat(out)
    assert "You would grade it Inadequate. Why?" in text
    assert f"Moderation of audit #{audit_id} saved" in text
    assert "Did you mean" not in text and "I don't know that yet" not in text
    assert f"graded it Inadequate, where your grade was Good. Reason: {REASON}" in text
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.status, audit.moderated_grade) == ("moderated", "inadequate")


def test_the_auditors_own_grade_typed_is_refused_in_words(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "good", "RI", REASON, "skip"], user=QA)
    text = flat(out)
    assert ("Good is the auditor's own grade, so it is not offered when you disagree. Choose Outstanding, Requires "
            "improvement to be good or Inadequate, or type agree if you agree with Good.") in text
    assert "You would grade it Requires improvement to be good. Why?" in text
    assert store.get_audit(services.storage, audit_id).moderated_grade == "requires_improvement"


def test_words_that_are_no_grade_are_told_the_grades_offered(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "pretty poor really"], user=QA)
    assert ("Please choose a grade: Outstanding, Requires improvement to be good or Inadequate (or press one of the "
            "buttons). To keep the auditor's Good, type agree.") in flat(out)
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grade=st.sampled_from(sorted(SPELLINGS)), data=st.data())
def test_every_spelling_of_a_grade_is_taken_at_the_moderators_grade(engine: Engine, services: Services, grade: str,
                                                                  data: st.DataObject) -> None:
    spelling = data.draw(st.sampled_from(SPELLINGS[grade]))
    upper = data.draw(st.lists(st.booleans(), min_size=len(spelling), max_size=len(spelling)))
    typed = "".join(c.upper() if up else c for c, up in zip(spelling, upper, strict=True))
    typed = data.draw(st.sampled_from(["", " ", "  "])) + typed.replace(" ", data.draw(st.sampled_from([" ", "  "])))
    with time_machine.travel(WEDNESDAY, tick=False):
        rows = services.storage.db.execute("SELECT id FROM audits WHERE status = 'in_moderation'").fetchall()
        if rows:
            audit_id = rows[0][0]
        else:
            audit_id = submitted_audit(engine, services, AUDITOR)
            engine.action(QA, "audit.moderate_open", str(audit_id))
        engine.action(QA, "audit.moderate_disagree", str(audit_id))  # each example starts at the grade question
        replies = engine.message(QA, typed)
    text = flat(" ".join(r.text for r in replies))
    if grade == "good":  # the auditor's grade
        assert [r.kind for r in replies] == ["error"], text
        assert "Good is the auditor's own grade, so it is not offered when you disagree" in text
    else:
        assert f"You would grade it {LABELS[grade]}. Why?" in text, (typed, text)
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


def test_a_typo_is_read_and_a_name_typed_for_the_grade_is_refused_as_a_name(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "Jayden Smith is 7", "inadequte"], user=QA)
    text = flat(out)
    assert "“J… S…” looks like a child's or family member's name" in text and "Nothing was saved" in text
    assert repeated("Jayden Smith", text) == []
    assert "You would grade it Inadequate. Why?" in text


# -- the grade and its reason in one message (third user trial) ---------------------------------------------

def decided(services: Services, audit_id: int) -> tuple[str, str]:
    row = services.storage.db.execute("SELECT grade, reason FROM moderations WHERE audit_id = ? AND decided_at IS NOT "
                                      "NULL", [audit_id]).fetchone()
    return (row[0], row[1]) if row else ("", "")


def test_a_grade_typed_with_its_reason_moderates_the_audit_with_that_reason(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)  # graded Good, with an open action
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI - plans drift", "skip"], user=QA)
    text = flat(out)
    assert "Got it: Requires improvement to be good, with your reason." in text
    assert "Why?" not in text  # the reason came with the grade: not asked again
    assert ("graded it Requires improvement to be good, where your grade was Good. Reason: plans drift") in text
    # the worker is told why too (trial 20: only the grade)
    assert "graded it Requires improvement to be good, because: plans drift" in text
    assert decided(services, audit_id) == ("requires_improvement", "plans drift")
    assert store.get_audit(services.storage, audit_id).status == "moderated"


def test_a_reason_naming_someone_is_refused_and_nothing_is_saved(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree",
                                "RI, Jayden Smith's plan drifts"], user=QA)
    assert "I can't store that reason: “J… S…” looks like a child's or family member's name" in flat(out)
    assert repeated("Jayden Smith's", flat(out)) == []
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"
    assert decided(services, audit_id) == ("", "")


REASONS = ["evidence of the child's voice is thin", "plans drift", "the chronology stops in March",
           "visits are not recorded against the plan"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grade=st.sampled_from(["outstanding", "requires_improvement", "inadequate"]), data=st.data())
def test_any_spelling_of_a_grade_then_a_separator_and_a_reason_keeps_both(engine: Engine, services: Services,
                                                                         grade: str, data: st.DataObject) -> None:
    spelling = data.draw(st.sampled_from(SPELLINGS[grade]))
    separator = data.draw(st.sampled_from([", ", " - ", ": ", "; ", " – ", ","]))
    reason = data.draw(st.sampled_from(REASONS))
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)  # a fresh audit each example: each one is decided
        engine.action(QA, "audit.moderate_open", str(audit_id))
        engine.action(QA, "audit.moderate_disagree", str(audit_id))
        replies = engine.message(QA, f"{spelling}{separator}{reason}")
        if grade == "inadequate":  # it alerts the managers: the check first, then Send
            assert "This sends an urgent alert now to" in replies[-1].text
            replies = engine.message(QA, "yes")
        else:  # an action is offered with a disagreement (fix41d): skipped
            replies = engine.message(QA, "skip")
    assert [r.kind for r in replies if r.kind == "error"] == [], flat(" ".join(r.text for r in replies))
    assert decided(services, audit_id) == (grade, reason)


@pytest.mark.parametrize("reason", ["plans drift and reviews are late.", "plans drift and reviews are late"])
def test_the_reason_is_shown_as_one_sentence_to_the_auditor_and_the_worker(engine: Engine, services: Services,
                                                                           reason: str) -> None:
    """A reason typed with its full stop is not given a second one ("…late.." to the worker), and one typed
    without is given one."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI", reason, "skip"], user=QA)
        _, shown = drive(engine, [f"/audit show {audit_id}"], user=AUDITOR)
    text = flat(out)
    assert "where your grade was Good. Reason: plans drift and reviews are late. " in text + " "
    assert "because: plans drift and reviews are late." in text
    assert "late.." not in text and ".;" not in text
    assert "Reason: plans drift and reviews are late." in flat(shown) and "late.." not in flat(shown)
