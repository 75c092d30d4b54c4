"""Load and check the bot's configuration: `settings.yaml`, `teams.yaml` and the environment.

Every mistake becomes one `ConfigError` naming the file, the key and what is expected, so a person
editing YAML at a council sees what to fix instead of a traceback.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.privacy.reference_pattern import UnsafePattern, check_reference_pattern
from bot.privacy.screen import DEFAULT_CASE_REFERENCE_PATTERN
from bot.settings.cron import CronSpec, ScheduleError, parse_cron
from bot.settings.people import USER_ID, Directory
from bot.settings.problems import ConfigError
from bot.settings.reaudit import ReauditSettings, parse_reaudit
from bot.settings.teams_file import parse_directory
from bot.settings.yaml_file import read_yaml_mapping
from knowledge.fields import did_you_mean

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG_DIR = PROJECT_DIR / "config"


@dataclass(frozen=True)
class SlackSettings:
    """Credentials and endpoint for Slack; all optional so the bot can run locally without them."""

    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    api_url: str | None = None

    @property
    def socket_mode_ready(self) -> bool:
        return bool(self.bot_token and self.app_token)


@dataclass(frozen=True)
class ReminderSettings:
    """How patient the reminders are, in working days, and how late a missed run may still go out."""

    draft_idle_working_days: int = 5
    moderation_wait_working_days: int = 3
    grace_minutes: int = 120


@dataclass(frozen=True)
class HttpLimits:
    """How the HTTP server (`audit-bot serve`) protects itself: worker threads, idle timeout, open connections.

    A connection that sends nothing for `channel_timeout` seconds (or stalls half-way through a request) is
    closed; Slack sends each request whole and at once, so 30 seconds is generous.
    """

    threads: int = 8
    channel_timeout: int = 30
    connection_limit: int = 1000


HTTP_LIMITS = {"threads": (1, 64), "channel_timeout": (1, 3600), "connection_limit": (10, 100_000)}


SCHEDULED_JOBS = ("weekly_digest", "reminders", "campaign_close", "housekeeping")
# Jobs that run even when settings.yaml does not name them: housekeeping keeps the database from holding what it
# no longer needs, so a settings.yaml written before it existed must not turn it off.
DEFAULT_SCHEDULES = {"housekeeping": "0 8 * * mon-fri"}


@dataclass(frozen=True)
class Settings:
    """Everything the bot needs to know about where it runs, already checked."""

    config_dir: Path
    timezone: ZoneInfo
    database: Path
    knowledge_dir: Path
    case_reference_pattern: re.Pattern[str]
    qa_channel: str | None
    quiet_hours: tuple[time, time]
    retention_years: int
    names: frozenset[str]
    schedules: Mapping[str, str]
    local_user: str
    directory: Directory
    slack: SlackSettings = field(default_factory=SlackSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    cron: Mapping[str, CronSpec] = field(default_factory=dict)
    http: HttpLimits = field(default_factory=HttpLimits)
    reaudit: ReauditSettings = field(default_factory=ReauditSettings)
    allow_self_audit: bool = False  # a manager may audit a case where they are the worker (fix41e); never by default
    case_references_in_channels: bool = False  # the weekly digest posted in a team channel lists case references
    export_files_in_slack: bool = False  # `/audit export` posts files in the DM (else gives the command to hand on)
    exports_dir: Path | None = None  # where the terminal chat writes exports; None: beside the charts' folder
    moderation_sample_share: float = 0.1  # the share of each team's month `/audit moderate sample` draws (fix77b)
    config_given: str = "config"  # the config folder as given (AUDITBOT_CONFIG, else the shipped one): said in replies
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def teams_file_shown(self) -> str:
        """The teams file the bot loaded, as the path given (fix80b: replies said config/teams.yaml when
        AUDITBOT_CONFIG pointed elsewhere, so an admin would edit a file the bot does not read)."""
        return str(Path(self.config_given) / "teams.yaml")

    @property
    def cache_dir(self) -> Path | None:
        """Beside the database: what the bot keeps to start faster (never needed, safe to delete); none for
        an in-memory database, which keeps nothing either."""
        return None if str(self.database) == ":memory:" else self.database.parent / "cache"

    @property
    def exports_folder(self) -> Path:
        """Where exports are written (the chat's `/audit export`, and the `audit-bot export --output` line Slack is
        given): the `exports_dir` setting, else a folder beside the database (`audit.db` → `audit-exports/`), or one
        of this process in the temporary folder for an in-memory database."""
        if self.exports_dir is not None:
            return self.exports_dir
        if str(self.database) == ":memory:":
            return Path(tempfile.gettempdir()) / f"audit-bot-exports-{os.getpid()}"
        return self.database.parent / f"{self.database.stem}-exports"


DEFAULTS: dict[str, Any] = {
    "timezone": "Europe/London",
    "database": "data/audit-bot.db",
    "knowledge_dir": "knowledge",
    "case_reference_pattern": DEFAULT_CASE_REFERENCE_PATTERN,
    "qa_channel": None,
    "quiet_hours": {"start": "08:00", "end": "18:00"},
    "retention_years": 6,
    "names_file": None,
    "schedules": {},
    "local_user": "U0MGRN001",
    "reminders": {},
    "http": {},
    "reaudit": {},
    "allow_self_audit": False,
    "case_references_in_channels": False,
    "export_files_in_slack": False,
    "exports_dir": None,
    "moderation_sample_share": 0.1,
}
REMINDER_LIMITS = {
    "draft_idle_working_days": (1, 60),
    "moderation_wait_working_days": (1, 60),
    "grace_minutes": (0, 24 * 60),
}


def _resolve(path_text: str, base: Path) -> Path:
    path = Path(path_text).expanduser()
    return path if path.is_absolute() else base / path


def _parse_hhmm(value: object, file: Path, key: str) -> time:
    if isinstance(value, int):  # YAML reads 08:00 unquoted as sexagesimal minutes
        value = f"{value // 60:02d}:{value % 60:02d}"
    if not isinstance(value, str) or not re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        raise ConfigError(file, key, 'a time like "08:00" (in quotes)', value)
    hours, minutes = (int(part) for part in value.strip().split(":"))
    if hours > 23 or minutes > 59:
        raise ConfigError(file, key, "a real time of day between 00:00 and 23:59", value)
    return time(hours, minutes)


def _string_or_none(value: object, file: Path, key: str) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value.strip() if isinstance(value, str) else None
    raise ConfigError(file, key, "a piece of text or null", value)


def _folder_or_none(value: object, file: Path, key: str) -> Path | None:
    """A folder path (relative ones from the project folder), or None for the default."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(file, key, "a folder path", value)
    return _resolve(value, PROJECT_DIR)


def _flag(value: object, file: Path, key: str) -> bool:
    """A yes-or-no setting: true or false, nothing else (a quoted "false" would read as true)."""
    if not isinstance(value, bool):
        raise ConfigError(file, key, "true or false", value)
    return value


def _load_names(config_dir: Path, value: object, file: Path) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, str):
        raise ConfigError(file, "names_file", "a file name in the config folder, or null", value)
    path = _resolve(value, config_dir).resolve()
    if not path.is_relative_to(config_dir.resolve()):
        raise ConfigError(file, "names_file", f"a file inside the config folder {config_dir}", value)
    if not path.exists():
        raise ConfigError(file, "names_file", f"an existing file ({path} is missing)", value)
    if not path.is_file():
        raise ConfigError(file, "names_file", f"a file ({path} is a folder)", value)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise ConfigError(file, "names_file", "a UTF-8 text file", value) from None
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _parse_schedules(schedules: Mapping[str, str], file: Path) -> dict[str, CronSpec]:
    """Each job's cron text, checked now so a wrong schedule stops the bot at start, not at 9 on Monday."""
    checked: dict[str, CronSpec] = {}
    for name, text in schedules.items():
        if name not in SCHEDULED_JOBS:
            raise ConfigError(file, f"schedules.{name}", f"one of the scheduled jobs ({', '.join(SCHEDULED_JOBS)})")
        try:
            checked[name] = parse_cron(name, text)
        except ScheduleError as exc:
            raise ConfigError(file, exc.key, exc.expected, text) from None
    return checked


def _parse_reminders(value: object, file: Path) -> ReminderSettings:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ConfigError(file, "reminders", f"a mapping with any of {', '.join(REMINDER_LIMITS)}", value)
    unknown = sorted(set(value) - set(REMINDER_LIMITS))
    if unknown:
        raise ConfigError(file, f"reminders.{unknown[0]}", f"one of {', '.join(REMINDER_LIMITS)}")
    for key, (low, high) in REMINDER_LIMITS.items():
        number = value.get(key, getattr(ReminderSettings, key))
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            raise ConfigError(file, f"reminders.{key}", f"a whole number from {low} to {high}", number)
    return ReminderSettings(**{key: value.get(key, getattr(ReminderSettings, key)) for key in REMINDER_LIMITS})


def _parse_http(value: object, file: Path) -> HttpLimits:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ConfigError(file, "http", f"a mapping with any of {', '.join(HTTP_LIMITS)}", value)
    unknown = sorted(set(value) - set(HTTP_LIMITS), key=str)
    if unknown:
        raise ConfigError(file, f"http.{unknown[0]}", f"one of {', '.join(HTTP_LIMITS)}")
    for key, (low, high) in HTTP_LIMITS.items():
        number = value.get(key, getattr(HttpLimits, key))
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            raise ConfigError(file, f"http.{key}", f"a whole number from {low} to {high}", number)
    return HttpLimits(**{key: value.get(key, getattr(HttpLimits, key)) for key in HTTP_LIMITS})


def _sample_share(value: Any, file: Path) -> float:
    """The monthly moderation sample's share of each team's month: a fraction above 0 and at most 1 (0.1 is 10%),
    so a share written as a percentage (10) or as none (0) is refused at start, not drawn as every audit or none."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ConfigError(file, "moderation_sample_share", "a fraction above 0 and at most 1, such as 0.1 for 10%",
                          value)
    return float(value)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from the config folder and the environment (the environment wins)."""
    env = os.environ if environ is None else environ
    config_dir = Path(env.get("AUDITBOT_CONFIG") or DEFAULT_CONFIG_DIR).expanduser().resolve()
    if not config_dir.is_dir():
        raise ConfigError(config_dir, "AUDITBOT_CONFIG", "a folder holding settings.yaml and teams.yaml")
    file = config_dir / "settings.yaml"
    written = read_yaml_mapping(file)
    try:
        return _load_settings(env, config_dir, file, written)
    except ConfigError as exc:
        raise _with_line(exc, written) from None


def _with_line(error: ConfigError, written: Mapping[str, Any]) -> ConfigError:
    """The error with the line of the settings.yaml key it is about (`quiet_hours.start` is on the line of
    `quiet_hours:`), as `kb check` gives its lines; unchanged when it has one or is about another file."""
    lines = getattr(written, "key_lines", {})
    line = lines.get(error.key.split(".")[0])
    if error.line is not None or line is None or not error.file.endswith("settings.yaml"):
        return error
    return ConfigError(error.file, error.key, error.expected, line=line,
                       found=error.found)


# Over 60 lines on purpose: it reads settings.yaml key by key in the order the README's table lists them,
# each with its one fix-it message; the checks themselves live in the small helpers above.
def _load_settings(env: Mapping[str, str], config_dir: Path, file: Path, written: Mapping[str, Any]) -> Settings:
    # Long because it reads each settings.yaml key once, in the file's order, each with its own message saying what
    # fits.
    raw = {**DEFAULTS, **written}
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        raise ConfigError(file, unknown[0], f"one of the known keys{did_you_mean(unknown[0], DEFAULTS)} "
                          f"({', '.join(sorted(DEFAULTS))})")

    tz_name = raw["timezone"]
    try:
        timezone = ZoneInfo(str(tz_name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(file, "timezone", "an IANA timezone name such as Europe/London", tz_name) from None

    for key in ("database", "knowledge_dir"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise ConfigError(file, key, "a file path", raw[key])
    database = _resolve(env.get("AUDITBOT_DB") or raw["database"], PROJECT_DIR)
    knowledge_dir = _resolve(raw["knowledge_dir"], PROJECT_DIR)

    pattern_text = raw["case_reference_pattern"]
    if not isinstance(pattern_text, str):
        raise ConfigError(file, "case_reference_pattern", "a regular expression in quotes", pattern_text)
    try:
        pattern = check_reference_pattern(pattern_text)
    except re.error as exc:
        raise ConfigError(file, "case_reference_pattern", f"a valid regular expression ({exc})", pattern_text) \
            from None
    except UnsafePattern as exc:
        raise ConfigError(file, "case_reference_pattern", str(exc), pattern_text) from None

    quiet = raw["quiet_hours"]
    if not isinstance(quiet, dict) or set(quiet) != {"start", "end"}:
        raise ConfigError(file, "quiet_hours", 'a mapping with `start: "08:00"` and `end: "18:00"`', quiet)
    quiet_hours = (
        _parse_hhmm(quiet["start"], file, "quiet_hours.start"),
        _parse_hhmm(quiet["end"], file, "quiet_hours.end"),
    )
    if quiet_hours[0] >= quiet_hours[1]:
        raise ConfigError(file, "quiet_hours", "a start earlier than its end", quiet)

    years = raw["retention_years"]
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 100:
        raise ConfigError(file, "retention_years", "a whole number of years between 1 and 100", years)

    schedules = raw["schedules"] or {}
    if not isinstance(schedules, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in schedules.items()
    ):
        raise ConfigError(file, "schedules", 'a mapping of job name to cron text like "0 9 * * mon"', schedules)
    schedules = {**DEFAULT_SCHEDULES, **schedules}
    cron = _parse_schedules(schedules, file)
    reminders = _parse_reminders(raw["reminders"], file)
    http = _parse_http(raw["http"], file)
    reaudit = parse_reaudit(raw["reaudit"], file)
    if not isinstance(raw["allow_self_audit"], bool):
        raise ConfigError(file, "allow_self_audit", "true or false", raw["allow_self_audit"])

    local_user = raw["local_user"]
    if not isinstance(local_user, str) or not USER_ID.fullmatch(local_user):
        raise ConfigError(file, "local_user", "a Slack user id such as U0MGRN001", local_user)

    teams_file = config_dir / "teams.yaml"
    directory = parse_directory(read_yaml_mapping(teams_file), teams_file)

    api_url = env.get("SLACK_API_URL") or None
    if api_url and not api_url.endswith("/"):
        api_url += "/"
    slack = SlackSettings(
        bot_token=env.get("SLACK_BOT_TOKEN") or None,
        app_token=env.get("SLACK_APP_TOKEN") or None,
        signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        api_url=api_url,
    )
    return Settings(
        config_dir=config_dir,
        config_given=env.get("AUDITBOT_CONFIG") or "config",
        timezone=timezone,
        database=database,
        knowledge_dir=knowledge_dir,
        case_reference_pattern=pattern,
        qa_channel=_string_or_none(raw["qa_channel"], file, "qa_channel"),
        quiet_hours=quiet_hours,
        retention_years=years,
        names=_load_names(config_dir, raw["names_file"], file),
        schedules=dict(schedules),
        local_user=local_user,
        directory=directory,
        slack=slack,
        reminders=reminders,
        cron=cron,
        http=http,
        reaudit=reaudit,
        allow_self_audit=raw["allow_self_audit"],
        case_references_in_channels=_flag(raw["case_references_in_channels"], file, "case_references_in_channels"),
        export_files_in_slack=_flag(raw["export_files_in_slack"], file, "export_files_in_slack"),
        exports_dir=_folder_or_none(raw["exports_dir"], file, "exports_dir"),
        moderation_sample_share=_sample_share(raw["moderation_sample_share"], file),
        raw=raw,
    )
