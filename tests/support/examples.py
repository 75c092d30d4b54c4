"""How many examples a property test tries: the suite's own count, scaled up by `make fuzz`.

Hypothesis applies a test's own `max_examples` over any profile, so the scale lives here: `make test`
runs each property with its stated count on a derandomized profile; `make fuzz` multiplies it and
draws at random.
"""

from __future__ import annotations

import os


def examples(count: int) -> int:
    """`count` in the everyday suite; `count` × AUDITBOT_FUZZ_SCALE under `make fuzz`."""
    return count * max(1, int(os.environ.get("AUDITBOT_FUZZ_SCALE", "1") or 1))
