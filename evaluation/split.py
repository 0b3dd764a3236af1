"""The blind split of the training set: 3 documents of each of its 8 sets, drawn by a fixed seed.

Issue 9 asks that these 24 documents are not looked into while extraction is developed, so that
their score says how kgraph does on text nobody tuned it to. Develop on the other 88 (and dev/).

    python evaluation/split.py            # prints the blind documents, then the development ones
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

SEED = 20261129
PER_SET = 3
TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "train"


def split(train: Path = TRAIN) -> tuple[list[str], list[str]]:
    """(blind, development) document names, each sorted."""
    names = sorted(p.name for p in (train / "docs").glob("*.txt"))
    by_set: dict[str, list[str]] = {}
    for name in names:
        by_set.setdefault(name.split("_")[0], []).append(name)
    rng = random.Random(SEED)
    blind = sorted(n for prefix in sorted(by_set) for n in rng.sample(by_set[prefix], PER_SET))
    return blind, [n for n in names if n not in blind]


if __name__ == "__main__":
    train = Path(sys.argv[1]) if len(sys.argv) > 1 else TRAIN
    blind, develop = split(train)
    print("blind:", " ".join(blind))
    print("develop:", " ".join(develop))
