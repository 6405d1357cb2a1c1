"""A story's row page: each outlet's version, how its text differs, the quotations it carries.

Versions are listed first published first; each later one is compared word by word with the
first, so an editor sees at a glance what a rewrite added, cut or changed (a few passages,
not the whole text). The quotations are the story's quotation groups, with how many of its
versions carry each.
"""
import difflib

from datasette import hookimpl

VERSIONS_SHOWN = 50
PASSAGES_SHOWN = 4
CONTEXT_WORDS = 8
WORDS_COMPARED = 20_000  # difflib is quadratic at worst; longer texts are compared in part


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "stories":
        return {}

    async def variables():
        db = datasette.get_database(database)
        return {"story_view": await story_view(db, request.url_vars.get("pks"))}

    return variables


def differences(first: str, other: str) -> dict:
    """Words added and removed going from `first` to `other`, and the first changed passages."""
    a, b = first.split()[:WORDS_COMPARED], other.split()[:WORDS_COMPARED]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    added = removed = 0
    passages = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed += a1 - a0
        added += b1 - b0
        if len(passages) < PASSAGES_SHOWN:
            passages.append({"before": " ".join(a[max(0, a0 - CONTEXT_WORDS):a0]),
                             "removed": " ".join(a[a0:a1]), "added": " ".join(b[b0:b1]),
                             "after": " ".join(a[a1:a1 + CONTEXT_WORDS])})
    changes = sum(1 for op in matcher.get_opcodes() if op[0] != "equal")
    return {"added": added, "removed": removed, "same": round(100 * matcher.ratio()),
            "passages": passages, "more": max(0, changes - len(passages))}


async def story_view(db, pk):
    story = (await db.execute("select * from stories where id = ?", [pk])).first()
    if story is None:
        return None
    versions = [dict(r) for r in (await db.execute(
        "select articles.id, articles.headline, articles.published, articles.duplicate_of, articles.body, "
        "sources.name as source from articles left join sources on sources.id = articles.source_id "
        "where articles.story_id = ? order by articles.published is null, articles.published, articles.id "
        f"limit {VERSIONS_SHOWN + 1}", [pk])).rows]
    first = versions[0]["body"] if versions else ""
    for index, version in enumerate(versions[:VERSIONS_SHOWN]):
        if index and not version["duplicate_of"]:
            version["diff"] = differences(first, version["body"] or "")
        version["words"] = len((version.pop("body") or "").split())
    quotations = [dict(r) for r in (await db.execute(
        "select quote_groups.id, quote_groups.text, quote_groups.article_count, quote_groups.source_count, "
        "entities.id as speaker_id, entities.name as speaker, count(distinct quotes.article_id) as versions "
        "from quotes join articles on articles.id = quotes.article_id "
        "join quote_groups on quote_groups.id = quotes.group_id "
        "left join entities on entities.id = quote_groups.speaker_id "
        "where articles.story_id = ? group by quote_groups.id order by versions desc, min(quotes.start) limit 100",
        [pk])).rows]
    return {"story": dict(story), "versions": versions[:VERSIONS_SHOWN], "more_versions": len(versions) > VERSIONS_SHOWN,
            "quotations": quotations}
