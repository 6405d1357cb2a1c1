#!/usr/bin/env python3
"""Ingest news articles into corpus.db: `python ingest.py [PATH ...] [--db FILE]`; --help for more."""
from newscorpus.cli import main_ingest

if __name__ == "__main__":
    main_ingest()
