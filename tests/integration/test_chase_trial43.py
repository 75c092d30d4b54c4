"""Trial 43 (a South team manager, on the demo data): `chase all overdue` said "Chase all 6 overdue actions" and sent
2 (3 chases were already held, 1 request for more time waited for her answer), and `chase 141 and 142 as well pls`
was told "I couldn't tell which actions to chase". Now the read-back says what `yes` will do with each, and words
after the numbers that ask nothing more are read past."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.chase_several import numbers_in
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import held_chases
from tests.support.trial_day import TRIAL, nothing_unanswered, said, with_demo_data

SOUTH_MANAGER, SOUTH_WORKER = "U0MGRS001", "U0PRAS001"


def overdue(services: Services) -> list[int]:
    today = TRIAL.date().isoformat()
    return sorted(a.id for a in action_store.open_actions_of(services.storage, SOUTH_WORKER) if a.due_date < today)


def test_chase_all_overdue_says_how_many_go_how_many_wait_and_why(services: Services, engine: Engine) -> None:
    demo = with_demo_data(services)
    late = overdue(demo)
    assert len(late) >= 6
    said(engine, SOUTH_WORKER, f"more time on action {late[3]} until 18/12")  # before the chases: once she writes,
    said(engine, SOUTH_MANAGER, f"chase {late[0]}, {late[1]} and {late[2]}")  # held ones are handed over (fix48e)
    reply = said(engine, SOUTH_MANAGER, "chase all overdue")
    to_send = len(late) - 4
    assert (f"Chase all {len(late)} overdue actions in your teams? {to_send} to send, 3 already waiting, 1 waits for "
            "your decision on more time.") in reply, reply
    result = said(engine, SOUTH_MANAGER, "yes")
    assert result.count("is already waiting") == 3 and "waits for your answer" in result, result
    assert len(held_chases.waiting(demo.storage, late)) == 3 + to_send
    assert nothing_unanswered(demo)


def test_chase_several_as_well_pls_chases_them(services: Services, engine: Engine) -> None:
    demo = with_demo_data(services)
    first, second = overdue(demo)[:2]
    reply = said(engine, SOUTH_MANAGER, f"chase {first} and {second} as well pls")
    assert reply.startswith("Chasing 2 actions:"), reply
    assert sorted(held_chases.waiting(demo.storage, [first, second])) == [first, second]
    assert "Did you mean `chase 141`?" in said(engine, SOUTH_MANAGER, "chase 141 as well pls")


WORDS = st.lists(st.sampled_from(["as well", "pls", "please", "too", "thanks", "also", "for me", "thank you"]),
                 max_size=3)


@given(numbers=st.lists(st.integers(min_value=1, max_value=99999), min_size=2, max_size=5, unique=True),
       filler=WORDS, joiner=st.sampled_from([", ", " and ", " & ", " "]), stop=st.sampled_from(["", ".", "!", " x"]))
def test_filler_after_the_numbers_is_read_past(numbers: list[int], filler: list[str], joiner: str,
                                               stop: str) -> None:
    line = f"chase {joiner.join(str(n) for n in numbers)} {' '.join(filler)}{stop}"
    assert numbers_in(line) == numbers


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=30))
def test_words_that_ask_more_are_not_read_past(tail: str) -> None:
    found = numbers_in(f"chase 18 and 19 {tail}")
    assert found is None or not tail.strip() or all(
        word in {"as", "well", "aswell", "pls", "please", "plz", "too", "thanks", "thank", "you", "thx", "ta",
                 "cheers", "for", "me", "also", "now", "today", "x"} for word in tail.split())
