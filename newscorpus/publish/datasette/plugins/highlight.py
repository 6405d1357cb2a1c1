"""Cells: highlighted snippets, links to the article, and text isolated from its neighbours.

The search queries mark matches with ⟦ ⟧ rather than HTML, so the text is escaped like
every other cell (an article containing <script> stays inert) and only a marker pair
becomes <mark>; a marker written in an article itself stays a character. JSON and CSV keep
the plain markers. Query results have no foreign keys for Datasette to link, so a headline
with an article_id links to the article here. A cell holding bidirectional controls
(U+202E and the like) is put in <bdi>, so it cannot reverse the text that follows it.
"""
import re

from datasette import hookimpl
from markupsafe import Markup, escape

START, END = "⟦", "⟧"
MARKED = re.compile(f"{START}([^{START}{END}]*){END}")
HEADLINE_COLUMNS = {"headline", "article"}
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def highlighted(snippet: str) -> Markup:
    return Markup(MARKED.sub(lambda m: f"<mark>{m.group(1)}</mark>", str(escape(snippet))))


def isolated(html: Markup) -> Markup:
    return Markup("<bdi>{}</bdi>").format(html)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not isinstance(value, str):
        return None
    shown = None
    if column == "snippet" and START in value:
        shown = highlighted(value)
    elif table is None and column in HEADLINE_COLUMNS:
        keys = row.keys() if hasattr(row, "keys") else []
        article_id = row["article_id"] if "article_id" in keys else (row["id"] if column == "headline" and "id" in keys else None)
        if article_id is not None:
            url = datasette.urls.table(database, "articles") + f"/{article_id}"
            shown = Markup('<a class="article-link" href="{}">{}</a>').format(url, value)
    if BIDI_CONTROLS.search(value):
        return isolated(shown if shown is not None else escape(value))
    return shown
