"""Trial 50 findings on the QA lead's `kb` desk (fix52d), walked as a QA lead types them.

- #11: `review: yesterday` was refused as "not a date I can read"; date words are read as elsewhere, a past one is
  "already past", and one ahead is read back as the date written.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_desk_follow_ups50f import NEW
from tests.integration.test_kb_desk_wording_number50 import two_wordings
from tests.integration.test_unanswered_workflow import QA_LEAD
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text

FILED = " | file: kb/good-practice.yaml"


def test_review_yesterday_is_said_to_be_past_not_unreadable(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as) + FILED + " | review: yesterday"))

    assert "The review date yesterday is already past: give a date ahead" in said
    assert "not a date I can read" not in said


def test_review_as_a_date_word_ahead_is_written_as_its_date(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as) + FILED + " | review: in 6 months"))

    assert "(from `in 6 months`), written as 20" in said and "day before month" not in said
    assert "to `kb/good-practice.yaml` and reloaded" in said
