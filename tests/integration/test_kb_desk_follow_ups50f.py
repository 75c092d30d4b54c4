"""Trial 49 follow-ups on the QA lead's `kb` desk (fix50f), walked as a QA lead types them.

- `kb answer 8 …`, 8 being one wording's number in the group listed as #7, was read back "Send this as the answer
  to #8?" though the confirmation after `yes` names "#7 (the group holding #8, …)": the read-back now names it so.
- `kb new N …` with no file the bot could tell listed the 13 files and the QA lead typed it all again with `| file:
  …`: the entry is now kept and the file asked for, a number or a name (bot/asking/entry_file_asked.py).
"""

from __future__ import annotations

from pathlib import Path

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_desk_wording_number50 import two_wordings
from tests.integration.test_unanswered_workflow import QA_LEAD, listed
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text


def test_answer_read_back_by_a_wordings_number_names_the_listed_group(engine: Engine, services: Services) -> None:
    listed_as, wording_number = two_wordings(engine, services)

    said = all_text(engine.command(QA_LEAD, f"kb answer {wording_number} The fire drill is on the first Monday "
                                            "of each quarter."))

    assert (f"Send this as the answer to #{listed_as} (the group holding #{wording_number}, _when is the fire drill "
            f"held this year_)? It goes by DM to the 2 people who asked, and #{listed_as} closes") in said
    assert f"answer to #{wording_number}?" not in said


NEW = "kb new {key} When is the fire drill held? | The first Monday of each quarter, at 10am. | tags: office-drills"


def test_kb_new_with_no_file_to_go_by_asks_which_and_keeps_the_entry(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    asked = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as)))

    assert f"Which file should the new entry for #{listed_as} go in?" in asked
    assert "1. `kb/" in asked and "Type its number or its name" in asked
    assert "add `| file: …`" not in asked
    written = all_text(engine.message(QA_LEAD, "good practise"))  # a name, a letter wrong

    assert "to `kb/good-practice.yaml` and reloaded" in written
    assert f"#{listed_as} is closed" in written


def test_the_file_its_tag_points_to_is_listed_first_and_its_number_writes_it(engine: Engine,
                                                                             services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    asked = all_text(engine.command(QA_LEAD, NEW.format(key=listed_as) + ", retention"))  # as `/audit kb new`
    assert "\n1. `kb/legal-and-consent.yaml` (1 entry shares its tags)\n" in asked
    again = all_text(engine.message(QA_LEAD, "the one about legal stuff"))
    assert "That names none of the files: type a number from 1 to" in again and "Added" not in again

    written = all_text(engine.message(QA_LEAD, "1"))

    assert "to `kb/legal-and-consent.yaml` and reloaded" in written


def test_cancel_drops_the_new_entry_and_writes_nothing(engine: Engine, services: Services, kb_dir: Path) -> None:
    listed_as, _ = two_wordings(engine, services)
    before = {path.name: path.read_text() for path in kb_dir.rglob("*.yaml")}
    engine.message(QA_LEAD, NEW.format(key=listed_as))

    said = all_text(engine.message(QA_LEAD, "cancel"))

    assert f"the new entry was dropped and nothing was written: #{listed_as} stays open" in said
    assert "Added" not in all_text(engine.message(QA_LEAD, "2"))
    assert {path.name: path.read_text() for path in kb_dir.rglob("*.yaml")} == before
    assert listed(engine)


def test_a_file_is_not_asked_for_while_anything_else_is_wrong(engine: Engine, services: Services) -> None:
    listed_as, _ = two_wordings(engine, services)

    said = all_text(engine.message(QA_LEAD, NEW.format(key=listed_as) + " | review: 01/01/2001"))

    assert "Nothing was written: fix these 2 problems" in said and "add `| file: …`" in said
    assert "Which file" not in said
