"""The reader view of an article's row page (an entity's is in entity_page.py).

An article page shows the article as a reader expects it: the body in paragraphs with its
quotations marked and attributed, the entities it mentions, and its reader comments.
All text is escaped; only the markup built here is trusted.
"""
import re

from datasette import hookimpl
from markupsafe import Markup, escape


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "articles":
        return {}

    async def variables():
        db = datasette.get_database(database)
        return {"article_view": await article_view(db, request.url_vars.get("pks"))}

    return variables


async def article_view(db, pk):
    article = (await db.execute(
        "select articles.*, sources.name as source from articles "
        "left join sources on sources.id = articles.source_id where articles.id = ?", [pk])).first()
    if article is None:
        return None
    quotes = (await db.execute(
        "select quotes.id, quotes.start, quotes.end, quotes.kind, quotes.cue, quotes.group_id, "
        "max(coalesce(quote_groups.article_count, 1) - 1, 0) as also_in, "
        "group_concat(entities.name, ' & ') as speakers, min(entities.id) as speaker_id from quotes "
        "left join quote_groups on quote_groups.id = quotes.group_id "
        "left join quote_speakers on quote_speakers.quote_id = quotes.id "
        "left join entities on entities.id = quote_speakers.entity_id "
        "where quotes.article_id = ? group by quotes.id order by quotes.start", [pk])).rows
    entities = (await db.execute(
        "select entities.id, entities.name, entities.type, article_entities.mentions from article_entities "
        "join entities on entities.id = article_entities.entity_id where article_id = ? "
        "order by article_entities.mentions desc, entities.name", [pk])).rows
    comments = (await db.execute(
        "select author, posted_at, body from comments where article_id = ? order by position", [pk])).rows
    removed = (await db.execute("select count(*) from boilerplate_lines where article_id = ?", [pk])).first()[0]
    first_copy = article["duplicate_of"] or article["id"]
    copies = (await db.execute(
        "select count(*) from articles where (id = ? or duplicate_of = ?) and id != ?",
        [first_copy, first_copy, article["id"]])).first()[0]
    story = (await db.execute("select * from stories where id = ?", [article["story_id"]])).first()
    return {
        "identical_copies": copies,
        "story": dict(story) if story else None,
        "article": dict(article),
        "paragraphs": marked_paragraphs(article["body"] or "", [dict(q) for q in quotes]),
        "quotes": [dict(q) for q in quotes],
        "entities": [dict(e) for e in entities],
        "comments": [dict(c) for c in comments],
        "boilerplate_count": removed,
    }


CLOSING_MARKS = re.compile(r"[”\"’'»]+")


def marked_paragraphs(body: str, quotes: list[dict]) -> list[Markup]:
    """The body's paragraphs as HTML with each quotation wrapped in <q> and attributed."""
    paragraphs, offset = [], 0
    for text in body.split("\n\n"):
        start, end = offset, offset + len(text)
        offset = end + 2
        html, cursor = Markup(""), start
        for quote in quotes:
            q_start, q_end = max(quote["start"], start), min(quote["end"], end)
            if q_start >= q_end or q_start < cursor:
                continue
            speaker = quote["speakers"] or "unattributed"
            html += escape(body[cursor:q_start])
            html += Markup('<q class="quote {}" title="{}">{}</q>').format(
                quote["kind"], f"{speaker} ({quote['cue'] or 'no cue'})", body[q_start:q_end])
            if q_end == quote["end"]:
                # The stored span leaves out the quotation marks: the speaker goes after them.
                closing = CLOSING_MARKS.match(body, q_end, end)
                if closing:
                    html += escape(closing.group())
                    q_end = closing.end()
                html += Markup(' <span class="speaker">— {}</span>').format(speaker)
                if quote.get("also_in"):
                    html += Markup(' <span class="also">(also in {} other article{})</span>').format(
                        quote["also_in"], "s" if quote["also_in"] != 1 else "")
            cursor = q_end
        html += escape(body[cursor:end])
        if text.strip():
            paragraphs.append(html)
    return paragraphs
