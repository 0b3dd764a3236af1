"""Extraction's cost beside spaCy's parse, rules alone and with the learned argument model.

    .venv/bin/python bench/bench_extract.py [FOLDER ...]   # default: ../shared/eval/train/docs and dev/docs

Parses the articles once (timed: spaCy alone, batch size 4, the text kgraph hands the parser),
then times `extract_events` over the parsed Docs with method "rules" and with the shipped
model's method, each twice after one warm-up pass (date parser, gazetteers, dictionaries), and
prints the shares of the parse time as a Markdown table. One run; the machine is noisy.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.argmodel import shipped_model  # noqa: E402
from kgraph.casing import text_for_parser, with_original_text  # noqa: E402
from kgraph.extract import extract_events  # noqa: E402
from kgraph.nlp import load_pipeline  # noqa: E402
from kgraph.sources import list_input_files, read_articles  # noqa: E402
from kgraph.warmup import settle  # noqa: E402


def main(folders: list[str]) -> int:
    eval_dir = ROOT.parent / "shared" / "eval"
    folders = folders or [str(eval_dir / "train" / "docs"), str(eval_dir / "dev" / "docs")]
    articles = list(read_articles(list_input_files(folders), lambda m: print(m, file=sys.stderr)))
    if not articles:
        print(f"no articles in {', '.join(folders)}", file=sys.stderr)
        return 1
    nlp = load_pipeline()
    first = articles[0]  # as a build's ingest process: the first article loads the tables, then `settle`
    extract_events(with_original_text(nlp(text_for_parser(first.text)), first.text), first)
    settle()
    texts = [text_for_parser(a.text) for a in articles]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=4))
    parse = time.perf_counter() - started
    docs = [with_original_text(d, a.text) for d, a in zip(docs, articles)]
    words = sum(1 for d in docs for t in d if not t.is_punct and not t.is_space)
    model = shipped_model()
    methods = ["rules"] + ([model.method] if model else [])
    for doc, article in zip(docs, articles):  # warm-up: one-time loads are not extraction
        extract_events(doc, article, method=methods[-1])
    print(f"{len(articles)} articles, {words:,} words; spaCy parse {parse:.2f} s\n")
    print("| method | extraction s (best of 2) | share of the parse |")
    print("|---|---|---|")
    for method in methods:
        best = float("inf")
        for _ in range(2):
            for doc in docs:  # start as a build does: nothing the readers keep on a Doc yet (doccache)
                doc.user_data.clear()
            started = time.perf_counter()
            for doc, article in zip(docs, articles):
                extract_events(doc, article, method=method)
            best = min(best, time.perf_counter() - started)
        print(f"| {method} | {best:.2f} | {100 * best / parse:.0f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
