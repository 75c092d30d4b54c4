"""fix44e: a manager's Home lists her workers with a *Picture* button each; the press shows `worker S1`'s picture,
to be read in a modal, for those the chat command allows (her, QA leads, admins) and one message for anyone else."""

from __future__ import annotations

from bot.audits.worker_home import MODAL_TITLE, PICTURE
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.support.trial_day import said, with_demo_data

MANAGER, WORKER, COLLEAGUE, QA_LEAD = "U0MGRS001", "U0PRAS001", "U0PRAN001", "U0QALEAD1"


def test_only_a_managers_home_lists_her_workers_with_their_buttons(engine: Engine, services: Services) -> None:
    with_demo_data(services)
    [workers] = [s for s in home_sections(engine, services, MANAGER) if s.title == "Your workers"]
    assert [(c.label, c.action, c.value) for c in workers.choices] == [("Picture: Social worker S1", PICTURE, WORKER)]
    assert "• Social worker S1:" in workers.text and "open action" in workers.text
    for someone in (QA_LEAD, COLLEAGUE):
        assert all(s.title != "Your workers" for s in home_sections(engine, services, someone))


def test_the_picture_is_the_chat_commands_in_a_modal_for_those_it_allows(engine: Engine, services: Services) -> None:
    with_demo_data(services)
    typed = said(engine, MANAGER, "worker S1")
    for allowed in (MANAGER, QA_LEAD):
        [shown] = engine.action(allowed, PICTURE, WORKER, surface="home")
        assert shown.modal == MODAL_TITLE and shown.kind != "error"
        assert "Audits of their cases" in shown.text and "Open actions they own" in shown.text
    assert "Audits of their cases" in typed


def test_a_colleague_pressing_a_copy_is_told_whose_it_is_in_the_modal(engine: Engine, services: Services) -> None:
    with_demo_data(services)
    [refused] = engine.action(COLLEAGUE, PICTURE, WORKER, surface="home")
    assert refused.modal == MODAL_TITLE and refused.kind == "error"
    assert refused.text.startswith("A colleague's audits and actions are for their manager and QA leads")
    assert "Audits of their cases" not in refused.text
