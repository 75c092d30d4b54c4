"""Trial 46, F8: `kb new 11 … | owner: QA lead (practice) | …` was refused, "not a Slack user id or a team mailbox;
use a Slack member id", though everywhere else a person is typed by the name the bot writes. Now the owner is read
as a person is read anywhere (a name from teams.yaml, the start of one, an @mention, a member id) and written as the
member id; words that name nobody get the nearest people with their ids. The typed command and the form alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_kb_new_entry_trial import NEW_ID, QUESTION, typed_new, yaml_files
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, ask_fire_drill, diff_lines, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)


@pytest.mark.parametrize("typed", ["QA lead (practice)", "qa lead practice", "@QA lead (practice)", "<@U0QALEAD1>",
                                   "@U0QALEAD1", "U0QALEAD1"])
def test_an_owner_typed_as_a_person_is_written_as_their_member_id(engine: Engine, services: Services,
                                                                   kb_dir: Path, typed: str) -> None:
    key = ask_fire_drill(engine)
    path = kb_dir / "kb" / "timescales.yaml"
    before = path.read_text(encoding="utf-8")

    replies = typed_new(engine, key, f"The 20th. | owner: {typed} | file: kb/timescales.yaml")

    assert f"Added `{NEW_ID}`" in replies[-1].text
    assert "+    owner: U0QALEAD1" in diff_lines(before, path.read_text(encoding="utf-8"))
    assert services.knowledge.current.kb.entries[NEW_ID].owner == "U0QALEAD1"
    assert {reply.to_user for reply in replies if reply.to_user} == {ASKER, OTHER}
    if typed != "U0QALEAD1":
        assert "Owner: @{U0QALEAD1}, written as their member id `U0QALEAD1`." in replies[-1].text


def test_words_that_name_nobody_get_the_nearest_people_with_their_ids(engine: Engine, services: Services,
                                                                       kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)

    [refused] = typed_new(engine, key, "The 20th. | owner: QA leed | file: kb/timescales.yaml")

    assert refused.kind == "error"
    assert "• owner: “QA leed” names nobody in the bot's teams list. The nearest: QA lead (practice) " \
           "(`U0QALEAD1`); QA lead (children in care) (`U0QALEAD2`)." in refused.text
    assert yaml_files(kb_dir) == before and statuses(services) == []


def test_a_start_that_fits_several_people_names_them(engine: Engine, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    before = yaml_files(kb_dir)

    [refused] = typed_new(engine, key, "The 20th. | owner: QA lead | file: kb/timescales.yaml")

    assert "“QA lead” could be QA lead (practice) or QA lead (children in care): type the whole name, like " \
           "`owner: QA lead (practice)`." in refused.text
    assert yaml_files(kb_dir) == before


def test_the_new_entry_form_reads_the_owner_as_a_person_too(engine: Engine, services: Services, kb_dir: Path) -> None:
    key = ask_fire_drill(engine)
    [opened] = engine.action(QA_LEAD, "kb.unanswered.new", key)
    assert opened.form is not None
    form = {"question": QUESTION, "answer": "The 20th.", "owner": "QA leed", "review_by": "", "tags": "",
            "file": "kb/timescales.yaml"}

    errors = engine.check_form(QA_LEAD, opened.form.action, json.dumps({"form": form, "meta": opened.form.meta}))

    assert errors["owner"].startswith("owner: “QA leed” names nobody in the bot's teams list. The nearest: QA lead")
    form["owner"] = "QA lead (practice)"
    replies = engine.action(QA_LEAD, opened.form.action, json.dumps({"form": form, "meta": opened.form.meta}))
    assert f"Added `{NEW_ID}`" in replies[-1].text
    assert services.knowledge.current.kb.entries[NEW_ID].owner == "U0QALEAD1"
