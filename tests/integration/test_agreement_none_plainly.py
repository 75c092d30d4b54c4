"""No moderated audits said plainly. Trial 50: `compare north and south` read "moderation agreement none moderated of
audits submitted in December"; the Home "none moderated of the audits submitted 26 Oct to 29 Nov 2026: the week of 23
to 29 Nov and the 4 weeks before it; …"."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 10, 10, 0, tzinfo=LONDON)  # Thursday 10 December


def test_compare_says_plainly_that_no_audit_of_the_month_is_moderated_yet(engine: Engine,
                                                                          services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        AuditRows(services).audit(submitted=datetime(2026, 12, 8, 9, tzinfo=UTC))
        replies = engine.message("U0ADMIN01", "compare north and south", surface="terminal")
    text = replies[0].text
    assert "moderation agreement none yet (no audit submitted in December 2026 has been moderated)" in text, text
    assert "agreement: none yet (no audit submitted in December 2026 has been moderated)" in text
    assert "none moderated" not in text
