"""Score a built database against the hand-checked seed expectations, field by field.

    python -m newscorpus.evaluate.score seeds [--db corpus.db] [--gold ../shared/gold/seeds.json]

Prints one line per expectation (ok / MISS with what was found instead) and a total per
field family, so a change to the extractor shows exactly what it fixed or broke.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import click

from ..locations import shared_path

DEFAULT_GOLD = shared_path("gold", "seeds.json")
ENTITY_TYPES = {"persons": "PERSON", "orgs": "ORG", "places": "PLACE"}


def norm(text) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def starts(text, prefix) -> bool:
    return norm(text).startswith(norm(prefix))


class Scorecard:
    def __init__(self):
        self.lines: list[str] = []
        self.totals = defaultdict(lambda: [0, 0])

    def check(self, family: str, ok: bool, what: str, found="") -> None:
        self.totals[family][0] += ok
        self.totals[family][1] += 1
        self.lines.append(f"  {'ok  ' if ok else 'MISS'} {family:<12} {what}" + ("" if ok else f"  (found: {found!r})"))


def score_article(card: Scorecard, conn: sqlite3.Connection, article: sqlite3.Row, gold: dict) -> None:
    for field in ("title", "section", "dateline", "image_credit"):
        if field in gold:
            card.check(field, norm(article[field]) == norm(gold[field]), f"{field} = {gold[field]!r}", article[field])
    body = article["body"]
    card.check("body", starts(body, gold["body_starts"]), f"starts {gold['body_starts']!r}", body[:60])
    card.check("body", norm(body).endswith(norm(gold["body_ends"])), f"ends {gold['body_ends']!r}", body[-60:])
    for line in gold.get("not_in_body", []):
        card.check("boilerplate", norm(line) not in norm(body), f"removed {line!r}", "still in body")
    comments = conn.execute("select * from comments where article_id = ? order by position", (article["id"],)).fetchall()
    card.check("comments", len(comments) == len(gold["comments"]), f"{len(gold['comments'])} comments", len(comments))
    for expected, found in zip(gold["comments"], comments):
        card.check("comments", norm(found["author"]) == norm(expected["author"]), f"author {expected['author']!r}", found["author"])
        card.check("comments", found["posted_at"] == expected["posted_at"], f"posted_at {expected['posted_at']}", found["posted_at"])
        card.check("comments", starts(found["body"], expected["text_starts"]), f"text {expected['text_starts']!r}", found["body"][:40])
    if gold.get("comment_count_shown") is not None:
        card.check("comments", article["comment_count_shown"] == gold["comment_count_shown"],
                   f"count shown {gold['comment_count_shown']}", article["comment_count_shown"])
    for heading in gold.get("subheadings", []):
        found = [r[0] for r in conn.execute("select text from subheadings where article_id = ?", (article["id"],))]
        card.check("subheadings", any(norm(heading) in norm(h) for h in found), repr(heading), found)
    score_quotes(card, conn, article["id"], gold)
    score_entities(card, conn, article["id"], gold)


def score_quotes(card: Scorecard, conn, article_id: int, gold: dict) -> None:
    quotes = conn.execute(
        "select quotes.id, quotes.text, group_concat(entities.name, '|') as speakers from quotes "
        "left join quote_speakers on quote_speakers.quote_id = quotes.id "
        "left join entities on entities.id = quote_speakers.entity_id "
        "where quotes.article_id = ? group by quotes.id order by quotes.position", (article_id,)
    ).fetchall()
    for expected in gold.get("quotes", []):
        match = next((q for q in quotes if starts(q["text"], expected["text_starts"])), None)
        card.check("quotes", match is not None, f"quote {expected['text_starts']!r}", "not found")
        wanted = expected["speaker"] if isinstance(expected["speaker"], list) else [expected["speaker"]]
        speakers = (match["speakers"] or "").split("|") if match else []
        card.check("speakers", sorted(map(norm, wanted)) == sorted(map(norm, filter(None, speakers))),
                   f"{expected['text_starts'][:30]!r} by {' & '.join(wanted)}", speakers)
    for text in gold.get("not_quotes", []):
        card.check("not_quotes", not any(norm(q["text"]).strip(" .,") == norm(text) for q in quotes), f"not a quote: {text!r}", "stored")


def score_entities(card: Scorecard, conn, article_id: int, gold: dict) -> None:
    # The gold matches "case-insensitive on text prefixes", and an entity counts as found
    # when the gold name is its canonical name or one of its aliases ("FSB").
    found = defaultdict(set)
    for type_, name in conn.execute(
        "select entities.type, entities.name from article_entities join entities on entities.id = entity_id "
        "where article_id = ? union select entities.type, entity_aliases.alias from article_entities "
        "join entities on entities.id = article_entities.entity_id "
        "join entity_aliases on entity_aliases.entity_id = entities.id where article_id = ?", (article_id, article_id)
    ):
        found[type_].add(norm(name))
    for family, type_ in ENTITY_TYPES.items():
        for name in gold.get(family, []):
            hit = any(candidate.startswith(norm(name)) for candidate in found[type_])
            card.check(family, hit, f"{type_} {name!r}",
                       next((t for t, names in found.items() if norm(name) in names), "absent"))


def score(db_path: Path, gold_path: Path) -> Scorecard:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["files"]
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    card = Scorecard()
    for file_name, expected in sorted(gold.items()):
        article = conn.execute("select * from articles where path like ? order by length(path) limit 1",
                               (f"%{file_name}",)).fetchone()
        card.lines.append(file_name)
        if article is None:
            card.check("missing", False, "article not in the database", None)
            continue
        score_article(card, conn, article, expected)
    return card


@click.command()
@click.argument("corpus", type=click.Choice(["seeds"]))
@click.option("--db", "db_path", default="corpus.db", show_default=True, type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_path", default=DEFAULT_GOLD, show_default=True, type=click.Path(path_type=Path))
@click.option("--quiet", is_flag=True, help="Only the totals.")
def main(corpus, db_path, gold_path, quiet):
    """Compare DB with the gold expectations for CORPUS field by field."""
    if not gold_path.exists():
        raise click.ClickException(f"gold file {gold_path} not found (it lives in ../shared/gold/; pass --gold)")
    card = score(db_path, gold_path)
    if not quiet:
        click.echo("\n".join(card.lines))
    hits = sum(ok for ok, _ in card.totals.values())
    total = sum(n for _, n in card.totals.values())
    click.echo("\ntotals:")
    for family, (ok, n) in card.totals.items():
        click.echo(f"  {family:<12} {ok}/{n}")
    click.echo(f"  {'ALL':<12} {hits}/{total} ({hits / total:.1%})")
    sys.exit(0)


if __name__ == "__main__":
    main()
