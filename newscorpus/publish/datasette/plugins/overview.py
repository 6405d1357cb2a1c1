"""The home page's picture of the corpus, and a search box on every page.

Counts, date range, sources, articles over time and the most-quoted speakers, drawn as
plain HTML bars: no JavaScript chart library to load, and it renders in any browser."""
from datasette import hookimpl

from newscorpus.publish.timeline import timeline

CORPUS_TABLES = ("articles", "quotes", "comments", "entities")
COPIES = "select id from articles where duplicate_of is not null"


async def corpus_database(datasette):
    """The first served database that has the corpus schema."""
    for name, database in datasette.databases.items():
        if name.startswith("_"):
            continue
        if "articles" in await database.table_names():
            return name, database
    return None, None


@hookimpl
def extra_template_vars(view_name, datasette):
    async def variables():
        name, database = await corpus_database(datasette)
        result = {"corpus_database": name}
        if view_name == "index" and database is not None:
            result["overview"] = await overview(database)
        return result

    return variables


async def overview(database):
    async def one(sql):
        return (await database.execute(sql)).first()

    # Each text once: an identical copy (articles.duplicate_of) would count its words, quotes
    # and speakers twice. Near copies (stories) stay: a rewrite is an outlet's own version.
    each_once = {"articles": "select count(*) from articles where duplicate_of is null",
                 "quotes": f"select count(*) from quotes where article_id not in ({COPIES})"}
    counts = {table: (await one(each_once.get(table, f"select count(*) from {table}")))[0]
              for table in CORPUS_TABLES}
    first, last = await one("select min(published), max(published) from articles where published is not null")
    sources = [dict(r) for r in (await database.execute(
        "select sources.id, sources.name, count(articles.id) as articles from sources "
        "left join articles on articles.source_id = sources.id and articles.duplicate_of is null "
        "group by sources.id order by articles desc limit 20")).rows]
    days = [tuple(r) for r in (await database.execute(
        "select substr(published, 1, 10) as day, count(*) from articles "
        "where published is not null and duplicate_of is null group by day")).rows]
    speakers = [dict(r) for r in (await database.execute(
        "select entities.id, entities.name, count(*) as quotes from quote_speakers "
        "join entities on entities.id = quote_speakers.entity_id "
        f"where quote_speakers.quote_id not in (select id from quotes where article_id in ({COPIES})) "
        "group by entities.id order by quotes desc, entities.name limit 10")).rows]
    return {
        "copies": (await one(f"select count(*) from ({COPIES})"))[0],
        "counts": counts,
        "first": first,
        "last": last,
        "undated": (await one("select count(*) from articles where published is null"))[0],
        "sources": sources,
        "timeline": timeline({"articles": days}),
        "speakers": with_widths(speakers, "quotes"),
    }


def with_widths(rows, key):
    top = max((r[key] for r in rows), default=0) or 1
    for row in rows:
        row["width"] = round(100 * row[key] / top, 1)
    return rows
