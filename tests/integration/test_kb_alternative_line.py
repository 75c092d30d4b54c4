"""An alternative wording that names a family is reported at its own line (eleventh user trial, F20): `kb check` and
`/audit kb reload` gave the line the entry starts on, so a QA lead with an entry of twenty alternatives had to look
through all of them for the one at fault. The names below are deliberately fake test inputs for the privacy screen."""

from __future__ import annotations

from pathlib import Path

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.privacy.screen import Screen
from bot.settings.config import Settings
from tests.integration.test_kb_screen_every_entry import append, bullets, problem_lines, settings  # noqa: F401
from tests.support.cli import run_cli

QA_LEAD = "U0QALEAD1"
ENTRY = ("\n  - id: next-review-date\n"
         "    question: When is the next review of a plan?\n"
         "    alternatives:\n"
         "      - when is the next plan review\n"
         "      - how soon is the next review\n"
         "      - when is the next review for the tyler family\n"
         "      - next review date\n"
         "    answer: Within the timescales the plan sets.\n")
ALTERNATIVE_LINE = 5  # the third alternative, counted from the line the entry starts on (its `- id:`)


def test_kb_check_and_a_reload_point_at_the_alternative_that_names_a_family(environ: dict[str, str], kb_dir: Path,
                                                                            settings: Settings,  # noqa: F811
                                                                            identifier_screen: Screen) -> None:
    services = build_services(settings, screen=identifier_screen)
    try:
        start = append(kb_dir, ENTRY)  # edited by hand while the bot runs
        where = f"kb/auditing-here.yaml:{start + ALTERNATIVE_LINE}"
        lines = (kb_dir / "kb" / "auditing-here.yaml").read_text(encoding="utf-8").splitlines()
        assert "tyler family" in lines[start + ALTERNATIVE_LINE - 1]  # the line named holds the wording
        checked = run_cli(environ, "kb", "check")
        assert checked.code == 1
        [problem] = problem_lines(checked.out)
        assert problem.startswith(f"{where}: entry 'next-review-date' alternative: “t…” looks like a child's or "
                                  "family member's name")
        [reloaded] = build_engine(services).command(QA_LEAD, "kb reload")
        assert bullets(reloaded.text) == [problem]
    finally:
        services.storage.close()


def test_a_start_withholds_the_entry_naming_the_alternatives_line(kb_dir: Path, settings: Settings,  # noqa: F811
                                                                   identifier_screen: Screen) -> None:
    build_services(settings, screen=identifier_screen).storage.close()  # a clean start keeps the last good copy
    start = append(kb_dir, ENTRY)
    services = build_services(settings, screen=identifier_screen)
    try:
        told = "\n".join(section.text for section in home_sections(build_engine(services), services, QA_LEAD))
        assert f"kb/auditing-here.yaml:{start + ALTERNATIVE_LINE}" in told and "tyler" not in told
    finally:
        services.storage.close()
