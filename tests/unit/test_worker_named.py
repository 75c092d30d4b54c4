"""The name reader of `/audit worker` (trial 43, finding 12): a manager names one worker as teams.yaml has them, in
any case or spacing, with brackets, a possessive, `sw` for the role, their short code or a mention; several people
matching are all returned, and nothing it reads ever names someone outside teams.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.worker_named import list_team_named, people_named, picture_asked
from bot.settings.teams_file import parse_directory

TEAMS = Path(__file__).resolve().parents[2] / "config" / "teams.yaml"
DIRECTORY = parse_directory(yaml.safe_load(TEAMS.read_text()), TEAMS)
PEOPLE = sorted(DIRECTORY.people)


def _cased(text: str, upper: list[bool]) -> str:
    return "".join(c.upper() if up else c.lower() for c, up in zip(text, upper + [False] * len(text), strict=False))


@given(st.sampled_from(PEOPLE), st.lists(st.booleans(), max_size=40), st.sampled_from(["", "@", " ", "  @"]),
       st.sampled_from(["", "'s", "’s", "?", " ", "."]), st.integers(min_value=1, max_value=3))
def test_every_name_as_teams_yaml_has_it_names_that_one_person_however_typed(user_id: str, upper: list[bool],
                                                                               before: str, after: str,
                                                                               gap: int) -> None:
    name = DIRECTORY.label(user_id)
    typed = before + (" " * gap).join(_cased(name, upper).split()) + after
    assert people_named(DIRECTORY, typed).found == (user_id,), typed


@given(st.sampled_from(PEOPLE), st.sampled_from(["<@{}>", "<@{}|someone>", "{}", "@{}"]), st.booleans())
def test_a_mention_or_member_id_names_that_person(user_id: str, shape: str, lower: bool) -> None:
    typed = shape.format(user_id.lower() if lower else user_id)
    assert people_named(DIRECTORY, typed).found == (user_id,)


@given(st.text(max_size=60))
def test_any_text_names_only_people_in_teams_yaml_and_never_raises(text: str) -> None:
    named = people_named(DIRECTORY, text)
    assert set(named.found) <= set(PEOPLE)
    assert len(set(named.found)) == len(named.found)


def test_short_codes_role_shorthand_and_first_words() -> None:
    assert people_named(DIRECTORY, "s1").found == ("U0PRAS001",)
    assert people_named(DIRECTORY, "sw s1's").found == ("U0PRAS001",)
    assert people_named(DIRECTORY, "team manager north").found == ("U0MGRN001",)
    assert set(people_named(DIRECTORY, "Social worker").found) == {"U0PRAC001", "U0PRAN001", "U0PRAN002",
                                                                   "U0PRAS001"}
    assert people_named(DIRECTORY, "social work").found == ()  # whole words only
    assert people_named(DIRECTORY, "south").found == ()  # a team's word is no person's name
    assert people_named(DIRECTORY, "<@U0NOBODY1>").found == ()


def test_the_trials_wordings_give_the_name_said() -> None:
    assert picture_asked("how is my new asye getting on, social worker s1") == "social worker s1"
    assert picture_asked("show me social worker s1's audits") == "social worker s1's"
    assert picture_asked("How's SW S1 getting on?") == "sw s1"
    assert picture_asked("show me the audits of sw s1") == "sw s1"
    assert picture_asked("how often do i visit a cin kid") is None
    assert list_team_named("list team Social worker S1") == "social worker s1"
    assert list_team_named("list mine") is None
