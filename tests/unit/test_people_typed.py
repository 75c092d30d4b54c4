"""A person typed as anywhere in the bot, for a new entry's `owner:` (trial 46, F8): a name from teams.yaml in any
case and spacing, an @mention or a member id is that person's member id; words naming nobody get the nearest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.people import nearest_people, person_typed
from bot.settings.config import load_settings
from tests.conftest import PROJECT_DIR

DIRECTORY = load_settings({"AUDITBOT_CONFIG": str(PROJECT_DIR / "config"), "AUDITBOT_DB": ":memory:"}).directory
PEOPLE = sorted(DIRECTORY.people.items())


def _example(name: str) -> str:
    return f"owner: {name}"


@given(person=st.sampled_from(PEOPLE), upper=st.booleans(), spaces=st.sampled_from(["", " ", "  "]))
def test_a_name_as_the_bot_writes_it_is_their_member_id(person: tuple, upper: bool, spaces: str) -> None:
    user_id, who = person
    typed = spaces + (who.name.upper() if upper else who.name.lower()) + spaces
    assert person_typed(DIRECTORY, typed, _example) == user_id


@given(person=st.sampled_from(PEOPLE), form=st.sampled_from(["<@{id}>", "<@{id}|someone>", "@{id}", "{id}"]))
def test_a_mention_or_member_id_is_that_id(person: tuple, form: str) -> None:
    user_id, _ = person
    assert person_typed(DIRECTORY, form.format(id=user_id), _example) == user_id


def test_a_slip_names_nobody_and_the_nearest_come_first() -> None:
    assert person_typed(DIRECTORY, "QA leed", _example) is None
    assert nearest_people(DIRECTORY, "QA leed")[:2] == ["U0QALEAD1", "U0QALEAD2"]
    assert nearest_people(DIRECTORY, "zzzz") == []
