"""Trial 44 through Bolt and the Slack stand-in: `/audit kb reload` says what `kb check` says (F9, F16, F3, F2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings.config import Settings, load_settings
from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing

QA_LEAD = "U0QALEAD1"
QA_DM = "DU0QALEAD1"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path, config_dir: Path) -> Settings:
    return load_settings(environ)


def _indent_line(path: Path, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(number for number, line in enumerate(lines) if line.strip() == text)
    lines[index] = " " + lines[index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_reload_shows_kb_checks_warnings(running_bot: RunningBot, standin, kb_dir: Path) -> None:
    _indent_line(kb_dir / "kb" / "care-leavers.yaml", "- care leaver status explained")
    good_practice = kb_dir / "kb" / "good-practice.yaml"
    good_practice.write_text(good_practice.read_text(encoding="utf-8").replace(
        "tags: [mental-health, parents]", "tags: [mental-helth, parents]", 1), encoding="utf-8")
    running_bot.slack.command(QA_LEAD, "kb reload")
    text = str(post_containing(standin, "Knowledge base reloaded", QA_DM).params["blocks"])
    assert "2 warnings" in text
    assert "kb/care-leavers.yaml:10" in text and "YAML joined the two into one text" in text
    assert "new tag 'mental-helth': did you mean 'mental-health'?" in text


def test_a_duplicate_id_is_told_as_kb_check_tells_it_without_a_wrong_guess(running_bot: RunningBot, standin,
                                                                          kb_dir: Path) -> None:
    timescales = kb_dir / "kb" / "timescales.yaml"
    timescales.write_text(timescales.read_text(encoding="utf-8").replace(
        "- id: assessment-timescale\n", "- id: referral-decision-timescale\n", 1), encoding="utf-8")
    running_bot.slack.command(QA_LEAD, "kb reload")
    text = str(post_containing(standin, "The previous version is still live", QA_DM).params["blocks"])
    assert "is used twice: here, for “How long do we have to complete a child and family assessment?”" in text
    assert "rename the one you added" in text
    assert "health-assessment-timescale" not in text
    assert "rename the one you added. If it was 'assessment-timescale' before, give it its id back" in text
