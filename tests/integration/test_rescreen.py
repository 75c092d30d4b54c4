"""Screening stored wordings again: a question or learned wording stored under an older, weaker screen that today's
screen refuses has its text replaced by the removal marker, and a learned one is no longer searched; ordinary ones
and texts already removed are left alone. The bot's start sweeps only when the screen changed; `audit-bot rescreen`
sweeps when an admin asks."""

from __future__ import annotations

from bot.asking import learning
from bot.asking.rescreen import rescreen, rescreen_at_start
from bot.composition import start_up
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.removal import is_removed, removal_marker
from bot.storage import asks as ask_store
from bot.storage import learned as store
from tests.integration.test_learning import COLLEAGUE, MASCOT, PRACTITIONER, QA_LEAD, settings  # noqa: F401
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
        learned = store.learn(services.storage, "mascot-colour-south", wording, PRACTITIONER, "picked", now)
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
