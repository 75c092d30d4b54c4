"""The QA lead's `kb` desk (fix53e), walked as a QA lead types them.

- `kb link N <entry>` on a long wording that also points to other entries named the `| <wording>` way twice in one
  read-back ("To write other words…" and "To add only the words about this entry…"): it is named once.
- A new entry waiting for its file (bot/asking/entry_file_asked.py) was forgotten by a QA lead coming back later: a
  restarted chat said nothing, and a question typed then got "That names none of the files". A chat started again
  says the entry waits; a line typed later that names no file is answered as usual, led by one line saying so.
"""

from __future__ import annotations

from bot.engine.routing import Engine
from tests.integration.test_kb_desk_trial50_fix52d import SITUATION
from tests.integration.test_unanswered_workflow import ASKER, QA_LEAD, listed
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values


def test_a_link_read_back_names_the_wording_way_once(engine: Engine) -> None:
    engine.message(ASKER, SITUATION)
    [listed_as] = [button_values([group], "kb.unanswered.answer")[0] for group in listed(engine)]

    said = all_text(engine.message(QA_LEAD, f"kb link {listed_as} connected-person-temporary-approval"))

    assert "This wording also points to `sgo`" in said
    assert said.count(f"`/audit kb link {listed_as} connected-person-temporary-approval |") == 1
    assert "To write other words" not in said
