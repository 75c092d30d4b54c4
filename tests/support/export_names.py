"""The name an export's files are given (bot.digests.export_sent.file_stem), found among the files sent: it holds
the minute of the export, which a test on the real clock cannot know beforehand."""

from __future__ import annotations

import re
from collections.abc import Iterable


def export_stem(names: Iterable[str], whose: str, since: str, ending: str = "") -> str:
    """The one `audits-<whose>-since-<since>-<YYYYMMDD-HHMM><ending>` among `names` (each with `.csv`)."""
    pattern = re.compile(rf"(audits-{re.escape(whose)}-since-{re.escape(since)}-\d{{8}}-\d{{4}}{re.escape(ending)})"
                         r"\.csv")
    [stem] = [match.group(1) for name in names if (match := pattern.fullmatch(name))]
    return stem
