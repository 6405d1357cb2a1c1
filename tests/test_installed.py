"""`pip install .` (not editable) gives a package that ingests and serves from any folder:
migrations, rules, lexicons and the Datasette site travel inside it, not in the checkout."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import PROJECT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel and installed into a folder of its own; its dependencies
    are the test environment's, so nothing but the package itself comes from the wheel."""
    work = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work / "wheel"),
                    str(PROJECT)], check=True, capture_output=True, text=True)
    wheel = next((work / "wheel").glob("newscorpus-*.whl"))
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, text=True)
    return target


def run_installed(target: Path, *arguments: str, cwd: Path, **kwargs):
    env = dict(os.environ, PYTHONPATH=str(target))
    return subprocess.run([str(target / "bin" / "newscorpus"), *arguments], cwd=cwd, env=env,
                          capture_output=True, text=True, **kwargs)


def test_the_installed_package_is_imported_not_the_checkout(installed, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(installed))
    where = subprocess.run([sys.executable, "-c", "import newscorpus.store.db as d, newscorpus.publish.site as s; "
                            "print(d.__file__); print(d.migrations_dir()); print(s.SITE)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in where), where
    assert (Path(where[1]) / "env.py").is_file() and (Path(where[1]) / "versions").is_dir()
    assert (Path(where[2]) / "config.yml").is_file() and (Path(where[2]) / "templates" / "index.html").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_installed_command_ingests_and_serves_from_any_folder(installed, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (articles / seed.name).write_bytes(seed.read_bytes())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_installed(installed, "ingest", str(articles), "--db", "news.db", cwd=elsewhere, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(installed))
    server = subprocess.Popen([str(installed / "bin" / "newscorpus"), "serve", "--db", "news.db", "--port", str(port)],
                              cwd=elsewhere, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        plugins = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/-/plugins.json", timeout=5).read())
        search = json.loads(urllib.request.urlopen(
            f"http://127.0.0.1:{port}/news/search_all.json?q=NATO&_shape=array", timeout=10).read())
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Most-quoted speakers" in home and "News corpus" in home  # the packaged template and metadata
    assert {"entity_facet.py", "search_syntax.py"} <= {p["name"] for p in plugins}
    assert search, "the canned search found nothing in the seeds"
