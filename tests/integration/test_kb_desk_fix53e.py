"""The QA lead's `kb` desk (fix53e), walked as a QA lead types them.

- `kb link N <entry>` on a long wording that also points to other entries named the `| <wording>` way twice in one
  read-back ("To write other words…" and "To add only the words about this entry…"): it is named once.
- A new entry waiting for its file (bot/asking/entry_file_asked.py) was forgotten by a QA lead coming back later: a
  restarted chat said nothing, and a question typed then got "That names none of the files". A chat started again
  says the entry waits; a line typed later that names no file is answered as usual, led by one line saying so.
"""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_desk_follow_ups50f import NEW
from tests.integration.test_kb_desk_trial50_fix52d import SITUATION
from tests.integration.test_kb_desk_wording_number50 import two_wordings
from tests.integration.test_unanswered_workflow import ASKER, QA_LEAD, listed
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values
from tests.support.moved_clock import CONTENT_DAY

STILL_WAITING = ("Entry 'When is the fire drill held?' is still waiting for its file: answer with a file name, or "
                 "`cancel`.")


def test_a_link_read_back_names_the_wording_way_once(engine: Engine) -> None:
    engine.message(ASKER, SITUATION)
    [listed_as] = [button_values([group], "kb.unanswered.answer")[0] for group in listed(engine)]

    said = all_text(engine.message(QA_LEAD, f"kb link {listed_as} connected-person-temporary-approval"))

    assert "This wording also points to `sgo`" in said
    assert said.count(f"`/audit kb link {listed_as} connected-person-temporary-approval |") == 1
    assert "To write other words" not in said


def test_a_question_typed_later_is_answered_led_by_the_entry_still_waiting(engine: Engine,
                                                                           services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)
    assert "Which file should the new entry" in all_text(engine.message(QA_LEAD, NEW.format(key=listed_as)))

    with time_machine.travel(CONTENT_DAY + timedelta(hours=3), tick=False):  # back after lunch, a working day
        replies = engine.message(QA_LEAD, "how do i pause my reminders while on leave")
        written = all_text(engine.message(QA_LEAD, "good practise"))

    assert replies[0].text == STILL_WAITING
    assert "That names none of the files" not in all_text(replies) and "away" in all_text(replies[1:])
    assert "to `kb/good-practice.yaml` and reloaded" in written


def test_a_chat_started_again_says_the_entry_waits_and_takes_the_file_next(engine: Engine,
                                                                           services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)
    engine.message(QA_LEAD, NEW.format(key=listed_as))

    with time_machine.travel(CONTENT_DAY + timedelta(hours=3), tick=False):
        opened = engine.session_start(QA_LEAD, opening=True)
        again = all_text(engine.message(QA_LEAD, "the one about legal stuff"))

    assert [reply.text for reply in opened if "still waiting" in reply.text] == [STILL_WAITING]
    assert "That names none of the files" in again and "still waiting" not in again
