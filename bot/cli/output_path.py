"""What a file option (`export --output`, `digest --chart`) says when its path cannot be written."""

from __future__ import annotations

from pathlib import Path


def cannot_write(option: str, path: str, error: OSError, example: str) -> str:
    """One line for a path that could not be written. A folder given where a file goes (`--output /tmp`) is said to
    be one, with a file name inside it to give (fix79a: "check the folder exists" was told of a folder that exists);
    anything else names the system's reason and what to check."""
    if isinstance(error, IsADirectoryError) or Path(path).is_dir():
        return (f"{option}: {path} is a folder; give a file name inside it, such as "
                f"`{option} {Path(path) / example}`.")
    return (f"{option}: cannot write {path} ({error.strerror or type(error).__name__}); check the folder exists and "
            "you may write there.")
