"""The package's shape: stages that stay pure, a fingerprint of extraction only, data found
through the package, and lexicon files that are all loaded the same way and documented."""
from __future__ import annotations

import ast
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from helpers import PROJECT
from newscorpus import fingerprint
from newscorpus.nlp import lexicon as lexicon_module

PACKAGE = PROJECT / "newscorpus"
PURE_STAGES = ("read", "parse", "nlp")
# What a pure stage may not reach: the database, the site, the command line, the orchestration,
# the cluster, and the libraries that only those use. Pure stages run in worker processes and on
# Dask workers, where none of these belong.
FORBIDDEN = re.compile(r"^(newscorpus\.(store|publish|evaluate|cli|ingest|fingerprint|cluster)\b"
                       r"|sqlalchemy|alembic|datasette|sqlite3|sqlite_utils|click|dask\b|distributed\b)")


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function, relative ones resolved."""
    package = ".".join(path.relative_to(PROJECT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("stage", PURE_STAGES)
def test_pure_stages_import_no_storage_publishing_or_orchestration(stage):
    offences = {f"{path.relative_to(PACKAGE)}: {name}"
                for path in (PACKAGE / stage).rglob("*.py") for name in imports_of(path) if FORBIDDEN.match(name)}
    assert not offences, sorted(offences)


def test_the_purity_check_sees_imports_inside_functions(tmp_path):
    sample = PACKAGE / "nlp" / "extract.py"  # imports the pipeline inside extract_many
    assert "newscorpus.nlp.pipeline" in imports_of(sample)
    assert "newscorpus.parts.Extraction" in imports_of(sample)


def test_every_package_folder_is_installed():
    listed = set(tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(init.parent.relative_to(PROJECT).parts) for init in PACKAGE.rglob("__init__.py")
               if "__pycache__" not in init.parts}
    on_disk |= {"newscorpus.store.migrations", "newscorpus.store.migrations.versions"}  # mapped from migrations/
    assert listed == on_disk


def test_no_source_file_names_a_machine_path():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "/work/" not in text and "parents[" not in text, path


def _package_copy(tmp_path) -> Path:
    copy = tmp_path / "newscorpus"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_fingerprint_follows_extraction_code_and_data_only(tmp_path, monkeypatch):
    copy = _package_copy(tmp_path)
    monkeypatch.setattr(fingerprint, "PACKAGE", copy)
    original = fingerprint.extractor_fingerprint()
    with (copy / "publish" / "site.py").open("a") as site:
        site.write("\n# a comment in the site code\n")
    with (copy / "cli.py").open("a") as cli:
        cli.write("\n# and one in the command line\n")
    assert fingerprint.extractor_fingerprint() == original
    with (copy / "nlp" / "lexicon" / "role_heads.txt").open("a") as words:
        words.write("ombudsman\n")
    changed_lexicon = fingerprint.extractor_fingerprint()
    assert changed_lexicon != original
    with (copy / "parse" / "boilerplate.yaml").open("a") as rules:
        rules.write("\n# a comment in the rules\n")
    assert fingerprint.extractor_fingerprint() not in (original, changed_lexicon)


def test_fingerprint_includes_a_users_rules_file(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("drop:\n  mine: ['Sponsored']\n")
    assert fingerprint.extractor_fingerprint(extra) != fingerprint.extractor_fingerprint()


def test_every_lexicon_file_is_described_in_its_readme():
    folder = PACKAGE / "nlp" / "lexicon"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in folder.iterdir() if p.name != "README.md")
    assert files and all(f"`{name}`" in readme for name in files), [n for n in files if f"`{n}`" not in readme]


def test_every_lexicon_file_is_read_through_the_one_loader():
    """Only nlp/lexicon.py names a lexicon file; every other module asks it for the words."""
    on_disk = {p.name for p in (PACKAGE / "nlp" / "lexicon").iterdir() if p.suffix in (".txt", ".tsv")}
    named_by = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in on_disk:
                named_by.setdefault(node.value, set()).add(path.relative_to(PACKAGE).as_posix())
    assert set(named_by) == on_disk  # each file is loaded...
    assert all(where == {"nlp/lexicon.py"} for where in named_by.values()), named_by  # ...in one place


def test_a_missing_lexicon_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(lexicon_module, "LEXICON", tmp_path)
    with pytest.raises(lexicon_module.LexiconError, match="role_heads.txt cannot be read.*reinstall"):
        lexicon_module.lexicon_lines("role_heads.txt")


def test_lexicon_lines_skip_comments_and_blank_lines(monkeypatch, tmp_path):
    (tmp_path / "words.txt").write_text("# a comment\n\nminister\n  # indented comment\nenvoy\n", encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "LEXICON", tmp_path)
    assert lexicon_module.lexicon_lines("words.txt") == ["minister", "envoy"]
