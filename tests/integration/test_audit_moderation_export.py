"""After submission: edits kept as revisions, moderation, actions done, and the export's rows."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.audits.core import checklists
from bot.cli import build_parser
from bot.cli.runtime import Runtime
from bot.core.audit_rules import visible_questions
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.reports import digests as report_store
from bot.storage.reports.home import completed_by
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender

AUDITOR = "U0MGRN001"  # North manager auditing U0PRAN001's case
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def submitted(engine: Engine, services: Services) -> int:
    view = TerminalView()
    send = terminal_sender(engine, view)
    with time_machine.travel(SUBMITTED_AT, tick=False):  # so its action is due four weeks later, 29 Dec 2026
        complete_audit(send, send("type", "/audit start early-help-spot"))
    return int(services.storage.db.execute("SELECT id FROM audits").fetchone()[0])


def action_id(services: Services, audit_id: int) -> int:
    return action_store.actions_of_audit(services.storage, audit_id)[0].id


def press(engine: Engine, user: str, replies: list, action: str) -> list:
    choice = next(c for r in replies for c in r.choices if c.action == action)
    return engine.action(user, choice.action, choice.value, surface="terminal")


def test_edits_after_submission_are_revisions_until_a_moderator_opens_it(engine: Engine, services: Services,
                                                                         submitted: int) -> None:
    [edited] = engine.command(AUDITOR, f"edit {submitted} strengths Warm, steady direct work.", surface="terminal")
    assert "kept as a revision" in edited.text
    [revision] = store.revisions_of(services.storage, submitted)
    assert revision["field"] == "strengths" and revision["new_value"] == "Warm, steady direct work."

    # the North manager may not moderate their own team's audit; the South manager may
    [own] = engine.command("U0MGRN001", "moderate", surface="terminal")
    listing = engine.command("U0MGRS001", "moderate", surface="terminal")
    assert "No submitted audits are waiting" in own.text and f"#{submitted}" in listing[0].text
    refused = engine.action("U0MGRN001", "audit.moderate_open", str(submitted), surface="terminal")
    assert refused[0].kind == "error"
    opened = press(engine, "U0MGRS001", listing, "audit.moderate_open")
    assert "Do you agree with the overall grade?" in opened[0].text
    [locked] = engine.command(AUDITOR, f"edit {submitted} strengths Something else.", surface="terminal")
    assert locked.kind == "error" and "read-only" in locked.text

    grades = press(engine, "U0MGRS001", opened, "audit.moderate_disagree")
    ask = engine.action("U0MGRS001", "audit.moderate_grade", grades[0].choices[0].value, surface="terminal")
    assert "Why?" in ask[0].text
    engine.message("U0MGRS001", "Evidence of impact for the child is thin.", surface="terminal")
    saved, told, *_ = engine.message("U0MGRS001", "skip", surface="terminal")  # the action offered (fix41d)
    assert "saved" in saved.text and told.to_user == AUDITOR and "has been moderated" in told.text
    assert store.get_audit(services.storage, submitted).status == "moderated"
    assert list(report_store.moderation_agreement(services.storage, None, None, None).values()) == [(0, 1)]


@time_machine.travel(SUBMITTED_AT + timedelta(days=1), tick=False)  # in working hours: the worker is told at once
def test_an_auditor_can_reopen_a_submitted_audit_change_an_answer_and_resubmit(engine: Engine, services: Services,
                                                                               submitted: int) -> None:
    first = store.get_audit(services.storage, submitted)
    old = store.answers_of(services.storage, submitted)["consent"].value

    notice, review = engine.command(AUDITOR, f"edit {submitted}", surface="terminal")
    assert "open for changes" in notice.text and review.title == f"Review: audit #{submitted}"
    actions = {c.action for c in review.choices}
    assert "audit.submit" in actions and "audit.cancel" not in actions  # resubmit, never cancel, once submitted
    [listing] = engine.command("U0MGRS001", "moderate", surface="terminal")
    assert f"#{submitted}" not in listing.text  # out of the queue while it is being changed
    since = datetime.fromisoformat(first.submitted_at) - timedelta(days=1)
    assert completed_by(services.storage, AUDITOR, since, since + timedelta(days=2)) == 1  # still counts as done

    [question] = engine.message(AUDITOR, "change 2", surface="terminal")  # 2 = consent in the numbered review
    assert "consent" in question.text.lower() and "Answered before" in question.text
    other = next(c for c in question.choices if c.action == "audit.answer" and not c.value.endswith(f":{old}"))
    [check, back_at_review] = engine.action(AUDITOR, "audit.answer", other.value, surface="terminal")
    assert check.text.startswith("You changed Q2 to ")  # check the strengths still fit (trial 55 F3)
    assert back_at_review.title == f"Review: audit #{submitted}"  # not walked through every later question

    resubmit = next(c for c in back_at_review.choices if c.action == "audit.submit")
    done, *summaries = engine.action(AUDITOR, "audit.submit", resubmit.value, surface="terminal")
    assert "resubmitted" in done.text
    assert {r.to_user for r in summaries} == {"U0PRAN001"} | set(services.directory.managers_of("U0PRAN001")) - {
        AUDITOR}
    assert all("changed" in r.text for r in summaries)
    again = store.get_audit(services.storage, submitted)
    assert again.status == "submitted" and again.submitted_at == first.submitted_at  # counted once, when first sent
    changes = {(r["field"], r["old_value"], r["new_value"]) for r in store.revisions_of(services.storage, submitted)}
    new = store.answers_of(services.storage, submitted)["consent"].value
    assert ("status", "submitted", "reopened") in changes and ("answer:consent", old, new) in changes

    # a reopened audit cannot be cancelled, even by a hand-made button; after moderation opens it, no reopening
    [notice, review] = engine.command(AUDITOR, f"edit {submitted}", surface="terminal")
    [cancel] = engine.action(AUDITOR, "audit.cancel", review.choices[0].value, surface="terminal")
    assert cancel.kind == "error" and "can't be cancelled" in cancel.text
    resubmit = next(c for c in review.choices if c.action == "audit.submit")
    engine.action(AUDITOR, "audit.submit", resubmit.value, surface="terminal")
    listing = engine.command("U0MGRS001", "moderate", surface="terminal")
    opened = press(engine, "U0MGRS001", listing, "audit.moderate_open")
    assert "made 1 change after first submitting" in opened[0].text
    [locked] = engine.command(AUDITOR, f"edit {submitted}", surface="terminal")
    assert locked.kind == "error" and "read-only" in locked.text


def test_changing_a_graded_answer_from_the_review_comes_straight_back_with_its_new_evidence(
        engine: Engine, services: Services, submitted: int) -> None:
    engine.command(AUDITOR, f"edit {submitted}", surface="terminal")
    audit = store.get_audit(services.storage, submitted)
    checklist = checklists(services)[audit.checklist_id]
    answers = store.answers_of(services.storage, submitted)
    shown = visible_questions(checklist, answers)
    number, graded = next((n, q) for n, q in enumerate(shown, 1) if q.type == "scale")
    old = answers[graded.id].value

    [question] = engine.message(AUDITOR, f"change {number}", surface="terminal")
    other = next(c for c in question.choices if c.action == "audit.answer" and not c.value.endswith(f":{old}"))
    [dropped, check, why] = engine.action(AUDITOR, "audit.answer", other.value, surface="terminal")
    assert "is not kept with" in dropped.text  # the old grade's note does not follow the new grade
    assert check.text.startswith(f"You changed Q{number} to ")  # check the strengths still fit (trial 55 F3)
    assert "Why this grade?" in why.text
    [noted, review] = engine.message(AUDITOR, "The file shows the plan changed once the child's views were heard.",
                                     surface="terminal")
    assert noted.text.startswith("Got it: **") and noted.text.endswith(  # said back
        "**, with your note: “The file shows the plan changed once the child's views were heard.”.")
    assert review.title == f"Review: audit #{submitted}"  # not the same question again
    after = store.answers_of(services.storage, submitted)[graded.id]
    assert after.value != old and after.evidence == "The file shows the plan changed once the child's views were heard."
    kept = {(r["field"], r["old_value"]) for r in store.revisions_of(services.storage, submitted)}
    assert (f"evidence:{graded.id}", answers[graded.id].evidence) in kept  # the note the new grade replaced is kept


def test_an_inadequate_grade_withdrawn_by_an_edit_tells_everyone_it_alerted(engine: Engine, submitted: int) -> None:
    engine.command(AUDITOR, f"edit {submitted} grade inadequate The child was not seen for months.",
                   surface="terminal")
    alerted = engine.message(AUDITOR, "send", surface="terminal")  # Send the alert, at the check
    reached = {r.to_user for r in alerted if r.to_user and "Inadequate overall grade" in r.text}
    assert reached
    engine.command(AUDITOR, f"edit {submitted} grade good Visits were on file after all.", surface="terminal")
    withdrawn = engine.message(AUDITOR, "yes", surface="terminal")  # the change read back first
    told = {r.to_user for r in withdrawn if r.to_user and "no longer stands" in r.text}
    assert told == reached
    assert any(r.to_user is None and "no longer stands" in r.text for r in withdrawn)  # the auditor hears so too


def test_editing_the_grade_replaces_the_reason_and_keeps_the_old_one(engine: Engine, services: Services,
                                                                      submitted: int) -> None:
    engine.command(AUDITOR, f"edit {submitted} grade outstanding Steady practice and the child seen often.",
                   surface="terminal")
    engine.message(AUDITOR, "yes", surface="terminal")  # each change read back first
    engine.command(AUDITOR, f"edit {submitted} grade requires improvement The plan has no dates.", surface="terminal")
    engine.message(AUDITOR, "yes", surface="terminal")
    assert store.get_audit(services.storage, submitted).grade_reason == "The plan has no dates."
    kept = {(r["field"], r["old_value"]) for r in store.revisions_of(services.storage, submitted)}
    assert ("grade_reason", "Steady practice and the child seen often.") in kept


@pytest.mark.parametrize("typed", ["skip", "none", "-"])
def test_skip_is_not_stored_as_strengths(engine: Engine, services: Services, submitted: int, typed: str) -> None:
    before = store.get_audit(services.storage, submitted).strengths
    [refused] = engine.command(AUDITOR, f"edit {submitted} strengths {typed}", surface="terminal")
    assert refused.kind == "error" and "Type the new text" in refused.text
    assert store.get_audit(services.storage, submitted).strengths == before


def test_the_review_says_which_numbers_exist_when_a_jump_misses(engine: Engine, submitted: int) -> None:
    engine.command(AUDITOR, f"edit {submitted}", surface="terminal")
    [wrong] = engine.message(AUDITOR, "change 99", surface="terminal")
    assert wrong.kind == "error" and "no question 99" in wrong.text and "1 to" in wrong.text


def test_a_practitioner_cannot_moderate_and_the_owner_completes_actions(engine: Engine, services: Services,
                                                                        submitted: int) -> None:
    [refused] = engine.command("U0PRAN001", "moderate", surface="terminal")
    assert refused.kind == "error" and "QA leads" in refused.text
    [action] = action_store.actions_of_audit(services.storage, submitted)
    assert action.owner_id == "U0PRAN001"
    [other] = engine.action("U0PRAS001", "actions.done", str(action.id), surface="terminal")
    assert other.kind == "error"
    listing = engine.command("U0PRAN001", "actions", surface="terminal")
    [done, auditor] = press(engine, "U0PRAN001", listing, "actions.done")
    assert auditor.to_user == action.auditor_id and f"marked action {action.id} done" in auditor.text
    assert f"Action {action.id} (audit #{submitted}, " in done.text and "marked done" in done.text
    [row] = action_store.actions_of_audit(services.storage, submitted)
    assert row.done_by == "U0PRAN001" and row.done_at
    [again] = engine.action("U0PRAN001", "actions.done", str(action.id), surface="terminal")
    assert "already marked done" in again.text


def test_a_manager_sees_and_completes_their_teams_open_actions(engine: Engine, services: Services,
                                                              submitted: int) -> None:
    with time_machine.travel(datetime(2027, 1, 4, 10, 0, tzinfo=UTC), tick=False):  # after the 29 Dec due date
        [listing] = engine.command("U0MGRN001", "actions team", surface="terminal")
        assert "Social worker N1" in listing.text and "(**overdue**)" in listing.text
        [other_team] = engine.command("U0MGRS001", "actions team", surface="terminal")
        assert "Nobody in your teams" in other_team.text
        [refused] = engine.command("U0PRAN001", "actions team", surface="terminal")
        assert refused.kind == "error" and "team managers" in refused.text
        [unclear] = engine.command("U0MGRN001", "actions everyone", surface="terminal")
        assert unclear.kind == "error" and "/audit actions team" in unclear.text
        [asked] = press(engine, "U0MGRN001", [listing], "actions.done")  # someone else's: asked first
        assert asked.text.startswith(f"Mark action #{action_id(services, submitted)} done for Social worker N1?")
        assert action_store.actions_of_audit(services.storage, submitted)[0].done_at is None
        done, told = press(engine, "U0MGRN001", [asked], "actions.done_confirm")
        assert "marked done for Social worker N1" in done.text
        assert told.to_user == "U0PRAN001" and "Team manager (North) marked your action" in told.text
    [row] = action_store.actions_of_audit(services.storage, submitted)
    assert row.done_by == "U0MGRN001"
    [empty] = engine.command("U0MGRN001", "actions team", surface="terminal")
    assert "Nobody in your teams" in empty.text


def run_export(environ: dict[str, str], *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    runtime = Runtime(environ=environ, stdout=out, stderr=err)
    parsed = build_parser().parse_args(["export", *args])
    try:
        code = parsed.func(parsed, runtime)
    finally:
        runtime.close()
    return code, out.getvalue(), err.getvalue()


def test_export_writes_one_csv_row_per_answer_and_nests_json(environ: dict[str, str], services: Services,
                                                              submitted: int) -> None:
    answers = store.answers_of(services.storage, submitted)
    code, out, err = run_export(environ, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(answers) and "Exported" in err
    assert {r["audit_id"] for r in rows} == {str(submitted)}
    assert {r["question_id"]: r["value"] for r in rows} == {k: a.value for k, a in answers.items()}
    assert rows[0]["team_id"] == "north-assessment" and rows[0]["open_actions"] == "1"

    code, out, _ = run_export(environ, "--format", "json", "--team", "north-assessment")
    [audit] = json.loads(out)["audits"]
    assert audit["audit_id"] == submitted and len(audit["answers"]) == len(answers)
    assert audit["actions"][0]["owner_id"] == "U0PRAN001"
    _, out, _ = run_export(environ, "--format", "json", "--team", "south-cin-cp")
    assert json.loads(out)["audits"] == []
    with pytest.raises(UserError, match=r"--since: Tuesday 1 January 2999 is in the future \(today is .*\), so "
                       "there is no audit submitted on or after it yet"):
        run_export(environ, "--since", "2999-01-01")  # a user trial got an empty file and no word why
    with time_machine.travel(SUBMITTED_AT + timedelta(days=2), tick=False):
        code, out, _ = run_export(environ, "--since", "last week")  # read as audits read dates
    assert code == 0 and {r["audit_id"] for r in csv.DictReader(io.StringIO(out))} == {str(submitted)}
    with pytest.raises(UserError, match="--since: I could not read 'someday' as a date"):
        run_export(environ, "--since", "someday")


def test_the_moderation_list_finds_an_audit_behind_many_the_person_may_not_moderate(engine: Engine,
                                                                                   services: Services) -> None:
    from tests.support.audit_rows import insert_audit

    south = "U0MGRS001"
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)
    for n in range(40):  # their own audits, oldest first
        insert_audit(services.storage, f"CR-2{n:05d}", start + timedelta(minutes=n), auditor=south,
                     team="north-assessment")
    for n in range(30):  # audits of their own team, by someone else
        insert_audit(services.storage, f"CR-3{n:05d}", start + timedelta(hours=1, minutes=n), auditor="U0QALEAD1",
                     team="south-cin-cp")
    theirs = insert_audit(services.storage, "CR-400001", start + timedelta(hours=3), auditor="U0MGRN001")
    [listing] = engine.command(south, "moderate", surface="terminal")
    assert [c.value for c in listing.choices] == [str(theirs)]
    assert "showing" not in listing.text
    [lead] = engine.command("U0QALEAD1", "moderate", surface="terminal")
    assert len(lead.choices) == 10 and "showing 10 of 41: Inadequate first, then the oldest" in lead.text
    assert str(theirs) not in [c.value for c in lead.choices]


def test_the_audit_shows_each_action_open_overdue_or_done(engine: Engine, services: Services, submitted: int) -> None:
    [action] = action_store.actions_of_audit(services.storage, submitted)
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=UTC), tick=False):  # before the 29 Dec due date
        [shown] = engine.command(AUDITOR, f"show {submitted}", surface="terminal")
        assert f"Action {action.id}: " in shown.text and "by 29 Dec 2026 (open)" in shown.text
    with time_machine.travel(datetime(2027, 1, 4, 10, 0, tzinfo=UTC), tick=False):
        [shown] = engine.command(AUDITOR, f"show {submitted}", surface="terminal")
        assert "(**overdue**)" in shown.text
        engine.action(AUDITOR, "actions.done_confirm", str(action.id), surface="terminal")  # the manager, confirmed
        [shown] = engine.command("U0PRAN001", f"show {submitted}", surface="terminal")
        assert "(**done** 4 Jan 2027 by Team manager (North))" in shown.text
        assert "overdue" not in shown.text


def test_the_csv_export_carries_the_narrative_a_clinic_reads(engine: Engine, environ: dict[str, str],
                                                             services: Services, submitted: int) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 10, 0, tzinfo=UTC), tick=False):
        engine.command("U0PRAN001", f"reflect {submitted} I will ask the school for their view before the review.",
                       surface="terminal")
    audit = store.get_audit(services.storage, submitted)
    [action] = action_store.actions_of_audit(services.storage, submitted)
    rows = list(csv.DictReader(io.StringIO(run_export(environ, "--format", "csv")[1])))
    assert {(r["strengths"], r["development"]) for r in rows} == {(audit.strengths, audit.development or "")}
    assert rows[0]["actions"] == f"{action.id}. {action.description} (Social worker N1, due 2026-12-29, open)"
    assert rows[0]["reflections"] == "2026-12-03: I will ask the school for their view before the review."
    [exported] = json.loads(run_export(environ, "--format", "json")[1])["audits"]
    assert exported["reflections"][0]["text"].startswith("I will ask the school") and exported["strengths"]


def test_the_export_says_which_question_an_action_is_tied_to_as_the_review_does(
        environ: dict[str, str], services: Services, submitted: int) -> None:
    """fix63c: the review and the worker's summary say "(Q4)" after an action typed `Q4: …`; the export did not."""
    checklist = services.knowledge.current.kb.checklists["early-help-spot"]
    fourth = [q for q in checklist.questions() if q.show_if is None][3]
    [action] = action_store.actions_of_audit(services.storage, submitted)
    services.storage.db.execute("UPDATE actions SET question_id = ? WHERE id = ?", [fourth.id, action.id])
    rows = list(csv.DictReader(io.StringIO(run_export(environ, "--format", "csv")[1])))
    assert rows[0]["actions"] == f"{action.id}. {action.description} (Q4) (Social worker N1, due 2026-12-29, open)"
    [exported] = json.loads(run_export(environ, "--format", "json")[1])["audits"]
    assert exported["actions"][0]["question"] == "Q4"


def test_the_export_names_an_actions_owner_as_teams_yaml_does(environ: dict[str, str], services: Services,
                                                               submitted: int) -> None:
    """trial 62 F6: the actions column named each owner by Slack member ID ("U0PRAS001"), meaningless in a clinic's
    spreadsheet beside auditor_name and worker_name; the id stays only for someone teams.yaml never knew."""
    [action] = action_store.actions_of_audit(services.storage, submitted)
    rows = list(csv.DictReader(io.StringIO(run_export(environ, "--format", "csv")[1])))
    assert "(Social worker N1, due 2026-12-29, open)" in rows[0]["actions"] and "U0PRAN001" not in rows[0]["actions"]
    [exported] = json.loads(run_export(environ, "--format", "json")[1])["audits"]
    assert exported["actions"][0]["owner_name"] == "Social worker N1"
    services.storage.db.execute("UPDATE actions SET owner_id = 'U0NOBODY9' WHERE id = ?", [action.id])
    rows = list(csv.DictReader(io.StringIO(run_export(environ, "--format", "csv")[1])))
    assert rows[0]["actions"] == f"{action.id}. {action.description} (U0NOBODY9, due 2026-12-29, open)"


def test_reflections_are_shown_with_their_day_and_a_long_one_is_refused_in_plain_words(
        engine: Engine, submitted: int) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 23, 30, tzinfo=UTC), tick=False):  # 3 Dec in London
        [refused] = engine.command("U0PRAN001", f"reflect {submitted} {'I agree with the plan. ' * 120}",
                                   surface="terminal")
        assert refused.kind == "error"
        assert "That is 2,759 characters; please keep your reflections under" in refused.text
        engine.command("U0PRAN001", f"reflect {submitted} I will ask the school for their view.", surface="terminal")
        [shown] = engine.command(AUDITOR, f"show {submitted}", surface="terminal")
    assert "• 3 Dec 2026: I will ask the school for their view." in shown.text


def test_the_csv_gives_each_answer_its_question_in_the_checklists_order(environ: dict[str, str], services: Services,
                                                                        submitted: int) -> None:
    """Trial 21: a clinic got the answers sorted by question id, with no question to read beside them."""
    checklist = services.knowledge.current.kb.checklists["early-help-spot"]
    _, out, _ = run_export(environ, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    asked = [q for q in checklist.questions() if q.id in {r["question_id"] for r in rows}]
    assert [r["question_id"] for r in rows] == [q.id for q in asked]  # as the checklist asks them
    numbers = [int(r["question_number"]) for r in rows]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert rows[0]["question_text"] == checklist.questions()[0].text
