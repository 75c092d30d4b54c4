"""Trial 45: `/audit export since 1/9/2026 south` read the team as part of the date, and `/audit export south north`
as one team no one has. Now the day and the team are read apart in either order, several teams are exported
together, one the person may not export refuses the lot naming it, and a word that is neither a day nor a team is
told so. Signed slash commands into the real Bolt app, with `export_files_in_slack` on; North's manager has
submitted one North audit."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_export_team_and_trail_slack_e2e import NORTH, QA, _dm_text, _since, _trail
from tests.e2e.test_export_team_and_trail_slack_e2e import files_in_slack as files_in_slack
from tests.e2e.test_export_team_and_trail_slack_e2e import north_audit as north_audit
from tests.support.text import flat


def _typed(services: Services) -> str:
    start = date.fromisoformat(_since(services))
    return f"{start.day}/{start.month}/{start.year}"


def _comments(standin) -> str:
    return " ".join(flat(str(call.params.get("initial_comment", "")), "*`")
                    for call in standin.calls_to("files.completeUploadExternal"))


@pytest.mark.parametrize("shape", ["export since {day} north", "export north since {day}",
                                   "export since {day} north team"])
def test_the_day_and_the_team_are_read_apart_in_either_order(bot: RunningBot, standin, services: Services,
                                                             shape: str) -> None:
    assert bot.slack.command(QA, shape.format(day=_typed(services))).status == 200
    assert "Your export: the audits of North Assessment Team submitted since" in _comments(standin)
    [(action, detail)] = _trail(services)
    assert action == "export" and detail["team"] == ["north-assessment"] and detail["since"] == _since(services)


@pytest.mark.parametrize("text", ["export south north", "export south and north"])
def test_several_teams_are_exported_together(bot: RunningBot, standin, services: Services, text: str) -> None:
    assert bot.slack.command(QA, text).status == 200
    said = _comments(standin)
    assert "the audits of South Child in Need and Protection and North Assessment Team submitted since" in said
    [(action, detail)] = _trail(services)
    assert action == "export" and detail["team"] == ["south-cin-cp", "north-assessment"]


def test_one_team_refused_refuses_the_export_naming_it(bot: RunningBot, standin, services: Services) -> None:
    assert bot.slack.command(NORTH, "export north and south").status == 200
    assert ("You may not export the audits of south-cin-cp (South Child in Need and Protection): you may export "
            "north-assessment (North Assessment Team). Nothing was exported.") in _dm_text(standin, NORTH)
    assert not standin.calls_to("files.getUploadURLExternal") and not _trail(services)


def test_a_word_neither_day_nor_team_is_told_so(bot: RunningBot, standin, services: Services) -> None:
    assert bot.slack.command(NORTH, f"export since {_typed(services)} nroth").status == 200
    assert ("nroth is neither a date nor a team you may export. You may export north-assessment (North Assessment "
            "Team)") in _dm_text(standin, NORTH)
    assert not standin.calls_to("files.getUploadURLExternal") and not _trail(services)
