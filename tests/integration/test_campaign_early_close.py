"""Closing a campaign before its deadline asks first, and its auditors are told (a user trial closed one 16 days
early at once, and the auditors kept a "to do" case whose Start then refused). Shipped teams: North (manager
U0MGRN001; workers U0PRAN001, U0PRAN002), South (U0MGRS001; U0PRAS001), Children in Care (U0MGRC001; U0PRAC001)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import campaigns as store
from tests.audit_driver import complete_audit
from tests.integration.test_campaigns import QA, _send, create
from tests.support.cli import TypedAtTerminal, run_cli

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def clock():
    """Wednesday 2 December 2026: campaign `create` runs 1 to 11 December, so nine days are left."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _submit_one(engine: Engine, services: Services, campaign_id: int) -> None:
    """South's manager audits their one case, so South has nothing left to do."""
    [allocation] = store.allocations(services.storage, campaign_id, "U0MGRS001")
    engine.action("U0MGRS001", "campaign.start", str(allocation.id), surface="terminal")
    complete_audit(lambda kind, payload: _send(engine, "U0MGRS001", kind, payload),
                   engine.message("U0MGRS001", "CR-600100", surface="terminal"))


def test_closing_before_the_deadline_asks_first_and_keep_it_open_changes_nothing(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    _submit_one(engine, services, campaign_id)
    [asked] = engine.command(QA, f"campaign close {campaign_id}", surface="terminal")
    assert asked.kind == "question"
    assert "runs to Friday 11 December 2026 (9 days away)" in asked.text
    assert "3 of its 4 allocated cases are not done" in asked.text
    assert f"/audit campaign close {campaign_id} confirm" in asked.text
    assert [c.label for c in asked.choices] == ["Close now", "Keep it open"]
    [kept] = engine.action(QA, "campaign.close_keep", str(campaign_id), surface="terminal")
    assert "stays open" in kept.text
    [mistyped] = engine.command(QA, f"campaign close {campaign_id} yes", surface="terminal")
    assert mistyped.kind == "error"
    assert store.get_campaign(services.storage, campaign_id).is_open  # type: ignore[union-attr]
    [refused] = engine.action("U0MGRN001", "campaign.close_confirm", str(campaign_id), surface="terminal")
    assert refused.kind == "error" and store.get_campaign(services.storage, campaign_id).is_open  # type: ignore


def test_close_now_tells_each_auditor_with_cases_left_and_mine_offers_no_start(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    _submit_one(engine, services, campaign_id)
    replies = engine.action(QA, "campaign.close_confirm", str(campaign_id), surface="terminal")
    assert "is closed" in replies[0].text and "2 auditors with cases not done were told" in replies[0].text
    told = {r.to_user: r.text for r in replies if r.to_user and not r.title and "closed early" in r.text}
    assert set(told) == {"U0MGRN001", "U0MGRC001"}  # South's manager submitted their case: nothing to say
    assert "Your 2 remaining cases in it need no audit for this campaign" in told["U0MGRN001"].replace("**", "")
    assert "its deadline was Friday 11 December 2026" in told["U0MGRN001"]
    [mine] = engine.command("U0MGRN001", f"campaign mine {campaign_id}", surface="terminal")
    assert "is closed (closed on Wednesday 2 December 2026)" in mine.text
    assert "to do" not in mine.text and "no longer needed" in mine.text
    assert mine.choices == ()
    [south] = engine.command("U0MGRS001", f"campaign mine {campaign_id}", surface="terminal")
    assert "all your cases in it were audited" in south.text and ": submitted" in south.text


def test_typed_confirm_closes_at_once_and_on_the_deadline_day_nothing_is_asked(
        engine: Engine, services: Services, clock) -> None:
    early = create(engine)
    replies = engine.command(QA, f"campaign close {early} confirm", surface="terminal")
    assert "is closed" in replies[0].text
    assert not store.get_campaign(services.storage, early).is_open  # type: ignore[union-attr]
    later = create(engine)
    clock.move_to(datetime(2026, 12, 11, 12, 0, tzinfo=LONDON))
    replies = engine.command(QA, f"campaign close {later}", surface="terminal")
    assert "is closed" in replies[0].text
    told = [r for r in replies if r.to_user == "U0MGRN001" and "closed at its deadline" in r.text]
    assert len(told) == 1


def test_the_command_line_asks_before_closing_early_and_a_script_must_say_yes(
        engine: Engine, services: Services, environ, clock) -> None:
    """A user trial's `audit-bot campaign close 1` closed a campaign 8 days early without a word, and told its
    auditors they need no audit: closing cannot be undone, so the command line asks as the chat does."""
    campaign_id = create(engine)
    with pytest.raises(UserError) as refused:  # a script: stdin is not a terminal
        run_cli(environ, "campaign", "close", str(campaign_id))
    assert "4 of its 4 allocated cases are not done" in str(refused.value)
    assert f"Nothing was changed: to close it now, add --yes (`audit-bot campaign close {campaign_id} --yes`)" \
        in str(refused.value)
    with pytest.raises(UserError, match="Nothing was changed: campaign 1 stays open"):
        run_cli(environ, "campaign", "close", str(campaign_id), stdin=TypedAtTerminal("n\n"))
    assert store.get_campaign(services.storage, campaign_id).is_open  # type: ignore[union-attr]
    asked = run_cli(environ, "campaign", "close", str(campaign_id), stdin=TypedAtTerminal("y\n"))
    assert "(9 days away)" in asked.err and asked.err.endswith("Close it now? [y/N] ")
    assert "is closed" in asked.out and not store.get_campaign(services.storage, campaign_id).is_open  # type: ignore[union-attr]
    other = create(engine)
    forced = run_cli(environ, "campaign", "close", str(other), "--yes")
    assert forced.err == "" and "is closed" in forced.out


def test_a_draft_released_at_close_reads_as_an_ordinary_draft_once_in_the_campaign(
        engine: Engine, services: Services, clock) -> None:
    """fix63c: `campaign mine N` said "no longer needed" of a draft the close had turned into an ordinary audit, and
    Home and the resume list did not say it had been in the campaign."""
    campaign_id = create(engine)
    cases = iter(("CR-600101", "CR-600102"))
    for allocation in store.allocations(services.storage, campaign_id, "U0MGRN001"):
        engine.action("U0MGRN001", "campaign.start", str(allocation.id), surface="terminal")
        if allocation.case_ref is None:
            engine.message("U0MGRN001", next(cases), surface="terminal")
        engine.message("U0MGRN001", "pause", surface="terminal")
    engine.action(QA, "campaign.close_confirm", str(campaign_id), surface="terminal")
    said = f"was in campaign {campaign_id}, closed; finish it as an ordinary audit or cancel it"
    [mine] = engine.command("U0MGRN001", f"campaign mine {campaign_id}", surface="terminal")
    assert mine.text.count(said) == 2 and "no longer needed" not in mine.text, mine.text
    assert "`/audit resume 1`" in mine.text and "`/audit resume 2`" in mine.text
    [listed, *_] = engine.command("U0MGRN001", "resume", surface="terminal")
    assert listed.text.count(f"({said})") == 2, listed.text
    home = "\n".join(s.text for s in home_sections(engine, services, "U0MGRN001"))
    assert home.count(f"({said}), last touched") == 2, home
