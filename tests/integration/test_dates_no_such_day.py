"""A date for a day its month does not have (`31/02/2027`) is told so, "February 2027 has 28 days, so no 31st",
wherever a date is typed: a trial's QA lead was told to write `31/02/2027` "as DD/MM/YYYY", the form it was written
in. The audit's date questions, an action's due date, `/audit away`, a campaign's dates, `--since` on the command
line, a new entry's review date (test_kb_new_entry_trial.py) and `review_by:` in the files share the words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.flow import AnswerError, parse_answer
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from knowledge.checklist_schema import Question
from knowledge.loader import check_knowledge
from tests.integration.test_audit_moderation_export import run_export

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 9, 9, 40, tzinfo=LONDON)
MANAGER, QA_LEAD = "U0MGRN001", "U0QALEAD1"
FEBRUARY = "'31/02/2027' is not a real date: February 2027 has 28 days, so no 31st."
WRONG_HINTS = ("DD/MM/YYYY", "the day comes first", "check the day and month")


@pytest.fixture(autouse=True)
def pinned():
    with time_machine.travel(NOW, tick=False):
        yield


def _says_what_is_wrong(text: str) -> None:
    assert FEBRUARY in text, text
    assert not any(hint in text for hint in WRONG_HINTS), text


def test_an_audit_date_question_and_an_actions_due_date_say_february_has_no_31st(services: Services) -> None:
    from bot.audits.action_fields import action_due

    planned = Question("next-review", "When is the next review planned?", "date", allow_future=True)
    with pytest.raises(AnswerError) as answer:
        parse_answer(planned, "31/02/2027", NOW.date())
    _says_what_is_wrong(str(answer.value))
    with pytest.raises(AnswerError) as due:
        action_due(services, Turn(services.directory.person(MANAGER), "dm", NOW), "31/02/2027")
    _says_what_is_wrong(str(due.value))
    with pytest.raises(AnswerError, match=r"'30/2' is not a real date: February has 28 days \(29 in a leap year\), "
                                          "so no 30th"):
        parse_answer(planned, "30/2", NOW.date())


def test_away_and_a_campaign_deadline_say_february_has_no_31st(engine: Engine) -> None:
    [away] = engine.command(MANAGER, "away until 31/02/2027")
    assert away.kind == "error"
    _says_what_is_wrong(away.text)
    [campaign] = engine.command(QA_LEAD, 'campaign create name="Voice Feb" theme=voice checklist=voice '
                                         "teams=north-assessment start=today deadline=31/02/2027 per-worker=1 "
                                         "auditors=managers moderate=20", surface="terminal")
    assert campaign.kind == "error"
    _says_what_is_wrong(campaign.text)


def test_since_on_the_command_line_says_april_has_no_31st(environ: dict[str, str], services: Services) -> None:
    with pytest.raises(UserError) as since:
        run_export(environ, "--format", "csv", "--since", "31/04/2026")
    assert "--since: '31/04/2026' is not a real date: April 2026 has 30 days, so no 31st." in str(since.value)


def test_review_by_in_a_file_says_february_has_no_31st(kb_dir: Path) -> None:
    path = next(p for p in sorted((kb_dir / "kb").glob("*.yaml")) if "review_by:" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    start = text.index("review_by:")
    end = text.index("\n", start)
    path.write_text(text[:start] + "review_by: 2027-02-31" + text[end:], encoding="utf-8")
    messages = [problem.message for problem in check_knowledge(kb_dir)]
    assert any(m.endswith("has `review_by: 2027-02-31`, which is not a real date: February 2027 has 28 days, so "
                          "no 31st.") for m in messages), messages
