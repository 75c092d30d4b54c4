"""Changing the note that explains a grade without changing the grade (third user trial): `/audit edit 12 note 7
<new note>` on a submitted audit, and `good, <new note>` at a scale question of an audit open for changes. The
old note is kept as a revision saying who changed it and when; a note naming a child is refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import TYPED_ANSWERS, complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.support.text import repeated

AUDITOR, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
CHANGED_AT = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)
QUALITY = "practice-quality"  # question 7 of the early help spot check: a scale question, graded Good
FIRST_NOTE = TYPED_ANSWERS["Type your evidence note"]
NEW_NOTE = "Visits lapsed in the autumn term but the plan held"


@pytest.fixture
def submitted(engine: Engine, services: Services) -> int:
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(SUBMITTED_AT, tick=False):
        complete_audit(send, send("type", "/audit start early-help-spot"))
    audit_id = int(services.storage.db.execute("SELECT id FROM audits").fetchone()[0])
    answer = store.answers_of(services.storage, audit_id)[QUALITY]
    assert (answer.value, answer.evidence) == ("good", FIRST_NOTE)
    return audit_id


def edit(engine: Engine, audit_id: int, args: str, user: str = AUDITOR) -> list:
    with time_machine.travel(CHANGED_AT, tick=False):
        return engine.command(user, f"edit {audit_id} {args}", surface="terminal")


def note_revisions(services: Services, audit_id: int) -> list[tuple[str, str, str | None, str | None]]:
    return [(r["changed_by"], r["changed_at"], r["old_value"], r["new_value"])
            for r in store.revisions_of(services.storage, audit_id) if r["field"] == f"evidence:{QUALITY}"]


def test_the_note_on_a_grade_changes_alone_and_the_old_one_is_kept_with_who_and_when(
        engine: Engine, services: Services, submitted: int) -> None:
    done, *told = edit(engine, submitted, f"note 7 {NEW_NOTE}")
    assert [r.to_user for r in told] == [WORKER, None]  # the worker gets the updated summary (trial 43)
    assert done.text == (f"Audit #{submitted}: the note on question 7 is updated; the answer stays **Good**. The "
                         "earlier note is kept as a revision.")
    answer = store.answers_of(services.storage, submitted)[QUALITY]
    assert (answer.value, answer.evidence) == ("good", NEW_NOTE)
    assert store.get_audit(services.storage, submitted).status == "submitted"
    assert note_revisions(services, submitted) == [(AUDITOR, "2026-12-02T15:30:00+00:00", FIRST_NOTE, NEW_NOTE)]
    shown = " ".join(r.text for r in engine.command(WORKER, f"show {submitted}", surface="terminal"))
    assert f"_Evidence: {NEW_NOTE}_" in shown and FIRST_NOTE not in shown.split("10. ")[0]


def test_a_note_naming_a_child_is_refused_and_nothing_changes(engine: Engine, services: Services,
                                                              submitted: int) -> None:
    [refused] = edit(engine, submitted, "note 7 Jayden Smith was seen at every visit")
    assert refused.kind == "error"
    assert ("I can't store that evidence note: “J… S…” looks like a child's or family member's name"
            in refused.text)
    assert repeated("Jayden Smith", refused.text) == []
    assert store.answers_of(services.storage, submitted)[QUALITY].evidence == FIRST_NOTE
    assert note_revisions(services, submitted) == []


@pytest.mark.parametrize(("args", "said"), [
    ("note 9 The family asked for less support", "Question 9 has no note to change: only a graded or yes/no answer "
                                                 "carries one. To change the answer itself, type `/audit edit 1` and "
                                                 "then `change 9`."),
    # trial 9: the example repeated the wrong number ("like /audit edit 5 note 99 …")
    ("note 42 Visits lapsed in the autumn", "Audit #1 has no question 42: the review numbers them 1 to 10. Type its "
                                            "number, then the new note, like `/audit edit 1 note 3 Visits lapsed in "
                                            "the autumn term`."),
    ("note 99 hello there friend", "Audit #1 has no question 99: the review numbers them 1 to 10."),
    ("note seven Visits lapsed", "Name the question by its number, then the new note, like `/audit edit 1 note 3 "
                                 "Visits lapsed in the autumn term`: the review numbers them 1 to 10."),
    ("note 7 ok", "Please say in a sentence why you gave this grade"),
])
def test_what_cannot_be_a_note_says_what_to_type(engine: Engine, services: Services, submitted: int, args: str,
                                                 said: str) -> None:
    [refused] = edit(engine, submitted, args)
    assert refused.kind == "error" and said in refused.text, refused.text
    assert note_revisions(services, submitted) == []


def test_once_a_moderator_has_opened_the_audit_its_notes_are_read_only(engine: Engine, services: Services,
                                                                       submitted: int) -> None:
    engine.command(QA, f"moderate {submitted}", surface="terminal")
    [refused] = edit(engine, submitted, f"note 7 {NEW_NOTE}")
    assert refused.text.startswith("A moderator has opened this audit, so it is read-only now")
    assert store.answers_of(services.storage, submitted)[QUALITY].evidence == FIRST_NOTE


def test_the_edit_command_says_how_to_change_a_note(engine: Engine, submitted: int) -> None:
    [usage] = edit(engine, submitted, "note")
    assert "`/audit edit <audit number> note <question number> <new note>` for the note on one answer" in usage.text


def test_a_grade_given_again_with_a_new_note_in_a_reopened_audit_replaces_the_note(
        engine: Engine, services: Services, submitted: int) -> None:
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(CHANGED_AT, tick=False):
        send("type", f"/audit edit {submitted}")
        send("type", "change 7")
        asked = send("type", "good")  # trial 24: the grade `change 7` went to, given again, asks for its note
        assert f"Your note now: “{FIRST_NOTE}”. Type a new note to replace it, or `keep` to keep it." in asked[0].text
        kept = send("type", "keep")
        assert kept[-1].choices[0].label == "Submit the changes"  # back at the review, nothing changed
        assert store.answers_of(services.storage, submitted)[QUALITY].evidence == FIRST_NOTE
        send("type", "change 7")
        replies = send("type", f"good, {NEW_NOTE}")
    assert replies[0].text == f"Got it: **Good**, with your note: “{NEW_NOTE}”."
    assert replies[-1].choices[0].label == "Submit the changes"  # back at the review
    answer = store.answers_of(services.storage, submitted)[QUALITY]
    assert (answer.value, answer.evidence) == ("good", NEW_NOTE)
    assert note_revisions(services, submitted) == [(AUDITOR, "2026-12-02T15:30:00+00:00", FIRST_NOTE, NEW_NOTE)]


NOTES = ["Visits lapsed in the autumn term", "The plan is reviewed every month with the school",
         "Direct work shows the child's wishes", "Chronology is up to date and shared"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=st.sampled_from(["7", "#7", "07", "10"]), note=st.sampled_from(NOTES),
       spaces=st.sampled_from([" ", "  "]))
def test_any_graded_question_number_then_a_note_stores_exactly_that_note(
        engine: Engine, services: Services, submitted: int, label: str, note: str, spaces: str) -> None:
    edit(engine, submitted, f"note{spaces}{label}{spaces}{note}")
    question = QUALITY if label.lstrip("#0") == "7" else "decision-quality"
    answer = store.answers_of(services.storage, submitted)[question]
    assert (answer.value, answer.evidence) == ("good", note)
