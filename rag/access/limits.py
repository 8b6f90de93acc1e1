"""How much one user may ask of a shared server: searches per minute, uploads per hour.

Sliding windows in memory, per principal (per address when the app is open): enough to keep one
runaway script or one impatient colleague from slowing everyone's searches on a 2-core machine.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

SEARCHES_PER_MINUTE = 60
UPLOADS_PER_HOUR = 30


class RateLimit:
    def __init__(self, count: int, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.count, self.seconds, self.clock = count, seconds, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, key: str) -> float:
        """0 and the request is counted; else the seconds until one more is allowed (nothing counted)."""
        if self.count <= 0:  # 0 turns the limit off
            return 0.0
        now = self.clock()
        with self._lock:
            seen = self._seen.setdefault(key, deque())
            while seen and seen[0] <= now - self.seconds:
                seen.popleft()
            if len(seen) >= self.count:
                return seen[0] + self.seconds - now
            seen.append(now)
            return 0.0


class Limits:
    def __init__(self, searches_per_minute: int = SEARCHES_PER_MINUTE, uploads_per_hour: int = UPLOADS_PER_HOUR,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.searches = RateLimit(searches_per_minute, 60, clock)
        self.uploads = RateLimit(uploads_per_hour, 3600, clock)

    def message(self, what: str, wait: float) -> str:
        """The refusal, in the words of the page."""
        if what == "search":
            return f"Quá {self.searches.count} lượt tìm trong một phút. Hãy thử lại sau {max(1, round(wait))} giây."
        return f"Quá {self.uploads.count} lần thêm/xóa văn bản trong một giờ. Hãy thử lại sau {max(1, round(wait / 60))} phút."
