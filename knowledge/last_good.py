"""The last version of the knowledge folder that loaded without a problem, kept in the cache beside the database.

A QA lead's hand edit can break a file at any time; a running bot keeps its live version (a reload with problems
is refused), but a restart used to read only the folder and refuse to start at all. So after every clean load
the folder's YAML files are copied to `<cache>/last-good-<key>/` (only when they changed), exactly the texts that
loaded, and a start on a folder with problems can load that copy instead, loudly (see bot.core.knowledge).

The copy is kept per knowledge folder (`<key>` is a digest of its resolved path, which the manifest also records): a
cache shared by two folders (two configs beside one database folder) once served a QA lead's broken copy with
another folder's version, her new entries gone (trial 33). A copy is only ever one of the same folder's versions.

The copy is made in a temporary folder and swapped in with renames, so a start never reads half of one. A copy
that cannot be written costs only the fallback, never a load. Deleting the cache deletes the copy too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

FOLDER = "last-good"
MANIFEST = ".saved.json"  # not *.yaml: the loader never reads it


def _place(cache_folder: Path, knowledge_folder: Path) -> Path:
    """Where `knowledge_folder`'s copy is kept in the cache: one folder per knowledge folder."""
    key = hashlib.sha256(str(_resolved(knowledge_folder)).encode("utf-8")).hexdigest()[:16]
    return Path(cache_folder) / f"{FOLDER}-{key}"


def _resolved(knowledge_folder: Path) -> Path:
    return Path(knowledge_folder).expanduser().resolve()


def location(cache_folder: Path | None, knowledge_folder: Path) -> Path | None:
    """The saved copy of `knowledge_folder`, or None when there is none (no cache, or that folder never loaded
    cleanly with this cache); never another folder's copy."""
    if cache_folder is None:
        return None
    folder = _place(cache_folder, knowledge_folder)
    if not (folder / MANIFEST).is_file() or _manifest(folder).get("folder") != str(_resolved(knowledge_folder)):
        return None
    return folder


def saved_at(cache_folder: Path | None, knowledge_folder: Path) -> dt.datetime | None:
    """When the saved copy of `knowledge_folder` was made (UTC), or None."""
    folder = location(cache_folder, knowledge_folder)
    if folder is None:
        return None
    try:
        return dt.datetime.fromtimestamp((folder / MANIFEST).stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None


def saved_entries(cache_folder: Path | None, knowledge_folder: Path) -> dict[str, str] | None:
    """The saved copy's entries (entry id -> content digest, as the load gave them), or None when there is no copy
    or it was saved without them: what the bot served before a start, to say what the start made live."""
    folder = location(cache_folder, knowledge_folder)
    entries = _manifest(folder).get("entries") if folder is not None else None
    return entries if isinstance(entries, dict) else None


def saved_checklists(cache_folder: Path | None, knowledge_folder: Path) -> dict[str, str] | None:
    """The saved copy's checklists (checklist id -> content hash), or None when there is no copy or it was saved
    without them: what the bot offered before a start, to say which checklists the start changed (trial 23)."""
    folder = location(cache_folder, knowledge_folder)
    checklists = _manifest(folder).get("checklists") if folder is not None else None
    return checklists if isinstance(checklists, dict) else None


def save(folder: Path, file_digests: dict[str, str], cache_folder: Path | None, digest: Any,
         entries: dict[str, str] | None = None, checklists: dict[str, str] | None = None) -> bool:
    """Copy the files of a clean load of `folder` (`file_digests`: file -> digest of the text loaded) into the
    cache, as that folder's copy.

    `digest(file, text)` must give the same digests as the load, so a file edited since it was loaded is
    noticed and nothing is saved (the copy must be a version that loaded). `entries` (entry id -> content digest)
    and `checklists` (checklist id -> content hash) go in its manifest, so a later start can say what changed
    without loading the copy. Returns whether a copy was written.
    """
    if cache_folder is None or not file_digests:
        return False
    target = _place(cache_folder, folder)
    saved = _manifest(target)
    if saved.get("digests") == file_digests and "entries" in saved and "checklists" in saved \
            and saved.get("folder") == str(_resolved(folder)):
        return False  # the copy already holds exactly these files
    try:
        Path(cache_folder).mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = Path(tempfile.mkdtemp(dir=cache_folder, prefix=".last-good-"))
    except OSError:
        return False
    try:
        for file, expected in file_digests.items():
            text = (Path(folder) / file).read_text(encoding="utf-8")
            if digest(file, text) != expected:
                raise _Changed(file)
            copy = partial / file
            copy.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            copy.write_text(text, encoding="utf-8")
        (partial / MANIFEST).write_text(json.dumps({"folder": str(_resolved(folder)), "digests": file_digests,
                                                    "entries": entries or {}, "checklists": checklists or {}}),
                                        encoding="utf-8")
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=cache_folder, prefix=".last-good-old-"))
            os.replace(target, old / FOLDER)
        os.replace(partial, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return True
    except (OSError, UnicodeError, _Changed):
        shutil.rmtree(partial, ignore_errors=True)
        return False


class _Changed(Exception):
    """A file changed on disk between its load and its copy."""


def _manifest(folder: Path) -> dict:
    with contextlib.suppress(OSError, ValueError):
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}
