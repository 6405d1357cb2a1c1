"""Articles faceted and filtered by how many outlets carried their story ("carried by 5+ outlets").

A story's outlet count lives in `stories.source_count`, one join away from an article, and a
column facet counts raw values: 1, 2, 3, ... 37 outlets, one line each. This facet counts
articles in ranges whose lower bounds are configuration, and `?_outlets=5` keeps the articles
of the range starting at 5.

    facets: [{outlets: {column: story_id, from: [1, 2, 5, 10]}}]     # config.yml
    /corpus/articles?_outlets=5       # articles whose story 5 to 9 outlets carried
"""
import re

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_added_args, path_with_removed_args

from newscorpus.publish.facet_sample import TIMED_OUT, newest_matches

PARAMETER = "_outlets"
DEFAULT_FROM = (1, 2, 5, 10)
COUNT = re.compile(r"[0-9]{1,9}")


class OutletsFacet(Facet):
    type = "outlets"

    async def facet_results(self):
        results, timed_out = [], []
        if self.table != "articles":
            return results, timed_out
        sample = await newest_matches(self)
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            name = config.get("simple") or config.get("column") or "story_id"
            if sample == TIMED_OUT:
                timed_out.append(name)
                continue
            bounds = lower_bounds(config.get("from"))
            # A filtered page's articles are counted straight from its query: looking each of
            # them up again by id read the same 153,000 rows twice on the most-mentioned entity.
            sql, params = (sample.sql, sample.params) if sample else (self.sql, self.params)
            articles = "articles" if is_unfiltered(sql, params) else f"({sql})"
            # Articles per story first (through the story_id index), outlets per story after:
            # one row per story to join instead of one per article.
            facet_sql = f"""
                with per_story as (
                    select story_id, count(*) as count from {articles} group by story_id
                )
                select stories.source_count as outlets, sum(per_story.count) as count
                from per_story join stories on stories.id = per_story.story_id
                group by stories.source_count"""
            try:
                rows = (await self.ds.execute(self.database, facet_sql, params, truncate=False,
                                              custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
            except QueryInterrupted:
                timed_out.append(name)
                continue
            counts = dict.fromkeys(bounds, 0)
            for row in rows:
                if (start := range_start(bounds, row["outlets"])) is not None:
                    counts[start] += row["count"]
            selected = self.request.args.get(PARAMETER)
            values = []
            for start, count in counts.items():
                if not count:
                    continue
                is_selected = selected == str(start)
                change = path_with_removed_args if is_selected else path_with_added_args
                values.append({
                    "value": start,
                    "label": range_label(bounds, start),
                    "count": count,
                    "toggle_url": self.ds.absolute_url(self.request, change(self.request, {PARAMETER: str(start)})),
                    "selected": is_selected,
                })
            results.append({
                "name": name,
                "type": self.type,
                "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_outlets": name})),
                "truncated": False,
                "sampled_articles": sample.articles if sample else None,
            })
        return results, timed_out


def is_unfiltered(sql: str, params) -> bool:
    return not params and " where " not in sql.lower()


def lower_bounds(configured) -> tuple[int, ...]:
    """The configured lower bounds, ascending, starting at 1 (every story has an outlet)."""
    try:
        bounds = sorted({int(b) for b in configured or DEFAULT_FROM if int(b) >= 1})
    except (TypeError, ValueError):
        bounds = list(DEFAULT_FROM)
    return tuple(bounds if bounds and bounds[0] == 1 else [1, *bounds])


def range_start(bounds: tuple[int, ...], outlets: int | None) -> int | None:
    if outlets is None or outlets < bounds[0]:
        return None
    return max(b for b in bounds if b <= outlets)


def range_end(bounds: tuple[int, ...], start: int) -> int | None:
    """The last outlet count of the range starting at `start`; None for the open last range."""
    later = [b for b in bounds if b > start]
    return later[0] - 1 if later else None


def range_label(bounds: tuple[int, ...], start: int) -> str:
    end = range_end(bounds, start)
    if end is None:
        return f"carried by {start}+ outlets"
    if end == start:
        return "1 outlet only" if start == 1 else f"carried by {start} outlets"
    return f"carried by {start}–{end} outlets"


def configured_bounds(datasette, database: str) -> tuple[int, ...]:
    table = (datasette.metadata("tables", database=database) or {}).get("articles") or {}
    for facet in table.get("facets") or []:
        if isinstance(facet, dict) and isinstance(facet.get("outlets"), dict):
            return lower_bounds(facet["outlets"].get("from"))
    return lower_bounds(None)


@hookimpl
def register_facet_classes():
    return [OutletsFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    if table != "articles" or PARAMETER not in request.args:
        return None
    value = request.args.get(PARAMETER, "").strip()
    bounds = configured_bounds(datasette, database)
    if not COUNT.fullmatch(value) or int(value) not in bounds:
        # Still a filter, so a mistyped link shows no articles rather than all of them.
        starts = ", ".join(str(b) for b in bounds)
        return FilterArguments(["0"], human_descriptions=[f"no story size ({PARAMETER} must be one of {starts})"])
    start = int(value)
    end = range_end(bounds, start)
    clause = "story_id in (select id from stories where source_count >= :outlets_from" + \
             ("" if end is None else " and source_count <= :outlets_to") + ")"
    params = {"outlets_from": start} | ({} if end is None else {"outlets_to": end})
    return FilterArguments([clause], params, [f"in a story {range_label(bounds, start)}"])
