"""Trial 63 (F4): with a second manager added to South, `whoami` told her "your manager is Team manager (South)" (a
fellow manager of her team) and Home's *Your workers* listed him beside the practitioners. A co-manager is a
colleague: whoami says whom she manages the team with, and *Your workers* lists the practitioners only. Through the
chat engine, on a teams.yaml with two South managers."""

from __future__ import annotations

import time_machine

from bot.engine.routing import Engine
from tests.support.co_managers import MONDAY, NEW_TM, S1, SOUTH_TM
from tests.support.text import flat

NORTH_TM = "U0MGRN001"


def said(engine: Engine, user: str, text: str, command: bool = False) -> str:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.command(user, text) if command else engine.message(user, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies)).replace("*", "")


def test_whoami_names_a_fellow_manager_as_a_colleague_not_as_her_manager(co_managed) -> None:
    _, engine = co_managed
    new = said(engine, NEW_TM, "whoami")
    assert "you manage it with Team manager (South)" in new and "your manager" not in new
    assert "you manage it with Team manager Priya (South)" in said(engine, SOUTH_TM, "whoami")
    assert "your managers are Team manager (South) and Team manager Priya (South)" in said(engine, S1, "whoami")
    north = said(engine, NORTH_TM, "whoami")
    assert "you manage" not in north and "your manager" not in north  # North's only manager: as before


def test_your_workers_on_home_lists_practitioners_not_the_fellow_manager(co_managed) -> None:
    _, engine = co_managed
    home = said(engine, NEW_TM, "home", command=True)
    workers = home[home.index("Your workers"):]
    assert "Social worker S1: 0 open actions" in workers
    assert "Team manager (South)" not in workers
    assert "Team manager Priya (South)" not in said(engine, SOUTH_TM, "home", command=True).split("Your workers")[1]
