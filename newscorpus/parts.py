"""The values that flow between pipeline stages (docs/architecture.md, "Data flow").

Every stage before `store` is a pure function from one of these to the next, so each
stage can be tested on a string and run in a worker process.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """An article as read: its identity (path relative to the ingest root, plus #KEY for a record
    of a file holding many) and version (sha256 of its bytes)."""

    path: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    # The file's size and modification time when it was read: a re-run skips a file whose
    # stat still matches without reading it (--checksum reads and hashes everything).
    size: int | None = None
    mtime_ns: int | None = None
    # A record of a file holding many (JSON lines, a web archive): that file's identity, and
    # the address the archive fetched the page from. None for a file that is one article.
    file: str | None = None
    url: str | None = None


@dataclass
class ParsedComment:
    position: int
    author: str | None
    posted_at: str | None  # ISO 8601, local time as printed; None when the page shows none
    body: str


@dataclass
class Boilerplate:
    """A line removed from the body, kept for audit with the rule that removed it."""

    position: int  # line number in the raw text (0-based)
    text: str
    rule: str


@dataclass
class ArticleParts:
    title: str | None = None
    section: str | None = None
    dateline: str | None = None
    byline: str | None = None
    image_credit: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    updated: str | None = None  # ISO 8601: when the page says it was last changed, kept apart from published
    authors: list[str] = field(default_factory=list)  # the people of the byline, one name each
    paragraphs: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    comments: list[ParsedComment] = field(default_factory=list)
    comment_count_shown: int | None = None  # "1 comment", "No comments:" -> 0
    url: str | None = None  # a web page's own address
    site: str | None = None  # the publication the input names (site name or domain), for sources.name
    categories: list[str] = field(default_factory=list)  # as the page or export labels them
    tags: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class EntityRef:
    """A canonical entity as found in one article."""

    name: str  # canonical name, e.g. "Sergei Lavrov"
    type: str  # PERSON, ORG, PLACE, NORP, EVENT, LAW, ...
    aliases: set[str] = field(default_factory=set)  # every surface form seen
    mentions: int = 0  # mentions in the article body
    titles: set[str] = field(default_factory=set)  # roles stripped from mentions: "Foreign Minister"
    # who the titles are held at, as written next to them: "Russian", "Chinese Foreign Ministry";
    # lets "the Chinese diplomat" find the right person.
    affiliations: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in the body: character offsets and the canonical name."""

    start: int
    end: int
    text: str
    name: str
    type: str


@dataclass
class FoundQuote:
    start: int  # offsets into ArticleParts.body, the quoted text without its marks
    end: int
    text: str
    kind: str  # "direct" or "partial"
    cue: str | None = None  # reporting verb, lemma as written ("said", "stressed")
    speakers: list[str] = field(default_factory=list)  # canonical entity names, first is the main


@dataclass
class Extraction:
    """Everything the NLP stage found in one article body."""

    entities: list[EntityRef] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[FoundQuote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out and why (a stage over its time budget)
