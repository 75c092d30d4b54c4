"""The Home tab: each section once, however many engines (and Slack apps) one process builds."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.composition import build_engine
from bot.core.services import Services
from bot.engine.home import home_sections
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 12, tzinfo=LONDON)


def _shown(services: Services, engine, user_id: str) -> list[tuple[str, str]]:
    return [(s.title or "", s.text) for s in home_sections(engine, services, user_id)]


def test_two_engines_in_one_process_show_each_home_section_once_and_the_same(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        insert_audit(services.storage, "CR-100001", NOW - timedelta(days=1), status="draft")
        first = build_engine(services)
        second = build_engine(services)
        for user in ("U0MGRN001", "U0QALEAD1", "U0ADMIN01", "U0PRAN001"):
            one, two = _shown(services, first, user), _shown(services, second, user)
            assert one == two, user
            repeated = [title for title, n in Counter(title for title, _ in one).items() if n > 1]
            assert repeated == [], f"{user} sees {repeated} more than once"
        manager = [title for title, _ in _shown(services, second, "U0MGRN001")]
        lead = [title for title, _ in _shown(services, second, "U0QALEAD1")]
    assert manager.count("Your audits") == 1
    assert sum("Knowledge" in title for title in lead) == 1


def test_an_engine_only_shows_the_sections_of_the_features_it_was_built_with(services: Services) -> None:
    from bot.engine.routing import Engine

    build_engine(services)
    bare = Engine(services.directory, clock=services.clock)
    with time_machine.travel(NOW, tick=False):
        titles = [s.title for s in home_sections(bare, services, "U0QALEAD1")]
    assert titles == ["audit-bot"]


def test_home_lists_the_same_open_actions_as_audit_actions_never_those_of_a_draft(services: Services) -> None:
    """An action written into a draft (which may yet be cancelled) is not the worker's to do: Home agrees with
    `/audit actions` and the reminders, which only count actions of submitted audits."""
    from bot.storage import actions as action_store

    with time_machine.travel(NOW, tick=False):
        draft = insert_audit(services.storage, "CR-100002", NOW - timedelta(days=1), status="draft")
        submitted = insert_audit(services.storage, "CR-100003", NOW - timedelta(days=2))
        due = (NOW + timedelta(days=14)).date().isoformat()
        action_store.add_action(services.storage, draft, "Not issued yet", "U0PRAN001", due, "U0MGRN001", NOW)
        action_store.add_action(services.storage, submitted, "Chase the health assessment", "U0PRAN001", due,
                                "U0MGRN001", NOW)
        engine = build_engine(services)
        home = dict(_shown(services, engine, "U0PRAN001"))["Your audits"]
        listed = engine.command("U0PRAN001", "actions")
    assert "**Open actions**: 1" in home
    assert "Chase the health assessment" in home and "Not issued yet" not in home
    assert "Not issued yet" not in " ".join(reply.text for reply in listed)


def test_the_greeting_names_whose_audit_picture_it_is(services: Services) -> None:
    """Trial 9: a QA lead's Home (they are in no team) said "your team's audit picture"."""
    engine = build_engine(services)
    with time_machine.travel(NOW, tick=False):
        greetings = {user: home_sections(engine, services, user)[0].text
                     for user in ("U0QALEAD1", "U0ADMIN01", "U0MGRN001", "U0PRAN001")}
    assert greetings["U0QALEAD1"].endswith("Case audits, practice questions and the whole service's audit picture.")
    assert greetings["U0ADMIN01"].endswith("the whole service's audit picture.")
    assert greetings["U0MGRN001"].endswith("and your team's audit picture.")
    assert greetings["U0PRAN001"].endswith("and your own audits and actions.")
