"""Command line: `python ingest.py ...` (the ingest command) and `newscorpus serve|score`."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .ingest import Job, RunRefused, RunSummary
from .ingest import ingest as run_ingest
from .ingest import reprocess as run_reprocess
from .parse import FieldsError, parse_field_overrides
from .read.files import DEFAULT_MAX_BYTES

DEFAULT_DB = "corpus.db"


@click.group()
@click.version_option()
def cli():
    """A document database of news articles with full-text search."""


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite database to create or update.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder that article paths are stored relative to (default: the current folder). "
                   "Keep it the same between runs: the path is an article's identity.")
@click.option("--source", default=None,
              help="Source name for every article of this run (default: the site the page or export "
                   "names, else the file's folder name).")
@click.option("--rules", "rules_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="YAML file of extra boilerplate and comment patterns, merged over the built-in ones.")
@click.option("--fields", "fields_spec", default=None, metavar="FIELD=NAME,...",
              help="Where your JSON export keeps each part of an article, e.g. text=story,published=pubDate "
                   "(fields: text, title, published, updated, byline, url, site, section, categories, tags, id). "
                   "Tried before the names of common scrapers, which are read without it.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Articles (a file, or one record of an export or archive) larger than this are refused "
                   "with an error instead of ingested.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that parse and extract in parallel (one per core is best); this one stores.")
@click.option("--scheduler", default=None, envvar="NEWSCORPUS_SCHEDULER", metavar="tcp://HOST:8786",
              help="Address of a Dask scheduler (or $NEWSCORPUS_SCHEDULER): its workers parse and extract, "
                   "this process reads the files and stores (--workers is then not used). Every worker needs "
                   "the same newscorpus and spaCy model installed.")
@click.option("--checksum", is_flag=True,
              help="Read and hash every file. By default a file whose size and modification time match "
                   "the stored ones is skipped unread; use this after copying files with their times kept.")
@click.option("--reprocess", is_flag=True,
              help="Re-extract every stored article from its stored raw text (no files needed), keeping ids.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only on a terminal).")
def ingest_command(paths, db_path, root, source, rules_path, fields_spec, max_bytes, workers, scheduler, checksum,
                   reprocess, progress):
    """Ingest news articles into the database given by --db.

    PATHS are files or folders (searched recursively) of plain text (.txt, .md), saved web
    pages (.html, .htm), scraper exports (.json, .jsonl, .ndjson: one article per record) and
    web archives (.warc: one article per HTML page), each also gzipped (.gz); what a file
    holds is read from its content. Default: seeds/.
    Re-running is cheap: unchanged files (same path, same sha256; a file whose size and
    modification time are unchanged is not even read) are skipped, changed ones are
    re-extracted in place, new ones added; a record of an export or archive is an article of
    its own (FILE#URL, FILE#ID or FILE#POSITION). Exit status 1 if anything failed.
    """
    if reprocess and paths:
        raise click.UsageError("--reprocess re-extracts what the database holds; give no PATHS with it.")
    if reprocess and not db_path.exists():
        raise click.UsageError(f"--reprocess: {db_path} does not exist.")
    if scheduler and workers > 1:
        raise click.UsageError("--workers is for local processes; with --scheduler the cluster's workers extract.")
    try:
        fields = parse_field_overrides(fields_spec)
    except FieldsError as error:
        raise click.UsageError(str(error)) from None
    paths = paths or (Path("seeds"),)
    show_progress = sys.stderr.isatty() if progress is None else progress
    bar = ProgressBar(show_progress)
    job = Job(
        db_path=db_path, rules_path=rules_path, source=source, max_bytes=max_bytes, workers=workers,
        checksum=checksum, fields=fields, scheduler=scheduler or None,
        arguments={"paths": [str(p) for p in paths] if not reprocess else [], "reprocess": reprocess,
                   "source": source, "rules": rules_path, "checksum": checksum, "fields": fields,
                   "scheduler": scheduler},
        on_progress=bar.update, on_total=bar.set_total,
    )
    try:
        summary = run_reprocess(job) if reprocess else run_ingest(paths, job, root=root)
    except RunRefused as error:
        raise click.ClickException(str(error)) from None
    finally:
        bar.close()
    _print_summary(summary, db_path, reprocess)
    sys.exit(0 if summary.ok else 1)


class ProgressBar:
    """tqdm on a terminal; silent in cron jobs, pipes and tests."""

    def __init__(self, enabled: bool):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(unit="file", file=sys.stderr, dynamic_ncols=True)

    def set_total(self, total: int) -> None:
        if self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def shown(text: str) -> str:
    """A name as the terminal should show it: control characters and undecodable bytes escaped,
    so a file name cannot forge a line of the summary or reorder it (bidirectional controls)."""
    return "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else ascii(ch)[1:-1] for ch in text)


def _print_summary(summary: RunSummary, db_path: Path, reprocess: bool) -> None:
    verb = "Reprocessed" if reprocess else "Ingested"
    status = "" if summary.status == "completed" else f" ({summary.status.upper()}: stopped early, what is listed was kept)"
    click.echo(
        f"{verb} into {db_path}{status}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.failed} failed (run {summary.run_id})."
    )
    for path, reason in summary.errors:
        click.echo(f"  FAILED {shown(path)}: {reason}", err=True)
    for path, note in summary.notes:
        click.echo(f"  STORED IN PART {shown(path)}: {note}", err=True)
    if summary.fatal:
        click.echo(f"Error: {summary.fatal}", err=True)
    if summary.stale:
        click.echo(
            f"Note: {summary.stale} stored article(s) were extracted by another version of newscorpus or "
            f"other rules; their files are unchanged, so they were skipped. Run "
            f"`ingest.py --reprocess --db {db_path}` to re-extract them.", err=True)


def main_ingest():
    ingest_command(prog_name="ingest.py")


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Database to check.")
def check(db_path):
    """Check a database in full: SQLite's integrity check, foreign keys and every FTS5 index.

    Exit status 0 when it is sound, 1 with one line per problem otherwise."""
    from .store.checks import integrity_report
    from .store.fts import integrity_check_statements

    problems = integrity_report(db_path, integrity_check_statements())
    if not problems:
        click.echo(f"{db_path}: sound (integrity, foreign keys, full-text indexes)")
        return
    for problem in problems:
        click.echo(f"{db_path}: {problem}", err=True)
    click.echo("To repair: keep the damaged file aside, then rebuild with `ingest.py` from your article files, "
               "or copy what SQLite can still read with `sqlite3 DB .recover`.", err=True)
    sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Database to serve.")
@click.option("--port", default=8001, show_default=True, type=int, envvar="PORT", help="Port (or $PORT).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--immutable", is_flag=True,
              help="Serve a finished corpus that nothing will write to again: Datasette may then cache counts.")
def serve(db_path, port, host, immutable):
    """Serve the database with Datasette (read-only), with facets, search and canned queries.

    A database made by an older version is first brought to this version's schema, as
    ingest would (nothing is re-extracted): the pages query the newest columns."""
    from .publish.site import serve as serve_site
    from .store import db as store_db
    from .store.checks import DatabaseProblem

    behind = store_db.schema_behind(db_path)
    if behind:
        if immutable or not os.access(db_path, os.W_OK):
            how = "serve it once without --immutable" if immutable else "make the file writable and serve it again"
            click.echo(f"Error: {db_path} has schema revision {behind[0]}, this newscorpus needs {behind[1]}: "
                       f"{how} to bring it up to date (nothing is re-extracted)", err=True)
            sys.exit(1)
        try:
            store_db.prepare(db_path)
        except DatabaseProblem as problem:
            click.echo(f"Error: {problem}", err=True)
            sys.exit(1)
        click.echo(f"{db_path}: schema brought from revision {behind[0]} to {behind[1]} (nothing re-extracted)")

    serve_site(db_path, port, host, immutable)


if __name__ == "__main__":
    cli()
