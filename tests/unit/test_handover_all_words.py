"""Trial 62 (F8): the ways a manager asks to hand all of one worker's actions to someone are read as that (whose,
and to whom), a line about one action by its number is left to `hand action 2 to N2`, and a leaver is found by the
name teams.yaml last gave them, or its short code, as the Home's command names them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.handover_all_words import AllAsked, said
from bot.core.left_behind import handover_command
from bot.settings.people import Directory, Person, Role


@pytest.mark.parametrize(("line", "asked"), [
    ("hand over C1's actions to N1", AllAsked("C1", "N1")),
    ("hand over all of C1's actions to me", AllAsked("C1", "me")),
    ("hand over C1s actions to N1", AllAsked("C1", "N1")),
    ("hand C1's actions over to sw n2 please", AllAsked("C1", "sw n2")),
    ("reassign all the open actions of social worker c1 to tm south", AllAsked("social worker c1", "tm south")),
    ("can i transfer all of Social worker C1’s actions to N2 while we recruit?", AllAsked("Social worker C1", "N2")),
    ("social worker C1 has left, how do i hand over all her actions to the new worker",
     AllAsked("social worker C1", "")),
    ("hand over C1's actions", AllAsked("C1", "")),
    ("how do i hand over all of a leaver's actions", AllAsked("a leaver", "")),
])
def test_handing_over_all_of_a_workers_actions_is_read_whose_and_to_whom(line: str, asked: AllAsked) -> None:
    assert said(line) == asked


@pytest.mark.parametrize("line", ["hand action 2 over to N2", "hand over actions 2 and 3 to N2",
                                  "give action 12 to me", "when is the ICPC due?", "my actions",
                                  "what happens to actions when a worker leaves"])
def test_other_lines_are_not_read_as_all_of_a_workers_actions(line: str) -> None:
    assert said(line) is None


@given(worker=st.from_regex(r"[A-Z]{1,2}[1-9]", fullmatch=True), to=st.from_regex(r"[A-Z]{1,2}[1-9]", fullmatch=True),
       verb=st.sampled_from(["hand over", "reassign", "transfer", "pass on", "give"]),
       all_of=st.sampled_from(["", "all of ", "all "]), extra=st.text(max_size=30))
def test_any_workers_short_code_and_new_owner_are_read_back_as_typed(worker: str, to: str, verb: str, all_of: str,
                                                                     extra: str) -> None:
    found = said(f"{verb} {all_of}{worker}'s actions to {to}, {extra}")
    assert found == AllAsked(worker, to)


DIRECTORY = Directory(teams={}, people={"U0PRAN001": Person("U0PRAN001", "Social worker N1", Role.PRACTITIONER, ())},
                      former={"U0PRAC001": "Social worker C1", "U0MGRX001": "Team manager (Old)"})


@pytest.mark.parametrize(("typed", "found"), [("C1", ["U0PRAC001"]), ("c1", ["U0PRAC001"]),
                                              ("social worker c1", ["U0PRAC001"]), ("sw c1", ["U0PRAC001"]),
                                              ("team manager old", ["U0MGRX001"]), ("N1", []), ("C2", [])])
def test_a_leaver_is_found_by_the_name_they_had_or_its_short_code(typed: str, found: list[str]) -> None:
    assert DIRECTORY.left_named(typed) == found


def test_the_command_names_a_worker_by_short_code_else_by_whole_name() -> None:
    assert handover_command("Social worker C1") == "hand over C1's actions to <name>"
    assert handover_command("Team manager (Old)") == "hand over Team manager (Old)'s actions to <name>"
