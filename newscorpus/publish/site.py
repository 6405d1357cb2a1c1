"""Serving the corpus with Datasette: merging descriptive metadata with configuration."""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from importlib import resources
from pathlib import Path

import yaml

from ..merge import deep_merge

# Configuration, metadata, plugins and templates ship inside the package (package data).
SITE = Path(str(resources.files(__package__) / "datasette"))
CONFIG_DATABASE = "corpus"  # the database name config.yml and metadata.yml are written for

SETTINGS = {
    # Users' own SQL must not tie up the server; ranked search at 100k articles takes
    # well under a second (README, "Scale"), so 3 s leaves room without allowing runaways.
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 1000,
    # Facet counts over a large corpus are the slowest part of a table page.
    "facet_time_limit_ms": 500,
    # Suggesting facets tries every column of the table on every page view: 1.8 s of the
    # articles page at 100,000 articles. The useful facets are configured; any column can
    # still be faceted by hand (?_facet=...).
    "suggest_facets": False,
    "default_page_size": 50,
}


# The clause each ranked canned query in config.yml adds to every index it ranks, so that bm25 is
# computed for at most the newest matches (see the comment on the `search` query).
RANK_CAP = re.compile(r"\s*and (\w+)\.rowid >= \(case when :since != '' or :until != '' then 0 else coalesce\(\(select rowid "
                      r"from \1 where \1 match fts_query\(:q\)\s*order by rowid desc limit 1 offset (\d+)\), 0\) end\)")


def _site_yaml(name: str) -> dict:
    return yaml.safe_load((SITE / name).read_text(encoding="utf-8"))


def canned_queries() -> dict[str, str]:
    """The SQL of each canned query in config.yml, by name."""
    behaviour = _site_yaml("config.yml")
    return {name: query["sql"] for name, query in behaviour["databases"][CONFIG_DATABASE]["queries"].items()}


def with_rank_cap(sql: str, newest: int | None) -> str:
    """`sql` ranking the `newest` most recent matches of each index, or every match when None."""
    if newest is None:
        return RANK_CAP.sub("", sql)
    return RANK_CAP.sub(lambda m: m.group(0).replace(f"offset {m.group(2)}", f"offset {newest - 1}"), sql)


def build_metadata(db_path: str | Path) -> dict:
    """metadata.yml + config.yml as one Datasette 0.65 metadata document, for a database
    file of any name (Datasette names a database after its file)."""
    descriptive = _site_yaml("metadata.yml")
    behaviour = _site_yaml("config.yml")
    merged = deep_merge(descriptive, behaviour)
    name = Path(db_path).stem
    databases = merged.get("databases", {})
    if name != CONFIG_DATABASE and CONFIG_DATABASE in databases:
        databases[name] = databases.pop(CONFIG_DATABASE)
        merged["description_html"] = merged.get("description_html", "").replace(
            f"/{CONFIG_DATABASE}/", f"/{name}/"
        )
    return merged


def datasette_arguments(db_path: Path, metadata_path: Path, port: int, host: str, immutable: bool = False) -> list[str]:
    arguments = [
        "serve", *(["-i"] if immutable else []), str(db_path),
        "--metadata", str(metadata_path),
        "--plugins-dir", str(SITE / "plugins"),
        "--template-dir", str(SITE / "templates"),
        "--port", str(port), "--host", host,
    ]
    for key, value in SETTINGS.items():
        arguments += ["--setting", key, str(value)]
    return arguments


def serve(db_path: Path, port: int, host: str = "127.0.0.1", immutable: bool = False) -> None:
    # Datasette 0.65 reads metadata from a file; one per database in the user's temp folder,
    # so serving works from any folder, a read-only one included.
    tag = hashlib.sha256(str(db_path.absolute()).encode()).hexdigest()[:12]
    metadata_path = Path(tempfile.gettempdir()) / f"newscorpus-{db_path.stem}-{tag}-metadata.json"
    metadata_path.write_text(json.dumps(build_metadata(db_path), indent=2, ensure_ascii=False))
    arguments = [sys.executable, "-m", "datasette", *datasette_arguments(db_path, metadata_path, port, host, immutable)]
    os.execv(sys.executable, arguments)
