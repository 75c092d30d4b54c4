"""Trial 49 follow-ups on the QA lead's `kb` desk (fix50f), walked as a QA lead types them.

- `kb answer 8 …`, 8 being one wording's number in the group listed as #7, was read back "Send this as the answer
  to #8?" though the confirmation after `yes` names "#7 (the group holding #8, …)": the read-back now names it so.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_desk_wording_number50 import two_wordings
from tests.integration.test_unanswered_workflow import QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text


def test_answer_read_back_by_a_wordings_number_names_the_listed_group(engine: Engine, services: Services) -> None:
    listed_as, wording_number = two_wordings(engine, services)

    said = all_text(engine.command(QA_LEAD, f"kb answer {wording_number} The fire drill is on the first Monday "
                                            "of each quarter."))

    assert (f"Send this as the answer to #{listed_as} (the group holding #{wording_number}, _when is the fire drill "
            f"held this year_)? It goes by DM to the 2 people who asked, and #{listed_as} closes") in said
    assert f"answer to #{wording_number}?" not in said
