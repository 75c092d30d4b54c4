"""A *New entry* made from an unanswered question, as its askers and the QA lead see it (trial 12). The askers'
wording joins the entry's alternatives, as *Link to an entry* adds it, so the same words find it outright and not
"Did you mean…"; the YAML diff is the entry and nothing else."""

from __future__ import annotations

from pathlib import Path

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_unanswered_workflow import ASKER, QA_LEAD, diff_lines, only_group
from tests.support.extra_entries import settings  # noqa: F401 (fixture used by name)
from tests.support.kb_copy_fixtures import content_day  # noqa: F401 (the clock, pinned for every test here)
from tests.support.kb_helpers import all_text, button_values

ASKED = "when do we practise leaving the building for a fire"
KETTLE = "how often is the office kettle descaled"  # the question of a test entry, kettle-descaling, word for word
ANSWER = "On the 20th of each month, at ten; the fire wardens sweep each floor."


def not_helpful_group(engine: Engine) -> str:
    """The kettle entry's own question, answered with it and marked Not helpful: an unanswered group."""
    answered = engine.message(ASKER, KETTLE)
    assert answered[0].title == "How often is the office kettle descaled?"
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    return only_group(engine)


def test_the_askers_wording_finds_the_new_entry_made_for_it(engine: Engine, services: Services, kb_dir: Path) -> None:
    engine.message(ASKER, ASKED)
    key = only_group(engine)
    path = kb_dir / "kb" / "auditing-here.yaml"
    before = path.read_text(encoding="utf-8")

    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill held? | {ANSWER} "
                                      "| review: 30/06/2027 | file: kb/auditing-here.yaml")

    assert f"The askers' wording, _{ASKED}_, is one of its alternatives, so asking that way finds it." \
        in replies[-1].text
    assert diff_lines(before, path.read_text(encoding="utf-8")) == [
        "+", "+  - id: fire-drill-held", "+    question: When is the fire drill held?", "+    alternatives:",
        f"+      - {ASKED}", "+    answer: |", f"+      {ANSWER}", "+    source: the QA team's own guidance",
        "+    owner: U0QALEAD1", "+    review_by: 2027-06-30"]
    again = engine.message("U0PRAN002", ASKED)
    assert again[0].title == "When is the fire drill held?" and again[0].text == ANSWER
    assert "Did you mean" not in all_text(again)


def test_a_wording_another_entry_already_finds_is_left_out_and_said(engine: Engine, services: Services,
                                                                    kb_dir: Path) -> None:
    """Shared by two entries a wording finds neither (and `kb check` refuses it): the entry is written without it,
    and the reply says why, as *Link to an entry* refuses it."""
    key = not_helpful_group(engine)

    replies = engine.command(QA_LEAD, f"kb new {key} What is the office kettle rota? | The duty manager keeps it. "
                                      "| file: kb/zz-test-extra.yaml")

    done = replies[-1].text
    assert "Added `office-kettle-rota`" in done
    assert (f"The askers' wording, _{KETTLE}_, was not added to its alternatives: it already finds "
            "`kettle-descaling` (its question)") in done
    assert services.knowledge.current.kb.entries["office-kettle-rota"].alternatives == ()


def test_a_lower_case_question_is_its_heading_with_a_capital_and_the_filing_note_tells_the_truth(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    """Trial 12: the question typed in lower case stayed so as the entry's heading, and the reply filed it "beside
    “When should a child be seen alone?”, the entry the search finds for its question", which its asker had marked Not
    helpful for that very question."""
    key = not_helpful_group(engine)
    path = kb_dir / "kb" / "zz-test-extra.yaml"
    before = path.read_text(encoding="utf-8")

    replies = engine.command(QA_LEAD, f"kb new {key} what is the office kettle rota? "
                                      "| The duty manager keeps it.")

    [dm] = [reply for reply in replies if reply.to_user == ASKER]
    assert dm.title == "What is the office kettle rota?"
    assert "+    question: What is the office kettle rota?" in \
        diff_lines(before, path.read_text(encoding="utf-8"))
    done = replies[-1].text
    assert "Filed in `kb/zz-test-extra.yaml`, beside “How often is the office kettle descaled?”, the entry closest " \
           "to its question, though its askers marked it Not helpful" in done
    assert "the entry the search finds for its question" not in done
