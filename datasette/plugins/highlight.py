"""Show search snippets with their matches highlighted, safely.

The canned search query marks matches with ⟦ ⟧ rather than HTML, so the text is escaped
like every other cell (an article containing <script> stays inert) and only the markers
become <mark>. JSON and CSV keep the plain markers.
"""
from datasette import hookimpl
from markupsafe import Markup, escape

START, END = "⟦", "⟧"


@hookimpl
def render_cell(value, column):
    if column != "snippet" or not isinstance(value, str) or START not in value:
        return None
    return Markup(str(escape(value)).replace(START, "<mark>").replace(END, "</mark>"))
