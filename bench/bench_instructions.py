"""Extraction's cost in CPU instructions, beside spaCy's parse: a count that the shared machine's
noise does not move, for telling two versions of the extraction apart.

    .venv/bin/python bench/bench_instructions.py [--no-parse] [FOLDER ...]   # default: corpus B x20

Needs valgrind (`apt install valgrind`). Each phase runs in its own process under callgrind
with instrumentation off, and switches it on (`callgrind_control -i on`) only around the part
measured: spaCy's parse of every article (batch size 4, the text kgraph hands the parser), then
`extract_events` over the parsed Docs with method "rules" and with the shipped model's method,
each after one warm-up pass. Instructions are not time (the parse's vectorised code does more
per instruction than Python does), so the shares are for comparing versions; `bench_extract.py`
gives the share of the parse's time. Counting under callgrind is slow: about 1.5 min per
extraction phase and 20 min for the parse on corpus B x20 (`--no-parse` leaves it out).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _instrument(on: bool) -> None:
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
                   capture_output=True, check=True)


def run_phase(phase: str, folders: list[str], parsed: str) -> None:
    """Inside callgrind: do the phase's work with only its measured part instrumented. The
    extraction phases read the parse from `parsed` (a DocBin the caller wrote): parsing under
    valgrind, even uninstrumented, takes many minutes."""
    from spacy.tokens import DocBin

    from kgraph.argmodel import shipped_model
    from kgraph.casing import text_for_parser, with_original_text
    from kgraph.extract import extract_events
    from kgraph.nlp import load_pipeline

    articles = read(folders)
    nlp = load_pipeline()
    if phase == "parse":
        texts = [text_for_parser(a.text) for a in articles]
        list(nlp.pipe(texts[:4], batch_size=4))  # warm-up: first-call allocations are not the parse
        _instrument(True)
        list(nlp.pipe(texts, batch_size=4))
        _instrument(False)
        return
    docs = list(DocBin().from_disk(parsed).get_docs(nlp.vocab))
    docs = [with_original_text(d, a.text) for d, a in zip(docs, articles)]
    method = phase if phase == "rules" else shipped_model().method
    for doc, article in zip(docs, articles):  # warm-up: date parser, gazetteers, dictionaries
        extract_events(doc, article, method=method)
    for doc in docs:  # start as a build does: nothing the readers keep on a Doc yet
        doc.user_data.clear()
    _instrument(True)
    for doc, article in zip(docs, articles):
        extract_events(doc, article, method=method)
    _instrument(False)


def read(folders: list[str]) -> list:
    from kgraph.sources import list_input_files, read_articles

    return list(read_articles(list_input_files(folders), lambda m: None))


def parse_once(folders: list[str], out: Path) -> None:
    """The articles' parses, as the extraction phases read them, outside valgrind."""
    from spacy.tokens import DocBin

    from kgraph.casing import text_for_parser
    from kgraph.nlp import load_pipeline

    nlp = load_pipeline()
    docs = nlp.pipe([text_for_parser(a.text) for a in read(folders)], batch_size=4)
    DocBin(store_user_data=False, docs=docs).to_disk(out)


def count(phase: str, folders: list[str], scratch: Path) -> int:
    """The instructions of one phase, from a fresh process under callgrind."""
    out = scratch / f"callgrind.{phase}"
    done = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                           sys.executable, __file__, "--phase", phase, "--parsed", str(scratch / "parsed.spacy"),
                           *folders],
                          capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or not found:
        raise SystemExit(f"{phase}: callgrind failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def corpus_b(scratch: Path, copies: int = 20) -> str:
    """Corpus B as bench_build.py writes it (the bundled examples, `copies` times)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import example_texts, write_copies  # noqa: E402

    return str(write_copies(scratch / "corpus_b", example_texts(), copies))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="article folders (default: corpus B x20)")
    parser.add_argument("--no-parse", action="store_true", help="count the extraction only")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--parsed", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        run_phase(args.phase, args.folders, args.parsed)
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folders = args.folders or [corpus_b(scratch)]
        print("parsing ...", file=sys.stderr)
        parse_once(folders, scratch / "parsed.spacy")
        phases = ["rules", "union"] + ([] if args.no_parse else ["parse"])
        counts = {}
        for phase in phases:
            print(f"counting {phase} ...", file=sys.stderr)
            counts[phase] = count(phase, folders, scratch)
    print("| phase | instructions | share of the parse's |")
    print("|---|---|---|")
    for phase in phases:
        share = f"{100 * counts[phase] / counts['parse']:.0f}%" if "parse" in counts else "-"
        print(f"| {phase} | {counts[phase] / 1e9:.2f} G | {share} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
