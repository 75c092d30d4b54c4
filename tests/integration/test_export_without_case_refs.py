"""Fix 41 items 2 and 3: the export had no way to leave case references out for sharing beyond the service, and the
command line, the chat's `export` and `can i export this for ofsted` each told a different story. `--no-case-refs`
(`export without case refs` in the chat) drops the case reference column and every free text; every way in says which
export was chosen, what it holds and that its free text was screened, in the same words, and a role that cannot export
gets one message saying who can. The clock is pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.export_terms import IN_CHAT, SCREENED, WHO_MAY, WITH_REFS, WITHOUT_REFS, chosen
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_cli_roles import cli  # noqa: F401  (the fixture)
from tests.support.text import flat

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/London"))
FREE_TEXT = ("case_ref", "grade_reason", "moderation_reason", "strengths", "development", "actions", "reflections",
             "evidence")


@pytest.fixture
def submitted(engine: Engine, services: Services) -> str:
    """One audit, its first answer's words naming a case, its strengths too; returns its case reference."""
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        complete_audit(send, send("type", "/audit start early-help-spot"))
    db = services.storage.db
    db.execute("UPDATE answers SET value = 'sibling case CR-654321 too' WHERE rowid = (SELECT MIN(rowid) FROM answers)")
    db.execute("UPDATE audits SET strengths = 'Good work, as on CR-654321'")
    return str(db.execute("SELECT case_ref FROM audits").fetchone()[0])


def _run(cli, *args: str) -> tuple[int, str, str]:  # noqa: F811
    with time_machine.travel(NOW, tick=False):
        return cli("export", "--as", "U0QALEAD1", *args)


def _chat(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(NOW, tick=False):
        return flat("\n".join(reply.text for reply in engine.message(user, text, surface="terminal")))


def test_no_case_refs_leaves_out_the_reference_and_every_free_text(cli, submitted: str) -> None:  # noqa: F811
    code, out, err = _run(cli, "--no-case-refs")
    assert code == 0 and flat(WITHOUT_REFS) in flat(err), err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and not set(FREE_TEXT) & set(rows[0])
    assert submitted not in out and "CR-654321" not in out and "Good work" not in out
    assert "sibling case [a case reference] too" in out  # a typed answer keeps its words, not the reference
    assert {"grade_of_record", "team_name", "question_text", "open_actions"} <= set(rows[0])


def test_json_without_case_refs_has_no_reference_and_no_free_text(cli, submitted: str) -> None:  # noqa: F811
    code, out, _ = _run(cli, "--format", "json", "--no-case-refs")
    [audit] = json.loads(out)["audits"]
    assert code == 0 and "case_ref" not in audit and "strengths" not in audit and submitted not in out
    assert "CR-654321" not in out and all("evidence" not in answer for answer in audit["answers"])
    assert audit["actions"] and all("description" not in action for action in audit["actions"])


def test_the_default_export_says_it_has_case_refs_and_that_free_text_was_screened(cli, submitted: str  # noqa: F811
                                                                                  ) -> None:
    code, out, err = _run(cli)
    assert code == 0 and submitted in out and "case_ref" in out.splitlines()[0]
    assert flat(WITH_REFS) in flat(err) and flat(SCREENED) in flat(err)


def test_the_chat_sends_the_export_chosen_in_the_command_lines_words(engine: Engine, submitted: str) -> None:
    """fix43b: the chat sends the files; `export without case refs` is the `--no-case-refs` one, said so."""
    with time_machine.travel(NOW, tick=False):
        shared = engine.message("U0QALEAD1", "export without case refs", surface="terminal")
    [audits] = [reply for reply in shared
                if reply.file_name == "audits-all-teams-since-2026-10-01-20261206-1000-no-case-refs.csv"]
    assert audits.file is not None and submitted.encode() not in audits.file and b"case_ref" not in audits.file
    assert flat(WITHOUT_REFS) in flat(audits.text) and "Every row carries the case reference" not in flat(audits.text)
    for typed in ("export", "can i export this for ofsted"):
        with time_machine.travel(NOW, tick=False):
            [audits, *_] = engine.message("U0QALEAD1", typed, surface="terminal")
        said = flat(audits.text)
        assert audits.file_name == "audits-all-teams-since-2026-10-01-20261206-1000.csv"
        assert audits.file and submitted.encode() in audits.file
        assert flat(chosen(False, IN_CHAT)) in said and flat(SCREENED) in said


@pytest.mark.parametrize("typed", ["export", "can i export this for ofsted", "export without case refs"])
def test_a_practitioner_is_told_who_may_export_as_the_command_line_tells_them(cli, engine: Engine,  # noqa: F811
                                                                            typed: str) -> None:
    replies = engine.message("U0PRAN001", typed, surface="terminal")
    assert len(replies) == 1 and replies[0].kind == "error"
    assert WHO_MAY in replies[0].text and "audit-bot export" not in replies[0].text
    code, _, err = cli("export", "--as", "U0PRAN001")
    assert code == 2 and WHO_MAY in err


def test_the_command_lines_help_says_who_may_export_what_it_holds_and_the_screening(
        cli, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    with pytest.raises(SystemExit) as done:
        cli("export", "--help")
    helped = flat(capsys.readouterr().out)
    assert done.value.code == 0 and WHO_MAY in helped and flat(SCREENED) in helped and "--no-case-refs" in helped
    assert "summary sheet" in helped


def test_a_practitioners_other_download_question_still_goes_to_the_knowledge_base(engine: Engine) -> None:
    said = _chat(engine, "U0PRAN001", "where do i download the practice guidance")
    # The knowledge base answers (its export entry may itself say who may export); the export refusal does not.
    assert "Only some roles can have the audits as a file" not in said
    assert "I'm not sure this is what you need" in said or "Did you mean" in said


def test_a_text_questions_answer_is_left_out_and_the_reply_says_so(cli, engine: Engine,  # noqa: F811
                                                                   services: Services) -> None:
    """Trial 59 F3: a text question's answer (a child's family make-up, language and faith) was kept in the file
    "for sharing beyond the service" while the reply said it held no free text."""
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        complete_audit(send, send("type", "/audit start voice-of-the-child"))
    told = "lives with maternal grandmother, Somali speaking, attends the mosque weekly"
    services.storage.db.execute("UPDATE answers SET value = ? WHERE question_id = 'child-reading-record'", [told])
    code, out, err = _run(cli, "--no-case-refs")
    [row] = [row for row in csv.DictReader(io.StringIO(out)) if row["question_id"] == "child-reading-record"]
    assert code == 0 and told not in out and "grandmother" not in out
    assert row["value"] == "[text answer left out]" and row["question_text"].startswith("If the child read")
    assert "answers typed to text questions" in flat(err) and "[text answer left out]" in flat(err)
    code, out, _ = _run(cli, "--format", "json", "--no-case-refs")
    assert code == 0 and told not in out and "[text answer left out]" in out
    code, out, _ = _run(cli)  # within the service the answer is kept, as typed
    assert code == 0 and told in out
