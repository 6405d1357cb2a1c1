"""An entity's row page as a reporter reads it: what a person said, when, where, about what.

Quotations newest first, each with its verb, article (linked), outlet and date, filtered by
outlet (?source=ID) or by a name mentioned in the same article (?with=ENTITY_ID); the other
names it is written under; who is mentioned with it, linked, with the shared articles; its
mentions and quotations over time as plain HTML bars, readable without JavaScript.
"""
from datasette import hookimpl

from newscorpus.publish import facet_sample
from newscorpus.publish.facet_sample import articles_by_facet_index
from newscorpus.publish.entity_share import common_entities
from newscorpus.publish.timeline import timeline

# The types a reader recognises; other spaCy types (NORP, EVENT, LAW...) keep their code.
TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "NORP": "group (nationality, religion, party)",
              "EVENT": "event", "LAW": "law"}
QUOTES_SHOWN = 500
ARTICLES_SHOWN = 200
TOGETHER_SHOWN = 20


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
    mentioning = "(select article_id from article_entities where entity_id = :pk)"
    # An entity in a large share of the corpus: walk the published index newest first and stop
    # at the 200th (entity_share.py); read through its half a million ids and sorted, the list ran
    # out of the 3 s limit at 300,000 articles and the page was an error. `+duplicate_of` keeps
    # SQLite off the duplicate_of index, where IS NULL matched every original article.
    walk = int(pk) in await common_entities(db, [int(pk)]) if str(pk).isdigit() else False
    articles = rows(await db.execute(
        "select articles.id, articles.headline, articles.published, sources.name as source, "
        "(select mentions from article_entities where article_id = articles.id and entity_id = :pk) as mentions "
        "from articles left join sources on sources.id = articles.source_id "
        f"where {'+' if walk else ''}articles.id in {mentioning} and +articles.duplicate_of is null "
        f"order by articles.published desc, articles.id desc limit {ARTICLES_SHOWN}", {"pk": pk}))
    # Names mentioned with it in its newest SAMPLE_ARTICLES articles, as the articles page's entity
    # facet counts them: all the links of a quarter of a 300,000-article corpus are 2 million rows.
    # Counted first, named after, as that facet does.
    sample = facet_sample.SAMPLE_ARTICLES
    together = rows(await db.execute(
        "with counts as (select entity_id, count(*) as articles from article_entities "
        "where article_id in (select article_id from article_entities where entity_id = :pk "
        f"order by article_id desc limit {sample}) and entity_id != :pk "
        f"group by entity_id order by articles desc limit {TOGETHER_SHOWN * 2}) "
        "select entities.id, entities.name, entities.type, counts.articles from counts "
        f"join entities on entities.id = counts.entity_id order by counts.articles desc, entities.name "
        f"limit {TOGETHER_SHOWN}", {"pk": pk}))
    mentioned_in = (await db.execute(
        f"select count(*) > {sample} from (select 1 from article_entities where entity_id = ? limit {sample + 1})",
        [pk])).rows[0][0]
    # Every article's day from the narrow facet index, less the few copies through the
    # duplicate_of index: joined to the wide rows to test duplicate_of, the count read them all.
    dated = "published is not null group by day"
    all_days = (await db.execute(
        f"select substr(published, 1, 10) as day, count(*) from {await articles_by_facet_index(db)} "
        f"where id in {mentioning} and {dated}", {"pk": pk})).rows
    copy_days = dict((await db.execute(
        "select substr(published, 1, 10) as day, count(*) from articles where duplicate_of > 0 and exists "
        "(select 1 from article_entities where article_id = articles.id and entity_id = :pk) and "
        f"{dated}", {"pk": pk})).rows)
    mention_days = [(day, count - copy_days.get(day, 0)) for day, count in all_days if count > copy_days.get(day, 0)]
    by_day = "articles.published is not null and articles.duplicate_of is null group by day"
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
        "together_sampled": sample if mentioned_in else None,
        "timeline": timeline({"articles": [tuple(r) for r in mention_days], "quotations": [tuple(r) for r in quote_days]}),
    }

