"""Extraction's cost beside spaCy's parse, rules alone and with the learned argument model.

    .venv/bin/python bench/bench_extract.py [FOLDER ...]   # default: ../shared/eval/train/docs and dev/docs

Times spaCy's parse of the articles (batch size 4, the text kgraph hands the parser) and
`extract_events` over the parsed Docs with method "rules" and with the shipped model's method,
after one warm-up pass (date parser, gazetteers, dictionaries), in `ROUNDS` interleaved rounds,
and prints the best time of each and the shares of the best parse as a Markdown table. The
machine is shared and noisy: the best of several interleaved rounds is what another tenant's
burst spoils least, and the parse and the extraction are measured alike.
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

ROUNDS = 3


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
    model = shipped_model()
    methods = ["rules"] + ([model.method] if model else [])
    best = dict.fromkeys(["parse", *methods], float("inf"))
    docs: list = []
    for round_ in range(ROUNDS):
        docs.clear()  # the last round's Docs are freed before the clock starts, not inside the parse
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=4))
        best["parse"] = min(best["parse"], time.perf_counter() - started)
        docs = [with_original_text(d, a.text) for d, a in zip(docs, articles)]
        if round_ == 0:
            for doc, article in zip(docs, articles):  # warm-up: one-time loads are not extraction
                extract_events(doc, article, method=methods[-1])
        for method in methods:
            for doc in docs:  # start as a build does: nothing the readers keep on a Doc yet (doccache)
                doc.user_data.clear()
            started = time.perf_counter()
            for doc, article in zip(docs, articles):
                extract_events(doc, article, method=method)
            best[method] = min(best[method], time.perf_counter() - started)
    words = sum(1 for d in docs for t in d if not t.is_punct and not t.is_space)
    parse = best["parse"]
    print(f"{len(articles)} articles, {words:,} words; spaCy parse {parse:.2f} s (best of {ROUNDS})\n")
    print(f"| method | extraction s (best of {ROUNDS}) | share of the parse |")
    print("|---|---|---|")
    for method in methods:
        print(f"| {method} | {best[method]:.2f} | {100 * best[method] / parse:.0f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
