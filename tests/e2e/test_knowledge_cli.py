"""`audit-bot ask` and `audit-bot kb check` from the shell: JSON lines for evaluation, exit codes for checks."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

from sqlite_utils import Database

from bot.cli import build_parser
from bot.cli.runtime import Runtime
from bot.engine.routing import Engine
from bot.settings.config import PROJECT_DIR
from bot.storage.schema import MIGRATIONS, migration_names
from tests.integration.test_learning import pick
from tests.integration.test_unanswered_workflow import ASYE, QA_LEAD, marked_not_helpful, only_group
from tests.support.moved_clock import bot_command, child_clock
from tests.support.text import repeated

FIXTURES = PROJECT_DIR / "tests" / "data" / "kb_fixtures"


def run(argv: list[str], environ: dict[str, str], stdin: str = "",
        stderr: io.StringIO | None = None) -> tuple[int, str]:
    args = build_parser().parse_args(argv)
    out = io.StringIO()
    runtime = Runtime(environ=environ, stdin=io.StringIO(stdin), stdout=out, stderr=stderr or io.StringIO())
    try:
        code = args.func(args, runtime)
    finally:
        runtime.close()
    assert "services" not in runtime.__dict__, "ask and kb check must not open the database for writing"
    return code, out.getvalue()


def test_ask_json_reads_one_question_per_line_and_prints_one_json_line_each(environ: dict[str, str]) -> None:
    code, out = run(["ask", "--json"], environ, stdin="when is the ICPC due?\n\nwhen is payroll paid\n")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["query"] == "when is the ICPC due?"
    assert first["answer"]["id"] == "icpc-timescale"
    assert set(first["answer"]) == {"id", "question", "score"}
    # pay is out of scope: the chat's words come with it, as the chat gives them (trial 49)
    assert second == {"query": "when is payroll paid", "answer": None, "suggestions": [],
                      "out_of_scope": "I can't help with that here: For pay, payslips, expenses and mileage, "
                                      "contact Payroll or see the pay pages on the intranet."}


def test_ask_one_question_as_text(environ: dict[str, str]) -> None:
    code, out = run(["ask", "icpc deadline"], environ)
    assert code == 0
    assert out.startswith("When must an initial child protection conference be held?")
    assert "Source: Working Together to Safeguard Children 2023" in out


def test_ask_with_another_folder(environ: dict[str, str]) -> None:
    code, out = run(["ask", "--kb", str(FIXTURES / "good"), "--json", "icpc deadline"], environ)
    assert code == 0
    assert json.loads(out)["query"] == "icpc deadline"


def test_ask_does_not_answer_from_an_entry_the_bots_start_would_withhold_and_says_so_on_stderr(
        environ: dict[str, str], kb_dir: Path) -> None:
    """A QA lead who hand-edits a file and asks from the shell must not be answered with a child's name the bot's
    start would withhold: `ask` screens the folder as the start does, answers from the rest, and says once, on
    stderr (the JSON lines stay clean), where the text is and to run `kb check`, never the words. The name is
    invented."""
    (kb_dir / "kb" / "zz-office.yaml").write_text(
        "entries:\n"
        "  - id: fire-drill\n    question: When is the fire drill?\n"
        "    answer: Every Monday at ten; the warden is on the second floor.\n"
        "  - id: duty-desk-cover\n    question: Who covers the duty desk at Christmas?\n"
        "    answer: Ask the team manager, as we did for Jayden Smith, who lives with his nan.\n", encoding="utf-8")
    errors = io.StringIO()
    code, out = run(["ask", "--json"], environ, stdin="who covers the duty desk at christmas?\n"
                    "when is the fire drill?\n", stderr=errors)
    assert code == 0
    withheld, served = (json.loads(line) for line in out.splitlines())
    assert withheld["answer"] is None or withheld["answer"]["id"] != "duty-desk-cover"
    assert "duty-desk-cover" not in out and "Jayden" not in out
    assert served["answer"]["id"] == "fire-drill"
    [line] = [line for line in errors.getvalue().splitlines() if "not served" in line]
    assert "1 entry is not served" in line and "kb/zz-office.yaml:7 entry 'duty-desk-cover' answer" in line
    assert "`audit-bot kb check`" in line and "Jayden" not in line and "Smith" not in line
    code, out = run(["ask", "who covers the duty desk at christmas?"], environ)
    assert code == 0 and "lives with his nan" not in out


DAD = "what do i do if dad wont let me in"


def test_ask_answers_a_wording_the_chat_learned_outright_as_the_chat_does(
        environ: dict[str, str], engine: Engine) -> None:
    """Trial 10, finding 4: a practitioner's pick from "Did you mean…" taught the chat these words, which it then
    answered outright, while `ask` still gave only suggestions, misleading a QA lead checking the wording. `ask`
    searches the bot's learned wordings (read from its database beside the running bot) and says how many on stderr,
    never on stdout: the JSON keeps its shape."""
    pick(engine, "U0PRAN001", DAD, "disguised-compliance")
    pick(engine, "U0PRAN002", DAD, "disguised-compliance")  # a second person's pick: trusted, answered for everyone
    assert "Did you mean" not in engine.message("U0PRAS001", DAD)[0].text  # the chat answers it outright
    errors = io.StringIO()
    code, out = run(["ask", "--json"], environ, stdin=DAD + "\n", stderr=errors)
    assert code == 0
    answered = json.loads(out)
    assert set(answered) == {"query", "answer", "suggestions"}
    assert answered["answer"]["id"] == "disguised-compliance" and set(answered["answer"]) == {"id", "question", "score"}
    assert errors.getvalue().splitlines()[-1].startswith("Including 1 learned wording from the bot's database ")
    code, out = run(["ask", DAD], environ)
    assert out.startswith("How do I recognise disguised compliance?")


def test_ask_applies_a_not_helpful_vote_and_a_qa_leads_answer_as_the_chat_does(
        environ: dict[str, str], engine: Engine) -> None:
    """The chat only offers an entry marked Not helpful for these words, and gives the next asker a QA lead's answer
    to them; `ask` went on answering with the entry outright, misleading a QA lead checking the wording there."""
    unhelpful = marked_not_helpful(engine, ASYE)
    code, out = run(["ask", "--json", ASYE], environ)
    offered = json.loads(out)
    assert (code, set(offered), offered["answer"]) == (0, {"query", "answer", "suggestions"}, None)
    assert offered["suggestions"][0]["question"] == unhelpful  # offered first, as the chat offers it
    code, out = run(["ask", ASYE], environ)
    assert out.startswith("Did you mean one of these?") and f"1. {unhelpful}" in out
    answer = "Caseloads are a local policy: newly qualified workers in their ASYE year have a protected caseload."
    engine.command(QA_LEAD, f"kb answer {only_group(engine)} {answer}")
    engine.message(QA_LEAD, "yes")
    code, out = run(["ask", "How many cases should an ASYE have?"], environ)
    assert out.startswith("A QA lead answered this question on ") and answer in out
    code, out = run(["ask", "--json"], environ, stdin=ASYE + "\n")
    assert json.loads(out)["answer"] is None  # the JSON keeps its shape: no entry answers these words


def test_ask_without_the_bots_database_answers_as_before_and_creates_none(
        environ: dict[str, str], tmp_path: Path) -> None:
    """No database yet (a QA lead's own machine): the folder's answer alone, one stderr line saying the chat's
    learned wordings were left out and why, and no database made."""
    errors = io.StringIO()
    code, out = run(["ask", "--json", DAD], environ, stderr=errors)
    assert code == 0
    answered = json.loads(out)
    assert answered["answer"] is None and "disguised-compliance" in [item["id"] for item in answered["suggestions"]]
    [line] = errors.getvalue().splitlines()
    assert line == (f"Answering without the wordings the chat has learned: the database {tmp_path / 'audit.db'} "
                    "does not exist yet (the bot creates it when it starts).")
    assert not (tmp_path / "audit.db").exists()


def test_ask_leaves_a_database_of_an_older_version_as_it_is(environ: dict[str, str], tmp_path: Path) -> None:
    """A database the bot has not yet brought up to date is read by nobody but the bot: `ask` answers without its
    learned wordings, says why, and never migrates it."""
    older = Database(tmp_path / "audit.db")
    MIGRATIONS.apply(older, stop_before=migration_names()[-1])
    before = [row["name"] for row in older.query("SELECT name FROM _sqlite_migrations")]
    older.close()
    errors = io.StringIO()
    code, out = run(["ask", "--json", DAD], environ, stderr=errors)
    assert (code, json.loads(out)["answer"]) == (0, None)
    assert f"is not up to date (missing {migration_names()[-1]})" in errors.getvalue()
    after = Database(tmp_path / "audit.db")
    assert [row["name"] for row in after.query("SELECT name FROM _sqlite_migrations")] == before
    after.close()


def test_kb_check_passes_on_the_shipped_folder_and_fails_with_every_problem(environ: dict[str, str]) -> None:
    code, out = run(["kb", "check"], environ)
    first, second = out.splitlines()[:2]
    assert first.startswith("Checking ") and first.endswith("(the bot's knowledge_dir setting)")  # which copy, first
    assert (code, second.startswith("OK: ")) == (0, True)
    code, out = run(["kb", "check", str(FIXTURES / "many_problems")], environ)
    assert out.startswith(f"Checking {(FIXTURES / 'many_problems').resolve()} (as given)")
    assert code == 1
    assert out.count("\n- ") > 1


def test_kb_check_exit_code_from_the_real_command_line(environ: dict[str, str]) -> None:
    command = bot_command("kb", "check", str(FIXTURES / "syntax_error"))
    result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_DIR,
                            env=child_clock({**environ, "PATH": "/usr/bin:/bin"}), timeout=60)
    assert result.returncode == 1
    assert "kb.yaml:" in result.stdout
    assert "Traceback" not in result.stderr
    good = subprocess.run([*command[:-1], str(Path(FIXTURES / "good"))], capture_output=True, text=True,
                          cwd=PROJECT_DIR, env=child_clock({**environ, "PATH": "/usr/bin:/bin"}), timeout=60)
    assert good.returncode == 0


def test_kb_check_reports_an_entry_holding_an_identifier_with_file_line_and_words(
        environ: dict[str, str], tmp_path: Path) -> None:
    """Issue #12: knowledge-base text is screened too (content mode: structured identifiers and listed names),
    while professional and statutory text such as 'the Southwark judgment' or 'Gillick' passes."""
    import shutil

    folder = tmp_path / "kb"
    shutil.copytree(FIXTURES / "good", folder)
    file = folder / "kb" / "timescales.yaml"
    text = file.read_text(encoding="utf-8")
    text = text.replace("alternatives: [how long after the strategy discussion is the ICPC]",
                        "alternatives: [how long after the strategy discussion is the ICPC, NHS 943 476 5919]")
    text = text.replace("when harm is suspected.", "when harm is suspected (Southwark judgment; Gillick). "
                        "Call the family on 07700 900123.")
    file.write_text(text, encoding="utf-8")
    code, out = run(["kb", "check", str(folder)], environ)
    assert code == 1
    assert "timescales.yaml:4" in out and "“9… 4… 5…” looks like an NHS number" in out  # the alternative's line
    assert "“0… 9…” looks like a phone number" in out and "Southwark" not in out


def test_kb_check_of_a_folder_given_by_path_finds_a_childs_full_name_as_the_bot_would(
        environ: dict[str, str], tmp_path: Path) -> None:
    """Eighth user trial: `kb check DIR` said OK to a child's full name in an answer that the bot's own form refused.
    The names file counts for a folder given by path too ('Jayden' is in it), and the installed lists find a full
    name it does not hold ('Kayden'), beside the address and postcode. The names are invented."""
    import shutil

    folder = tmp_path / "kb"
    shutil.copytree(FIXTURES / "good", folder)
    file = folder / "kb" / "timescales.yaml"
    text = file.read_text(encoding="utf-8")
    assert "when harm is suspected." in text
    file.write_text(text.replace("when harm is suspected.", "when harm is suspected, e.g. for Jayden Smith, who lives "
                                 "with nan, or Kayden Smith at 14 Elm Road, LS11 5AB."), encoding="utf-8")
    code, out = run(["kb", "check", str(folder)], environ)
    assert code == 1
    [line] = [line for line in out.splitlines() if "entry 'strategy-discussion' answer" in line]
    assert repeated("Jayden Smith Kayden Elm Road LS11 5AB", out) == []  # shown masked, even to the QA lead
    assert line.startswith("- kb/timescales.yaml:14: entry 'strategy-discussion' answer: ")
    for found in ("“J… S…” and “K… S…” look like a child's or family member's name",
                  "“1… E… R…” looks like an address", "“L… 5…” looks like a postcode"):
        assert found in line


def test_ask_searches_a_question_without_its_case_reference_as_the_chat_does(environ: dict[str, str]) -> None:
    """A QA lead checking from the shell what the chat would say to "when is the ICPC due for CR-445512" gets the
    chat's answer: the reference names the case, not the practice, and is left out of the search."""
    code, out = run(["ask", "--json"], environ, stdin="when is the ICPC due for CR-445512\nCR-445512 icpc deadline\n")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["query"] == "when is the ICPC due for CR-445512"
    assert first["answer"]["id"] == second["answer"]["id"] == "icpc-timescale"
    code, text = run(["ask", "CR-445512: what does ICPC stand for?"], environ)
    assert code == 0 and text.startswith("ICPC stands for")


def test_ask_as_a_person_answers_with_their_own_pick_as_the_chat_does(environ: dict[str, str],
                                                                     engine: Engine) -> None:
    """fix43b: `ask` had no asker, so it searched the trusted learned wordings only, and a QA lead could not see what
    one person gets: their own pick from "Did you mean…" answers them outright in the chat (bot.asking.pick_trust).
    `--as` answers as the chat answers them; a colleague gets the pick first among the suggestions; without it,
    nothing changes, and the JSON keeps its shape either way."""
    pick(engine, "U0PRAN001", DAD, "disguised-compliance")  # one person's pick: theirs alone
    assert "Did you mean" not in engine.message("U0PRAN001", DAD)[0].text
    offered = engine.message("U0PRAS001", DAD)[0]
    assert "Did you mean" in offered.text and offered.choices[0].value.startswith("disguised-compliance:")

    errors = io.StringIO()
    code, out = run(["ask", "--json", "--as", "U0PRAN001", DAD], environ, stderr=errors)
    theirs = json.loads(out)
    assert code == 0 and set(theirs) == {"query", "answer", "suggestions"}
    assert theirs["answer"]["id"] == "disguised-compliance" and set(theirs["answer"]) == {"id", "question", "score"}
    assert ("Answering as the chat answers Social worker N1 (U0PRAN001): 1 wording they picked from “Did you mean…” "
            "answers them outright") in errors.getvalue()
    code, out = run(["ask", "--as", "U0PRAN001", DAD], environ)
    assert out.startswith("How do I recognise disguised compliance?")

    code, out = run(["ask", "--json", "--as", "U0PRAS001", DAD], environ)
    colleague = json.loads(out)
    assert colleague["answer"] is None and colleague["suggestions"][0]["id"] == "disguised-compliance"
    code, out = run(["ask", "--json", DAD], environ)
    assert json.loads(out)["answer"] is None  # without --as, as before: the trusted wordings only


def test_ask_as_someone_not_in_teams_yaml_is_one_clear_error(environ: dict[str, str], monkeypatch,
                                                            capsys) -> None:
    from bot.__main__ import main

    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    code = main(["ask", "--as", "U0NOBODY1", "icpc deadline"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("--as: U0NOBODY1 is not in teams.yaml") and "leave out --as" in line


def test_ask_with_an_empty_question_says_to_type_one_rather_than_that_the_answer_is_unknown(
        environ: dict[str, str], monkeypatch, capsys) -> None:
    """fix77d crash sweep: `audit-bot ask ""` said "I don't know that yet. Ask your QA lead…" and exited 0."""
    from bot.__main__ import main

    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    for blank in ("", "   "):
        code = main(["ask", blank])
        captured = capsys.readouterr()
        assert code == 2 and captured.out == ""
        [line] = captured.err.splitlines()
        assert line.startswith("There is no question to answer") and 'audit-bot ask "when is the icpc due"' in line
