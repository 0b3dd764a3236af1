"""Agreement between two annotations of the same documents, as the scorer counts it.

    python evaluation/agreement.py REFERENCE.jsonl OTHER.jsonl

Strict keys (action, agent, target) per document and (action, agent) alone, over the documents
OTHER annotates; REFERENCE may hold more documents (the official gold). How close a second
annotator comes is the ceiling a system can reach, and says how far a set annotated by someone
else can stand in for the official gold.
"""
from __future__ import annotations

import json
import sys


def _actor(actor: dict | None) -> str | None:
    return None if not actor else (actor["country"] or actor["name"].strip().lower())


def keys(path: str, docs: set[str] | None = None) -> set[tuple]:
    found = set()
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        g = json.loads(line)
        if docs is not None and g["doc"] not in docs:
            continue
        agent, target = _actor(g["agent"]), _actor(g["target"])
        if g["action"] == "cooperate":
            agent, target = sorted([agent, target], key=lambda x: (x is None, str(x)))
        found.add((g["doc"], g["action"], agent, target))
    return found


def f1(ref: set, other: set) -> tuple[float, float, float]:
    tp = len(ref & other)
    p, r = (tp / len(other) if other else 0.0), (tp / len(ref) if ref else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python evaluation/agreement.py REFERENCE.jsonl OTHER.jsonl", file=sys.stderr)
        return 2
    other = keys(argv[1])
    ref = keys(argv[0], {k[0] for k in other})
    print(f"{len({k[0] for k in other})} documents, {len(ref)} reference keys, {len(other)} other keys")
    print("strict          P %.3f R %.3f F1 %.3f" % f1(ref, other))
    print("(action, agent) P %.3f R %.3f F1 %.3f" % f1({k[:3] for k in ref}, {k[:3] for k in other}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
