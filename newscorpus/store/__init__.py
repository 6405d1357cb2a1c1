"""Storing: the SQLite database (engine, models, migrations, FTS5), the one writer of articles, cross-article linking."""
