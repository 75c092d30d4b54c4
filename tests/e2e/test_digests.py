"""Weekly digests: the figures a manager reads, who may ask for them, the CLI, and delivery through Slack."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.cli import build_parser
from bot.cli.runtime import Runtime
from bot.core.services import Services
from bot.digests.digest import build_team_digests
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.integration.test_wording import submitted_audit
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
WEEK_47 = date(2026, 11, 16)
CASE_REF = re.compile(r"\bCR-\d+", re.IGNORECASE)


def seed(services: Services) -> AuditRows:
    """Week 47: North completes three audits (one by a QA lead); earlier weeks were weaker."""
    rows = AuditRows(services)
    for day, grade, flagged in ((16, "good", ("plan-smart",)), (17, "outstanding", ("plan-smart", "child-seen")),
                                (18, "requires_improvement", ("plan-smart",))):
        rows.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), grade=grade, flagged=flagged)
    rows.audit(auditor="U0QALEAD1", submitted=datetime(2026, 11, 19, 11, tzinfo=UTC), grade="good",
               flagged=("chronology",))
    for day in (20, 27):
        rows.audit(submitted=datetime(2026, 10, day, 11, tzinfo=UTC), grade="inadequate", flagged=("chronology",))
    audit = rows.audit(auditor="U0MGRS001", team="south-cin-cp", worker="U0PRAS001",
                       submitted=datetime(2026, 11, 2, 11, tzinfo=UTC), grade="good")
    rows.action(1, "U0PRAN001", date(2026, 11, 10))
    rows.action(1, "U0PRAN001", date(2026, 11, 12), done=True)
    rows.moderation(1, "U0QALEAD1", datetime(2026, 11, 17, tzinfo=UTC), datetime(2026, 11, 18, tzinfo=UTC), True)
    rows.moderation(2, "U0QALEAD1", datetime(2026, 11, 17, tzinfo=UTC), datetime(2026, 11, 18, tzinfo=UTC), False)
    assert audit
    return rows


def test_team_digest_counts_grades_weak_questions_actions_and_moderation(services: Services) -> None:
    seed(services)
    [north] = build_team_digests(services, WEEK_47, ["north-assessment"])
    by_label = {a.label: (a.week, a.month, a.target) for a in north.auditors}
    assert by_label["Team manager (North)"] == (3, 3, 2)
    assert by_label["QA lead (practice)"] == (1, 1, 0)
    assert north.grades_week == {"good": 2, "outstanding": 1, "requires_improvement": 1}
    assert north.grades_previous == {"inadequate": 2}
    assert [(q.question_id, q.audits) for q in north.weak_questions] == [
        ("plan-smart", 3), ("chronology", 2)]  # 'child-seen', in one audit only, is no theme
    assert north.weak_questions[0].guidance.startswith("Good looks like a plan")
    assert north.overdue_actions == 1
    assert (north.moderation_agreed, north.moderation_decided) == (1, 2)
    assert [week for _, week in north.trend][-1] == north.grades_week


def test_digest_command_respects_roles(services: Services, engine: Engine) -> None:
    seed(services)
    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=LONDON), tick=False):
        manager = engine.command("U0MGRN001", "digest")
        other_team = engine.command("U0MGRN001", "digest south-cin-cp")
        practitioner = engine.command("U0PRAN001", "digest")
        qa = engine.command("U0QALEAD1", "digest")
    assert manager[0].title.startswith("North Assessment Team: week 47")
    assert manager[1].image is not None and manager[1].image.startswith(b"\x89PNG")
    assert other_team[0].kind == "error" and "your own teams only: `north-assessment`" in other_team[0].text
    assert practitioner[0].kind == "error" and "team managers, QA leads and admins" in practitioner[0].text
    assert "South Child in Need and Protection" in qa[0].text


def test_cli_prints_text_and_json_and_writes_the_chart(services: Services, environ: dict[str, str],
                                                       tmp_path: Path) -> None:
    seed(services)
    chart = tmp_path / "north.png"

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        runtime = Runtime(environ=environ, stdout=out, stderr=err)
        args = build_parser().parse_args(list(argv))
        try:
            return args.func(args, runtime), out.getvalue(), err.getvalue()
        finally:
            runtime.close()

    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=LONDON), tick=False):  # November still running
        code, text, _ = run("digest", "--week", "2026-W47", "--team", "north-assessment", "--chart", str(chart))
    assert code == 0
    assert "Audits completed: 3 in week 47" in text and "by others (1 in week 47)" in text  # the QA lead's apart
    assert "in November (to 22 November). Target" in text  # the week's month, said as such
    assert "What good looks like" in text
    assert chart.read_bytes().startswith(b"\x89PNG")
    code, text, _ = run("digest", "--week", "2026-W47", "--format", "json")
    payload = json.loads(text)
    assert [t["team_id"] for t in payload["teams"]] == ["north-assessment", "south-cin-cp", "children-in-care"]
    assert CASE_REF.search(text) is None
    code, _, err = run("digest", "--week", "last week")
    assert code == 2 and "ISO week like 2026-W47" in err


def test_demo_data_fills_a_database_that_digests_and_the_home_tab_can_show(services: Services,
                                                                          environ: dict[str, str],
                                                                          engine: Engine) -> None:
    err = io.StringIO()
    runtime = Runtime(environ=environ, stdout=io.StringIO(), stderr=err)
    args = build_parser().parse_args(["demo-data", "--weeks", "6", "--seed", "3"])
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=LONDON), tick=False):
        try:
            assert args.func(args, runtime) == 0
        finally:
            runtime.close()
        digests = build_team_digests(services, WEEK_47)
        sections = home_sections(engine, services, "U0MGRN001")
        qa_sections = home_sections(engine, services, "U0QALEAD1")
    assert "week 6/6" in err.getvalue()
    assert sum(d.completed_week for d in digests) > 0
    titles = [s.title for s in sections]
    assert titles[:3] == ["audit-bot", "Demo data", "Your audits"] and "North Assessment Team" in titles[3:5]
    assert "This month" in sections[2].text
    assert [s.title for s in qa_sections].count("Knowledge base") == 1
    assert "past their review date" in qa_sections[-1].text
    names = services.storage.db.execute("SELECT DISTINCT case_ref FROM audits").fetchall()
    assert all(re.fullmatch(r"CR-\d{6}", n[0]) for n in names)


def test_scheduled_digest_reaches_managers_channel_and_admin_through_slack(running_bot: RunningBot, standin) -> None:
    from handlers.delivery import SlackDelivery

    services = running_bot.services
    seed(services)
    delivery = SlackDelivery(running_bot.app.client)
    sender = PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01)
    runner = JobRunner(services, sender, holder="process-a")
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=LONDON), tick=False):
        sent = runner.fire("weekly_digest")
        again = runner.fire("weekly_digest")
    assert (sent, again) == (5, 0)  # three managers, the North channel, the head of service
    completes = standin.wait_for("files.completeUploadExternal", count=5)
    assert len(standin.calls_to("files.getUploadURLExternal")) == 5
    assert len(standin.calls_to("upload")) == 5
    assert {c.params.get("channel_id") for c in completes} == {"DU0MGRN001", "DU0MGRS001", "DU0MGRC001",
                                                               "C0NORTH01", "DU0ADMIN01"}
    channel_posts = standin.messages_to("C0NORTH01")
    assert channel_posts and "North Assessment Team" in json.dumps(channel_posts[0].params["blocks"])
    everything_in_channel = json.dumps([c.params for c in standin.calls if c.params.get("channel") == "C0NORTH01"
                                        or c.params.get("channel_id") == "C0NORTH01"])
    assert CASE_REF.search(everything_in_channel) is None
    assert any("What good looks like" in json.dumps(c.params.get("blocks")) for c in channel_posts)


def test_demo_data_refuses_real_data_unless_asked_marks_what_it_invents_and_removes_it(
        services: Services, environ: dict[str, str], engine: Engine) -> None:
    from bot.storage.maintenance import trail_rows
    from tests.support.cli import run_cli

    rows = AuditRows(services)
    real = rows.audit(submitted=datetime(2026, 11, 17, 11, tzinfo=UTC), grade="good")
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=LONDON), tick=False):
        refused = run_cli(environ, "demo-data", "--weeks", "3")
        assert refused.code == 2 and "holds 1 real audit, so" in refused.err and "--into-real-data" in refused.err
        assert services.storage.db.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 1

        added = run_cli(environ, "demo-data", "--weeks", "3", "--into-real-data")
        assert added.code == 0, added.err
        demo = services.storage.db.execute("SELECT COUNT(*) FROM audits WHERE demo = 1").fetchone()[0]
        assert demo > 0
        assert services.storage.db.execute("SELECT demo FROM audits WHERE id = ?", [real]).fetchone()[0] == 0

        exported = json.loads(run_cli(environ, "export", "--format", "json").out)["audits"]
        assert {a["audit_id"]: a["demo"] for a in exported}[real] is False
        assert sum(a["demo"] for a in exported) == sum(1 for a in exported if a["audit_id"] != real) > 0
        csv_out = run_cli(environ, "export", "--format", "csv").out
        assert "demo" in csv_out.splitlines()[0].split(",")

        [north] = build_team_digests(services, WEEK_47, ["north-assessment"])
        assert 0 < north.demo_week < north.cases_week
        text = run_cli(environ, "digest", "--week", "2026-W47", "--team", "north-assessment").out
        verb = "is" if north.demo_week == 1 else "are"
        assert f"{north.demo_week} of these {north.cases_week} audits of its cases {verb} invented demo data" in text
        home = {s.title: s for s in home_sections(engine, services, "U0MGRN001")}
        assert f"holds {demo} invented demo audits" in home["Demo data"].text
        assert dict(home["North Assessment Team"].fields)["Demo audits last week"].startswith(
            f"{north.demo_week} of ")

        removed = run_cli(environ, "demo-data", "--remove")
        assert removed.code == 0 and f"Removed {demo} invented audits" in removed.err
        assert [r[0] for r in services.storage.db.execute("SELECT id FROM audits").fetchall()] == [real]
        assert "Demo data" not in [s.title for s in home_sections(engine, services, "U0MGRN001")]
        trail = [(r.action, r.detail) for r in trail_rows(services.storage) if r.action.startswith("demo_data")]
    assert [action for action, _ in trail] == ["demo_data.refused", "demo_data.add", "demo_data.remove"]
    assert trail[1][1]["audits"] == demo and trail[1][1]["into_real_data"] is True
    assert trail[2][1]["audits"] == demo


def test_demo_data_into_an_empty_database_needs_no_flag(services: Services, environ: dict[str, str]) -> None:
    from tests.support.cli import run_cli

    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=LONDON), tick=False):
        assert run_cli(environ, "demo-data", "--weeks", "2").code == 0
        again = run_cli(environ, "demo-data", "--weeks", "2", "--seed", "4")  # demo audits are not real ones
    assert again.code == 0, again.err
    assert services.storage.db.execute("SELECT COUNT(*) FROM audits WHERE demo = 0").fetchone()[0] == 0


class _Screen(io.StringIO):
    """One of the two streams `audit-bot digest … 2>&1` shows on one screen: stdout is buffered until it is
    flushed (as Python buffers a pipe or file), stderr goes straight to the screen."""

    def __init__(self, screen: list[str], buffered: bool) -> None:
        super().__init__()
        self.screen, self.buffered, self.pending = screen, buffered, []

    def write(self, text: str) -> int:
        (self.pending if self.buffered else self.screen).append(text)
        return len(text)

    def flush(self) -> None:
        self.screen += self.pending
        self.pending.clear()


def test_a_chart_path_that_cannot_be_written_is_one_line_and_the_note_comes_after_the_digest(
        services: Services, environ: dict[str, str], tmp_path: Path) -> None:
    """A user trial got a FileNotFoundError traceback for `--chart /nonexistent/dir/x.png`, and with a good path
    "Chart written to …" ran into the digest's last line."""
    seed(services)

    def run(*argv: str) -> tuple[int, str]:
        screen: list[str] = []
        out = _Screen(screen, buffered=True)
        runtime = Runtime(environ=environ, stdout=out, stderr=_Screen(screen, buffered=False))
        args = build_parser().parse_args(["digest", "--week", "2026-W47", *argv])
        try:
            code = args.func(args, runtime)
        finally:
            runtime.close()
        out.flush()  # as at exit
        return code, "".join(screen)

    missing = tmp_path / "nonexistent" / "x.png"
    code, shown = run("--chart", str(missing))
    assert code == 2 and shown == (f"--chart: cannot write {missing} (No such file or directory); check the folder "
                                   "exists and you may write there. Nothing was printed.\n")
    chart = tmp_path / "all.png"
    code, shown = run("--format", "text", "--chart", str(chart))
    assert code == 0 and "Audits completed" in shown
    assert shown.endswith(f"digest.)\nChart written to {chart}\n"), shown[-200:]
    assert chart.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(("done", "said"), [(0, "0 audits completed, against your target of 2 (2 to go)"),
                                            (3, "3 audits completed, against your target of 2 (met)")])
def test_home_says_the_month_against_the_target_in_words(engine: Engine, services: Services, done: int,
                                                         said: str) -> None:
    """Trial 23: "This month: 3 audits completed of your 2"."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=UTC), tick=False):
        for _ in range(done):
            submitted_audit(engine, services, "U0MGRN001")
        sections = home_sections(engine, services, "U0MGRN001")
    assert any(said in " ".join(section.text.replace("**", "").split()) for section in sections)
