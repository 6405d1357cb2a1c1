"""Extraction quality on the corpora in ../shared, through the product's own ingest and the
shared scorers: floors a little under today's figures, so a regression fails CI.

Skipped with a reason on a user's clone, which has no ../shared."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from helpers import PROJECT, run_ingest
from newscorpus.locations import shared_path

SHARED = shared_path()
pytestmark = pytest.mark.shared  # conftest skips these with the reason when ../shared is absent


def run_tool(name, db_path):
    """The shared scorer's --json output, as its command line gives it."""
    out = subprocess.run([sys.executable, str(SHARED / "tools" / f"{name}.py"), "--db", str(db_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_seed_gold_scores_every_field(built_seeds_db):
    from newscorpus.evaluate.score import score

    card = score(built_seeds_db, SHARED / "gold" / "seeds.json")
    totals = {family: ok / n for family, (ok, n) in card.totals.items()}
    for family in ("title", "section", "dateline", "image_credit", "body", "boilerplate", "comments",
                   "quotes", "speakers", "not_quotes", "subheadings"):
        assert totals[family] == 1.0, [line for line in card.lines if "MISS" in line]
    for family in ("persons", "orgs", "places"):
        assert totals[family] >= 0.95, (family, [line for line in card.lines if "MISS" in line])


def test_seed_scoring_lists_each_miss_with_what_was_found(built_seeds_db, tmp_path):
    from newscorpus.evaluate.score import main

    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())
    first = next(iter(gold["files"].values()))
    first["quotes"][0]["speaker"] = "Somebody Else"  # a wrong expectation must show up as a MISS
    wrong_gold = tmp_path / "gold.json"
    wrong_gold.write_text(json.dumps(gold))
    output = CliRunner().invoke(main, ["seeds", "--db", str(built_seeds_db), "--gold", str(wrong_gold)]).output
    misses = [line for line in output.splitlines() if "MISS" in line]
    assert len(misses) == 1 and "found:" in misses[0], misses
    assert "ALL" in output


@pytest.mark.slow
def test_polnear_quotes_and_speakers(tmp_path):
    db_path = tmp_path / "polnear.db"
    run_ingest(SHARED / "corpora" / "polnear-train" / "text", "--db", db_path, "--workers", "2")
    figures = run_tool("score_polnear", db_path)
    assert figures["f1"] >= 0.90 and figures["speaker_acc_name"] >= 0.93, figures


@pytest.mark.slow
def test_boilerplate_and_comments(tmp_path):
    db_path = tmp_path / "bp.db"
    run_ingest(SHARED / "corpora" / "boilerplate-train" / "texts", "--db", db_path, "--workers", "2")
    figures = run_tool("score_boilerplate", db_path)
    assert figures["with_kept"] >= 0.93, figures
    assert figures["without_removed"] >= 0.62, figures
    assert figures["comments_found"] >= 0.75, figures
    assert figures["comments_leaked"] <= 0.2, figures


@pytest.mark.slow
def test_benchmark_smoke(tmp_path):
    """bench/run.py end to end at a tiny size: every figure is produced (no timing asserted)."""
    out = tmp_path / "bench.json"
    # --extract-once with 20 distinct texts: 20 go through spaCy, the other 30 reuse them.
    subprocess.run([sys.executable, str(PROJECT / "bench" / "run.py"), "--articles", "50", "--distinct", "20",
                    "--extract-once", "--html-pages", "3", "--store-sample", "10", "--json", str(out)], check=True, capture_output=True, text=True, cwd=PROJECT)
    figures = json.loads(out.read_text())
    assert figures["articles_stored"] == 50 and figures["store_articles_per_s_while_growing"] > 0
    assert figures["articles_with_entities"] >= 45  # the reused extractions were stored too
    # The writer alone: 50 copies of 10 extracted texts, every one stored, with its entities.
    assert figures["store_articles"] == 50 and figures["store_failed"] == 0 and figures["store_articles_per_s"] > 0
    assert figures["store_entities"] > 0
    for key in ("ingest_articles_per_s", "bound_articles_per_s", "ratio_to_bound", "scaling_2_over_1",
                "storage_share", "noop_reingest_s", "update_1pct_s", "search_ms", "datasette_ms",
                "peak_rss_mb", "db_bytes_per_raw_byte", "hostile_line_extract_s"):
        assert key in figures, key
    assert set(figures["search_ms"]) == {"rare term", "two words", "phrase", "prefix", "very common term"}
    assert figures["html"]["pages"] == 3 and 0 < figures["html"]["parse_share"] < 1
    assert set(figures["search_ms_every_match_ranked"]) == {"very common term"}
