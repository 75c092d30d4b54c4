"""Trial 54, F11: `whoami` (or `who am i`, `what is my role`) says who the asker is to the bot, their role, team
and manager from the teams list, and is never put on the QA leads' list of unanswered questions."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.who_am_i import asks_who_i_am
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.asks import unanswered_since
from tests.support.cli import run_cli
from tests.support.moved_clock import CONTENT_DAY  # a Tuesday morning: a working day
from tests.support.text import flat


def _said(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies)).replace("**", "")


@pytest.mark.parametrize("typed", ["whoami", "who am i", "Who am I?", "what is my role", "what's my team"])
def test_a_worker_is_told_their_role_team_and_manager_and_nothing_is_noted(engine: Engine, services: Services,
                                                                          typed: str) -> None:
    said = _said(engine, "U0PRAN002", typed)
    assert said.startswith("You are Social worker N2 (practitioner) in North Assessment Team; your manager is "
                           "Team manager (North)."), said
    assert "QA leads" not in said and "I don't know" not in said
    assert unanswered_since(services.storage, CONTENT_DAY - timedelta(days=1)) == []


def test_someone_in_no_team_is_told_so(engine: Engine) -> None:
    said = _said(engine, "U0QALEAD1", "whoami")
    assert said.startswith("You are QA lead (practice) (QA lead), in no team in the bot's teams list."), said


def test_a_question_about_a_role_in_practice_stays_a_question() -> None:
    assert not asks_who_i_am("what role does a social worker have in a strategy meeting")
    assert not asks_who_i_am("who am i supposed to tell about a missing child")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ?'", max_size=40))
def test_only_a_whole_line_asking_who_i_am_is_read_so(words: str) -> None:
    if asks_who_i_am(words):
        assert any(part in " ".join(words.replace("'", "").split()) for part in ("who", "my ", "team", "set up"))


@pytest.mark.parametrize("typed", ["whoami", "what is my role"])
def test_whoami_names_the_teams_file_loaded_as_given(environ: dict[str, str], config_dir: Path, typed: str) -> None:
    """Fix80b: `whoami` said "An admin changes this in config/teams.yaml" when AUDITBOT_CONFIG named another folder,
    so an admin would edit a file the bot does not read. The file is named as the folder was given."""
    chat = run_cli(environ, "chat", "--user", "U0PRAN002", stdin=io.StringIO(f"{typed}\nquit\n"))
    assert f"An admin changes this in {config_dir}/teams.yaml." in flat(chat.out), chat.out
    assert "config/teams.yaml" not in flat(chat.out).replace(f"{config_dir}/teams.yaml", "")
    shipped = run_cli({**environ, "AUDITBOT_CONFIG": ""}, "chat", "--user", "U0PRAN002",
                      stdin=io.StringIO(f"{typed}\nquit\n"))
    assert "An admin changes this in config/teams.yaml." in flat(shipped.out), shipped.out


def test_the_targets_answer_names_the_teams_file_loaded(engine: Engine, config_dir: Path) -> None:
    said = _said(engine, "U0ADMIN01", "can we raise norths target to 4")
    assert f"the bot's team list (`{config_dir}/teams.yaml`)" in said and "`config/teams.yaml`" not in said
