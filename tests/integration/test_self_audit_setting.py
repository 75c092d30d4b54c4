"""fix41e: may a manager audit a case of their own? Only where settings.yaml says `allow_self_audit: true`. By default
a manager naming themself as the worker is refused, told who audits it instead (their team's other managers, else a
QA lead or an admin: never "your manager"), and nothing is stored; practitioners are refused either way; and a
campaign never allocates a manager their own case."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import ConfigError, load_settings
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, PRACTITIONER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"


@pytest.fixture(autouse=True)
def clock() -> Iterator[None]:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        yield


def bot_with(config_dir: Path, environ: dict[str, str], allowed: bool | None) -> tuple[Engine, Services]:
    if allowed is not None:
        settings_file = config_dir / "settings.yaml"
        settings_file.write_text(settings_file.read_text() + f"\nallow_self_audit: {str(allowed).lower()}\n")
    services = build_services(load_settings(environ))
    return build_engine(services), services


def text_of(replies: list) -> str:
    return flat("\n".join(r.text for r in replies), "*`")


def naming_themself(engine: Engine, user: str) -> list:
    engine.message(user, "start audit neglect", surface="terminal")
    engine.message(user, "CR-123456", surface="terminal")
    return engine.message(user, "me", surface="terminal")


@pytest.mark.parametrize("allowed", [None, False])
def test_by_default_a_manager_is_refused_their_own_case_and_told_who_audits_it(config_dir, environ,
                                                                               allowed: bool | None) -> None:
    engine, services = bot_with(config_dir, environ, allowed)
    try:
        [refused] = naming_themself(engine, MANAGER)
        assert refused.kind == "error"
        assert text_of([refused]).startswith("You can't audit your own case: audits are independent. Pick the worker "
                                             "whose case this is, and ask a QA lead or an admin to audit your own "
                                             "cases.")  # North has no other manager; never "your manager"
        assert store.get_audit(services.storage, 1).worker_id is None
    finally:
        services.storage.close()


def test_allowed_a_manager_audits_a_case_where_they_are_the_worker(config_dir, environ) -> None:
    engine, services = bot_with(config_dir, environ, True)
    try:
        replies = naming_themself(engine, MANAGER)
        assert not any(r.kind == "error" for r in replies), text_of(replies)
        assert store.get_audit(services.storage, 1).worker_id == MANAGER
    finally:
        services.storage.close()


def test_allowed_or_not_a_practitioner_never_audits_their_own_case(config_dir, environ) -> None:
    engine, services = bot_with(config_dir, environ, True)
    try:
        [refused] = naming_themself(engine, PRACTITIONER)
        assert refused.kind == "error" and "ask your manager or a QA lead to audit your own cases" in text_of([refused])
        assert store.get_audit(services.storage, 1).worker_id is None
    finally:
        services.storage.close()


def test_a_setting_that_is_not_true_or_false_is_refused(config_dir, environ) -> None:
    (config_dir / "settings.yaml").write_text("allow_self_audit: sometimes\n")
    with pytest.raises(ConfigError, match="`allow_self_audit` must be true or false"):
        load_settings(environ)


@pytest.mark.parametrize("allowed", [False, True])
def test_a_campaign_never_allocates_a_manager_their_own_case(config_dir, environ, allowed: bool) -> None:
    engine, services = bot_with(config_dir, environ, allowed)
    form = {"name": "Voice of the child", "theme": "voice", "checklist": "neglect",
            "teams": "north-assessment,south-cin-cp", "start": "2026-12-02", "deadline": "2026-12-18",
            "auditors": "peer", "moderate": "0", "cases": f"CR-500001,{MANAGER}\nCR-500002,U0PRAS001\n"}
    try:
        engine.action(QA, "campaign.create_form", json.dumps({"form": form, "meta": ""}))
        [campaign] = campaign_store.list_campaigns(services.storage)
        allocations = campaign_store.allocations(services.storage, campaign.id)
        assert {a.case_ref: a.worker_id for a in allocations}["CR-500001"] == MANAGER
        assert all(a.auditor_id != a.worker_id for a in allocations)
    finally:
        services.storage.close()


@pytest.mark.parametrize("allowed", [False, True])
def test_a_case_whose_last_audit_names_the_manager_is_theirs_to_audit_only_when_allowed(config_dir, environ,
                                                                                       allowed: bool) -> None:
    from tests.integration.test_reaudits import QA as LEAD
    from tests.integration.test_reaudits import Cases

    engine, services = bot_with(config_dir, environ, allowed)
    try:
        earlier = Cases(services).audit("CR-100090", "good", datetime(2026, 11, 2, 10, 0, tzinfo=LONDON),
                                        auditor=LEAD, worker=MANAGER)
        engine.message(MANAGER, "start audit neglect", surface="terminal")
        said = text_of(engine.message(MANAGER, "CR-100090", surface="terminal"))
        refused = f"CR-100090 is your case: audit #{earlier} names you as its worker." in said
        assert refused is not allowed
        started = services.storage.db.execute("SELECT COUNT(*) FROM audits WHERE case_ref = 'CR-100090'").fetchone()
        assert started[0] == (2 if allowed else 1)
    finally:
        services.storage.close()
