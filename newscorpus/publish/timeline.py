"""Counts over time for the HTML bar charts of the home and entity pages.

Each series comes as counts per day (`substr(published, 1, 10)` grouped in SQL, so a page
reads a few thousand rows at most, whatever the corpus size). The period follows the range:
weeks when it spans under four months, months up to ten years, years beyond, with empty
periods kept so the gaps show. Dates that are not ISO (YYYY, YYYY-MM or YYYY-MM-DD first)
are left out rather than guessed.
"""
from __future__ import annotations

from datetime import date, timedelta

WEEKS_UNDER_DAYS = 120
MONTHS_UNDER_YEARS = 10


def _day(text: str | None) -> date | None:
    text = (text or "")[:10]
    for length, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) >= length:
            try:
                return date.fromisoformat(text[:length] + suffix)
            except ValueError:
                return None
    return None


def _period(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _label(start: date, unit: str) -> str:
    if unit == "week":
        return f"week of {start.isoformat()}"
    return start.strftime("%Y-%m") if unit == "month" else str(start.year)


def timeline(series: dict[str, list[tuple[str, int]]]) -> dict | None:
    """{unit, rows: [{label, since, until, next (the day after), counts: {name: n}, widths: {name: % of the top}}]}."""
    counted: dict[str, list[tuple[date, int]]] = {
        name: [(day, n) for text, n in pairs if (day := _day(text)) is not None] for name, pairs in series.items()}
    days = [day for pairs in counted.values() for day, _ in pairs]
    if not days:
        return None
    first, last = min(days), max(days)
    span = (last - first).days
    unit = "week" if span < WEEKS_UNDER_DAYS else "month" if span < 366 * MONTHS_UNDER_YEARS else "year"
    rows, start = [], _period(first, unit)
    index: dict[date, dict] = {}
    while start <= last:
        end = _next(start, unit)
        row = {"label": _label(start, unit), "since": start.isoformat(),
               "until": (end - timedelta(days=1)).isoformat(), "next": end.isoformat(), "counts": dict.fromkeys(series, 0)}
        rows.append(row)
        index[start] = row
        start = end
    for name, pairs in counted.items():
        for day, n in pairs:
            index[_period(day, unit)]["counts"][name] += n
    for name in series:
        top = max(row["counts"][name] for row in rows) or 1
        for row in rows:
            row.setdefault("widths", {})[name] = round(100 * row["counts"][name] / top, 1)
    return {"unit": unit, "rows": rows, "series": list(series)}
