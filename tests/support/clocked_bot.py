"""`python -m tests.support.clocked_bot ARGS`: the bot's own entry point, on the moved clock when one is set.

Test bot processes start through this, so that a suite run with `AUDITBOT_TEST_NOW` moves their clock too
(the parent passes its own current, moved, time). Production never imports it.
"""

from __future__ import annotations

import sys

from bot.__main__ import main
from tests.support.moved_clock import start_moved_clock

if __name__ == "__main__":
    traveller = start_moved_clock()
    try:
        code = main(sys.argv[1:])
    finally:
        if traveller is not None:
            traveller.stop()
    sys.exit(code)
