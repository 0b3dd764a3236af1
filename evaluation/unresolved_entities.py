"""Names the recogniser found that resolve to no actor, over the development documents.

    .venv/bin/python evaluation/unresolved_entities.py          # the 60 most frequent
    .venv/bin/python evaluation/unresolved_entities.py --all

Reads dev and the develop split (never the blind split) as training does, and asks the actor
resolver for each organisation, place, nationality and person entity's head. A name that stands
for no one may be right ("New York" in a dateline, "the UN Charter") or a gap in the tables or
the resolver ("IRGC" tagged as a place, "Slovakian" missing from the demonyms): this lists them,
with the document and sentence of the last one, for a person to judge.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

import train_argmodel as T  # noqa: E402
from kgraph.actors import DocumentActors  # noqa: E402

LABELS = ("ORG", "GPE", "NORP", "PERSON")


def unresolved(corpus) -> tuple[Counter, dict]:
    """Counts of (label, text) whose entity head resolves to no actor, and where each was last seen."""
    counts: Counter = Counter()
    seen: dict = {}
    for name, doc, article in corpus:
        actors = DocumentActors(doc, article.title)
        for sent in doc.sents:
            actors.start_sentence(sent)
            for ent in sent.ents:
                if ent.label_ in LABELS and not actors.resolve(ent.root, expand=False, remember=False):
                    key = (ent.label_, " ".join(ent.text.split()))
                    counts[key] += 1
                    seen[key] = (name, " ".join(sent.text.split())[:120])
            actors.end_sentence(sent)
    return counts, seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every name, not the 60 most frequent")
    args = parser.parse_args()
    corpus, _ = T.load_corpus()  # dev and the develop split: the blind split stays out
    counts, seen = unresolved(corpus)
    for (label, text), n in counts.most_common(None if args.all else 60):
        doc, sentence = seen[(label, text)]
        print(f"{n:3} {label:6} {text!r:30} {doc} | {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
