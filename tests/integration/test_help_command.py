"""`help <command>`: that command's help, with its details (trial 26: `help campaign` was told "/audit help takes
nothing after its word"); a word naming no command gets the whole list, and a question after `help` is still asked."""

from __future__ import annotations

from bot.engine.routing import Engine

ADMIN, WORKER = "U0ADMIN01", "U0PRAN001"


def test_help_campaign_explains_campaigns_to_an_organiser(engine: Engine) -> None:
    for typed in ("help campaign", "help campaigns", "/audit help campaign"):
        replies = (engine.command(ADMIN, typed.removeprefix("/audit "), surface="terminal") if typed.startswith("/")
                   else engine.message(ADMIN, typed, surface="terminal"))
        [said] = replies
        assert said.title == "Help: /audit campaign", typed
        assert "A campaign is a themed audit round across teams" in said.text
        assert "`campaign create` alone shows each field with an example" in said.text
        assert "takes nothing after its word" not in said.text


def test_help_of_a_command_a_role_may_use_in_part_or_not_at_all(engine: Engine) -> None:
    [campaign] = engine.message(WORKER, "help campaign", surface="terminal")
    [moderate] = engine.message(WORKER, "help moderate", surface="terminal")
    [reaudits] = engine.message(WORKER, "help re-audits", surface="terminal")
    assert campaign.text.startswith("`/audit campaign [N | mine N]` — audit campaigns")
    assert "campaign create" not in campaign.text  # the organisers' details are theirs
    assert moderate.text.startswith("`/audit moderate` is for")
    assert reaudits.title == "Help: /audit reaudits"


def test_help_and_a_word_naming_no_command_is_the_whole_list(engine: Engine) -> None:
    [listed] = engine.message(ADMIN, "help me", surface="terminal")
    assert listed.title == "audit-bot help" and "`/audit help [command]`" in listed.text
