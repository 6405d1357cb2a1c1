"""Cells of canned-query results: highlighted snippets and links to the article.

The search queries mark matches with ⟦ ⟧ rather than HTML, so the text is escaped like
every other cell (an article containing <script> stays inert) and only the markers
become <mark>. JSON and CSV keep the plain markers. Query results have no foreign keys
for Datasette to link, so a headline with an article_id links to the article here.
"""
from datasette import hookimpl
from markupsafe import Markup, escape

START, END = "⟦", "⟧"
HEADLINE_COLUMNS = {"headline", "article"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not isinstance(value, str):
        return None
    if column == "snippet" and START in value:
        return Markup(str(escape(value)).replace(START, "<mark>").replace(END, "</mark>"))
    if table is None and column in HEADLINE_COLUMNS:
        keys = row.keys() if hasattr(row, "keys") else []
        article_id = row["article_id"] if "article_id" in keys else (row["id"] if column == "headline" and "id" in keys else None)
        if article_id is not None:
            url = datasette.urls.table(database, "articles") + f"/{article_id}"
            return Markup('<a class="article-link" href="{}">{}</a>').format(url, value)
    return None
