"""Fix 37: the weekly team digest said only "3 actions marked done in week 49"; now it names them, at most five, those
with a done note first, each by number and case reference with its note, short ("Done in week 49: 3 — #105 CR-…
“visit done with the family”"), and counts the rest ("and 2 more") (bot.digests.done_actions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.digests.weekly import digest_outgoing
from bot.engine.routing import Engine
from tests.support.cli import run_cli
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
WEDNESDAY_2_DEC = datetime(2026, 12, 2, 12, tzinfo=LONDON)  # week 49 runs from Monday 30 November to 6 December
MONDAY_7_DEC = datetime(2026, 12, 7, 8, tzinfo=LONDON)  # the weekly send for week 49
WORKER, MANAGER = "U0PRAN001", "U0MGRN001"


def _done(services: Services, action_id: int, at: str, note: str | None = None) -> None:
    services.storage.db.execute("UPDATE actions SET done_at = ?, done_by = ?, done_note = ? WHERE id = ?",
                                [at, WORKER, note, action_id])


def test_the_weekly_digest_names_the_actions_done_with_their_notes(engine: Engine, services: Services) -> None:
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC))  # CR-104001
    visit, chrono, plan = (rows.action(audit, WORKER, date(2026, 12, 20)) for _ in range(3))
    rows.action(audit, WORKER, date(2026, 12, 21))  # still open
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=UTC), tick=False):
        engine.message(WORKER, f"done {visit} - visit done with the family", surface="terminal")
    _done(services, chrono, "2026-12-01T10:00:00+00:00")
    _done(services, plan, "2026-11-27T10:00:00+00:00", "done the week before")  # week 48: not this digest's
    with time_machine.travel(MONDAY_7_DEC, tick=False):
        sent = {out.recipient: out for out in digest_outgoing(services, MONDAY_7_DEC)}
    text = "\n".join(reply.text for reply in sent[f"{MANAGER}/north-assessment"].replies)
    assert (f"   Done in week 49: 2 — #{visit} CR-104001 “visit done with the family”; #{chrono} CR-104001\n"
            in text)
    assert "done the week before" not in text


def test_at_most_five_are_named_notes_first_and_the_rest_counted(services: Services,
                                                                environ: dict[str, str]) -> None:
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC))
    actions = [rows.action(audit, WORKER, date(2026, 12, 20)) for _ in range(7)]
    for n, action_id in enumerate(actions):
        _done(services, action_id, f"2026-12-01T0{n}:00:00+00:00")
    long_note = "met the family at home and agreed the plan with everyone, school and health included, in full"
    _done(services, actions[0], "2026-11-30T09:00:00+00:00", long_note)
    with time_machine.travel(WEDNESDAY_2_DEC, tick=False):
        text = run_cli(environ, "digest", "--week", "2026-W49", "--team", "north-assessment").out
    flat = " ".join(text.split())
    named = "; ".join(f"#{action_id} CR-104001" for action_id in reversed(actions[3:]))
    assert (f"Done this week so far: 7 — #{actions[0]} CR-104001 “met the family at home and agreed the plan with "
            f"everyone…”; {named}; and 2 more") in flat


def test_with_none_done_no_line_is_added(services: Services, environ: dict[str, str]) -> None:
    rows = AuditRows(services)
    rows.action(rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC)), WORKER, date(2026, 12, 20))
    with time_machine.travel(WEDNESDAY_2_DEC, tick=False):
        text = run_cli(environ, "digest", "--week", "2026-W49", "--team", "north-assessment").out
    assert "0 actions marked done this week so far" in text and "Done this week" not in text


def _week_49_sent(services: Services, engine: Engine) -> tuple[dict[str, str], list[int]]:
    """Actions done in week 49 on two cases, then Monday's send: each recipient's text, and the actions' numbers."""
    rows = AuditRows(services)
    first, second = (rows.audit(submitted=datetime(2026, 11, 30, 11, tzinfo=UTC)) for _ in range(2))
    actions = [rows.action(first, WORKER, date(2026, 12, 20)), rows.action(first, WORKER, date(2026, 12, 20)),
               rows.action(second, WORKER, date(2026, 12, 20))]
    for action_id in actions:
        _done(services, action_id, "2026-12-01T10:00:00+00:00")
    with time_machine.travel(MONDAY_7_DEC, tick=False):
        sent = {out.recipient: "\n".join(reply.text for reply in out.replies)
                for out in digest_outgoing(services, MONDAY_7_DEC)}
    return sent, actions


def test_the_channel_digest_counts_the_cases_and_only_the_managers_names_them(engine: Engine,
                                                                              services: Services) -> None:
    """Fix 41 (3): the digest posted in a team channel listed the case references of the actions done; by default
    (`case_references_in_channels: false`) it says how many cases, and the managers' own digest names them."""
    assert services.settings.case_references_in_channels is False
    sent, actions = _week_49_sent(services, engine)
    channel, manager = sent["C0NORTH01/north-assessment"], sent[f"{MANAGER}/north-assessment"]
    assert "   Done in week 49: 3 actions, on 2 cases (named in the managers' own digest)\n" in channel, channel
    assert "CR-10400" not in channel and f"#{actions[0]}" not in channel
    assert f"#{actions[0]} CR-104001" in manager and "CR-104002" in manager


def test_the_setting_lists_case_references_in_the_channel_too(engine: Engine, services: Services) -> None:
    services.settings = replace(services.settings, case_references_in_channels=True)
    sent, actions = _week_49_sent(services, engine)
    channel = sent["C0NORTH01/north-assessment"]
    assert f"   Done in week 49: 3 — #{actions[2]} CR-104002; " in channel, channel
    assert "on 2 cases" not in channel
