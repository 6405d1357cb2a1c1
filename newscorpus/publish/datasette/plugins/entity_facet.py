"""Articles faceted and filtered by the entities they mention, through article_entities.

Datasette 0.65 has no many-to-many facet (issue #551). Its array facet over the derived
`articles.entity_names` column unpacks the JSON of every row on every page view: seconds at
100,000 articles, so it always timed out. This facet counts article_entities through its
entity index instead, and `?_entity=ID` filters through the same index.

    facets: [{entity: entity_names}]     # config.yml; the facet keeps the column's name
    /corpus/articles?_entity=42          # articles mentioning entity 42 (repeat: all of them)
"""
import re

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_added_args, path_with_removed_args

from newscorpus.publish import facet_sample
from newscorpus.publish.entity_share import common_entities
from newscorpus.publish.facet_sample import SAMPLE_PARAMETER, TIMED_OUT, newest_matches

PARAMETER = "_entity"
ENTITY_ID = re.compile(r"[0-9]{1,18}")
# A page counts the entities of at most SAMPLE_ARTICLES of its articles, those stored last: the
# links of all of them are 30 rows an article, and over the 153,000 articles that mention the
# most-mentioned entity of a 300,000-article corpus the count always ran out of its time and
# showed nothing. Ranked search keeps to the newest 20,000 matches for the same reason; a filtered
# page's other facets count the same articles (facet_sample.py).
# An entity in more than entity_share.SCAN_SHARE of the articles is filtered with `+id in (...)`,
# which keeps SQLite from driving the page's query by the entity's article ids: it walks the
# published index newest first and stops at the page's last row (entity_share.py says when that
# pays). Only a page sorted by an indexed column can walk it: sorted by another, `+id` would read
# every article of the corpus instead of the matching ones.


class EntityFacet(Facet):
    type = "entity"

    async def facet_results(self):
        results, timed_out = [], []
        if self.table != "articles":
            return results, timed_out
        selected = set(selected_entity_ids(self.request))
        size = self.get_facet_size()
        sample = await newest_matches(self)
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            name = config.get("simple") or config.get("column") or "entity"
            if sample == TIMED_OUT:
                timed_out.append(name)
                continue
            params = sample.params if sample else self.params
            if sample:
                restriction, sampled = f"where article_id in (select value from json_each(:{SAMPLE_PARAMETER}))", True
            else:
                # The unfiltered page samples too: counting the whole link table took 404 ms at
                # 300,000 articles and ran out of its time, showing nothing, at a million.
                restriction = (f"where article_id in "
                               f"(select id from ({self.sql}) order by id desc limit {facet_sample.SAMPLE_ARTICLES})")
                sampled = self.row_count is not None and self.row_count > facet_sample.SAMPLE_ARTICLES
                if self.row_count is None:
                    try:
                        sampled = (await self.ds.execute(
                            self.database, f"select count(*) > {facet_sample.SAMPLE_ARTICLES} from "
                            f"(select 1 from ({self.sql}) limit {facet_sample.SAMPLE_ARTICLES + 1})", self.params,
                            custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows[0][0]
                    except QueryInterrupted:
                        timed_out.append(name)
                        continue
            # Count first, name the few top ones after: joining entities before grouping
            # looked up a name for each of 300,000 links (filtered page: 0.72 -> 0.30 s).
            sql = f"""
                with counts as (
                    select entity_id, count(*) as count from article_entities
                    {restriction}
                    group by entity_id order by count desc limit {size + 1}
                )
                select entities.id, entities.name, entities.type, counts.count
                from counts join entities on entities.id = counts.entity_id
                order by counts.count desc, entities.name"""
            try:
                rows = (await self.ds.execute(self.database, sql, params, truncate=False,
                                              custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
            except QueryInterrupted:
                timed_out.append(name)
                continue
            values = []
            for row in rows[:size]:
                is_selected = row["id"] in selected
                change = path_with_removed_args if is_selected else path_with_added_args
                values.append({
                    "value": row["id"],
                    "label": f"{row['name']} ({row['type'].lower()})",
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, change(self.request, {PARAMETER: str(row["id"])})),
                    "selected": is_selected,
                })
            results.append({
                "name": name,
                "type": self.type,
                "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_entity": name})),
                "truncated": len(rows) > size,
                # Said under the heading: these counts are of the newest articles only.
                "sampled_articles": facet_sample.SAMPLE_ARTICLES if sampled else None,
            })
        return results, timed_out


def selected_entity_ids(request) -> list[int]:
    # ASCII digits and within SQLite's integer range: '²', '٣' or a 30-digit number is no id
    return [int(value) for value in request.args.getlist(PARAMETER) if ENTITY_ID.fullmatch(value.strip())]


async def sorted_by_an_index(db, request, table_metadata: dict) -> bool:
    """Whether the page's order is one SQLite can read from an index of articles (its rowid, or
    the first column of one), as the default, newest published first, is."""
    column = (request.args.get("_sort") or request.args.get("_sort_desc")
              or table_metadata.get("sort") or table_metadata.get("sort_desc"))
    if column in (None, "id", "rowid"):
        return True
    leading = (await db.execute(
        "select info.name from pragma_index_list('articles') as list, pragma_index_info(list.name) as info "
        "where info.seqno = 0")).rows
    return column in {name for (name,) in leading}


@hookimpl
def register_facet_classes():
    return [EntityFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    if table != "articles" or PARAMETER not in request.args:
        return None

    async def arguments():
        ids = selected_entity_ids(request)
        if not ids:
            # Still a filter, so a mistyped link shows no articles rather than all of them.
            return FilterArguments(["0"], human_descriptions=["no entity (the _entity value must be an entity id)"])
        db = datasette.get_database(database)
        names = dict((await db.execute(
            f"select id, name from entities where id in ({', '.join('?' * len(ids))})", ids)).rows)
        walkable = await sorted_by_an_index(db, request, datasette.table_metadata(database, table))
        common = await common_entities(db, ids) if walkable else set()
        clauses, params, descriptions = [], {}, []
        for n, entity_id in enumerate(ids):
            column = "+id" if entity_id in common else "id"
            clauses.append(f"{column} in (select article_id from article_entities where entity_id = :entity_{n})")
            params[f"entity_{n}"] = entity_id
            descriptions.append(f"mentions {names.get(entity_id, f'entity {entity_id} (none such)')}")
        return FilterArguments(clauses, params, descriptions)

    return arguments
