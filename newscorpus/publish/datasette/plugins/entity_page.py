"""An entity's row page as a reporter reads it: what a person said, when, where, about what.

Quotations newest first, each with its verb, article (linked), outlet and date, filtered by
outlet (?source=ID) or by a name mentioned in the same article (?with=ENTITY_ID); the other
names it is written under; who is mentioned with it, linked, with the shared articles; its
mentions and quotations over time as plain HTML bars, readable without JavaScript.
"""
from datasette import hookimpl

from newscorpus.publish.timeline import timeline

# The types a reader recognises; other spaCy types (NORP, EVENT, LAW...) keep their code.
TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "NORP": "group (nationality, religion, party)",
              "EVENT": "event", "LAW": "law"}
QUOTES_SHOWN = 500


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "entities":
        return {}

    async def variables():
        db = datasette.get_database(database)
        return {"entity_view": await entity_view(db, request.url_vars.get("pks"), request.args)}

    return variables


def _id(args, name):
    value = (args.get(name) or "").strip()
    return int(value) if value.isdigit() else None


async def entity_view(db, pk, args):
    entity = (await db.execute("select * from entities where id = ?", [pk])).first()
    if entity is None:
        return None
    rows = lambda result: [dict(r) for r in result.rows]  # noqa: E731
    aliases = [alias for (alias,) in (await db.execute(
        "select alias from entity_aliases where entity_id = ? and alias != ? collate nocase order by alias",
        [pk, entity["name"]])).rows]
    source, together_with = _id(args, "source"), _id(args, "with")
    # An identical copy (articles.duplicate_of) would show each quotation twice.
    quote_filter = "where quote_speakers.entity_id = :pk and articles.duplicate_of is null"
    if source is not None:
        quote_filter += " and articles.source_id = :source"
    if together_with is not None:
        quote_filter += (" and quotes.article_id in (select article_id from article_entities "
                         "where entity_id = :with)")
    params = {"pk": pk, "source": source, "with": together_with}
    quotes = rows(await db.execute(
        "select quotes.text, quotes.kind, quotes.cue, articles.id as article_id, articles.headline, "
        "articles.published, articles.source_id, sources.name as source "
        "from quote_speakers join quotes on quotes.id = quote_speakers.quote_id "
        "join articles on articles.id = quotes.article_id left join sources on sources.id = articles.source_id "
        f"{quote_filter} order by articles.published is null, articles.published desc, quotes.article_id desc, "
        f"quotes.position limit {QUOTES_SHOWN + 1}", params))
    quote_sources = rows(await db.execute(
        "select sources.id, sources.name, count(*) as quotes from quote_speakers "
        "join quotes on quotes.id = quote_speakers.quote_id join articles on articles.id = quotes.article_id "
        "join sources on sources.id = articles.source_id "
        "where quote_speakers.entity_id = ? and articles.duplicate_of is null "
        "group by sources.id order by quotes desc, sources.name limit 20", [pk]))
    articles = rows(await db.execute(
        "select articles.id, articles.headline, articles.published, sources.name as source, article_entities.mentions "
        "from article_entities join articles on articles.id = article_entities.article_id "
        "left join sources on sources.id = articles.source_id "
        "where entity_id = ? and articles.duplicate_of is null "
        "order by articles.published is null, articles.published desc, article_entities.mentions desc limit 200", [pk]))
    together = rows(await db.execute(
        "select entities.id, entities.name, entities.type, count(*) as articles from article_entities "
        "join entities on entities.id = article_entities.entity_id "
        "where article_entities.article_id in (select article_id from article_entities where entity_id = ?) "
        "and article_entities.entity_id != ? group by entities.id order by articles desc, entities.name limit 20",
        [pk, pk]))
    by_day = "articles.published is not null and articles.duplicate_of is null group by day"
    mention_days = (await db.execute(
        "select substr(articles.published, 1, 10) as day, count(*) from article_entities "
        f"join articles on articles.id = article_entities.article_id where entity_id = ? and {by_day}", [pk])).rows
    quote_days = (await db.execute(
        "select substr(articles.published, 1, 10) as day, count(*) from quote_speakers "
        "join quotes on quotes.id = quote_speakers.quote_id join articles on articles.id = quotes.article_id "
        f"where quote_speakers.entity_id = ? and {by_day}", [pk])).rows
    with_name = None
    if together_with is not None:
        named = (await db.execute("select name from entities where id = ?", [together_with])).first()
        with_name = named[0] if named else f"entity {together_with}"
    return {
        "entity": dict(entity),
        "type_name": TYPE_NAMES.get(entity["type"], entity["type"]),
        "aliases": aliases,
        "articles": articles,
        "quotes": quotes[:QUOTES_SHOWN],
        "more_quotes": len(quotes) > QUOTES_SHOWN,
        "quote_sources": quote_sources,
        "filter": {"source": source, "source_name": next((s["name"] for s in quote_sources if s["id"] == source), None),
                   "with": together_with, "with_name": with_name},
        "together": together,
        "timeline": timeline({"articles": [tuple(r) for r in mention_days], "quotations": [tuple(r) for r in quote_days]}),
    }
