"""The monthly moderation sample (trial 62 F4, fix77b): every Inadequate audit of each team's month and a share of the
rest (at least one), drawn once and kept; never an audit already moderated or the drawer's own. The month words are
bot.core.periods'; with none, a month's first 5 working days sample the month before.

The clock is pinned (time_machine, tick=False) to Tuesday 15 December 2026, so these pass under AUDITBOT_TEST_NOW."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import monthly_sample
from bot.core.sample_draw import draw
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import monthly_sample as store
from bot.storage.demo_data import remove_demo_audits
from tests.support.digest_rows import AuditRows

NOW = datetime(2026, 12, 15, 10, 0, tzinfo=ZoneInfo("Europe/London"))
QA_LEAD = "U0QALEAD1"


@dataclass(frozen=True)
class Item:
    audit_id: int
    grade: str | None


def test_every_inadequate_is_drawn_and_a_share_of_the_rest_rounded_up() -> None:
    items = [Item(i, "inadequate" if i in (3, 7) else "good") for i in range(1, 22)]
    chosen = draw(items, 10, random.Random(1), of_the_rest=True)
    assert {3, 7} <= {c.audit_id for c in chosen}
    assert len(chosen) == 2 + 2  # 10% of the 19 others is 1.9: two


def test_a_team_with_any_audit_gets_at_least_one() -> None:
    assert len(draw([Item(5, "good")], 10, random.Random(2), of_the_rest=True)) == 1
    assert [c.audit_id for c in draw([Item(5, "inadequate")], 10, random.Random(2), of_the_rest=True)] == [5]
    assert draw([], 10, random.Random(2), of_the_rest=True) == []


def test_a_campaigns_draw_still_counts_inadequate_in_its_share() -> None:
    items = [Item(i, "inadequate" if i == 1 else "good") for i in range(1, 11)]
    assert len(draw(items, 20, random.Random(3))) == 2


@pytest.fixture
def month(services: Services) -> dict[str, int]:
    """December: North 12 audits (one Inadequate, one moderated, one by the QA lead, one of a case the QA lead is
    the worker of); South 2; one of November's."""
    with time_machine.travel(NOW, tick=False):
        rows = AuditRows(services)
        at = datetime(2026, 12, 2, 10, tzinfo=UTC)
        made = {"inadequate": rows.audit(submitted=at, grade="inadequate"),
                "moderated": rows.audit(submitted=at, status="moderated", grade="inadequate"),
                "own": rows.audit(auditor=QA_LEAD, submitted=at, grade="inadequate"),
                "worker": rows.audit(worker=QA_LEAD, submitted=at, grade="inadequate"),
                "november": rows.audit(submitted=datetime(2026, 11, 20, 10, tzinfo=UTC), grade="inadequate")}
        for _ in range(8):
            rows.audit(submitted=at)
        for _ in range(2):
            made["south"] = rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001", submitted=at)
    services.rng = random.Random(7)
    return made


def _drawn(services: Services) -> store.Drawn:
    found = store.drawn(services.storage, "2026-12")
    assert found is not None
    return found


def test_the_draw_takes_every_inadequate_a_share_and_never_moderated_or_own(engine: Engine, services: Services,
                                                                               month: dict[str, int]) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.command(QA_LEAD, "moderate sample", surface="terminal")
    drawn = _drawn(services)
    ids = {a.audit_id for a in drawn.audits}
    assert month["inadequate"] in ids
    assert not ids & {month["moderated"], month["own"], month["worker"], month["november"]}
    north = [a for a in drawn.audits if a.team_id == "north-assessment"]
    assert len(north) == 1 + 1  # the Inadequate one and 10% of the 8 others, rounded up
    assert len([a for a in drawn.audits if a.team_id == "south-cin-cp"]) == 1  # at least one a team
    assert "December 2026 so far" in reply.text and f"`moderate {month['inadequate']}`" in reply.text


def test_asking_again_shows_the_same_sample_with_what_was_moderated_since(engine: Engine, services: Services,
                                                                          month: dict[str, int]) -> None:
    with time_machine.travel(NOW, tick=False):
        [first] = engine.command(QA_LEAD, "moderate sample", surface="terminal")
        services.rng = random.Random(99)  # a new draw would differ
        services.storage.db.execute("UPDATE audits SET status = 'moderated' WHERE id = ?", [month["inadequate"]])
        [again] = engine.command(QA_LEAD, "moderate sample december", surface="terminal")
    drawn = _drawn(services)
    assert all(f"#{a.audit_id} " in first.text and f"#{a.audit_id} " in again.text for a in drawn.audits)
    assert "drawn now" in first.text and "drawn on 15 December 2026 by you" in again.text
    assert f"#{month['inadequate']} Inadequate by" in again.text and "(moderated since)" in again.text
    assert "1 of 3 moderated since the draw." in again.text
    trail = services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'moderation.monthly_sample'")
    assert trail.fetchone()[0] == 1  # drawn once, in the trail once


def test_nothing_to_sample_is_said_and_nothing_kept(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.command(QA_LEAD, "moderate sample", surface="terminal")
    assert reply.text.startswith("Nothing to sample for December 2026 so far:")
    assert store.drawn(services.storage, "2026-12") is None


def test_with_no_month_named_the_first_five_working_days_sample_the_month_before() -> None:
    assert monthly_sample.default_month(date(2026, 12, 7)).label == "November 2026"  # 5th working day
    assert monthly_sample.default_month(date(2026, 12, 8)).label == "December 2026"
    assert monthly_sample.default_month(date(2027, 1, 8)).label == "December 2026"  # bank holiday on the 1st


@given(st.text(max_size=30))
def test_month_words_read_as_one_month_or_say_how(said: str) -> None:
    today = date(2026, 12, 15)
    try:
        period = monthly_sample.month_named(said, today)
    except UserError as refused:
        assert "`/audit moderate sample [month]`" in str(refused)
        return
    assert period is None or (period.unit == "month" and period.start.day == 1 and period.end <= today)


@pytest.mark.parametrize(("text", "words"), [
    ("draw this month's moderation sample", "this months"),
    ("Which audits should we moderate this month?", "this month"),
    ("moderation sample", ""),
    ("moderation sample for november", "november"),
    ("explain moderation sample", None),
    ("what is moderation", None),
])
def test_the_sample_asked_in_words(text: str, words: str | None) -> None:
    assert monthly_sample.asked(text) == words


def test_removing_demo_data_frees_a_month_whose_sample_was_all_demo(engine: Engine, services: Services,
                                                                    month: dict[str, int]) -> None:
    """fix79a: `audit-bot demo-data --remove` took the drawn audits but left the month recorded as drawn, empty,
    so it could never be drawn again."""
    with time_machine.travel(NOW, tick=False):
        engine.command(QA_LEAD, "moderate sample", surface="terminal")
        services.storage.db.execute("UPDATE audits SET demo = 1")
        remove_demo_audits(services.storage)
        assert store.drawn(services.storage, "2026-12") is None
        AuditRows(services).audit(submitted=datetime(2026, 12, 3, 10, tzinfo=UTC), grade="inadequate")
        [reply] = engine.command(QA_LEAD, "moderate sample", surface="terminal")
    assert "drawn now" in reply.text and len(_drawn(services).audits) == 1


def test_removing_demo_data_keeps_a_sample_that_still_has_real_audits(engine: Engine, services: Services,
                                                                     month: dict[str, int]) -> None:
    with time_machine.travel(NOW, tick=False):
        engine.command(QA_LEAD, "moderate sample", surface="terminal")
        services.storage.db.execute("UPDATE audits SET demo = 1 WHERE id != ?", [month["inadequate"]])
        remove_demo_audits(services.storage)
    assert [a.audit_id for a in _drawn(services).audits] == [month["inadequate"]]
