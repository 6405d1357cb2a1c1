"""A web page as the lines a reader sees: one block (paragraph, list item, heading, cell) per
line, scripts and styles left out — what copying the page's text gives. Our plain-text comment
reader finds threads in it that trafilatura's comment extraction leaves out."""
from __future__ import annotations

# HTML's block elements: each starts a new line of the page's text.
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
# Never shown as text.
HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "object", "canvas"})


def visible_text(tree) -> str:
    """The page's text, one block per line. A loop over a stack, not recursion: pages nest
    thousands of elements deep."""
    body = tree.find(".//body")
    pieces: list[str] = []
    # (element, entering?): the tail of an element is written when leaving it.
    stack = [(body if body is not None else tree, True)]
    while stack:
        element, entering = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not entering:
            if tag in BLOCKS:
                pieces.append("\n")
            if element.tail:
                pieces.append(element.tail)
            continue
        stack.append((element, False))
        if tag in HIDDEN or not isinstance(element.tag, str):  # comments and processing instructions too
            continue
        if tag in BLOCKS:
            pieces.append("\n")
        if element.text:
            pieces.append(element.text)
        stack.extend((child, True) for child in reversed(element))
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)
