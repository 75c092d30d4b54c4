"""Half of a large (re)load done in a second process, when the machine has a core to spare.

At 20,000 entries a first start is mostly pure Python work (parsing YAML into entries) that one process does on
one core while the others sit idle. Threads cannot share that work (the GIL),
so a forked child does one part while this process does the other, and hands back its result as plain data
(marshal: strings, numbers and containers, nothing that can run code).

Forking is only safe in a process with one thread: a child of a threaded process can inherit a lock another
thread held, and wait on it for ever. So a side process is used only when this process has one thread and more
than one core is ours, and `AUDITBOT_KB_PROCESSES` is not `1`. Otherwise, or when the child fails in any way,
the caller does the work itself: a side process can only save time, never change a result or stop a load.

A child may hand back several results, one after another (`stream=True`): the parent takes the first as soon as
it is written and goes on with its own work while the child works out the next.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import struct
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

DISABLE = "AUDITBOT_KB_PROCESSES"  # "1": never fork (the work is done in this process)
LENGTH = struct.Struct("<Q")  # each result is written as its length, then its marshal bytes


def usable() -> bool:
    """Whether a side process may be started now: fork exists, one thread, and a second core for us."""
    if os.environ.get(DISABLE, "").strip() == "1" or not hasattr(os, "fork"):
        return False
    return threading.active_count() == 1 and cores() > 1


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - platforms without affinity (macOS)
        return os.cpu_count() or 1


class SideProcess:
    """`work()` run in a forked child; `result()` waits for what it returned, or None if it failed.

    With `stream=True`, `work()` returns an iterable and each `result()` is its next item (None once there are
    no more, or the child failed). Use it as a context manager: leaving the block without taking every result
    (an exception in this process, or results no longer wanted) stops the child, so nothing is left running or
    unreaped.
    """

    def __init__(self, work: Callable[[], Any] | None, stream: bool = False) -> None:
        """Start `work` in a child now if a side process is `usable()`; with None (or not usable), no child."""
        self._pid: int | None = None
        self._pipe: BinaryIO | None = None
        if work is None or not usable():
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do the work, write it, and leave without running anything of the parent's
            code = 1
            try:
                os.close(read_end)
                with os.fdopen(write_end, "wb") as out:
                    for result in (work() if stream else (work(),)):
                        data = marshal.dumps(result)
                        out.write(LENGTH.pack(len(data)))
                        out.write(data)
                        out.flush()
                code = 0
            except BaseException:  # the parent does the work itself; nothing to report from here
                pass
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._pipe = pid, os.fdopen(read_end, "rb")

    @property
    def started(self) -> bool:
        """Whether a child is doing the work (if not, the caller does it)."""
        return self._pid is not None

    def result(self) -> Any | None:
        """The child's next result; None when no child ran, it failed or was killed, or it has no more."""
        if self._pipe is None:
            return None
        header = self._pipe.read(LENGTH.size)
        data = self._pipe.read(LENGTH.unpack(header)[0]) if len(header) == LENGTH.size else b""
        try:
            if len(header) == LENGTH.size and len(data) == LENGTH.unpack(header)[0]:
                return marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            pass
        self.stop()  # cut short, or nothing more to come
        return None

    def stop(self) -> None:
        """Kill and reap a child whose result is no longer wanted."""
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):  # reaped already (by a caller's own wait)
            os.waitpid(self._pid, 0)
        if self._pipe is not None:
            self._pipe.close()
        self._pid = self._pipe = None

    def __enter__(self) -> SideProcess:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
