"""Screening stored wordings again: a question or learned wording stored under an older, weaker screen that today's
screen refuses has its text replaced by the removal marker, and a learned one is no longer searched; ordinary ones
and texts already removed are left alone. The bot's start sweeps only when the screen changed; `audit-bot rescreen`
sweeps when an admin asks."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.asking import learning
from bot.asking.rescreen import rescreen, rescreen_at_start
from bot.composition import start_up
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.knowledge_screen import screen_fingerprint
from bot.privacy.removal import is_removed, removal_marker
from bot.privacy.screen import Screen
from bot.storage import Storage
from bot.storage import asks as ask_store
from bot.storage import learned as store
from bot.storage.schema import MIGRATIONS
from tests.integration.test_learning import MASCOT, PRACTITIONER, QA_LEAD, settings  # noqa: F401
from tests.support.cli import run_cli
from tests.support.kb_helpers import all_text

NAMED_WORDING = "should i ask darren price about the colour of the audit mascot"
NAMED_QUESTION = "a boy called tunde was seen by the mascot"
ORDINARY_QUESTION = "how do i book a room for a family group conference"
REMOVED_EARLIER = removal_marker("QA lead (practice)", "1 Dec 2026")


def stored_by_an_older_screen(services: Services) -> dict[str, int]:
    """What an earlier version stored, its screen letting the names through: written straight to the database."""
    now = services.clock()
    ids = {name: ask_store.record_ask(services.storage, now, PRACTITIONER, text, "none", None, None, "dm")
           for name, text in (("named", NAMED_QUESTION), ("ordinary", ORDINARY_QUESTION),
                              ("removed", REMOVED_EARLIER))}
    for name, wording in (("named_wording", NAMED_WORDING), ("ordinary_wording", MASCOT)):
        # linked, so everyone's search holds it (one person's pick is answered for them alone: bot.asking.pick_trust)
        learned = store.learn(services.storage, "mascot-colour-south", wording, QA_LEAD, "linked", now)
        assert learned is not None
        ids[name] = learned.id
    return ids


def searched(services: Services) -> list[str]:
    return [wording for _, wording in services.live_knowledge().learned]


def test_a_sweep_replaces_refused_texts_with_the_marker_and_stops_searching_them(services: Services,
                                                                                  engine: Engine) -> None:
    ids = stored_by_an_older_screen(services)
    learning.refresh(services)
    assert NAMED_WORDING in searched(services)

    done = rescreen(services)

    assert (done.swept, done.questions, done.wordings, done.screened) == (True, 1, 1, 5)
    named = ask_store.get_ask(services.storage, ids["named"])
    assert named is not None and is_removed(named.query)
    assert named.query.startswith("[removed by the identifier screen on ")
    assert named.query.endswith(": may identify a child]")
    wording = store.get(services.storage, ids["named_wording"])
    assert wording is not None
    assert (wording.status, wording.rejected_why, is_removed(wording.wording)) == ("rejected", "screen", True)
    assert NAMED_WORDING not in searched(services) and MASCOT in searched(services)
    # ordinary texts, and a text a QA lead removed earlier, are as they were
    assert ask_store.get_ask(services.storage, ids["ordinary"]).query == ORDINARY_QUESTION
    assert ask_store.get_ask(services.storage, ids["removed"]).query == REMOVED_EARLIER
    assert store.get(services.storage, ids["ordinary_wording"]).status == "active"
    # nothing a QA lead reads holds the names any more; the trail has the counts only
    shown = (all_text(engine.command(QA_LEAD, "kb unanswered")) + all_text(engine.command(QA_LEAD, "kb learned"))
             ).casefold()
    assert "tunde" not in shown and "darren" not in shown
    [trail] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'privacy.rescreen'")
    assert trail["detail"] == '{"questions": 1, "wordings": 1}'
    # a second sweep finds nothing left to withdraw
    assert (rescreen(services).questions, rescreen(services).wordings) == (0, 0)


def test_a_wording_learned_from_a_refused_question_is_withdrawn_with_it(services: Services) -> None:
    now = services.clock()
    ask_id = ask_store.record_ask(services.storage, now, PRACTITIONER, "Is Tunde's mascot blue", "ambiguous", None,
                                  None, "dm")
    learned = store.learn(services.storage, "mascot-colour-south", "is the mascot blue", PRACTITIONER, "picked",
                          now, ask_id)
    assert learned is not None

    done = rescreen(services)

    assert (done.questions, done.wordings) == (1, 1)
    after = store.get(services.storage, learned.id)
    assert after is not None and (after.status, after.rejected_why) == ("rejected", "screen")
    assert store.restore(services.storage, learned.id) is None  # a QA lead's undo never brings it back


def test_kb_learned_says_a_wording_was_withdrawn_by_the_screen(services: Services, engine: Engine) -> None:
    ids = stored_by_an_older_screen(services)
    store.reject(services.storage, ids["ordinary_wording"], QA_LEAD, services.clock(), "qa_lead")
    rescreen(services)
    listing = all_text(engine.command(QA_LEAD, "kb learned"))
    assert "1 rejected and 1 withdrawn by the identifier screen so far" in listing
    said = all_text(engine.message(QA_LEAD, f"accept {ids['named_wording']}"))
    assert f"Wording #{ids['named_wording']} was withdrawn by the identifier screen" in said


def test_the_start_sweeps_only_when_the_screen_changed(services: Services) -> None:
    ids = stored_by_an_older_screen(services)
    # the fixture's start swept an empty database with today's screen: a restart with the same screen skips it
    start_up(services)
    assert ask_store.get_ask(services.storage, ids["named"]).query == NAMED_QUESTION
    assert rescreen_at_start(services).swept is False
    # an older screen's fingerprint: the next start sweeps, and then remembers today's
    services.storage.db.execute("UPDATE rescreens SET fingerprint = 'an older screen'")
    start_up(services)
    assert is_removed(ask_store.get_ask(services.storage, ids["named"]).query)
    assert NAMED_WORDING not in searched(services) and MASCOT in searched(services)
    assert rescreen_at_start(services).swept is False


def test_audit_bot_rescreen_prints_counts_and_never_a_text(services: Services, environ: dict[str, str]) -> None:
    stored_by_an_older_screen(services)
    services.storage.close()
    result = run_cli(environ, "rescreen")
    assert result.code == 0
    assert "replaced the text of 1 question(s) and withdrew 1 learned wording(s)" in result.out
    assert "tunde" not in result.out + result.err and "darren" not in result.out + result.err


def test_an_older_database_keeps_its_learned_wordings_numbers_and_indexes_when_screen_is_allowed(
        tmp_path: Path) -> None:
    """m264 rebuilds kb_learned to allow `rejected_why = 'screen'`: every row, the numbers never handed out again
    and the one-active-wording-per-entry index survive it."""
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="m264_rescreen_stored_wordings")
    stamp = "2026-11-02T10:00:00+00:00"
    rows = ((1, "mascot colour", "active", None), (2, "mascot shade", "rejected", "qa_lead"),
            (3, "mascot hue", "active", None))
    for number, wording, status, why in rows:
        db.execute("INSERT INTO kb_learned (id, entry_id, wording, user_id, learned_at, source, status, rejected_why) "
                   "VALUES (?, 'mascot-colour-south', ?, 'U0PRAN001', ?, 'picked', ?, ?)",
                   [number, wording, stamp, status, why])
    db.execute("DELETE FROM kb_learned WHERE id = 3")  # accepted: its number is never handed out again
    columns = ", ".join(row[1] for row in db.execute("PRAGMA table_info(kb_learned)").fetchall())  # before m380
    before = db.execute(f"SELECT {columns} FROM kb_learned ORDER BY id").fetchall()
    db.conn.commit()
    db.conn.close()

    storage = Storage(path)
    try:
        assert storage.migrate()[0] == "m264_rescreen_stored_wordings"
        assert storage.db.execute(f"SELECT {columns} FROM kb_learned ORDER BY id").fetchall() == before
        at = datetime(2026, 11, 3, tzinfo=UTC)
        assert store.learn(storage, "mascot-colour-south", "mascot colour", "U0PRAN001", "picked", at) is None
        new = store.learn(storage, "mascot-colour-north", "mascot colour north", "U0PRAN001", "picked", at)
        assert new is not None and new.id == 4
        assert store.reject(storage, new.id, "identifier screen", at, "screen").rejected_why == "screen"
        with pytest.raises(sqlite3.IntegrityError):
            storage.db.execute("UPDATE kb_learned SET rejected_why = 'whim' WHERE id = 1")
        assert storage.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        storage.close()


def test_the_fingerprint_changes_with_the_councils_names_and_holds_none_of_them(identifier_screen: Screen) -> None:
    same = screen_fingerprint(identifier_screen)
    named = screen_fingerprint(identifier_screen.with_listed(["Zebedee Quill"]))
    assert same is not None and named is not None
    assert same == screen_fingerprint(identifier_screen) and named != same and "zebedee" not in named.casefold()
    assert screen_fingerprint(Screen.listed_only()) not in (same, None)  # other name lists, another screen
