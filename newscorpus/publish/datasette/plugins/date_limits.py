"""The searches' date limits: `date_bound(:since)` in their SQL, and a line saying why a
mistyped date shows nothing (the SQL alone can only return no rows)."""
from datasette import hookimpl

from newscorpus.publish.date_range import FORMS, date_bound

LIMITS = ("since", "until")


@hookimpl
def prepare_connection(conn):
    conn.create_function("date_bound", 1, date_bound, deterministic=True)


@hookimpl
def extra_template_vars(request):
    # Datasette 0.65 gives canned-query pages no view name; only query.html shows the result.
    if request is None:
        return {}
    problems = [f"{name} must be {FORMS} (got “{request.args[name]}”)"
                for name in LIMITS if date_bound(request.args.get(name)) is None]
    return {"date_limit_problems": problems}
