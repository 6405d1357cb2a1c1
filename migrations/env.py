"""Alembic environment: the database path comes from `-x db=PATH` (default corpus.db) or,
when ingest upgrades a database itself, from the Config's attributes."""
from alembic import context

from newscorpus.store.db import include_name, make_engine
from newscorpus.store.models import Base

config = context.config
db_path = (
    context.get_x_argument(as_dictionary=True).get("db")
    or config.attributes.get("db_path")
    or "corpus.db"
)


def run_migrations_offline() -> None:
    context.configure(
        url=f"sqlite:///{db_path}",
        target_metadata=Base.metadata,
        include_name=include_name,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(db_path)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            include_name=include_name,
            # SQLite can't ALTER most things: batch mode copies the table instead.
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
