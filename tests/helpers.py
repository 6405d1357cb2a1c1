"""Paths and the ingest command as a user runs it, for tests (fixtures are in conftest.py)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newscorpus.cli import ingest_command

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run_ingest(*arguments, cwd: Path | None = None):
    """Invoke the ingest CLI as a user would; returns click's Result."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(ingest_command, [str(a) for a in arguments], catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(ingest_command, [str(a) for a in arguments], catch_exceptions=False)


# A short page with furniture and a WordPress comment section, read by several parse tests.
ARTICLE = (
    "Council approves new budget for the harbour\n"
    "By Jane Doe\n"
    "The city council approved a budget of twelve million dollars for the harbour on Tuesday, "
    "after a debate that lasted most of the evening and ended in a narrow vote.\n"
    "The mayor said the money would repair the old pier and dredge the channel before the summer "
    "season, when ferries bring most of the town's visitors.\n"
    "Opponents argued that the money would be better spent on schools and on the roads that lead "
    "to the harbour, which flood every winter.\n"
)

# Paragraphs separated by blank lines under a byline.
BLANK_LINE_ARTICLE = """Council Approves New Budget After Long Debate

By Jane Doe

The city council approved a new budget on Tuesday after a debate that lasted more than six hours and drew hundreds of residents.

"This is a budget for everyone in the city," the mayor said after the vote, adding that schools would receive more money than last year.

Critics said the plan leaves too little for road repairs, and several members voted against it for that reason alone.
"""


def entity_types(nlp, text: str) -> dict[str, str]:
    """{canonical name: type} of the entities the product finds in `text`."""
    from newscorpus.nlp.entities import find_entities

    entities, _ = find_entities(nlp(text))
    return {e.name: e.type for e in entities}
