"""The NLP stage: one spaCy pass over a clean body -> canonical entities, quotations and their speakers.

Vocabularies are data in `lexicon/` (see its README); `extract.extract_many` is the entry point.
"""
