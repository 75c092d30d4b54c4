"""An export sent to Slack goes in the audit trail once its files have arrived (fix44f).

`/audit export` wrote its trail entry before the upload, so an upload Slack refused still read as "exported" in the
trail, and the person heard nothing. Now the transport tells this receipt how the upload went (bot.core.replies
.Receipt): both files arrived, and the trail gets its `export` entry, as before; neither arrived, and the trail gets an
`export_failed` entry instead (nothing left the bot, but someone asked for case data, which an auditor of the trail
wants to see), and the person is told plainly, with the `audit-bot export` command to hand to whoever runs the bot;
only one arrived, and the trail's `export` entry names that file alone, since it is in their DM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.replies import Reply
from bot.storage.db import Storage
from bot.storage.trail import record_trail


@dataclass(frozen=True)
class ExportReceipt:
    """The trail entry owed for an export's files, and how the person asking is told if Slack refuses them."""

    storage: Storage
    user_id: str
    at: datetime
    detail: dict[str, Any]
    files: tuple[str, ...]
    command: str  # `audit-bot export …` for the same export, for whoever runs the bot
    to_user: str | None = None  # where the files were sent (the DM when asked in a channel)

    def delivered(self) -> None:
        """Both files arrived: the export is in the trail, as the command line's is."""
        record_trail(self.storage, self.user_id, "export", self.detail, at=self.at)

    def failed(self, arrived: list[str]) -> list[Reply]:
        """Slack refused a file: the trail says what did arrive, and the person is told what to do."""
        missing = [name for name in self.files if name not in arrived]
        refused = {"not_sent": missing, "file": f"{', '.join(arrived) or 'no file'} sent to their Slack direct message"}
        record_trail(self.storage, self.user_id, "export" if arrived else "export_failed", {**self.detail, **refused},
                     at=self.at)
        if arrived:
            said = (f"Only `{arrived[0]}` reached you: Slack refused the upload of `{missing[0]}`. The audit trail "
                    f"records the export of `{arrived[0]}` alone.")
        else:
            said = ("Your export didn't reach you: Slack refused the upload of the files, so nothing was sent. The "
                    "audit trail records it as a failed export, not as an export.")
        return [Reply(kind="error", to_user=self.to_user,
                      text=f"{said} Try `/audit export` again in a few minutes; if it fails again, ask whoever runs "
                           f"the bot on the council's server to run:\n`{self.command}`\nIt writes the same audits "
                           "file and summary sheet, for you to keep on secure council storage.")]
