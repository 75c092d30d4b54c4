"""Trial 45: `/audit export south north` was read as one team called "south north" and refused. Several teams are
exported together, however they are listed, each checked against what the person may export; one refused team
refuses the export, naming it and the teams they may export; a word that is no team nor date is told so."""

from __future__ import annotations

import pytest

from bot.core.export_teams import typed_teams
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import AccessDenied, UserError

BOTH = ["south-cin-cp", "north-assessment"]


@pytest.mark.parametrize("words", ["south north", "south and north", "south, north", "south & north",
                                   "South Child in Need and Protection, north assessment", "south north south"])
def test_several_teams_however_listed_are_each_read(services: Services, words: str) -> None:
    assert typed_teams(services, None, words) == BOTH


def test_a_team_the_person_may_not_export_refuses_the_lot_naming_it(services: Services) -> None:
    with pytest.raises(AccessDenied) as refused:
        typed_teams(services, ["south-cin-cp"], "south and north")
    assert str(refused.value) == ("You may not export the audits of `north-assessment` (North Assessment Team): you "
                                  "may export `south-cin-cp` (South Child in Need and Protection). Nothing was "
                                  "exported. To export South Child in Need and Protection alone: `/audit export "
                                  "south`")


def test_a_word_that_is_no_team_is_named_with_the_teams_the_person_may_export(services: Services) -> None:
    with pytest.raises(UserError, match=r"^`sooth` is neither a date nor a team you may export\. You may export "
                                        r"`south-cin-cp` \(South Child in Need and Protection\);"):
        typed_teams(services, ["south-cin-cp"], "north sooth")


@pytest.mark.parametrize("text", ["export north south", "export north and south", "export since 1/9/2026 north south"])
def test_teams_typed_in_words_are_the_commands_never_the_managers_own_alone(engine: Engine, text: str) -> None:
    """`export south north` typed without `/audit` sent a South manager South's file alone, `north` unread."""
    [reply] = engine.message("U0MGRN001", text, surface="terminal")
    assert reply.kind == "error" and "You may not export the audits of `south-cin-cp`" in reply.text
