"""Trial 41 (practitioner, item 6): a worker's plain ways of asking for the audit of their case got knowledge-base
options: `hiya, just had my case audited, where can i see it`, `what did the auditor say about my case`, `feedback
132`, `my audtis`, `my actons`, and `can i see the audit for cr687096` (the entry on who can see an audit)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import add_action, insert_audit

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
WORKER, OTHER = "U0PRAN001", "U0PRAN002"


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''} {r.text}" for r in replies)


@pytest.mark.parametrize("typed", ["hiya, just had my case audited, where can i see it",
                                   "what did the auditor say about my case", "My case was audited, how do I see it?",
                                   "where can i see the feedback from my case"])
def test_asking_for_the_audit_of_my_case_lists_my_cases_audits(engine: Engine, services: Services,
                                                                typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        insert_audit(services.storage, "CR-300101", NOW - timedelta(days=1), worker=WORKER)
        said = _said(engine.message(WORKER, typed, surface="terminal"))
    assert "Your audits and audits of your cases" in said and "CR-300101" in said, said
    assert "Did you mean" not in said and "QA leads" not in said, said


@pytest.mark.parametrize(("typed", "heading"), [("my audtis", "Your audits and audits of your cases"),
                                                ("my actons", "You have no open actions from audits"),
                                                ("show me my aduits", "Your audits and audits of your cases")])
def test_my_audits_or_actions_mistyped_lists_them_saying_how_it_was_read(engine: Engine, services: Services,
                                                                         typed: str, heading: str) -> None:
    with time_machine.travel(NOW, tick=False):
        insert_audit(services.storage, "CR-300101", NOW - timedelta(days=1), worker=WORKER)
        said = _said(engine.message(WORKER, typed, surface="terminal"))
    assert "Reading that as `" in said and heading in said, said
    assert "Did you mean" not in said, said


def test_feedback_and_a_number_is_offered_as_show_and_yes_opens_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit = insert_audit(services.storage, "CR-300101", NOW - timedelta(days=1), worker=WORKER)
        offered = _said(engine.message(WORKER, f"feedback {audit}", surface="terminal"))
        opened = _said(engine.message(WORKER, "yes", surface="terminal"))
    assert f"show {audit}" in offered, offered
    assert f"Audit #{audit}: Case file audit" in opened, opened


def test_asking_to_see_a_cases_audit_lists_the_audits_of_that_case_one_may_read(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        mine = insert_audit(services.storage, "CR-687096", NOW - timedelta(days=1), worker=WORKER)
        theirs = insert_audit(services.storage, "CR-471815", NOW - timedelta(days=1), worker=OTHER)
        said = _said(engine.message(WORKER, "can i see the audit for cr687096", surface="terminal"))
        other = _said(engine.message(WORKER, "can i see the audit for CR-471815?", surface="terminal"))
        shown = _said(engine.message(WORKER, "show me the audits on CR-687096 please", surface="terminal"))
    assert "Audits of CR-687096" in said and f"#{mine}" in said, said
    assert "Who can see an audit" not in said, said
    assert "Audits of CR-687096" in shown and f"#{mine}" in shown, shown
    assert "Audits of CR-471815" in other and f"#{theirs}" not in other, other


def test_a_question_about_audits_is_still_a_question(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine.message(WORKER, "my audits are always late, why", surface="terminal"))
    assert "Reading that as" not in said and "Your audits and audits" not in said, said


@pytest.mark.parametrize("typed", ["list team north-assessment", "list team north", "list team",
                                   "list team south-cin-cp"])
def test_a_worker_listing_a_team_is_told_what_they_can_list(engine: Engine, typed: str) -> None:
    """Trial 41 (practitioner, item 7): `list team south-cin-cp`, the worker's own team, said "You can list the audits
    of your own teams only: none."."""
    with time_machine.travel(NOW, tick=False):
        said = _said(engine.message(WORKER, typed, surface="terminal"))
    assert "is for team managers, QA leads and admins" in said and "(your own team's too)" in said, said
    assert "`/audit list mine` shows your audits and the audits of your cases" in said, said
    assert "none" not in said, said


def test_a_worker_asking_if_they_are_on_track_is_told_their_actions_not_an_audit_target(engine: Engine,
                                                                                       services: Services) -> None:
    """Trial 41 (practitioner, item 12): `am i on track with my audits?` showed a social worker `audit_target` and
    config/teams.yaml."""
    with time_machine.travel(NOW, tick=False):
        audit = insert_audit(services.storage, "CR-300101", NOW - timedelta(days=20), worker=WORKER)
        add_action(services.storage, audit, NOW - timedelta(days=20))  # due 31 Jan 2020, owned by WORKER: overdue
        said = _said(engine.message(WORKER, "am i on track with my audits?", surface="terminal"))
    assert "Audit targets are for auditors (team managers), so you have none" in said, said
    assert "You have 1 open action from audits, 1 overdue" in said and "`my actions`" in said, said
    assert "`reaudits mine`" in said, said
    assert "audit_target" not in said and "teams.yaml" not in said, said


def test_another_workers_audit_or_action_is_refused_in_the_words_said_of_none(engine: Engine,
                                                                              services: Services) -> None:
    """Trial 41 (practitioner, item 13): `done 3` ("Only the owner…") and `show 129` ("not one you have access to")
    told a worker that another worker's action and audit exist, while `list case` said "none submitted yet"."""
    with time_machine.travel(NOW, tick=False):
        theirs = insert_audit(services.storage, "CR-471815", NOW - timedelta(days=1), worker=OTHER)
        add_action(services.storage, theirs, NOW - timedelta(days=1))  # owned by N1: made N2's below
        services.storage.db.execute("UPDATE actions SET owner_id = ? WHERE audit_id = ?", [OTHER, theirs])
        [action_id] = [row["id"] for row in services.storage.db.query("SELECT id FROM actions")]
        shown, none = (_said(engine.message(WORKER, f"show {n}", surface="terminal")) for n in (theirs, 9999))
        done, no_action = (_said(engine.message(WORKER, f"done {n}", surface="terminal")) for n in (action_id, 9999))
    assert shown.replace(f"#{theirs}", "#N") == none.replace("#9999", "#N"), (shown, none)
    assert "I can't find that audit" in shown and "CR-471815" not in shown, shown
    assert done == no_action == " I can't find that action; type `/audit actions` to see your open ones.", done
    assert services.storage.db.execute("SELECT done_at FROM actions").fetchone()[0] is None


def test_help_offers_resume_a_draft_only_to_someone_with_a_draft(engine: Engine, services: Services) -> None:
    """Trial 41 (practitioner, item 14): help offered *Resume a draft* to a worker with none."""
    with time_machine.travel(NOW, tick=False):
        [without] = engine.message(WORKER, "help", surface="terminal")
        insert_audit(services.storage, "CR-300101", NOW - timedelta(days=1), status="draft", auditor=WORKER,
                     worker=OTHER)
        [drafting] = engine.message(WORKER, "help", surface="terminal")
    assert [choice.label for choice in without.choices] == ["Start an audit"], without.choices
    assert [choice.label for choice in drafting.choices] == ["Start an audit", "Resume a draft"], drafting.choices


@pytest.mark.parametrize("typed", ["have i been audited yet? what grades did i get", "what grades have my cases got",
                                   "how am i doing overall on my audits"])
def test_asking_after_my_own_grades_counts_my_cases_audits_by_grade_and_lists_them(
        engine: Engine, services: Services, typed: str) -> None:
    """Trial 43 (8): these got "What is a themed audit?", "How does grading work?" and ILACS options."""
    with time_machine.travel(NOW, tick=False):
        good = insert_audit(services.storage, "CR-300101", NOW - timedelta(days=3), worker=WORKER)
        low = insert_audit(services.storage, "CR-300102", NOW - timedelta(days=1), worker=WORKER)
        insert_audit(services.storage, "CR-300103", NOW - timedelta(days=1), worker=OTHER)
        with services.storage.write() as db:
            db.execute("UPDATE audits SET overall_grade = 'good' WHERE id = ?", [good])
            db.execute("UPDATE audits SET overall_grade = 'requires_improvement' WHERE id = ?", [low])
        said = _said(engine.message(WORKER, typed, surface="terminal"))
    assert "2 audits of your cases so far, graded 1 Requires improvement to be good, 1 Good" in said, said
    assert f"`show {low}`" in said and "Your audits and audits of your cases" in said and "CR-300103" not in said
    assert "Did you mean" not in said and "themed audit" not in said


def test_how_grading_works_is_still_a_knowledge_question(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        insert_audit(services.storage, "CR-300101", NOW - timedelta(days=1), worker=WORKER)
        said = _said(engine.message(WORKER, "how does grading work in an audit", surface="terminal"))
    assert "of your cases so far" not in said and "How does grading work" in said, said
