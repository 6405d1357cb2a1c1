"""Entity extraction measured against hand-labelled articles.

    python -m newscorpus.evaluate.entities [--seeds-gold PATH] [--verbose]

Scores distinct (type, name) per article for PERSON, ORG and PLACE, micro-averaged, for
(a) spaCy's NER alone with a naive type mapping and (b) find_entities. A predicted entity
is right when its type matches and its name or one of its aliases is a gold name or one
of the gold entity's listed alternatives (canonical_key equality), or when a gold name is
a word-prefix of it ("Guangxi" / "Guangxi Province"). The Wikinews sample is committed
(tests/data/); the seed gold lives outside the repository and is used when present.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..locations import checkout_root, shared_path
from ..nlp.entities import find_entities
from ..nlp.lexicon import canonical_key
from ..parse import parse_article

# The samples are in a checkout (tests/data/, seeds/) and ../shared, not in an installed package.
REPO = checkout_root() or Path.cwd()
WIKINEWS_GOLD = REPO / "tests" / "data" / "wikinews_entities_gold.json"
SEEDS_DIR = REPO / "seeds"
SEEDS_GOLD = shared_path("gold", "seeds.json")
SCORED_TYPES = ("PERSON", "ORG", "PLACE")
NAIVE_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
GOLD_FIELDS = {"persons": "PERSON", "orgs": "ORG", "places": "PLACE"}


@dataclass(frozen=True)
class Entity:
    type: str
    name: str
    names: frozenset[str]  # canonical keys of the name and its aliases


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold entities matched
    correct: int = 0  # predicted entities matched
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.found += other.found
        self.correct += other.correct

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def body_of(text: str) -> str:
    """The clean body, as ingest would store it: entities are scored where the product looks for them."""
    return parse_article(text).body


def spacy_entities(doc) -> list[Entity]:
    seen: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        kind = NAIVE_TYPES.get(ent.label_)
        key = canonical_key(ent.text)
        if kind and key:
            seen.setdefault((kind, key), Entity(kind, ent.text, frozenset({key})))
    return list(seen.values())


def our_entities(doc) -> list[Entity]:
    entities, _ = find_entities(doc)
    return [
        Entity(e.type, e.name, frozenset({canonical_key(e.name)} | {canonical_key(a) for a in e.aliases}))
        for e in entities if e.type in SCORED_TYPES
    ]


def gold_entities(record: dict) -> list[Entity]:
    gold = []
    for field_name, kind in GOLD_FIELDS.items():
        for item in record.get(field_name, []):
            names = [item] if isinstance(item, str) else list(item)
            gold.append(Entity(kind, names[0], frozenset(canonical_key(n) for n in names)))
    return gold


def _matches(predicted: Entity, gold: Entity) -> bool:
    if predicted.type != gold.type:
        return False
    if predicted.names & gold.names:
        return True
    name = canonical_key(predicted.name)
    return any(name.startswith(g + " ") for g in gold.names)


def score(predicted: list[Entity], gold: list[Entity]) -> Score:
    result = Score(gold=len(gold), predicted=len(predicted))
    for g in gold:
        if any(_matches(p, g) for p in predicted):
            result.found += 1
        else:
            result.misses.append(f"{g.type}:{g.name}")
    for p in predicted:
        if any(_matches(p, g) for g in gold):
            result.correct += 1
        else:
            result.false_positives.append(f"{p.type}:{p.name}")
    return result


def wikinews_sample() -> list[tuple[str, str, list[Entity]]]:
    data = json.loads(WIKINEWS_GOLD.read_text(encoding="utf-8"))
    sample = []
    for record in data["articles"]:
        text = (WIKINEWS_GOLD.parent / record["file"]).read_text(encoding="utf-8")
        sample.append((Path(record["file"]).stem, text, gold_entities(record)))
    return sample


def seed_sample(gold_path: Path = SEEDS_GOLD) -> list[tuple[str, str, list[Entity]]]:
    if not gold_path.exists():
        return []
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    sample = []
    for file_name, record in sorted(data["files"].items()):
        path = SEEDS_DIR / file_name
        if path.exists():
            sample.append((file_name[:3], body_of(path.read_text(encoding="utf-8")), gold_entities(record)))
    return sample


def evaluate(sample, nlp, verbose: bool = False, label: str = "") -> dict[str, Score]:
    totals = {"spacy": Score(), "ours": Score()}
    by_type = {kind: Score() for kind in SCORED_TYPES}
    docs = nlp.pipe(text for _, text, _ in sample)
    for (name, _, gold), doc in zip(sample, docs):
        baseline, ours = score(spacy_entities(doc), gold), score(our_entities(doc), gold)
        totals["spacy"].add(baseline)
        totals["ours"].add(ours)
        for kind in SCORED_TYPES:
            by_type[kind].add(score([e for e in our_entities(doc) if e.type == kind],
                                    [g for g in gold if g.type == kind]))
        print(f"  {label}{name:10} spaCy P {baseline.precision:.2f} R {baseline.recall:.2f} F1 {baseline.f1:.2f}"
              f"   ours P {ours.precision:.2f} R {ours.recall:.2f} F1 {ours.f1:.2f}")
        if verbose:
            print(f"      missed: {', '.join(ours.misses) or '-'}")
            print(f"      not in gold: {', '.join(ours.false_positives) or '-'}")
    for kind, s in by_type.items():
        print(f"  {label}ours {kind:6} recall {s.found}/{s.gold} = {s.recall:.2f}   precision {s.precision:.2f}")
    for system, s in totals.items():
        print(f"  {label}micro {system:5}  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
              f"  (gold {s.gold}, predicted {s.predicted})")
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds-gold", type=Path, default=SEEDS_GOLD)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    from ..nlp.pipeline import get_nlp

    nlp = get_nlp()
    seeds = seed_sample(args.seeds_gold)
    if seeds:
        print("Seeds (gold lists are not exhaustive: precision is a lower bound)")
        evaluate(seeds, nlp, args.verbose, "seed ")
    else:
        print(f"Seeds: no gold at {args.seeds_gold}, skipped")
    print("Wikinews sample (tests/data/wikinews_entities_gold.json, CC BY 2.5)")
    evaluate(wikinews_sample(), nlp, args.verbose, "wn ")


if __name__ == "__main__":
    main()
