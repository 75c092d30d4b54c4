"""fix65b: `redact` replaced every stored copy of a text, but a DM held for the worker's working hours (a moderation
outcome quoting its reason, sent at night) still waited with the words in it, and was delivered with them the next
morning or when the worker next wrote to the bot. A confirmed removal now changes every held message still waiting
that quotes the text to the audit's marker, and the reply says how many; a held message that does not quote it is
left as it was."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from bot.audits import held_dms, held_redaction
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import held_dms as held_dm_store
from bot.storage import redaction as redaction_store
from bot.storage.schema import MIGRATIONS
from tests.integration.test_redaction import press
from tests.integration.test_wording import submitted_audit
from tests.support.action_rows import open_action
from tests.support.posted import posted
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, WORKER, MODERATOR, QA = "U0MGRN001", "U0PRAN001", "U0MGRS001", "U0QALEAD1"
# What the screen cannot catch (no name, number or school), so what redaction is for: as typed, with a line break
LEAKED = "his older brother, who has a cochlear implant and\nplays for the county under-14 side"
REASON = f"The child's own words are missing: {LEAKED}, was the only voice recorded."
WORDS = " ".join(LEAKED.split())


def a_night(weekday: int) -> datetime:
    """The next `weekday` (Monday 0) at least a week on from today, at 21:00 in London, out of the worker's hours:
    never stale, on the moved clock too."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(weekday - start.weekday()) % 7), time(21), LONDON)


def _moderated_at(night: datetime, engine: Engine, services: Services) -> int:
    """An audit moderated at night with `REASON`: the outcome DM to the worker is held, quoting it."""
    with time_machine.travel(night - timedelta(hours=11), tick=False):
        audit_id = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(night, tick=False):
        said = [reply for line in (f"moderate {audit_id}", "disagree", "requires improvement", REASON, "skip")
                for reply in engine.message(MODERATOR, line)]
    assert any(flat(reply.text).startswith("Held: it is out of Social worker N1") for reply in said)
    assert [reply for reply in said if reply.to_user == WORKER] == []
    return audit_id


def _redact(at: datetime, engine: Engine, audit_id: int) -> str:
    with time_machine.travel(at, tick=False):
        [asked] = engine.command(QA, f"redact {audit_id} mod1 may identify a child", surface="terminal")
    [done] = press(at, engine, QA, asked, "Yes")
    return flat(done.text)


def _held_messages(services: Services) -> list[str]:
    return [row[0] for row in services.storage.db.execute("SELECT message FROM held_dms WHERE state = 'held'")]


def test_a_held_moderation_outcome_is_delivered_with_the_marker_not_the_words(
        engine: Engine, services: Services) -> None:
    night = a_night(2)
    audit_id = _moderated_at(night, engine, services)
    assert any("cochlear implant" in message for message in _held_messages(services))
    recorded = services.storage.db.execute("SELECT DISTINCT audit_id FROM held_dms WHERE state = 'held'").fetchall()
    assert recorded == [(audit_id,)]  # the outcome names the audit, so it is held as about it (fix70c)
    done = _redact(night + timedelta(minutes=30), engine, audit_id)
    day = f"{night.day} {night.strftime('%b %Y')}"
    marker = f"[removed by QA lead (practice) on {day}: may identify a child]"
    assert done.startswith(f"Removed mod1 (moderation reason) from audit #{audit_id}"), done
    assert (f"1 held message not yet sent was changed too: where each quoted the text, it now reads “{marker}”."
            in done), done
    with time_machine.travel(night + timedelta(hours=1), tick=False):
        handed = [flat(reply.text) for reply in posted(engine.message(WORKER, "help"))]
    assert handed[0].startswith("While you were away:")
    [outcome] = [text for text in handed if "has been moderated" in text]
    assert outcome.endswith(f"because: {marker}"), outcome
    assert not any("cochlear" in text for text in handed)
    assert not any("cochlear" in message for message in _held_messages(services))


def test_a_held_message_that_does_not_quote_the_text_is_sent_as_it_was(engine: Engine, services: Services) -> None:
    night = a_night(3)
    audit_id = _moderated_at(night, engine, services)
    action_id = open_action(services.storage, night.date() + timedelta(days=20), case_ref="CR-100300")[1]
    with time_machine.travel(night, tick=False):
        engine.message(MANAGER, f"remove action {action_id}")
        engine.message(MANAGER, "yes")
    [removal] = [message for message in _held_messages(services) if f"removed action {action_id}" in message]
    _redact(night + timedelta(minutes=30), engine, audit_id)
    assert removal in _held_messages(services)
    going = []
    for days in range(1, 6):  # the scheduler's run at 08:00 on the worker's next working day
        going += held_dms.due_outgoing(services, datetime.combine(night.date() + timedelta(days=days), time(8), LONDON))
    sent = [flat(reply.text) for _, outgoing in going for reply in outgoing.replies]
    assert [text for text in sent if f"removed action {action_id}" in text]
    assert not any(WORDS in text for text in sent)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spacing=st.lists(st.sampled_from([" ", "  ", "\n", " \n  ", "\t"]), min_size=14, max_size=14),
       upper=st.booleans(), before=st.sampled_from(["because: ", "“", "note: ", ""]))
def test_the_words_are_found_however_a_held_message_spaces_them_and_it_stays_valid_json(
        services: Services, spacing: list[str], upper: bool, before: str) -> None:
    """A held message may reflow or quote the text (in its words and in a button's label): each copy is found."""
    words = WORDS.split()
    quoted = "".join(word + gap for word, gap in zip(words, [*spacing, ""], strict=True))
    quoted = quoted.upper() if upper else quoted
    message = {"text": f"Said {before}{quoted}, then more.", "title": None, "note": None, "kind": "notice",
               "fields": [["Why", quoted]], "choices": [[f"Open {quoted}", "audit.view", "1", None]]}
    now = datetime.now(UTC)
    held_dm_store.hold(services.storage, WORKER, json.dumps(message), MANAGER, now, now + timedelta(hours=8), 1)
    swaps = redaction_store.HeldSwaps(held_redaction.quoting([LEAKED], "[removed]", held_redaction.CUT_LEAST), None)
    changed = redaction_store.redact_held_dms(services.storage, 1, swaps, [LEAKED], QA, now)
    assert changed == 1
    [kept] = _held_messages(services)
    services.storage.db.execute("DELETE FROM held_dms")
    assert "cochlear" not in kept.casefold() and "under-14" not in kept.casefold()
    assert json.loads(kept)["text"] == f"Said {before}[removed], then more."
    assert json.loads(kept)["fields"] == [["Why", "[removed]"]]
    assert json.loads(kept)["choices"] == [["Open [removed]", "audit.view", "1", None]]


# fix70c, finding B: held DMs record the audit they are about, and a removal reaches only those about its audit.
PINNED = datetime(2026, 12, 2, 21, 0, tzinfo=LONDON)  # a Wednesday night, out of the worker's hours
MARKER = "[removed by QA lead (practice) on 2 Dec 2026: may identify a child]"


def _hold(services: Services, text: str, audit_id: int | None) -> int:
    message = {"text": text, "title": None, "note": None, "kind": "notice", "fields": [], "choices": []}
    held_dm_store.hold(services.storage, WORKER, json.dumps(message), MANAGER, PINNED, PINNED + timedelta(hours=11),
                       audit_id)
    return int(services.storage.db.execute("SELECT max(id) FROM held_dms").fetchone()[0])


def _text_of(services: Services, row_id: int) -> str:
    return json.loads(services.storage.db.execute("SELECT message FROM held_dms WHERE id = ?", [row_id]
                                                  ).fetchone()[0])["text"]


def _removed_from_audit_1(services: Services, texts: list[str]) -> int:
    turn = Turn(services.directory.person(QA), "dm", PINNED + timedelta(minutes=30))
    return held_redaction.redact_held(services, turn, 1, texts, MARKER)


def test_a_first_name_removed_from_one_audit_changes_only_the_held_dms_about_that_audit(services: Services) -> None:
    about = _hold(services, "Audit #1 was moderated because: Jo was seen alone, then Jo… (cut)", 1)
    other = _hold(services, "Audit #2 was moderated because: Jo was seen at school.", 2)
    older = _hold(services, "Audit #3: Jo attends nursery.", None)  # held before m680: no audit recorded
    assert _removed_from_audit_1(services, ["Jo"]) == 1
    assert _text_of(services, about) == f"Audit #1 was moderated because: {MARKER} was seen alone, then {MARKER} (cut)"
    assert _text_of(services, other) == "Audit #2 was moderated because: Jo was seen at school."
    assert _text_of(services, older) == "Audit #3: Jo attends nursery."


def test_a_held_dm_with_no_audit_recorded_is_changed_only_for_a_text_long_enough_to_be_unambiguous(
        services: Services) -> None:
    short, long = "his brother", "his older brother, who has a cochlear implant"
    assert len(short) < held_redaction.UNAMBIGUOUS <= len(" ".join(long.split()))
    older = _hold(services, f"Reason: {short} was there; “{long[:30]}…”", None)
    assert _removed_from_audit_1(services, [short]) == 0
    assert _removed_from_audit_1(services, [long]) == 1
    assert _text_of(services, older) == f"Reason: {short} was there; “{MARKER}”"


def test_held_dms_kept_before_m680_have_no_audit_recorded_and_are_sent_as_they_were(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.db")
    MIGRATIONS.apply(db, stop_before="m680_fix70c_held_dm_audit")
    db.execute("INSERT INTO held_dms (to_user, message, by_user, held_at, send_at) VALUES (?, ?, ?, ?, ?)",
               [WORKER, '{"text": "Audit #4 was moderated."}', MANAGER, "2026-12-02T21:00:00+00:00",
                "2026-12-03T08:00:00+00:00"])
    db.conn.commit()
    MIGRATIONS.apply(db)
    assert db.execute("SELECT audit_id, message, state FROM held_dms").fetchall() == [
        (None, '{"text": "Audit #4 was moderated."}', "held")]
