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
sys.path.insert(0, str(ROOT / "evaluation"))

from ablation import compare  # noqa: E402

from kgraph.casing import text_for_parser, with_original_text  # noqa: E402
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
    print(f"{len(names)} documents, {sum(len(v) for v in gold.values())} gold lines")
    compare(corpus, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
