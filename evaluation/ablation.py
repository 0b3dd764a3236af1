"""Rules only against rules + model on one split, in process, counted as the scorer counts.

    python evaluation/ablation.py blind      # the 24 held-back documents (look last)
    python evaluation/ablation.py develop

Uses the shipped models as they are: report the blind split before refitting them on it.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from split import split  # noqa: E402
from train_argmodel import _key, f1, load_corpus, rule_keys, score  # noqa: E402

from kgraph import argmodel  # noqa: E402
from kgraph.extract import extract_events  # noqa: E402


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "develop"
    blind, develop = split()
    names = blind if which == "blind" else develop
    corpus, gold = load_corpus(with_blind=True)
    compare([d for d in corpus if d[0] in names], gold, f"{which} ")
    return 0


def compare(corpus, gold, prefix_label: str = "") -> None:
    """Print rules only against rules + model on parsed (name, Doc, Article) triples, overall
    and per set (the file-name prefix before "_")."""
    names = [name for name, _, _ in corpus]
    rules = rule_keys(corpus)
    union = {name: {_key(e.action, argmodel.actor_key(e.agent) if e.agent else None,
                         argmodel.actor_key(e.target) if e.target else None)
                    for e in extract_events(doc, article).events}
             for name, doc, article in corpus}
    for label, keys in (("rules only", rules), ("rules + model", union)):
        print(f"{prefix_label}{label:14} P %.3f R %.3f F1 %.3f" % f1(*score(names, gold, keys)))
    print("per set (strict F1): rules only / rules + model")
    for prefix in sorted({name.split("_")[0] for name in names}):
        in_set = [n for n in names if n.startswith(prefix + "_")]
        cells = ["%.3f" % f1(*score(in_set, gold, keys))[2] for keys in (rules, union)]
        print(f"  {prefix}: {' / '.join(cells)}  ({len(in_set)} documents)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
