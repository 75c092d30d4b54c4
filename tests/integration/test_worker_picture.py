"""Trial 43 (finding 12): a manager had no picture of one worker. `how is my new asye getting on, social worker s1`
and `show me social worker s1's audits` got knowledge-base options, and `list team Social worker S1` a full answer on
the corporate parenting principles. `worker <name>` and those wordings now show that worker's cases' audits with
grades, their actions and requests for more time, their reflections and the audits they carried out, to a manager of
their team, QA leads and admins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from bot.storage import more_time as more_time_store
from bot.storage.common import utc_text
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
S1, MANAGER, NORTH_MANAGER, N1, QA = "U0PRAS001", "U0MGRS001", "U0MGRN001", "U0PRAN001", "U0QALEAD1"


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''} {r.text}" for r in replies)


def _audit(services: Services, ref: str, days_ago: int, grade: str, worker: str = S1, auditor: str = MANAGER) -> int:
    audit_id = insert_audit(services.storage, ref, NOW - timedelta(days=days_ago), auditor=auditor, worker=worker,
                            team="south-cin-cp")
    services.storage.db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [grade, audit_id])
    return audit_id


def _action(services: Services, audit_id: int, words: str, due_in_days: int) -> int:
    due = (NOW + timedelta(days=due_in_days)).date().isoformat()
    with services.storage.write() as db:
        cursor = db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, words, S1, due, MANAGER, utc_text(NOW)])
    return int(cursor.lastrowid or 0)


def _south_worker(services: Services) -> dict[str, int]:
    """S1 with two audits of her cases (one reflected on), an overdue action, one with a request for more time
    waiting for her manager, and one peer audit she carried out."""
    older = _audit(services, "CR-300101", 9, "inadequate")
    newer = _audit(services, "CR-300102", 2, "good")
    audit_store.add_reflection(services.storage, older, S1, "I agree the visits slipped", NOW - timedelta(days=8))
    late = _action(services, older, "Update the chronology", -3)
    asked = _action(services, newer, "Book the core group", 5)
    more_time_store.record_request(services.storage, asked, S1, MANAGER, (NOW + timedelta(days=12)).date().isoformat(),
                                   (NOW + timedelta(days=5)).date().isoformat(), NOW - timedelta(hours=2))
    carried = insert_audit(services.storage, "CR-300103", NOW - timedelta(days=1), auditor=S1, worker=N1,
                           team="south-cin-cp")  # a peer audit of a South case
    return {"older": older, "newer": newer, "late": late, "asked": asked, "carried": carried}


@pytest.mark.parametrize("typed", ["how is my new asye getting on, social worker s1",
                                   "show me social worker s1's audits", "worker Social worker S1", "worker s1",
                                   f"worker <@{S1}>", "How's sw s1 getting on?", "/audit worker S1"])
def test_a_manager_asking_after_her_worker_gets_their_picture(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        ids = _south_worker(services)
        said = _said(engine.message(MANAGER, typed, surface="terminal"))
    assert "**Social worker S1** (South Child in Need and Protection)" in said, said
    assert "**Audits of their cases**: 2, graded 1 Inadequate, 1 Good. They have reflected on 1 of 2." in said, said
    assert said.index(f"#{ids['newer']} ") < said.index(f"#{ids['older']} "), said  # newest first
    assert "**Open actions they own**: 2, 1 overdue; 1 request for more time waiting for an answer:" in said, said
    assert f"Action {ids['late']} — Update the chronology" in said and "(**overdue**)" in said, said
    assert f"Action {ids['asked']} — Book the core group" in said and "more time asked to" in said, said
    assert "**Audits they carried out**: 1" in said and f"#{ids['carried']} " in said, said
    assert "Did you mean" not in said and "corporate parenting" not in said.lower(), said
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


def test_ten_audits_are_shown_and_list_shows_them_all(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        ids = [_audit(services, f"CR-4001{n:02d}", n + 1, "good") for n in range(12)]
        first = _said(engine.message(MANAGER, "worker s1", surface="terminal"))
        every = _said(engine.message(MANAGER, "worker s1 list", surface="terminal"))
    assert f"#{ids[9]} " in first and f"#{ids[10]} " not in first, first
    assert "_2 older: `worker Social worker S1 list` shows them all._" in first, first
    assert all(f"#{audit_id} " in every for audit_id in ids) and "older:" not in every, every


def test_list_team_with_a_person_says_it_takes_a_team_and_offers_the_picture(engine: Engine,
                                                                             services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _south_worker(services)
        [offer] = engine.message(MANAGER, "list team Social worker S1", surface="terminal")
        [picked] = offer.choices
        shown = _said(engine.action(MANAGER, picked.action, picked.value, surface="terminal"))
    assert offer.text.startswith("`list team` takes a team") and "type `worker Social worker S1`" in offer.text
    assert picked.label == "Worker picture: Social worker S1"
    assert "**Audits of their cases**: 2" in shown, shown
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0


@pytest.mark.parametrize("typed", ["worker s1", "show me social worker s1's audits", "list team Social worker S1"])
def test_a_colleague_is_told_it_is_for_their_manager(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        _south_worker(services)
        said = _said(engine.message(N1, typed, surface="terminal"))
    assert "A colleague's audits and actions are for their manager and QA leads to look at" in said, said
    assert "Social worker S1's manager is Team manager (South)" in said, said
    assert "CR-3001" not in said and "Update the chronology" not in said, said


def test_another_teams_manager_is_refused_and_a_qa_lead_sees_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _south_worker(services)
        north = _said(engine.message(NORTH_MANAGER, "worker s1", surface="terminal"))
        qa = _said(engine.message(QA, "worker s1", surface="terminal"))
    assert "Social worker S1 is not in a team you manage" in north and "Team manager (South)" in north, north
    assert "CR-3001" not in north, north
    assert "**Audits of their cases**: 2" in qa, qa


def test_a_name_matching_nobody_or_several_says_who(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        several = _said(engine.message(MANAGER, "worker social worker", surface="terminal"))
        nobody = _said(engine.message(MANAGER, "worker Jones", surface="terminal"))
    assert ("“social worker” matches 4 people: Social worker C1, Social worker N1, Social worker N2, Social worker "
            "S1.") in several, several
    assert "Nobody in teams.yaml has that name" in nobody and "People in your teams: Social worker S1." in nobody
    assert "Jones" not in nobody, nobody


def test_a_team_asked_after_is_still_the_teams_figures(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine.message(MANAGER, "how is south doing", surface="terminal"))
    assert "South Child in Need and Protection" in said and "Audits of their cases" not in said, said
