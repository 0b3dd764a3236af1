"""Rules only against rules + model on any folder of annotated documents (a fresh blind set).

    python evaluation/score_folder.py DOCS GOLD.jsonl [GOLD.jsonl ...]

DOCS holds the texts, each GOLD file lines in the format of ../shared/eval/GUIDELINES.md; only
the documents the gold names are read. Counted as the shared scorer counts (strict keys per
document), with the shipped models as they are, and broken down by the file-name prefix before
"_" ("fa_01.txt" is in set fa). Nothing is written.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from train_argmodel import _key, f1, rule_keys, score  # noqa: E402

from kgraph import argmodel  # noqa: E402
from kgraph.casing import text_for_parser, with_original_text  # noqa: E402
from kgraph.extract import extract_events  # noqa: E402
from kgraph.nlp import load_pipeline  # noqa: E402
from kgraph.sources import read_articles  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    folder, gold_files = Path(argv[0]), argv[1:]
    gold: dict[str, list[dict]] = defaultdict(list)
    for path in gold_files:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                g = json.loads(line)
                gold[g["doc"]].append(g)
    names = sorted(gold)
    articles = list(read_articles([str(folder / n) for n in names], lambda m: print("skipped:", m, file=sys.stderr)))
    nlp = load_pipeline()
    docs = nlp.pipe(((text_for_parser(a.text), a) for a in articles), as_tuples=True)
    corpus = [(Path(a.source).name, with_original_text(d, a.text), a) for d, a in docs]
    rules = rule_keys(corpus)
    union = {name: {_key(e.action, argmodel.actor_key(e.agent) if e.agent else None,
                         argmodel.actor_key(e.target) if e.target else None)
                    for e in extract_events(doc, article).events}
             for name, doc, article in corpus}
    print(f"{len(names)} documents, {sum(len(v) for v in gold.values())} gold lines")
    for label, keys in (("rules only", rules), ("rules + model", union)):
        print(f"{label:14} P %.3f R %.3f F1 %.3f" % f1(*score(names, gold, keys)))
    print("per set (strict F1): rules only / rules + model")
    for prefix in sorted({name.split("_")[0] for name in names}):
        in_set = [n for n in names if n.startswith(prefix + "_")]
        cells = ["%.3f" % f1(*score(in_set, gold, keys))[2] for keys in (rules, union)]
        print(f"  {prefix}: {' / '.join(cells)}  ({len(in_set)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
