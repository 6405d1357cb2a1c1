"""What makes two article texts copies of each other, as values that can be stored.

Two keys per text: the exact key (the clean text with case and whitespace aside: equal keys
are identical copies) and a MinHash signature over word shingles (its agreement with another
signature estimates how many shingles the two texts share). The signature is cut into LSH
bands; two texts sharing any band are compared, so a new article is checked against the
stored corpus by a lookup of its band keys, never by comparing it with every article.

The numbers below were chosen on a labelled set of BBC copies, rewrites and same-topic
non-copies: `bench/stories.py` measures them (README, "Stories").
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 3
NUM_PERM = 128
# 64 bands of 2 rows: two texts sharing a fifth of their shingles meet in a band with
# probability 0.96, so the similarity test below, not the banding, decides.
BAND_ROWS = 2
# Copies are decided on containment, the share of the smaller text's shingles found in the
# other: a trimmed wire copy or an excerpt keeps most of its own shingles while its Jaccard
# with a long original falls with the length difference.
MIN_CONTAINMENT = 0.5
SEED = 14
# Named, not defaulted: stored signatures are only comparable with ones of the same scheme
# (datasketch changed its default in 2.0.0).
SCHEME = "affine32"
# Below this many shingles (a dozen words) a text is too short for a share of it to mean a
# copy ("the minister said on Monday"): only a near-identical text counts then.
MIN_SHINGLES = 10
SHORT_TEXT_JACCARD = 0.9

WORD = re.compile(r"\w+")


def exact_key(body: str) -> str | None:
    """Equal for texts identical but for case and whitespace; None for an empty text,
    which is nobody's copy."""
    normalised = " ".join(body.lower().split())
    return hashlib.sha256(normalised.encode()).hexdigest() if normalised else None


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = WORD.findall(body.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


@lru_cache(maxsize=None)
def _permutations(num_perm: int):
    # Drawing the permutations is the costly part of a new MinHash: drawn once, shared.
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


@dataclass(frozen=True)
class Signature:
    hashvalues: np.ndarray  # uint32, NUM_PERM of them
    shingle_count: int

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, shingle_count: int) -> "Signature":
        return cls(np.frombuffer(blob, dtype="<u4"), shingle_count)

    def jaccard(self, other: "Signature") -> float:
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)

    def containment(self, other: "Signature", jaccard: float | None = None) -> float:
        """Estimated share of the smaller text's shingles that the other has (`containment`)."""
        jaccard = self.jaccard(other) if jaccard is None else jaccard
        return float(containment(jaccard, self.shingle_count, other.shingle_count))


def containment(jaccard, count_a, count_b):
    """From the Jaccard estimate J and the set sizes, |A ∩ B| = J (|A| + |B|) / (1 + J) over the
    smaller set (0 for an empty one). For numbers, and for numpy arrays of them: closest_copy
    weighs every candidate at once with the same formula."""
    smaller = np.minimum(count_a, count_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        shared = jaccard * np.add(count_a, count_b, dtype=np.float64) / (1 + jaccard)
        return np.where(smaller == 0, 0.0, np.minimum(1.0, shared / smaller))


def are_copies(jaccard, count_a, count_b, min_containment: float):
    """Copies by containment; below MIN_SHINGLES only a near-identical text counts. For numbers,
    and for numpy arrays of them."""
    short = np.minimum(count_a, count_b) < MIN_SHINGLES
    return np.where(short, np.asarray(jaccard) >= SHORT_TEXT_JACCARD,
                    containment(jaccard, count_a, count_b) >= min_containment)


def signature(body: str, size: int = SHINGLE_WORDS, num_perm: int = NUM_PERM) -> Signature | None:
    grams = shingles(body, size)
    if not grams:
        return None
    minhash = MinHash(num_perm=num_perm, seed=SEED, permutations=_permutations(num_perm), scheme=SCHEME)
    minhash.update_batch(list(grams))
    return Signature(minhash.hashvalues.astype(np.uint32), len(grams))


def band_keys(sig: Signature, rows: int = BAND_ROWS) -> list[int]:
    """One signed 64-bit key per band (an SQLite INTEGER); the band's number is hashed in, so
    one indexed column holds every band."""
    values = sig.hashvalues.astype("<u4")
    keys = []
    for band, start in enumerate(range(0, len(values) - rows + 1, rows)):
        digest = hashlib.blake2b(values[start:start + rows].tobytes(), digest_size=8, salt=band.to_bytes(16, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


@dataclass(frozen=True)
class CopyRules:
    """The three numbers above, together so the benchmark can try others."""

    shingle_words: int = SHINGLE_WORDS
    band_rows: int = BAND_ROWS
    min_containment: float = MIN_CONTAINMENT

    def signature(self, body: str) -> Signature | None:
        return signature(body, self.shingle_words)

    def band_keys(self, sig: Signature) -> list[int]:
        return band_keys(sig, self.band_rows)

    def are_copies(self, a: Signature, b: Signature, jaccard: float | None = None) -> bool:
        jaccard = a.jaccard(b) if jaccard is None else jaccard
        return bool(are_copies(jaccard, a.shingle_count, b.shingle_count, self.min_containment))

    def closest_copy(self, sig: Signature, candidates: list[tuple]) -> tuple | None:
        """The candidate (id, anything, signature bytes, shingle count) that `sig` is the
        closest copy of, by are_copies and then most shared text, the earliest id among
        equals; None when none is a copy. All candidates at once: at 100,000 articles a text
        meets a few hundred others in some band, and comparing them one by one in Python was
        most of the time grouping took."""
        if not candidates:
            return None
        ids = np.fromiter((c[0] for c in candidates), dtype=np.int64, count=len(candidates))
        counts = np.fromiter((c[3] for c in candidates), dtype=np.float64, count=len(candidates))
        values = np.frombuffer(b"".join(c[2] for c in candidates), dtype="<u4").reshape(len(candidates), -1)
        jaccard = np.count_nonzero(values == sig.hashvalues, axis=1) / values.shape[1]
        copies = are_copies(jaccard, sig.shingle_count, counts, self.min_containment)
        if not copies.any():
            return None
        # Most shared text first, then the closer signature, then the earliest article.
        order = np.lexsort((ids, -jaccard, -containment(jaccard, sig.shingle_count, counts)))
        best = next(k for k in order if copies[k])
        return candidates[best]


DEFAULT_RULES = CopyRules()
