"""A large first start parses in two processes; what anyone sees is exactly what one process gives.

Each load runs in a new process (tests/support/kb_in_two.py), because a side process is only started by a
process with one thread, and a test worker may have more by the time a test runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from bot.settings.config import PROJECT_DIR
from knowledge import side_process
from knowledge.side_process import SideProcess


def load_in(folder: Path, mode: str, cache: Path | None = None) -> dict:
    argv = [sys.executable, "-m", "tests.support.kb_in_two", str(folder), mode, *([str(cache)] if cache else [])]
    env = {key: value for key, value in os.environ.items() if key != side_process.DISABLE}
    done = subprocess.run(argv, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def seen(result: dict) -> dict:
    """Everything but how many side processes were started, and which process read which wordings."""
    return {key: value for key, value in result.items() if key not in ("forks", "read_here")}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(PROJECT_DIR / "knowledge", target, ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    return target


def test_two_processes_load_and_answer_exactly_as_one(folder: Path) -> None:
    one, two = load_in(folder, "one"), load_in(folder, "two")
    assert one["forks"] == 0 and two["forks"] == 1  # the parse, then the wordings of the files it parsed
    assert seen(two) == seen(one)
    assert one["entries"] > 100 and one["outcomes"][0][1] == "icpc-timescale"
    # the side process read its files' wordings into terms while this one checked the folder
    assert 0 < two["read_here"] < one["read_here"] == len(entry_files(folder))


def test_wordings_read_ahead_through_another_vocabulary_are_read_again(folder: Path) -> None:
    """The side process reads its wordings through the glossary and concepts as it finds them in the folder; if
    they are not what the load ends with (a file saved during the load, say), those terms are never used."""
    one, two = load_in(folder, "one"), load_in(folder, "two-other-glossary")
    assert two["forks"] == 1
    assert seen(two) == seen(one) and two["read_here"] == one["read_here"]


def test_a_side_process_that_fails_costs_time_only(folder: Path) -> None:
    assert seen(load_in(folder, "broken")) == seen(load_in(folder, "one"))


def test_wordings_a_side_process_dies_reading_are_read_by_the_index(folder: Path) -> None:
    """The load hands its side process over still reading (the index takes the terms when it needs them); if
    it dies first, the index reads those files itself and answers exactly the same."""
    one, killed = load_in(folder, "one"), load_in(folder, "two-side-killed")
    assert killed["forks"] == 1
    assert seen(killed) == seen(one) and killed["read_here"] == one["read_here"]


HANDED_OVER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    import knowledge.loader
    from knowledge.entry_terms import AHEAD
    knowledge.loader.PARSE_IN_TWO_FROM_BYTES = 0

    def gone(pid):  # killed and reaped: no longer this process's child at all
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    knowledge.loader.load_knowledge(Path(sys.argv[1]))
    first = AHEAD._side._pid
    knowledge.loader.load_knowledge(Path(sys.argv[1]))  # nobody indexed the first load
    second = AHEAD._side._pid
    assert gone(first) and not gone(second), "the first load's side process was left running"
    AHEAD.drop()  # what the end of the process does
    assert gone(second), "the second load's side process was left running"
    print("ok")
""")


def test_a_side_process_whose_wordings_nobody_takes_is_never_left_running(folder: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != side_process.DISABLE}
    done = subprocess.run([sys.executable, "-c", HANDED_OVER, str(folder)], cwd=PROJECT_DIR, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def entry_files(folder: Path) -> list[Path]:
    return sorted(path for path in (folder / "kb").glob("*.yaml") if "\nentries:" in path.read_text())


def test_every_problem_is_reported_as_one_process_reports_it(folder: Path) -> None:
    files = entry_files(folder)
    last, middle = files[-1], files[len(files) // 2]
    last.write_text(last.read_text().replace("review_by: ", "review_by: 2027-13-01 #", 1))
    middle.write_text(middle.read_text().replace("    question:", "    question: one\n    question:", 1))
    one, two = load_in(folder, "one"), load_in(folder, "two")
    assert two["forks"] >= 1
    assert two["problems"] == one["problems"]
    said = "\n".join(one["problems"])
    assert last.name in said and middle.name in said and "given twice" in said


def test_a_start_in_two_processes_keeps_what_a_restart_needs(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_in(folder, "two", cache)
    assert len(list((cache / "parsed-entries").glob("*.marshal"))) >= len(entry_files(folder)) > 2
    assert list((cache / "keyword-index").glob("*.marshal"))
    assert seen(load_in(folder, "one", cache)) == seen(first)


SIDE = textwrap.dedent("""
    import os, signal, sys
    from knowledge.side_process import SideProcess
    with SideProcess(lambda: {"words": ("a", "b"), "pid": os.getpid()}) as side:
        got = side.result()
    assert got["words"] == ("a", "b") and got["pid"] != os.getpid(), got
    with SideProcess(lambda: os.kill(os.getpid(), signal.SIGKILL)) as side:
        assert side.started and side.result() is None
    with SideProcess(lambda: object()) as side:  # nothing marshal can carry
        assert side.result() is None
    try:
        with SideProcess(lambda: __import__("time").sleep(60)) as side:
            child = side._pid
            raise KeyError("this process failed")
    except KeyError:
        pass
    try:
        os.waitpid(child, os.WNOHANG)
        sys.exit("the child was left running")
    except ChildProcessError:
        pass  # killed and reaped on leaving the block
    os.environ["AUDITBOT_KB_PROCESSES"] = "1"
    with SideProcess(lambda: 1) as side:
        assert not side.started and side.result() is None
    print("ok")
""")


def test_a_side_process_hands_back_its_result_or_nothing_and_is_never_left_running() -> None:
    env = {key: value for key, value in os.environ.items() if key != side_process.DISABLE}
    done = subprocess.run([sys.executable, "-c", SIDE], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_no_side_process_is_started_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not side_process.usable()
        with SideProcess(lambda: 1) as side:
            assert not side.started and side.result() is None
    finally:
        release.set()
        other.join()
