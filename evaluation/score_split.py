"""Build one split of the training set and score it with the shared scorer.

    python evaluation/score_split.py develop [--show-errors]   # the 88 documents to develop on
    python evaluation/score_split.py blind                      # the 24 held back (look last)
    python evaluation/score_split.py all

The graph goes to out/train-SPLIT.ttl, the split's gold lines to out/train-SPLIT.gold.jsonl (out/
is not committed: gold and texts stay in ../shared), the scorer's JSON to out/train-SPLIT.json.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from split import TRAIN, split

ROOT = Path(__file__).resolve().parents[1]
SCORER = TRAIN.parent / "score.py"


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "develop"
    blind, develop = split()
    names = {"blind": blind, "develop": develop, "all": blind + develop}[which]
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    gold = out / f"train-{which}.gold.jsonl"
    wanted = set(names)
    with open(TRAIN / "train.gold.jsonl", encoding="utf-8") as src, open(gold, "w", encoding="utf-8") as dst:
        dst.writelines(line for line in src if line.strip() and json.loads(line)["doc"] in wanted)
    graph = out / f"train-{which}.ttl"
    kgraph = ROOT / ".venv" / "bin" / "kgraph"
    subprocess.run([str(kgraph), "build", *(str(TRAIN / "docs" / n) for n in names), "-q",
                    "--output", str(graph)], check=True)
    return subprocess.run([sys.executable, str(SCORER), str(graph), str(gold),
                           "--json", str(out / f"train-{which}.json"), *argv[1:]]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
