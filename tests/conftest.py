"""Shared fixtures: a private copy of the config, a fresh database, the engine, and the Slack stack."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from bot.composition import build_engine, build_services
from bot.core.knowledge import KnowledgeService
from bot.core.services import Services
from bot.engine.near_miss import Shapes
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from bot.settings.config import PROJECT_DIR, Settings, load_settings
from tests.support.moved_clock import VARIABLE as MOVED_CLOCK_VARIABLE
from tests.support.moved_clock import start_moved_clock

SIGNING_SECRET = "test-signing-secret"
# How long a test's own threads may take to finish after its fixtures are torn down.
LINGER_SECONDS = 2.0
# Pools the process keeps for good, started by whichever test first needs them; they never touch Slack.
PROCESS_POOLS = ("kb-rank",)  # knowledge/search.py ranks entries on it

# Property tests draw the same examples on every run (`make test`, CI), so a run never fails once and passes
# the next; `make fuzz` draws at random, many more (see tests/support/examples.py). No per-example deadline:
# it is a timing assertion, and on a loaded machine a working-day property test failed it though every answer
# was right (speed is measured by `make bench`, not asserted in tests).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
hypothesis_settings.register_profile("fuzz", derandomize=False, database=None, print_blob=True, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    """With AUDITBOT_TEST_NOW set, the whole session runs on a clock that starts there and ticks."""
    config.stash[_TRAVELLER] = start_moved_clock()


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str:
    moved = os.environ.get(MOVED_CLOCK_VARIABLE)
    return f"clock: moved to {moved} ({MOVED_CLOCK_VARIABLE})" if moved else "clock: real"


_TRAVELLER = pytest.StashKey[object]()


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A copy of the shipped config folder that a test may edit."""
    target = tmp_path / "config"
    shutil.copytree(PROJECT_DIR / "config", target)
    return target


@pytest.fixture
def environ(config_dir: Path, tmp_path: Path) -> dict[str, str]:
    return {"AUDITBOT_CONFIG": str(config_dir), "AUDITBOT_DB": str(tmp_path / "audit.db")}


@pytest.fixture
def settings(environ: dict[str, str]) -> Settings:
    return load_settings(environ)


@pytest.fixture(scope="session")
def identifier_screen() -> Screen:
    """The name lists load once for the whole run (about a third of a second each time)."""
    return Screen.load()


@pytest.fixture(scope="session")
def shipped_knowledge() -> KnowledgeService:
    """The shipped knowledge base, loaded once per session: no test edits that folder (they copy it, see kb_dir)."""
    return KnowledgeService.load(PROJECT_DIR / "knowledge")


@pytest.fixture
def services(settings: Settings, shipped_knowledge: KnowledgeService, identifier_screen: Screen) -> Iterator[Services]:
    shipped = Path(settings.knowledge_dir).resolve() == (PROJECT_DIR / "knowledge").resolve()
    built = build_services(settings, knowledge=shipped_knowledge if shipped else None, screen=identifier_screen)
    yield built
    built.storage.close()


@pytest.fixture
def engine(services: Services) -> Engine:
    return build_engine(services)


@pytest.fixture(scope="session")
def command_shapes(tmp_path_factory: pytest.TempPathFactory, shipped_knowledge: KnowledgeService,
                   identifier_screen: Screen) -> Shapes:
    """The typed shape every `/audit` command registers, as the shipped bot has them, for tests of bare commands."""
    folder = tmp_path_factory.mktemp("shapes")
    settings = load_settings({"AUDITBOT_CONFIG": str(PROJECT_DIR / "config"), "AUDITBOT_DB": str(folder / "a.db")})
    built = build_services(settings, knowledge=shipped_knowledge, screen=identifier_screen)
    try:
        return build_engine(built).typed_shapes
    finally:
        built.storage.close()


@pytest.fixture
def standin() -> Iterator:
    """The local stand-in for the Slack Web API; fails the test if the bot called an unknown method."""
    from tests.support.slack_standin import SlackStandIn

    with SlackStandIn() as api:
        before = set(threading.enumerate())  # the stand-in's own server thread is its to stop
        yield api
        assert not api.unknown_calls, f"bot called Slack methods the stand-in does not know: {api.unknown_calls}"
        outlived = threads_still_running(before)
        assert not outlived, f"threads this test started outlived it, so they may post after the stand-in closes " \
                             f"(stop them in the fixture that started them): {', '.join(outlived)}"


def threads_still_running(before: set[threading.Thread]) -> list[str]:
    """Threads started since `before` still running after LINGER_SECONDS: a Bolt listener left posting once its
    test had passed logged "Connection refused" (an ERROR) into whichever test ran next, failing that one."""
    deadline = time.monotonic() + LINGER_SECONDS
    started = [thread for thread in threading.enumerate()
               if thread not in before and not thread.name.startswith(PROCESS_POOLS)]
    for thread in started:
        thread.join(max(0.0, deadline - time.monotonic()))
    return sorted(thread.name for thread in started if thread.is_alive())


class RunningBot:
    """The real Bolt app served over HTTP on 127.0.0.1, talking to the stand-in."""

    def __init__(self, services: Services, standin, process_before_response: bool = False) -> None:
        from handlers.app import create_app, make_web_client
        from handlers.http_server import make_http_server
        from tests.support.signed_requests import SignedSlackClient

        self.services = services
        self.engine = build_engine(services)
        client = make_web_client("xoxb-test-token", standin.base_url)
        self.app = create_app(services, self.engine, client=client, signing_secret=SIGNING_SECRET,
                              process_before_response=process_before_response)
        self.server = make_http_server(self.app, "127.0.0.1", 0)
        host, port = self.server.address
        self.url = f"http://{host}:{port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.slack = SignedSlackClient(self.url, SIGNING_SECRET)

    def stop(self) -> None:
        """Stop taking requests, then let listeners still posting after their ack finish, all before the
        stand-in closes (its fixture ends after this one): one left posting logged "Connection refused" later."""
        from handlers.app import stop_listeners

        self.server.shutdown()
        self.thread.join(timeout=5)
        stop_listeners(self.app)


@pytest.fixture
def running_bot(services: Services, standin) -> Iterator[RunningBot]:
    bot = RunningBot(services, standin)
    yield bot
    bot.stop()


@pytest.fixture
def bot(services: Services, standin) -> Iterator[RunningBot]:
    """The bot over HTTP with listeners finishing before the response, so each request's messages are all posted
    when it returns (a test module may override it, to seed the random draw, say)."""
    running = RunningBot(services, standin, process_before_response=True)
    yield running
    running.stop()


@pytest.fixture
def unhurried_form_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A submitted form's check runs to its end before Slack gets its answer, however slow the machine.

    The bot gives the check 2 seconds (handlers.views.CHECK_SECONDS), then closes the modal and leaves any
    mistake to the work after it, told by DM; and Bolt answers Slack without the listener after 3, unless the
    listener finishes before the response (the `bot` fixture). With every core busy a check of 0.3 s CPU took
    over 7 s, so tests of the mistakes shown beside a field failed though the bot was right: they use this with
    `bot`. The 2 seconds are tested on their own (test_a_form_check_that_runs_long_still_lets_slack_have_its_
    answer_in_time)."""
    import functools

    from handlers import views
    from tests.support.signed_requests import ANSWER_SECONDS

    monkeypatch.setattr(views, "check_in_time", functools.partial(views.check_in_time, seconds=ANSWER_SECONDS))


@pytest.fixture
def kb_dir(config_dir: Path, tmp_path: Path) -> Path:
    """An editable copy of the shipped knowledge folder, with the tmp config's settings pointing at it.

    A test module that needs it for `services` or `running_bot` overrides `settings` to depend on it.
    """
    import re

    target = tmp_path / "knowledge"
    shutil.copytree(PROJECT_DIR / "knowledge", target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    settings_file = config_dir / "settings.yaml"
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(re.sub(r"(?m)^knowledge_dir:.*$", f"knowledge_dir: '{target}'", text),
                             encoding="utf-8")
    return target


@pytest.fixture(autouse=True)
def restore_root_logging() -> Iterator[None]:
    """Commands run in-process call configure_logging, which points the root handler at that test's stderr;
    left in place, later tests would log into a closed stream (a "Logging error" traceback). Put it back."""
    import logging

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _shipped_knowledge() -> dict[str, bytes]:
    return {str(path.relative_to(PROJECT_DIR)): path.read_bytes()
            for path in sorted((PROJECT_DIR / "knowledge").rglob("*")) if path.suffix in (".yaml", ".json")}


@pytest.fixture(scope="session", autouse=True)
def shipped_knowledge_untouched() -> Iterator[None]:
    """No test may write into the repository's own knowledge folder: one that links or adds entries must point the
    bot at its copy (`kb_dir`). A test that forgot did so once, unseen until the next test's answers changed."""
    before = _shipped_knowledge()
    yield
    changed = sorted(name for name, text in _shipped_knowledge().items() if before.get(name) != text)
    assert not changed, f"a test wrote into the shipped knowledge files: {', '.join(changed)}"

