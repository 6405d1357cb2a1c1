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

PARAMETER = "_entity"
ENTITY_ID = re.compile(r"[0-9]{1,18}")
# A filtered page counts the entities of at most this many of its articles, those stored last: the
# links of all of them are 30 rows an article, and over the 153,000 articles that mention the
# most-mentioned entity of a 300,000-article corpus the count always ran out of its time and
# showed nothing. Ranked search keeps to the newest 20,000 matches for the same reason.
SAMPLE_ARTICLES = 20_000


class EntityFacet(Facet):
    type = "entity"

    async def facet_results(self):
        results, timed_out = [], []
        if self.table != "articles":
            return results, timed_out
        selected = set(selected_entity_ids(self.request))
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            name = config.get("simple") or config.get("column") or "entity"
            # The unfiltered page counts the whole link table: no need to list every article id.
            sampled = False
            if is_unfiltered(self.sql, self.params):
                restriction = ""
            else:
                newest = f"select id from ({self.sql}) order by id desc limit {SAMPLE_ARTICLES}"
                restriction = f"where article_id in ({newest})"
                try:
                    sampled = (await self.ds.execute(
                        self.database, f"select count(*) > {SAMPLE_ARTICLES} from "
                        f"(select 1 from ({self.sql}) limit {SAMPLE_ARTICLES + 1})", self.params,
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
                rows = (await self.ds.execute(self.database, sql, self.params, truncate=False,
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
                "sampled_articles": SAMPLE_ARTICLES if sampled else None,
            })
        return results, timed_out


def selected_entity_ids(request) -> list[int]:
    # ASCII digits and within SQLite's integer range: '²', '٣' or a 30-digit number is no id
    return [int(value) for value in request.args.getlist(PARAMETER) if ENTITY_ID.fullmatch(value.strip())]


def is_unfiltered(sql: str, params) -> bool:
    return not params and " where " not in sql.lower()


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
        names = dict((await datasette.get_database(database).execute(
            f"select id, name from entities where id in ({', '.join('?' * len(ids))})", ids)).rows)
        clauses, params, descriptions = [], {}, []
        for n, entity_id in enumerate(ids):
            clauses.append(f"id in (select article_id from article_entities where entity_id = :entity_{n})")
            params[f"entity_{n}"] = entity_id
            descriptions.append(f"mentions {names.get(entity_id, f'entity {entity_id} (none such)')}")
        return FilterArguments(clauses, params, descriptions)

    return arguments
