"""One bad hand edit must not take the service down: a restart on a folder with problems starts on the last
version that loaded cleanly (loudly: log, QA leads' Home tab, every `/audit kb` reply), `audit-bot health`
reports the folder's problems in `kb check`'s words, and `kb check` reports a question repeated word for word
and identifiers alongside structural problems in one run."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.settings.config import PROJECT_DIR, Settings, load_settings
from knowledge import last_good
from tests.support.cli import run_cli
from tests.support.moved_clock import bot_command, child_clock

QA_LEAD, PRACTITIONER = "U0QALEAD1", "U0PRAN001"
DUPLICATE = ("\n  - id: referral-decision-timescale\n    question: When is the fire drill?\n"
             "    answer: On Mondays.\n")


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def break_timescales(kb_dir: Path) -> int:
    """Append an entry reusing an id (a hand edit gone wrong); the line it starts on."""
    path = kb_dir / "kb" / "timescales.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + DUPLICATE, encoding="utf-8")
    return text.count("\n") + 2


def test_a_restart_on_a_broken_folder_starts_on_the_last_good_version_and_says_so(
        settings: Settings, kb_dir: Path, identifier_screen, caplog: pytest.LogCaptureFixture) -> None:
    first = build_services(settings, screen=identifier_screen)  # a clean start keeps the last good copy
    first.storage.close()
    assert (last_good.location(settings.cache_dir, kb_dir) / "kb" / "timescales.yaml").is_file()
    line = break_timescales(kb_dir)
    where = f"kb/timescales.yaml:{line}"

    with caplog.at_level(logging.ERROR, logger="audit_bot"):
        services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        logged = "\n".join(record.getMessage() for record in caplog.records)
        assert "starting on the last version that loaded cleanly" in logged
        assert f"{where}: entry id 'referral-decision-timescale' is used twice" in logged
        # it answers from the last good version
        assert "referral-decision-timescale" in services.knowledge.current.kb.entries
        assert "On Mondays." not in str(engine.message(PRACTITIONER, "when is the fire drill?"))
        # QA leads and admins see it first on Home and with every /audit kb reply; practitioners do not
        [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
        assert notice.title == "The knowledge base did not load at start" and notice.kind == "error"
        assert f"`{where}` — entry id 'referral-decision-timescale' is used twice" in notice.text
        assert "/audit kb reload" in notice.text
        assert not any("did not load" in (s.title or "") for s in home_sections(engine, services, PRACTITIONER))
        replies = engine.command(QA_LEAD, "kb stale")
        assert replies[0].title == "The knowledge base did not load at start"
        # a reload that still fails keeps the warning; once fixed, it goes
        assert engine.command(QA_LEAD, "kb reload")[0].title == "The knowledge base did not load at start"
        path = kb_dir / "kb" / "timescales.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(DUPLICATE, ""), encoding="utf-8")
        # fixed, not yet reloaded: the notice says what was found at start, the check what is there now (trial 20:
        # "The knowledge base has 1 problem" right above "The knowledge folder has no problems")
        [still, checked] = engine.command(QA_LEAD, "kb check")
        assert still.text.startswith("At start, the knowledge folder had 1 problem:")
        assert checked.text == "The knowledge folder has no problems now: `/audit kb reload` will load it."
        [reloaded] = engine.command(QA_LEAD, "kb reload")
        assert reloaded.title == "Knowledge base reloaded"
        assert services.knowledge.last_good_start is None
        assert not any("did not load" in (s.title or "") for s in home_sections(engine, services, QA_LEAD))
    finally:
        services.storage.close()


def test_chat_starts_on_the_last_good_version_and_without_one_says_exactly_what_to_do(
        environ: dict[str, str], settings: Settings, kb_dir: Path) -> None:
    def chat(env: dict[str, str]) -> subprocess.CompletedProcess:
        return subprocess.run(bot_command("chat"), input="help\n", capture_output=True, text=True,
                              cwd=PROJECT_DIR, env=child_clock({**env, "PATH": "/usr/bin:/bin"}), timeout=60)

    assert chat(environ).returncode == 0  # clean: the last good copy is kept
    line = break_timescales(kb_dir)
    started = chat(environ)
    assert started.returncode == 0, started.stderr
    logged = (Path(environ["AUDITBOT_DB"]).parent / "audit-bot-chat.log").read_text(encoding="utf-8")  # off screen
    assert f"kb/timescales.yaml:{line}: entry id 'referral-decision-timescale' is used twice" in logged
    assert "starting on the last version that loaded cleanly" in logged
    assert "/audit kb reload" in logged and "Traceback" not in logged + started.stderr

    fresh = chat({**environ, "AUDITBOT_DB": str(Path(environ["AUDITBOT_DB"]).parent / "other" / "fresh.db")})
    assert fresh.returncode == 4
    assert fresh.stderr.startswith("Knowledge base problems:\n- kb/timescales.yaml:")
    assert "no version of the knowledge base that loaded cleanly" in fresh.stderr
    assert "`audit-bot kb check`" in fresh.stderr


def test_health_reports_knowledge_base_problems_as_kb_check_does(environ: dict[str, str], settings: Settings,
                                                                 kb_dir: Path) -> None:
    from bot.storage import Storage

    storage = Storage(settings.database)
    storage.migrate()
    storage.close()
    assert run_cli(environ, "health").code == 0
    line = break_timescales(kb_dir)
    health = run_cli(environ, "health")
    check = run_cli(environ, "kb", "check")
    assert health.code == 1 and check.code == 1
    assert health.err.startswith("unhealthy: the knowledge folder")
    problem = f"- kb/timescales.yaml:{line}: entry id 'referral-decision-timescale' is used twice"
    assert any(ln.startswith(problem) for ln in health.err.splitlines())
    assert [ln for ln in health.err.splitlines() if ln.startswith("- ")] == \
        [ln for ln in check.out.splitlines() if ln.startswith("- ")]


def test_kb_check_reports_a_question_repeated_word_for_word_with_both_files_and_lines(
        environ: dict[str, str], kb_dir: Path) -> None:
    lado = kb_dir / "kb" / "good-practice.yaml"
    text = lado.read_text(encoding="utf-8")
    first_line = text.splitlines().index("    question: When should I contact the LADO?")  # 0-based: the id line
    lado_id = text.splitlines()[first_line - 1].split("id:")[1].strip()
    extra = kb_dir / "kb" / "zz-office.yaml"
    extra.write_text("entries:\n  - id: lado-how-quickly\n    question: when should I contact the LADO\n"
                     "    answer: Within one working day.\n"
                     "  - id: lado-who\n    question: Who is the LADO?\n"
                     "    alternatives: [When should I contact the LADO?]\n    answer: The designated officer.\n",
                     encoding="utf-8")
    checked = run_cli(environ, "kb", "check")
    code, out = checked.code, checked.out
    assert code == 1
    assert (f"- kb/zz-office.yaml:2: entry 'lado-how-quickly' question \"when should I contact the LADO\" "
            f"repeats the question of entry '{lado_id}' (kb/good-practice.yaml:{first_line}) word for word; "
            "reword one of them, or merge the two entries.") in out.splitlines()
    assert (f"- kb/zz-office.yaml:5: entry 'lado-who' alternative \"When should I contact the LADO?\" repeats the "
            f"question of entry '{lado_id}' (kb/good-practice.yaml:{first_line}) word for word; "
            "reword one of them, or merge the two entries.") in out.splitlines()


OFFICE = ("entries:\n  - id: fire-drill\n    question: When is the fire drill?\n"
          "    answer: Ring the family on 07700 900123.\n"
          "  - id: first-aid\n    question: Who is the first aider?\n    answr: The duty manager.\n")


def test_kb_check_reports_identifiers_and_structural_problems_in_one_run(environ: dict[str, str],
                                                                          kb_dir: Path) -> None:
    (kb_dir / "kb" / "zz-office.yaml").write_text(OFFICE, encoding="utf-8")
    checked = run_cli(environ, "kb", "check")
    code, out = checked.code, checked.out
    assert code == 1
    assert "kb/zz-office.yaml:7: entry 'first-aid' has an unknown field `answr`" in out
    assert "kb/zz-office.yaml:4: entry 'fire-drill' answer: “0… 9…” looks like a phone number" in out


def test_kb_check_in_slack_reports_both_kinds_too(engine, kb_dir: Path) -> None:
    (kb_dir / "kb" / "zz-office.yaml").write_text(OFFICE, encoding="utf-8")
    [reply] = engine.command(QA_LEAD, "kb check")
    assert reply.kind == "error"
    assert "`kb/zz-office.yaml:7` — entry 'first-aid' has an unknown field `answr`" in reply.text
    assert "`kb/zz-office.yaml:4` — entry 'fire-drill' answer: “0… 9…” looks like a phone number" in reply.text
