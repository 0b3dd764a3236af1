"""Benchmark builds into a SPARQL server: locally and on Dask, and the server's write rate.

In one run on this machine, over N copies (default 40) of the bundled examples written as .txt
files (bench_build.py's corpus B: 6 articles per copy), into a fresh `oxigraph serve` on a
loopback port for each build:

  * a local build, `kgraph.pipeline.build([folder], store=URL, n_process=N)` for N = 1, 2
    (what `kgraph build FOLDER --store URL --n-process N` does, the model already loaded);
  * a Dask build, `kgraph.cluster.build_on_dask([folder], URL, "local:W")` for W = 1, 2
    workers (what `kgraph build FOLDER --store URL --dask local:W` does): wall time with the
    LocalCluster's start and each worker's model load, and the time after the workers are set
    up (the rate a long-running cluster would see);
  * the servers' write rate: the corpus's article graphs (made beforehand with
    `process.process_article`) written with `RemoteStore.put_article` by 1, 2 and 4 threads at
    once, each with its share of the articles (quads per second over all writers), into a
    fresh Oxigraph server and a fresh Virtuoso (`tools/virtuoso.py`; left out with a note
    where Debian's virtuoso-opensource is not installed).

The Markdown result goes to stdout and to --out. Progress goes to stderr.

    .venv/bin/python bench/bench_dask.py [--copies 40] [--servers oxigraph,virtuoso] [--out bench/dask_results.md]
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tools"))

from bench_build import example_texts, log, write_copies  # noqa: E402

from kgraph.serve import free_port  # noqa: E402

OXIGRAPH = Path(sys.executable).parent / "oxigraph"


@contextmanager
def oxigraph_server(folder: Path):
    """A fresh read-write Oxigraph server on a loopback port: its URL."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def quads_in(url: str) -> int:
    from kgraph.store import RemoteStore

    rows = RemoteStore(url).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(rows[0]["n"] or 0)


def bench_builds(folder: Path, tmp: Path, n_procs: list[int], workers: list[int]) -> list[dict]:
    from kgraph.cluster import build_on_dask
    from kgraph.nlp import load_pipeline
    from kgraph.pipeline import build

    load_pipeline(None)  # as build() calls it (lru_cache keys on the call): its load is outside the timing
    rows = []
    for n in n_procs:
        with oxigraph_server(tmp / f"local{n}") as url:
            log(f"local build, n-process {n}")
            start = time.perf_counter()
            summary = build([str(folder)], store=url, n_process=n)
            wall = time.perf_counter() - start
            rows.append(dict(how=f"local, `--n-process {n}`", articles=summary.articles, words=summary.words,
                             wall=wall, steady=summary.parse_seconds, quads=quads_in(url)))
    for w in workers:
        with oxigraph_server(tmp / f"dask{w}") as url:
            log(f"Dask build, LocalCluster of {w} worker(s)")
            start = time.perf_counter()
            summary = build_on_dask([str(folder)], url, f"local:{w}")
            wall = time.perf_counter() - start
            rows.append(dict(how=f"Dask, `--dask local:{w}`", articles=summary.articles, words=summary.words,
                             wall=wall, steady=summary.parse_seconds, quads=quads_in(url)))
    return rows


@contextmanager
def sparql_server(kind: str, folder: Path):
    """A fresh read-write server of one kind: its base URL."""
    if kind == "virtuoso":
        import virtuoso

        with virtuoso.virtuoso_server(folder) as url:
            yield url
    else:
        with oxigraph_server(folder) as url:
            yield url


def bench_writes(folder: Path, tmp: Path, writers: list[int], servers: list[str]) -> tuple[list[dict], int, int]:
    from kgraph.casing import text_for_parser
    from kgraph.nlp import load_pipeline
    from kgraph.pipeline import _with_date
    from kgraph.process import process_article
    from kgraph.sources import list_input_files, read_articles
    from kgraph.store import RemoteStore

    nlp = load_pipeline()
    articles = [_with_date(a, None) for a in read_articles(list_input_files([str(folder)]), log)]
    log(f"making the graphs of {len(articles)} articles")
    docs = nlp.pipe((text_for_parser(a.text) for a in articles), batch_size=32)
    graphs = [p.rdf for p in (process_article(doc, a) for doc, a in zip(docs, articles)) if p.rdf]
    quads = sum(len(g.quads) for g in graphs)
    rows = []
    for kind, k in [(kind, k) for kind in servers for k in writers]:
        with sparql_server(kind, tmp / f"writes-{kind}-{k}") as url:
            log(f"{kind}: {k} concurrent writer(s)")
            shares = [graphs[i::k] for i in range(k)]
            failures: list[BaseException] = []

            def write(share) -> None:
                try:
                    store = RemoteStore(url)
                    for graph in share:
                        store.put_article(graph)
                except BaseException as exc:  # noqa: BLE001 - reported below
                    failures.append(exc)

            threads = [threading.Thread(target=write, args=(share,)) for share in shares]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.perf_counter() - start
            if failures:
                raise failures[0]
            rows.append(dict(server=kind, writers=k, seconds=seconds, stored=quads_in(url)))
    return rows, len(graphs), quads


def report(builds: list[dict], writes: list[dict], articles: int, quads: int, copies: int,
           notes: list[str]) -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        f"## Builds into a SPARQL server, locally and on Dask (`bench/bench_dask.py`, "
        f"{datetime.date.today().isoformat()})",
        "",
        f"{platform.python_version()} on {platform.machine()}, {cpus} CPUs (shared with other work); "
        f"corpus: examples x{copies} ({builds[0]['articles']} articles, {builds[0]['words']:,} words); "
        "each build into a fresh `oxigraph serve` on loopback. *wall* includes, for Dask, starting the "
        "LocalCluster and loading the model in each worker; *steady* is from the first task on "
        "(local builds: after the model loaded).",
        "",
        "| build | articles | quads stored | wall s | articles/s (wall) | steady s | articles/s (steady) | words/s (steady) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in builds:
        lines.append(f"| {r['how']} | {r['articles']} | {r['quads']:,} | {r['wall']:.1f} | "
                     f"{r['articles'] / r['wall']:.1f} | {r['steady']:.1f} | {r['articles'] / r['steady']:.1f} | "
                     f"{r['words'] / r['steady']:,.0f} |")
    lines += [
        "",
        f"Write rate of the servers: the {articles} article graphs ({quads:,} quads, one Graph Store "
        "`PUT` per article plus a `POST` of its actors, as a build sends them), split among concurrent "
        "writers (threads, each its own connection), into a fresh server each time: `oxigraph serve`, "
        "and Virtuoso (Debian's virtuoso-opensource 7.2, `tools/virtuoso.py`'s virtuoso.ini: "
        "NumberOfBuffers 20000, the rest as installed).",
        "",
        "| server | writers | s | quads/s | articles/s | quads in the server after |",
        "|---|---|---|---|---|---|",
    ]
    for r in writes:
        lines.append(f"| {r['server']} | {r['writers']} | {r['seconds']:.2f} | {quads / r['seconds']:,.0f} | "
                     f"{articles / r['seconds']:.0f} | {r['stored']:,} |")
    lines += [""] + notes if notes else []
    return "\n".join(lines) + "\n"


def main() -> int:
    import virtuoso

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of the 6 example articles (default 40)")
    parser.add_argument("--n-process", default="1,2", help="local builds' --n-process values (default 1,2)")
    parser.add_argument("--workers", default="1,2", help="Dask LocalCluster sizes (default 1,2)")
    parser.add_argument("--writers", default="1,2,4", help="concurrent writers (default 1,2,4)")
    parser.add_argument("--servers", default="oxigraph,virtuoso", help="servers to write into (default oxigraph,virtuoso)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "dask_results.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-dask-") as name:
        tmp = Path(name)
        folder = write_copies(tmp / "corpus", example_texts(), args.copies)
        builds = bench_builds(folder, tmp, [int(n) for n in args.n_process.split(",")],
                              [int(w) for w in args.workers.split(",")])
        servers, notes = args.servers.split(","), []
        if "virtuoso" in servers and not virtuoso.installed():
            servers.remove("virtuoso")
            notes.append("Virtuoso left out: virtuoso-t not found (apt-get install virtuoso-opensource).")
        writes, articles, quads = bench_writes(folder, tmp, [int(k) for k in args.writers.split(",")], servers)
    text = report(builds, writes, articles, quads, args.copies, notes)
    print(text)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
