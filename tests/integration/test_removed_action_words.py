"""Session 38: a removed action's words are cleared. The row stayed in the actions table with its description, free
text about a child's case no longer needed, and `/audit redact` listed it. Now the row (and the revision kept when it
was removed) keeps who removed it and when, without the words; redact no longer lists it, and m360 clears the words
of actions removed before."""

from __future__ import annotations

from pathlib import Path

import time_machine
from sqlite_utils import Database

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.reports.export import audit_details
from bot.storage.schema import MIGRATIONS
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import (  # noqa: F401 (the fixture)
    AUDITOR,
    CHANGED,
    COLLEAGUE,
    DRAFTED,
    QA,
    TO_ACTIONS,
    TWO_ACTIONS,
    edit,
    removed_row,
    submitted,
    trail,
)

WORDS = "Book a review with the health visitor."


def _every_copy(services: Services) -> str:
    """Every stored value that could hold an action's words: actions, revisions, audits' state."""
    db = services.storage.db
    rows = [*db.execute("SELECT description, done_note FROM actions"),
            *db.execute("SELECT old_value, new_value FROM revisions"), *db.execute("SELECT state FROM audits")]
    return " ".join(str(value) for row in rows for value in row if value)


def test_a_removed_actions_words_are_cleared_and_who_removed_it_and_when_kept(
        engine: Engine, services: Services, submitted: tuple[int, int, int]) -> None:  # noqa: F811
    audit_id, own, other = submitted
    edit(engine, f"{audit_id} remove action {other}")
    assert WORDS not in _every_copy(services)
    [description] = services.storage.db.execute("SELECT description FROM actions WHERE id = ?", [other]).fetchone()
    assert description == action_store.REMOVED_TEXT
    assert removed_row(services, other) == ("2026-12-03T15:30:00+00:00", AUDITOR)
    assert trail(services, "action.remove") == [AUDITOR]
    [revision] = store.revisions_of(services.storage, audit_id)
    assert revision["changed_by"] == AUDITOR and revision["old_value"].startswith(action_store.REMOVED_TEXT)
    assert [a["id"] for a in audit_details(services.storage, audit_id)["actions"]] == [own]
    kept = action_store.get_action(services.storage, own)
    assert kept is not None and kept.description != action_store.REMOVED_TEXT  # the other action keeps its words


def test_redact_no_longer_lists_a_removed_action(engine: Engine, services: Services,
                                                 submitted: tuple[int, int, int]) -> None:  # noqa: F811
    audit_id, own, other = submitted
    with time_machine.travel(CHANGED, tick=False):
        before = " ".join(r.text for r in engine.command(QA, f"redact {audit_id}", surface="terminal"))
    assert f"a{other}" in before and WORDS in before
    edit(engine, f"{audit_id} remove action {other}")
    with time_machine.travel(CHANGED, tick=False):
        listed = " ".join(r.text for r in engine.command(QA, f"redact {audit_id}", surface="terminal"))
        [refused] = engine.command(QA, f"redact {audit_id} a{other}", surface="terminal")
    assert f"a{own}" in listed and f"a{other}" not in listed and WORDS not in listed
    assert action_store.REMOVED_TEXT not in listed
    assert refused.kind == "error" and f"has no stored text `a{other}`" in refused.text


def test_an_action_removed_in_a_draft_keeps_no_words(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, "remove action 2"], user=AUDITOR)
    assert f"Removed action 2: {WORDS}" in out  # said back once, as it goes
    assert WORDS not in _every_copy(services)
    assert removed_row(services, 2) == ("2026-12-02T10:00:00+00:00", AUDITOR)


def test_m360_clears_the_words_of_actions_removed_before_it(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.db")
    MIGRATIONS.apply(db, stop_before="m360_removed_action_words")
    db.execute("PRAGMA foreign_keys = OFF")  # the actions alone: their audit is not needed here
    for action_id, removed in ((1, None), (2, "2026-12-03T15:30:00+00:00")):
        db.execute("INSERT INTO actions (id, audit_id, description, owner_id, due_date, created_by, created_at, "
                   "removed_at, removed_by) VALUES (?, 1, ?, 'U0PRAN001', '2026-12-30', 'U0MGRN001', '2026-12-01', ?, "
                   "?)", [action_id, f"Words of action {action_id}.", removed, removed and "U0MGRN001"])
    db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) VALUES (1, "
               "'U0MGRN001', '2026-12-03T15:30:00+00:00', 'action:2', 'Words of action 2. (U0PRAN001, by "
               "2026-12-30)', NULL)")
    db.conn.commit()
    MIGRATIONS.apply(db)
    rows = db.execute("SELECT id, description, removed_by FROM actions ORDER BY id").fetchall()
    assert rows == [(1, "Words of action 1.", None), (2, action_store.REMOVED_TEXT, "U0MGRN001")]
    assert db.execute("SELECT old_value FROM revisions").fetchone()[0] == (
        f"{action_store.REMOVED_TEXT} (U0PRAN001, by 2026-12-30)")


def test_done_on_a_removed_action_says_who_removed_it_and_when(engine: Engine, services: Services,
                                                               submitted: tuple[int, int, int]) -> None:  # noqa: F811
    audit_id, _, other = submitted
    edit(engine, f"{audit_id} remove action {other}")
    with time_machine.travel(CHANGED, tick=False):
        [said] = engine.message(COLLEAGUE, f"done {other}", surface="terminal")
    assert said.kind == "error" and said.text == (
        f"Action {other} was removed on 3 Dec 2026 by Team manager (North), so there is nothing to do on it; type "
        "`/audit actions` to see your open ones.")
