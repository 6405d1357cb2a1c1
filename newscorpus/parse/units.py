"""Lines of a plain-text article as units: one paragraph candidate each, with its raw line numbers.

Shared by article.py, header.py and comments.py so that they agree on what a
"sentence", a "short line" and "article text" are.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as date_parser

from .rules import Rules, matches_any

SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*$|[\"”»][.!?]?$")
# A hard-wrapped line stops mid-sentence: no closing punctuation and the next line goes on
# in lower case.
WRAP_TAIL = re.compile(r"[.!?…:;\"”’)\]]$")
YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
# "7 Aug 12 at 11:21 pm", "Aug 7, '12 11:21": the stamp's year in two digits (the rules' SHORTYEAR)
SHORT_YEAR = re.compile(r"\b(?:\d{1,2}\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,2},?)\s+'?\d{2}\b.*\d[:.]\d\d", re.I)


@dataclass
class Unit:
    lines: list[int]  # raw line numbers (0-based); several when hard-wrapped lines were joined
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_units(text: str) -> list[Unit]:
    """Non-empty lines, with hard-wrapped lines of one blank-line-separated block joined."""
    text = normalise_newlines(text)
    units: list[Unit] = []
    previous_blank = True
    for number, raw in enumerate(text.split("\n")):
        line = " ".join(raw.split()) if len(raw) < 100_000 else raw.strip()
        if not line:
            previous_blank = True
            continue
        if not previous_blank and units and _continues(units[-1].text, line):
            units[-1].text += " " + line
            units[-1].lines.append(number)
        else:
            units.append(Unit([number], line))
        previous_blank = False
    return units


def normalise_newlines(text: str) -> str:
    """Without a byte-order mark, with every line ending as \\n (files from Windows and old Macs)."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _continues(previous: str, line: str) -> bool:
    return len(previous) >= 40 and not WRAP_TAIL.search(previous[-3:]) and line[:1].islower()


def is_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text[-4:]))


def is_content(unit: Unit, rules: Rules) -> bool:
    """Article text wherever it stands: long, or a real sentence; never a furniture line."""
    words = unit.words
    settings = rules.settings
    if words < settings.sentence_words:
        return False
    if words < settings.long_words and not is_sentence(unit.text):
        return False
    return rules.dropped_by(unit.text) is None


def is_date_line(text: str, rules: Rules) -> bool:
    return len(text) < 80 and matches_any(rules.date_line, text) is not None


def parse_stamp(text: str) -> str | None:
    """ISO 8601 for a printed date (with the time when one is printed); None without a year,
    for relative stamps ("12 days ago"), or when the date cannot be read."""
    if not text or not (YEAR.search(text) or SHORT_YEAR.search(text)) or len(text) > 200:
        return None
    cleaned = re.sub(r"\b(at|on|posted|published|updated|last|@|\|)\b", " ", text, flags=re.I)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    cleaned = cleaned.replace("|", " ").replace("@", " ").replace("'", " ")
    try:
        with warnings.catch_warnings():  # "EST" and the like: the local time as printed is kept
            warnings.simplefilter("ignore")
            moment = date_parser.parse(cleaned, fuzzy=True, ignoretz=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if moment.year == 1900:
        return None
    if HAS_TIME.search(text):
        return moment.replace(tzinfo=None).isoformat(timespec="seconds")
    return moment.date().isoformat()
