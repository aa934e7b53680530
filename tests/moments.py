"""The moment tests and benches run at, whatever the real date and hour.

Monday 23 November 2026, 10:00 in London (GMT): inside the sample campaign's hours
(08:00-22:00 every day) and its time frame, which starts a week before the day the
sample is made. Tests pin the app's clock (designer.models.clock) here, and browsers
(the runtime's preview clock, Playwright's clock) to it or a moment chosen from it.
"""

from __future__ import annotations

from datetime import UTC, datetime

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
MONDAY_10_ISO = "2026-11-23T10:00:00Z"
