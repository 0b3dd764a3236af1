"""Benchmark `kgraph build` against spaCy alone, in one run.

For each corpus -- A: the development set ../shared/eval/dev/docs (skipped if absent);
B: N copies (default 100) of the bundled examples written as .txt files into a temp folder --
it measures

  * spaCy alone: `list(nlp.pipe(texts, batch_size=32))` with the pipeline kgraph loads
    (`kgraph.nlp.load_pipeline()`), over the texts kgraph would parse (read beforehand with
    kgraph.sources and headline-cased as kgraph does, so reading is outside the timing);
  * kgraph in-process: `kgraph.pipeline.build([folder], out)` with the model already loaded;
  * the CLI wall time including start-up and model load (`kgraph build FOLDER -o TMP -q`);

and the peak RSS of the CLI build of corpus B at 10x and 100x copies. In-process timings are
the best of 3 runs after one warm-up; spaCy and kgraph runs are interleaved so that noise from
other load on the machine hits both alike. Optionally (on by default) one kgraph build is
profiled with cProfile and the top functions under kgraph/ by cumulative time are listed.

The Markdown result goes to stdout and to --out. Progress goes to stderr.

    .venv/bin/python bench/bench_build.py [--out bench/results.md]
"""
from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_DOCS = (REPO / ".." / "shared" / "eval" / "dev" / "docs").resolve()
EXAMPLES = REPO / "examples"
KGRAPH_BIN = REPO / ".venv" / "bin" / "kgraph"
TIME_BIN = Path("/usr/bin/time")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- corpora

def example_texts() -> list[tuple[str, str]]:
    """(name, text) of each bundled example article: .txt as is, the article text trafilatura
    extracts from .html (via kgraph's own reader), and the `text` field of each JSON line."""
    from kgraph.sources import read_articles

    texts: list[tuple[str, str]] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        texts.append((path.stem, path.read_text(encoding="utf-8")))
    for path in sorted(EXAMPLES.glob("*.html")):
        for article in read_articles([str(path)], log):
            texts.append((path.stem, article.text))
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                texts.append((f"{path.stem}-{number}", json.loads(line)["text"]))
    return texts


def write_copies(folder: Path, texts: list[tuple[str, str]], copies: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for name, text in texts:
            (folder / f"c{k:03d}_{name}.txt").write_text(text, encoding="utf-8")
    return folder


def parse_inputs(folder: Path) -> list[str]:
    """The exact strings kgraph.pipeline.build hands to nlp.pipe for `folder`."""
    from kgraph.casing import sentence_case_headlines
    from kgraph.sources import list_input_files, read_articles

    files = list_input_files([str(folder)])
    return [sentence_case_headlines(a.text) for a in read_articles(files, log)]


# --------------------------------------------------------------------------- measurements

def count_words(docs) -> int:
    return sum(1 for doc in docs for t in doc if not t.is_punct and not t.is_space)


def interleaved_best(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Warm each function up once, then run them round-robin `repeat` times; all timings."""
    for name, func in funcs.items():
        log(f"  warm-up {name}")
        func()
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for i in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
            log(f"  run {i + 1}/{repeat} {name}: {times[name][-1]:.2f} s")
    return times


def run_cli(folder: Path, out: Path) -> tuple[float, int | None, str]:
    """Wall seconds and peak RSS (KiB) of `kgraph build folder -o out -q`, and how RSS was got."""
    command = [str(KGRAPH_BIN), "build", str(folder), "-o", str(out), "-q"]
    if TIME_BIN.exists():
        start = time.perf_counter()
        done = subprocess.run([str(TIME_BIN), "-v", *command], capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"kgraph build failed ({done.returncode}):\n{done.stderr[-2000:]}")
        rss = None
        for line in done.stderr.splitlines():
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1])
        return wall, rss, "/usr/bin/time -v"
    # Fallback: rusage of this one child (os.wait4), the per-child form of RUSAGE_CHILDREN.
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"kgraph build failed ({proc.returncode}):\n{stderr[-2000:]!r}")
    return wall, usage.ru_maxrss, "getrusage (os.wait4) ru_maxrss"


def bench_corpus(label: str, folder: Path, tmp: Path, nlp, repeat: int) -> dict:
    from kgraph.pipeline import build

    texts = parse_inputs(folder)
    docs = list(nlp.pipe(texts, batch_size=32))
    words = count_words(docs)
    try:
        stages = time_stages(folder, docs, tmp / f"{label}-stages.ttl")
    except Exception as exc:  # kgraph's internals change; the stage split is optional
        stages = {"error": f"{type(exc).__name__}: {exc}"}
        log(f"{label}: stage timing failed: {stages['error']}")
    del docs
    out = tmp / f"{label}.ttl"
    summaries = []

    def spacy_alone() -> None:
        list(nlp.pipe(texts, batch_size=32))

    def kgraph_build() -> None:
        summaries.append(build([str(folder)], out))

    log(f"{label}: {len(texts)} docs, {words} words")
    times = interleaved_best({"spaCy": spacy_alone, "kgraph": kgraph_build}, repeat)
    log(f"{label}: CLI build")
    cli_wall, cli_rss, rss_how = run_cli(folder, tmp / f"{label}-cli.ttl")
    last = summaries[-1]
    return {
        "label": label, "docs": len(texts), "words": words, "kgraph_words": last.words,
        "events": last.events, "triples": last.triples, "spacy": times["spaCy"],
        "kgraph": times["kgraph"], "cli": cli_wall, "cli_rss": cli_rss, "rss_how": rss_how,
        "stages": stages,
    }


def time_stages(folder: Path, docs: list, out: Path) -> dict[str, float]:
    """One unprofiled pass of each post-parse step of a build over already-parsed `docs`, using
    the same kgraph functions pipeline.build calls (the parse itself is the spaCy column)."""
    from kgraph.casing import sentence_case_headlines
    from kgraph.extract import extract_events
    from kgraph.graph import GraphWriter, format_for
    from kgraph.sources import list_input_files, read_articles

    stages: dict[str, float] = {}
    articles = list(read_articles(list_input_files([str(folder)]), log))
    # warm-up: the first extraction in a process pays one-time lazy loading (lexicons etc.)
    GraphWriter().add(extract_events(docs[0], articles[0]))
    start = time.perf_counter()
    articles = list(read_articles(list_input_files([str(folder)]), log))
    for article in articles:
        sentence_case_headlines(article.text)
    stages["read + chrome-strip + headline-case"] = time.perf_counter() - start
    start = time.perf_counter()
    results = [extract_events(doc, article) for doc, article in zip(docs, articles)]
    stages["extract_events"] = time.perf_counter() - start
    start = time.perf_counter()
    count_words(docs)
    stages["word count"] = time.perf_counter() - start
    start = time.perf_counter()
    writer = GraphWriter()
    for result in results:
        writer.add(result)
    stages["GraphWriter.add (RDF triples)"] = time.perf_counter() - start
    start = time.perf_counter()
    graph = writer.finish()
    stages["GraphWriter.finish"] = time.perf_counter() - start
    start = time.perf_counter()
    graph.serialize(destination=str(out), format=format_for(out.suffix), encoding="utf-8")
    stages["serialise to Turtle"] = time.perf_counter() - start
    return stages


def profile_build(folder: Path, out: Path, top: int) -> tuple[float, list, list[tuple[str, float]]]:
    """Profile one (warm) kgraph build; the top kgraph/ functions by cumulative time."""
    from kgraph.pipeline import build

    package = str(REPO / "kgraph") + os.sep
    profiler = cProfile.Profile()
    profiler.enable()
    build([str(folder)], out)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename.startswith(package) and not (filename.endswith("pipeline.py") and func == "build"):
            where = f"{Path(filename).relative_to(REPO)}:{line}({func})"
            rows.append((where, cumtime, tottime, ncalls))
    rows.sort(key=lambda r: -r[1])
    stages = []
    for label, suffix, func in STAGES:
        cum = sum(v[3] for (f, _l, fn), v in stats.stats.items()  # type: ignore[attr-defined]
                  if f.endswith(suffix) and fn == func)
        stages.append((label, cum))
    return total, rows[:top], stages


#: (label, file suffix, function) of the stages of a build, for the profile's breakdown
STAGES = [
    ("spaCy `Language.pipe` (pulls the reading generator, so includes reading)",
     os.path.join("spacy", "language.py"), "pipe"),
    ("reading files (`sources.read_articles`)", os.path.join("kgraph", "sources.py"), "read_articles"),
    ("headline casing (`casing.sentence_case_headlines`)", os.path.join("kgraph", "casing.py"),
     "sentence_case_headlines"),
    ("event extraction (`extract.extract_events`)", os.path.join("kgraph", "extract.py"), "extract_events"),
    ("RDF triples (`graph.GraphWriter.add`)", os.path.join("kgraph", "graph.py"), "add"),
    ("`graph.GraphWriter.finish`", os.path.join("kgraph", "graph.py"), "finish"),
    ("RDF serialisation + atomic write (`atomic.write_atomically`)", os.path.join("kgraph", "atomic.py"),
     "write_atomically"),
]


# --------------------------------------------------------------------------- report

def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds else "-"


def report(results: list[dict], rss_rows: list[tuple[str, int, int, float, int | None]],
           notes: list[str], profile: tuple[str, float, float, list] | None, header: str) -> str:
    lines = [header, "",
             "| corpus | docs | words | spaCy alone s | spaCy words/s | kgraph build s "
             "| kgraph words/s | kgraph/spaCy | overhead | CLI wall s (incl. start-up) | CLI words/s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        s, k = min(r["spacy"]), min(r["kgraph"])
        lines.append(
            f"| {r['label']} | {r['docs']} | {r['words']:,} | {s:.2f} | {rate(r['words'], s)} "
            f"| {k:.2f} | {rate(r['words'], k)} | {k / s:.2f}x | {(k / s - 1) * 100:+.0f}% "
            f"| {r['cli']:.2f} | {rate(r['words'], r['cli'])} |")
    staged = [r for r in results if "error" not in r["stages"]]
    if staged:
        lines += ["", "Where the kgraph time goes: one unprofiled pass of each step of a build over "
                      "documents parsed once (same kgraph functions as `pipeline.build`):", "",
                  "| step | " + " | ".join(r["label"] for r in staged) + " |",
                  "|---|" + "---:|" * len(staged)]
        names = list(staged[0]["stages"])
        lines.append("| spaCy parse (best, from above) | "
                     + " | ".join(f"{min(r['spacy']):.2f} s" for r in staged) + " |")
        for name in names:
            lines.append(f"| {name} | " + " | ".join(
                f"{r['stages'].get(name, 0):.2f} s ({r['stages'].get(name, 0) / min(r['spacy']) * 100:.0f}% of spaCy)"
                for r in staged) + " |")
        lines.append("| sum of steps after the parse | " + " | ".join(
            f"{sum(r['stages'].values()):.2f} s ({sum(r['stages'].values()) / min(r['spacy']) * 100:.0f}% of spaCy)"
            for r in staged) + " |")
        lines.append("| measured kgraph - spaCy (best) | " + " | ".join(
            f"{min(r['kgraph']) - min(r['spacy']):.2f} s" for r in staged) + " |")
    if rss_rows:
        lines += ["", "| CLI build (peak RSS) | docs | words | wall s | peak RSS MiB |",
                  "|---|---:|---:|---:|---:|"]
        for label, docs, words, wall, rss in rss_rows:
            rss_text = f"{rss / 1024:,.0f}" if rss else "n/a"
            lines.append(f"| {label} | {docs} | {words:,} | {wall:.2f} | {rss_text} |")
    if profile:
        label, total, build_s, rows, stages = profile
        lines += ["", f"Top kgraph/ functions by cumulative time, one cProfile'd build of {label} "
                      f"(build {build_s:.2f} s under the profiler; profiling inflates Python-heavy "
                      "code more than spaCy's compiled code):", "",
                  "| function | cumulative s | % of build | own s | calls |",
                  "|---|---:|---:|---:|---:|"]
        for where, cum, own, calls in rows:
            lines.append(f"| `{where}` | {cum:.2f} | {cum / build_s * 100:.0f}% | {own:.2f} | {calls:,} |")
        lines += ["", "Stages of the same profiled build (cumulative; spaCy's pipe includes the reading "
                      "it pulls lazily):", "", "| stage | cumulative s | % of build |", "|---|---:|---:|"]
        for stage, cum in stages:
            lines.append(f"| {stage} | {cum:.2f} | {cum / build_s * 100:.0f}% |")
    lines += [""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="See bench/README.md for what each number means.")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.md",
                        help="Markdown file to write (default: bench/results.md)")
    parser.add_argument("--dev", type=Path, default=DEV_DOCS,
                        help="corpus A folder (default: ../shared/eval/dev/docs)")
    parser.add_argument("--copies", type=int, default=100,
                        help="copies of the examples in corpus B (default: 100)")
    parser.add_argument("--rss-copies", default="10,100",
                        help="comma-separated copy counts for the peak-RSS runs (default: 10,100)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (best is kept)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile'd build")
    args = parser.parse_args()

    started = time.perf_counter()
    import spacy

    from kgraph.nlp import default_model, load_pipeline

    log("loading the pipeline")
    nlp = load_pipeline()
    model = default_model()
    notes: list[str] = []
    results: list[dict] = []
    rss_rows: list[tuple[str, int, int, float, int | None]] = []
    profile = None
    tmp = Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    try:
        if args.dev.is_dir():
            results.append(bench_corpus("A: dev set", args.dev, tmp, nlp, args.repeat))
        else:
            notes.append(f"Corpus A skipped: {args.dev} not found.")
            log(notes[-1])

        texts = example_texts()
        copies_needed = sorted({args.copies, *(int(c) for c in args.rss_copies.split(",") if c)})
        folders = {c: write_copies(tmp / f"examples-x{c}", texts, c) for c in copies_needed}
        results.append(bench_corpus(f"B: examples x{args.copies}", folders[args.copies], tmp,
                                    nlp, args.repeat))

        for c in copies_needed:
            if str(c) not in args.rss_copies.split(","):
                continue
            if c == args.copies:  # the CLI run of corpus B above is this measurement
                r = results[-1]
                rss_rows.append((f"B: examples x{c}", r["docs"], r["words"], r["cli"], r["cli_rss"]))
                continue
            log(f"CLI build for peak RSS, examples x{c}")
            wall, rss, _how = run_cli(folders[c], tmp / f"rss-x{c}.ttl")
            docs_c = len(texts) * c
            words_c = results[-1]["words"] * c // args.copies
            rss_rows.append((f"B: examples x{c}", docs_c, words_c, wall, rss))
        rss_rows.sort(key=lambda row: row[1])

        if not args.no_profile:
            c = min(folders)
            log(f"profiling one build of examples x{c}")
            from kgraph.pipeline import build
            build([str(folders[c])], tmp / "warm.ttl")
            t0 = time.perf_counter()
            total, rows, stages = profile_build(folders[c], tmp / "profile.ttl", 5)
            profile = (f"corpus B at x{c}", total, time.perf_counter() - t0, rows, stages)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for r in results:
        if "error" in r["stages"]:
            notes.append(f"{r['label']}: stage timing unavailable ({r['stages']['error']}).")
        paired = sorted(k / s for k, s in zip(r["kgraph"], r["spacy"]))
        notes.append(f"{r['label']}: kgraph/spaCy of each interleaved pair of runs: "
                     + ", ".join(f"{x:.2f}x" for x in paired)
                     + f" (median {paired[len(paired) // 2]:.2f}x).")
        startup = r["cli"] - min(r["kgraph"])
        notes.append(f"{r['label']}: CLI wall - in-process kgraph best = {startup:.2f} s "
                     "(start-up, imports and model load, plus noise: the CLI is timed once)"
                     + (" -- negative, so this CLI run was luckier than the in-process runs."
                        if startup < 0 else "."))
        if r["kgraph_words"] != r["words"]:
            notes.append(f"{r['label']}: kgraph counted {r['kgraph_words']:,} words, spaCy alone "
                         f"{r['words']:,} (different texts parsed?).")
        notes.append(f"{r['label']}: all timed runs, spaCy " + ", ".join(f"{t:.2f}" for t in r["spacy"])
                     + " s; kgraph " + ", ".join(f"{t:.2f}" for t in r["kgraph"])
                     + f" s; kgraph found {r['events']:,} events, {r['triples']:,} triples.")
    notes += [
        f"In-process times are the best of {args.repeat} runs after one warm-up, spaCy and kgraph "
        "runs interleaved; the model is loaded once beforehand, so load time is in neither. "
        "The machine is shared and noisy: treat differences under ~10% as noise.",
        "spaCy alone = `list(nlp.pipe(texts, batch_size=32))` on the texts kgraph parses (read, "
        "chrome-stripped and headline-cased before timing). kgraph build = "
        "`kgraph.pipeline.build([folder], out)`: reading files, parsing, extraction, RDF "
        "serialisation and the atomic write. overhead = kgraph/spaCy - 1.",
        "CLI wall = one `kgraph build FOLDER -o TMP -q` subprocess: interpreter start-up, imports, "
        "model load and the build. Words = tokens that are neither punctuation nor space.",
        "Peak RSS from " + (results[-1]["rss_how"] if results else "n/a") + ", one run each.",
    ]
    header = (f"# kgraph build benchmark\n\n"
              f"{datetime.datetime.now():%Y-%m-%d %H:%M}, Python {platform.python_version()}, "
              f"spaCy {spacy.__version__}, model {model} {nlp.meta.get('version', '')}, "
              f"pipeline {', '.join(nlp.pipe_names)}; {os.cpu_count()} CPUs visible, "
              f"n_process=1, batch_size=32; bench took {time.perf_counter() - started:.0f} s.")
    text = report(results, rss_rows, notes, profile, header)
    sys.stdout.write(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
