"""`date_bound(text)`: what a user types as a search's date limit -> an ISO date prefix.

Stored dates are ISO 8601 (`2024-03-05T10:08:00+00:00`), so a prefix compares as text: an
article is on or after `2024-03` when its date is >= it, on or before when its first seven
characters are <= it. A year, a month or a day is accepted, with -, / or . between the
parts; anything else is NULL, so the query shows nothing and the page says why
(plugins/date_limits.py) rather than matching whatever a text comparison lets through.
"""
from __future__ import annotations

import re

DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
FORMS = "a year, a month or a day: 2024, 2024-03 or 2024-03-05"


def date_bound(text: str | None) -> str | None:
    """'' when nothing is typed, the ISO prefix of a valid date, None otherwise."""
    text = (text or "").strip()
    if not text:
        return ""
    match = DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    days = [31, 29 if _leap(int(year)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][int(month) - 1]
    if not 1 <= int(day) <= days:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
