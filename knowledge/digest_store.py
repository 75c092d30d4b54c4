"""Work remembered by the digest of its input, so unchanged knowledge files are not parsed or indexed again.

At 20,000 entries, parsing the YAML and reading every wording into terms is most of a (re)load. Both are pure
functions of a file's text (and of the vocabulary, for terms), so their results can be kept under a digest of
that input: a restart, or a reload after a QA lead's edit, redoes only the files that changed.

Records are kept in memory for the whole process (a bounded, least-recently-used map; pure results, so every
loader may share them) and, when the caller names a cache folder, on disk: one file per digest, written with
`marshal` (plain strings, numbers and containers only, so reading one can never run code) to a temporary name
and renamed into place, so a reader sees a whole record or none. A record that cannot be read is treated as
absent and written again: the cache can only save time, never change a result or stop a load. The digest
covers the source code that produced the record, so a record written by another version is never used.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MEMORY_RECORDS = 256  # a council's knowledge base has tens of files; a synthetic 20,000-entry one has 40
MEMORY_SPARE = 8  # records a load did not use, kept in memory after it (a file's version before an edit)
DISK_RECORDS_PER_USE = 4  # keep on disk up to this many times the records one load uses (older versions go)
DISK_RECORDS_FLOOR = 64
SUFFIX = ".marshal"


def source_digest(paths: Iterable[Path], *libraries: str) -> str:
    """A digest of the code files (and the versions of the libraries) that produce a kind of record: any
    change to them makes a new key space, so an upgrade never reads what the old version worked out."""
    digest = hashlib.sha256(f"marshal {marshal.version}\0{sys.version}".encode())
    for library in libraries:
        digest.update(f"\0{library}".encode())
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


class DigestStore:
    """Values of one kind (`name`), each under the digest of the text it was computed from.

    On disk they live in `<cache folder>/<name>/`; the folder is given on each call, so a bot and a test (or
    two bots) in one process never share a folder by accident, while sharing what is in memory is harmless.
    """

    def __init__(self, name: str, version: str, memory: bool = True, disk_floor: int = DISK_RECORDS_FLOOR,
                 disk_per_use: int = DISK_RECORDS_PER_USE) -> None:
        self.name = name
        self.version = version
        self.memory = memory  # False for big records only worth keeping between starts
        self.disk_floor = disk_floor
        self.disk_per_use = disk_per_use
        self._memory: OrderedDict[str, tuple[Any, Any]] = OrderedDict()  # key -> (value, its plain form)
        self._lock = threading.Lock()

    def key(self, *parts: str) -> str:
        """The digest that names a record: this kind, this code version and every part of the input."""
        digest = hashlib.sha256(f"{self.name}\0{self.version}".encode())
        for part in parts:
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(b"\0%d\0" % len(encoded))
            digest.update(encoded)
        return digest.hexdigest()

    def get(self, key: str, folder: Path | None = None, decode: Any = None) -> Any | None:
        """The value kept under `key`, or None. A value read from disk is passed through `decode` first
        (marshal keeps only plain data) and then kept in memory as decoded. A value found in memory is also
        written to `folder` if that has no copy (it was worked out by a load that kept nothing on disk, such as
        the check of an edit before it is written), so the next start finds it."""
        path = self._path(key, folder)
        with self._lock:
            held = self._memory.get(key)
            if held is not None:
                self._memory.move_to_end(key)
        if held is not None:
            value, plain = held
            if path is not None and not path.exists():
                self._write(path, plain)
            return value
        if path is None:
            return None
        try:
            with open(path, "rb") as handle:
                plain = marshal.load(handle)
            value = decode(plain) if decode is not None else plain
        except Exception:  # absent, truncated, or written by something else: recompute it
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept when older records are cleared
        self._remember(key, value, plain)
        return value

    def has(self, key: str, folder: Path | None = None) -> bool:
        """Whether a record is kept under `key` (in memory, or on disk in `folder`), without reading it."""
        with self._lock:
            if key in self._memory:
                return True
        path = self._path(key, folder)
        return path is not None and path.exists()

    def put(self, key: str, value: Any, folder: Path | None = None, plain: Any = None) -> None:
        """Keep `value` in memory, and `plain` (its marshal-able form; `value` itself when not given) on disk."""
        plain = value if plain is None else plain
        self._remember(key, value, plain)
        path = self._path(key, folder)
        if path is not None:
            self._write(path, plain)

    def _write(self, path: Path, plain: Any) -> None:
        try:
            path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the bot's own, like the database
            path.parent.mkdir(exist_ok=True, mode=0o700)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-", suffix=SUFFIX)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    marshal.dump(plain, handle)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            return  # a full disk or a read-only folder costs time on the next load, nothing else

    def forget(self) -> None:
        """Drop what is held in memory, as a new process starts: the next look-up goes to disk."""
        with self._lock:
            self._memory.clear()

    def tidy(self, folder: Path | None, used: Iterable[str]) -> None:
        """After a load: keep in memory what it used and a few others, and on disk a few times what it used,
        least recently used going first, so a bot edited for months holds little more than one version.
        Records in `used` are always kept."""
        keep = set(used)
        with self._lock:
            spare = [key for key in self._memory if key not in keep]  # least recently used first
            for key in spare[:max(0, len(spare) - MEMORY_SPARE)]:
                del self._memory[key]
        if folder is None or not (folder / self.name).is_dir():
            return
        limit = max(self.disk_floor, self.disk_per_use * len(keep))
        try:
            found = [entry for entry in os.scandir(folder / self.name) if entry.name.endswith(SUFFIX)]
            if len(found) <= limit:
                return
            found.sort(key=lambda entry: entry.stat().st_mtime, reverse=True)
            for entry in found[limit:]:
                if entry.name.removesuffix(SUFFIX) not in keep:
                    os.unlink(entry.path)
        except OSError:
            return

    def _remember(self, key: str, value: Any, plain: Any) -> None:
        if not self.memory:
            return
        with self._lock:
            self._memory[key] = (value, plain)
            self._memory.move_to_end(key)
            while len(self._memory) > MEMORY_RECORDS:
                self._memory.popitem(last=False)

    def _path(self, key: str, folder: Path | None) -> Path | None:
        return None if folder is None else folder / self.name / f"{key}{SUFFIX}"
