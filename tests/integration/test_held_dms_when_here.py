"""fix47c (trial 46, finding 7): a QA lead's answer, and any other DM held out of a worker's hours, reaches her when
she is here: her first message out of hours is answered after the messages held for her ("While you were away"),
Home lists them under "Waiting for you" with **Show them**, and `any messages for me` shows them or says that nothing
is waiting. Each is sent once: the scheduler's run at the start of her hours sends none of them again."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.audits import held_dms
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.support.action_rows import open_action
from tests.support.posted import posted
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"


def coming(weekday: int, hour: int) -> datetime:
    """The next `weekday` (Monday 0) at least a week on from today, at `hour`, in London: never stale."""
    start = date.today() + timedelta(days=7)
    return datetime.combine(start + timedelta(days=(weekday - start.weekday()) % 7), time(hour), LONDON)


def _held_two(engine: Engine, services: Services, at: datetime) -> list[int]:
    ids = [open_action(services.storage, at.date() + timedelta(days=20 + n), case_ref=f"CR-10030{n}")[1]
           for n in range(2)]
    with time_machine.travel(at, tick=False):
        for action_id in ids:
            engine.message(MANAGER, f"remove action {action_id}")
            said = engine.message(MANAGER, "yes")
            assert any(flat(reply.text).startswith("Held: it is out of Social worker N1") for reply in said)
    return ids


def _next_morning_run(services: Services, after: datetime) -> list[str]:
    """What the scheduler's held-DM run sends in the two days after `after`, at each 08:00 (settled as sent)."""
    sent: list[str] = []
    for days in range(0, 4):
        at = datetime.combine(after.date() + timedelta(days=days), time(8), LONDON)
        for dm, outgoing in held_dms.due_outgoing(services, at):
            held_dms.settle(services, dm, True, at)
            sent += [flat(reply.text) for reply in outgoing.replies]
    return sent


def _texts(replies: list[Reply]) -> list[str]:
    return [flat(reply.text) for reply in replies]


def test_on_a_saturday_her_first_message_brings_what_was_held_before_its_own_reply(
        engine: Engine, services: Services) -> None:
    saturday = coming(5, 10)
    first, second = _held_two(engine, services, saturday)
    with time_machine.travel(saturday + timedelta(minutes=5), tick=False):
        said = _texts(posted(engine.message(WORKER, "help")))
        again = _texts(posted(engine.message(WORKER, "help")))
    assert said[0] == "While you were away: 2 messages were waiting for you."
    assert f"removed action {first} " in said[1] and f"removed action {second} " in said[2]
    assert len(said) > 3  # then the reply to `help` itself
    assert not any("While you were away" in text or "removed action" in text for text in again)
    assert _next_morning_run(services, saturday) == []  # Monday 08:00 sends nothing more


def test_on_a_weekday_night_home_lists_them_and_show_them_shows_them_once(
        engine: Engine, services: Services) -> None:
    night = coming(1, 21)
    _held_two(engine, services, night)
    with time_machine.travel(night + timedelta(minutes=5), tick=False):
        home = [s for s in home_sections(engine, services, WORKER) if s.title == "Waiting for you"]
        shown = _texts(posted(engine.action(WORKER, "waiting.show", "")))
        after = [s for s in home_sections(engine, services, WORKER) if s.title == "Waiting for you"]
        asked = _texts(posted(engine.message(WORKER, "any messages for me?")))
    assert len(home) == 1 and flat(home[0].text).startswith("2 messages are waiting for you, held out of your")
    assert [choice.label for choice in home[0].choices] == ["Show them"]
    assert shown[0] == "While you were away: 2 messages were waiting for you."
    assert sum("removed action" in text for text in shown) == 2
    assert after == []
    assert asked == ["Nothing is waiting for you: every message for you has been sent. Messages that come out of "
                     "your working hours wait for the start of them, or until you next write to me."]
    assert _next_morning_run(services, night) == []


def test_asked_in_words_they_are_shown_once(engine: Engine, services: Services) -> None:
    night = coming(2, 21)
    _held_two(engine, services, night)
    with time_machine.travel(night + timedelta(minutes=5), tick=False):
        said = _texts(posted(engine.message(WORKER, "have i got any messages")))
    assert said.count("While you were away: 2 messages were waiting for you.") == 1
    assert sum("removed action" in text for text in said) == 2
    assert not any("Did you mean" in text for text in said)


def test_home_typed_at_night_shows_them_first_and_no_longer_lists_them(engine: Engine, services: Services) -> None:
    night = coming(3, 21)
    _held_two(engine, services, night)
    with time_machine.travel(night + timedelta(minutes=5), tick=False):
        home = engine.message(WORKER, "home")
    assert flat(home[0].text) == "While you were away: 2 messages were waiting for you."
    assert sum("removed action" in flat(reply.text) for reply in home) == 2
    assert "Waiting for you" not in [reply.title for reply in home]
    assert any(reply.title == "Your audits" for reply in home)


def test_home_opened_at_night_lists_them_and_never_says_nothing_is_waiting(
        engine: Engine, services: Services) -> None:
    night = coming(4, 21)
    _held_two(engine, services, night)  # her only open actions, removed
    with time_machine.travel(night + timedelta(minutes=5), tick=False):
        texts = [flat(section.text) for section in home_sections(engine, services, WORKER)]
    assert any(text.startswith("2 messages are waiting for you") for text in texts)
    assert not any("Nothing of yours is waiting" in text for text in texts)
