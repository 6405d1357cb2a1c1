"""Datasette's column and date facets, counting the newest matches of a page that matches many
(newscorpus/publish/facet_sample.py says why and when).

They replace Datasette's own classes of the same types in the list its hook gathers, so the
configured facets (`source_id`, `date: published`) and any a user adds (`?_facet=byline`) sample
alike, with the same URLs and JSON as before plus `sampled_articles`.
"""
from datasette import hookimpl
from datasette.facets import ColumnFacet, DateFacet

from newscorpus.publish.facet_sample import TIMED_OUT, newest_matches


class _Sampled:
    async def facet_results(self):
        sample = await newest_matches(self)
        if sample == TIMED_OUT:
            return [], [config["config"].get("column") or config["config"]["simple"] for config in self.get_configs()]
        if sample is not None:
            self.sql, self.params = sample.sql, sample.params
        results, timed_out = await super().facet_results()
        for result in results:
            result["sampled_articles"] = sample.articles if sample is not None else None
        return results, timed_out


class SampledColumnFacet(_Sampled, ColumnFacet):
    pass


class SampledDateFacet(_Sampled, DateFacet):
    pass


REPLACEMENTS = {ColumnFacet: SampledColumnFacet, DateFacet: SampledDateFacet}


@hookimpl(hookwrapper=True)
def register_facet_classes():
    outcome = yield
    outcome.force_result([[REPLACEMENTS.get(klass, klass) for klass in classes] for classes in outcome.get_result()])
