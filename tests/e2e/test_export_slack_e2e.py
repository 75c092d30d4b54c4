"""fix43b: `/audit export` was no command: leaders asking for the audits as a file were told the `audit-bot export`
command to hand to whoever runs the bot. Now `/audit export` (and the words that asked for it) sends the export to the
person's DM as two files, the audits and the summary sheet, the same content as `audit-bot export --as <them>`, after
Slack has its answer; `without case refs` gives the `--no-case-refs` file; a practitioner is told who may export; the
export is in the trail as the command line's is. Signed requests into the real Bolt app over HTTP; the files are read
back from the Web API stand-in. Shipped people: North's manager audits a North worker's case."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from bot.__main__ import main
from bot.core.export_terms import REFUSED, WHO_MAY
from bot.core.periods import read_period
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.conftest import RunningBot
from tests.integration.test_wording import submitted_audit
from tests.support.export_names import export_stem
from tests.support.slack_standin import dm_channel_for
from tests.support.text import flat

QA, NORTH, SOUTH, PRACTITIONER = "U0QALEAD1", "U0MGRN001", "U0MGRS001", "U0PRAN001"
ACK_SECONDS = 3.0  # Slack's limit
CHANNEL = "C0CHAN001"


@pytest.fixture(autouse=True)
def files_in_slack(services: Services) -> None:
    """These tests are of a council that has turned `export_files_in_slack` on (the shipped default, off, is
    test_export_setting_slack_e2e.py's)."""
    services.settings = replace(services.settings, export_files_in_slack=True)


@pytest.fixture
def case_ref(engine: Engine, services: Services) -> str:
    """One audit of a North case, submitted by North's manager a few seconds ago (its actions open before the
    export's moment: the digest counts an action open from the second after it was made); its case reference."""
    with time_machine.travel(datetime.now(UTC) - timedelta(seconds=5), tick=False):
        submitted_audit(engine, services, NORTH)
    return str(services.storage.db.execute("SELECT case_ref FROM audits").fetchone()[0])


@pytest.fixture
def cli_export(environ: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
               ) -> Callable[..., dict[str, bytes]]:
    """`audit-bot export --as USER --format csv --since <this quarter's start> --output …` as the server's operator
    types it: the files it writes, by name."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AUDITBOT_OPERATOR", raising=False)

    def run(user: str, since: str, *extra: str) -> dict[str, bytes]:
        folder = tmp_path / f"cli-{user}-{len(extra)}"
        folder.mkdir()
        assert main(["export", "--as", user, "--format", "csv", "--since", since, *extra,
                     "--output", str(folder / "audits.csv")]) == 0
        return {path.name: path.read_bytes() for path in folder.iterdir()}
    return run


def _quarter_start(services: Services) -> str:
    quarter = read_period("this quarter", services.local_now().date())
    assert quarter is not None
    return quarter.start.isoformat()


def _dm_texts(standin, user: str) -> list[str]:
    return [flat(call.text, "*`") for call in standin.messages_to(user)]


def _trail(services: Services) -> list[tuple[str, dict]]:
    return [(row["actor"], json.loads(row["detail"])) for row in
            services.storage.db.query("SELECT actor, detail FROM trail WHERE action = 'export' ORDER BY id")]


def test_a_qa_lead_gets_the_audits_and_the_summary_sheet_in_their_dm_after_slack_has_its_answer(
        running_bot: RunningBot, standin, services: Services, case_ref: str, cli_export) -> None:
    held = standin.hold("files.getUploadURLExternal")
    response = running_bot.slack.command(QA, "export")
    assert response.status == 200 and response.elapsed < ACK_SECONDS
    assert not standin.calls_to("files.completeUploadExternal")  # the export is made after the ack
    held.released.set()
    completed = standin.wait_for("files.completeUploadExternal", count=2)

    since = _quarter_start(services)
    assert {call.params["channel_id"] for call in completed} == {dm_channel_for(QA)}  # the DM, nowhere else
    sent = standin.uploaded_files()
    stem = export_stem(sent, "all-teams", since)  # trial 46: whose, from when and the minute, so none replaces another
    assert set(sent) == {f"{stem}.csv", f"{stem}-summary.csv"}
    written = cli_export(QA, since)  # the server's command line, for the same person and day
    assert sent[f"{stem}.csv"] == written["audits.csv"]
    assert sent[f"{stem}-summary.csv"] == written["audits-summary.csv"]
    row = next(csv.DictReader(io.StringIO(sent[f"{stem}.csv"].decode("utf-8"))))
    assert row["case_ref"] == case_ref
    comments = " ".join(flat(str(call.params.get("initial_comment", "")), "*`") for call in completed)
    assert "Your export: every team's audits submitted since the start of Q" in comments
    assert "The export is recorded in the audit trail" in comments
    [(actor, detail), _cli] = _trail(services)
    assert actor == QA and detail["case_refs"] is True and detail["audits"] == 1 and detail["since"] == since
    assert "sent to their Slack direct message" in detail["file"]


def test_without_case_refs_sends_the_file_to_share_beyond_the_service(
        bot: RunningBot, standin, services: Services, case_ref: str, cli_export) -> None:
    assert bot.slack.command(QA, "export without case refs").status == 200
    since = _quarter_start(services)
    sent = standin.uploaded_files()
    shared = sent[f"{export_stem(sent, 'all-teams', since, '-no-case-refs')}.csv"]
    assert shared == cli_export(QA, since, "--no-case-refs")["audits.csv"]
    assert b"case_ref" not in shared.splitlines()[0] and case_ref.encode() not in shared
    assert _trail(services)[0][1]["case_refs"] is False


def test_a_manager_asking_in_words_gets_their_own_teams_and_the_summaries(
        bot: RunningBot, standin, services: Services, case_ref: str) -> None:
    assert bot.slack.message_im(NORTH, "can i export this for ofsted").status == 200
    since = _quarter_start(services)
    sent = standin.uploaded_files()
    rows = list(csv.DictReader(io.StringIO(sent[f"{export_stem(sent, 'north-assessment', since)}.csv"].decode())))
    assert rows and {row["team_id"] for row in rows} == {"north-assessment"}
    said = " ".join(_dm_texts(standin, NORTH))
    assert "digest this quarter" in said and "audit-bot export --as" not in said
    assert _trail(services)[0][1]["team"] == ["north-assessment"]


def test_a_manager_of_other_teams_gets_no_file_of_north(bot: RunningBot, standin, services: Services,
                                                        case_ref: str) -> None:
    assert bot.slack.command(SOUTH, "export").status == 200
    assert not standin.calls_to("files.getUploadURLExternal")
    assert any("No audit of your teams was submitted since" in text for text in _dm_texts(standin, SOUTH))


@pytest.mark.parametrize(("kind", "text"), [("command", "export"), ("message", "can i export the audits")])
def test_a_practitioner_is_told_who_may_export_and_gets_no_file(bot: RunningBot, standin, services: Services,
                                                                case_ref: str, kind: str, text: str) -> None:
    slack = bot.slack
    response = slack.command(PRACTITIONER, text) if kind == "command" else slack.message_im(PRACTITIONER, text)
    assert response.status == 200
    *held, told = _dm_texts(standin, PRACTITIONER)
    assert told == flat(REFUSED, "*`") and WHO_MAY in told
    # Out of the worker's hours the audit's summary was held; her message hands it over first, before the refusal.
    assert not held or (held[0].startswith("While you were away") and len(held) == 2)
    assert not standin.calls_to("files.getUploadURLExternal") and not _trail(services)


def test_asked_in_a_channel_the_files_go_to_the_dm_and_the_channel_is_told_so(
        bot: RunningBot, standin, services: Services, case_ref: str) -> None:
    """An @mention in a shared channel is answered in its thread: the export must never be posted there."""
    assert bot.slack.app_mention(QA, "<@U0BOT0001> can i export this for ofsted", channel=CHANNEL).status == 200
    completed = standin.wait_for("files.completeUploadExternal", count=2)
    assert {call.params["channel_id"] for call in completed} == {dm_channel_for(QA)}
    in_channel = [flat(call.text, "*`") for call in standin.calls_to("chat.postMessage")
                  if call.params["channel"] == CHANNEL]
    assert any("I've sent it to our direct messages, not here" in text for text in in_channel)
    assert not any(case_ref in text for text in in_channel)

