"""Benchmark kgraph's Oxigraph store at a million quads: query latency against rdflib, and the
cost of adding one article.

  a. Store: the bundled examples are built once into a temp store folder
     (`kgraph.pipeline.build(store=...)`), then their article graphs are replicated with fresh
     document, event and graph IRIs (the digest gets a `-<copy>` suffix, the source a
     `#copy-<copy>` suffix) until the store holds at least --triples quads. Actors keep their
     IRIs, as in a real archive where the same countries and people recur in many articles.
     The replicas go in with pyoxigraph's `bulk_extend`; then `kgraph.sparql.stats_update()` runs
     once, as a build would.
  b. Queries: every canned query (`kgraph.query.canned_queries()`) is timed
       * on the store folder, the way `kgraph query FOLDER NAME --format csv` runs it:
         `open_source(folder)` + `run_query(..., keep="csv")` + `format_result(..., "csv")`;
       * on rdflib's in-memory `Graph` parsed from a Turtle dump of the same store
         (`kgraph export FOLDER --format turtle`): `graph.query(text, initNs=kgraph prefixes)`
         + `result.serialize(format="csv")`;
       * on an in-memory pyoxigraph `Store` loaded from the same Turtle dump (the same set of
         triples as rdflib: the RDF merge of the article graphs, every triple once), with the
         same kgraph functions as the store column.
     Each query runs in a forked child of a worker process that loaded the data once, with a
     per-run timeout (--timeout) and a memory cap (--mem-limit-gb); best of up to 3 runs, fewer
     when a query is slow (--repeat-budget).
  c. Incremental add: one short new article into the million-quad store, in-process with the
     model loaded (`kgraph.pipeline.build([file], store=folder)`, best of 3 with 3 distinct file
     names) and with the CLI (`kgraph build FILE --store FOLDER -q`, wall time including
     start-up and model load); then the same article again (should change nothing).

The Markdown report goes to stdout and to --out; progress to stderr.

    .venv/bin/python bench/bench_store.py [--triples 1000000] [--out bench/store_results.md]
"""
from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import math
import os
import platform
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
KGRAPH_BIN = REPO / ".venv" / "bin" / "kgraph"

NEW_ARTICLE = """\
Japan Condemns Missile Launch, Weighs New Sanctions

TOKYO, March 3 (The Harbour Gazette) - Japan condemned North Korea on Monday after Pyongyang \
fired two ballistic missiles into the sea east of the Korean peninsula.

Japanese Foreign Minister Aiko Tanabe said Tokyo was considering new sanctions against North \
Korea and would consult South Korea and the United States this week. Seoul warned that further \
launches would deepen the country's isolation.

Russia denied supplying missile technology to North Korea and accused Japan of stoking \
tensions in the region.
"""


def log(message: str) -> None:
    print(f"[bench-store] {message}", file=sys.stderr, flush=True)


def rss_mib(pid: int | str = "self") -> float:
    """Resident set size now, MiB (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


# --------------------------------------------------------------------------- a. the store

def replicate(store, copies: int, first: int = 1) -> int:
    """Add `copies` replicas of every article graph in `store` (a pyoxigraph Store) with fresh
    document, event and graph IRIs (the shared actors graph is not copied); return the number
    of quads written."""
    import pyoxigraph as ox

    from kgraph.rdf import ACTORS_GRAPH, ID, STATS_GRAPH, document_iri
    from rdflib.namespace import DCTERMS

    source_p = ox.NamedNode(str(DCTERMS.source))
    # the actors graph describes shared actors once: replicas reuse it, as real articles do
    base = [q for q in store.quads_for_pattern(None, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in (STATS_GRAPH, ACTORS_GRAPH)]
    sources = {q.subject.value: q.object.value for q in base if q.predicate == source_p}
    renamed_prefixes = (f"{ID}graph/", f"{ID}event/")
    doc_prefix = f"{ID}doc/"

    def kind(term) -> str:
        """How a term changes from copy to copy: s(uffixed), d(ocument) or k(ept)."""
        if isinstance(term, ox.NamedNode):
            if term.value.startswith(renamed_prefixes):
                return "s"
            if term.value.startswith(doc_prefix):
                return "d"
        return "k"

    template = [(q, kind(q.subject), kind(q.object), kind(q.graph_name), q.predicate == source_p)
                for q in base]

    def quads():
        for k in range(first, first + copies):
            docs = {iri: document_iri(f"{src}#copy-{k}") for iri, src in sources.items()}

            def new(term, how):
                if how == "s":
                    return ox.NamedNode(f"{term.value}-{k}")
                if how == "d":
                    return docs[term.value]
                return term

            for q, ks, ko, kg, is_source in template:
                obj = ox.Literal(f"{q.object.value}#copy-{k}") if is_source else new(q.object, ko)
                subject = new(q.subject, ks)
                yield ox.Quad(subject, q.predicate, obj, new(q.graph_name, kg))
                yield ox.Quad(subject, q.predicate, obj, ox.DefaultGraph())  # kgraph's union copy

    store.bulk_extend(quads())
    return 2 * len(template) * copies


def make_store(folder: Path, target: int) -> dict:
    """Build the examples into `folder`, replicate them to >= `target` quads, refresh stats."""
    from kgraph.pipeline import build
    from kgraph.rdf import ACTORS_GRAPH, STATS_GRAPH
    from kgraph.sparql import stats_update
    from kgraph.store import LocalStore

    info: dict = {}
    start = time.perf_counter()
    summary = build([str(EXAMPLES)], store=str(folder))
    info["build_examples_s"] = time.perf_counter() - start
    info["examples_articles"], info["examples_events"] = summary.articles, summary.events
    local = LocalStore(folder)  # kgraph's own writer lock, held while we write
    try:
        store = local.store
        import pyoxigraph as ox

        base_quads = len(store)
        union_triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        stats_quads = sum(1 for _ in store.quads_for_pattern(None, None, None, STATS_GRAPH))
        actor_quads = sum(1 for _ in store.quads_for_pattern(None, None, None, ACTORS_GRAPH))
        # article-graph quads of one copy; each also has its copy in the default graph (the
        # union kgraph keeps); the target counts distinct triples, i.e. the union
        per_copy = base_quads - union_triples - stats_quads - actor_quads
        copies = max(0, math.ceil((target - union_triples) / per_copy))
        info.update(base_quads=base_quads, per_copy=per_copy, copies=copies + 1)
        log(f"examples: {summary.articles} articles, {base_quads} quads ({per_copy} in article "
            f"graphs); adding {copies} replicas with bulk_extend")
        start = time.perf_counter()
        replicate(store, copies)
        info["bulk_extend_s"] = time.perf_counter() - start
        log(f"bulk_extend: {info['bulk_extend_s']:.1f} s; refreshing stats")
        start = time.perf_counter()
        store.update(stats_update(mirror=True))
        info["stats_s"] = time.perf_counter() - start
        # bulk_extend ingests a pile of overlapping RocksDB files (one set per call) that a store
        # written by transactions never has: compact them, as RocksDB does in the background
        start = time.perf_counter()
        store.optimize()
        info["optimize_s"] = time.perf_counter() - start
        info["quads"] = len(store)
        info["triples"] = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        info["graphs"] = sum(1 for _ in store.named_graphs())
        info["articles"] = info["examples_articles"] * info["copies"]
        info["events"] = info["examples_events"] * info["copies"]
    finally:
        local.close()
    info["disk_mib"] = folder_mib(folder)
    log(f"store: {info['quads']:,} quads in {info['graphs']:,} graphs, {info['disk_mib']:.0f} MiB "
        f"on disk; stats update {info['stats_s']:.2f} s")
    return info


# --------------------------------------------------------------------------- b. query workers
#
# A worker process loads its data once, then runs each query it is sent (one name per line on
# stdin) in a forked child, so that a query that runs away can be killed without reloading.
# The child reports each run as a JSON line on a pipe; the worker enforces the timeout and the
# memory cap and answers one JSON line per query on stdout.

def _load(engine: str, data: str):
    if engine == "rdflib":
        import rdflib

        graph = rdflib.Graph()
        graph.parse(data, format="turtle")
        return graph, len(graph)
    if engine == "oxmem":
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(path=data, format=ox.RdfFormat.TURTLE)
        return store, len(store)
    if engine == "oxstore":
        import kgraph.query  # noqa: F401  (imports outside the timing)

        return data, None
    raise ValueError(engine)


def _run_once(engine: str, loaded, text: str) -> str:
    """One query, answered as CSV text (what `kgraph query ... --format csv` prints)."""
    if engine == "rdflib":
        from kgraph import vocab

        result = loaded.query(text, initNs=dict(vocab.PREFIXES))
        if result.type == "SELECT":
            return result.serialize(format="csv").decode("utf-8")
        if result.type == "ASK":
            return "true" if result.askAnswer else "false"
        return result.serialize(format="nt").decode("utf-8")
    from kgraph.graphsource import open_source
    from kgraph.query import format_result, run_query

    if engine == "oxmem":
        return format_result(run_query(loaded, text, keep="csv"), "csv")
    with open_source(loaded) as graph:  # as `kgraph query FOLDER NAME --format csv` does
        return format_result(run_query(graph, text, keep="csv"), "csv")


def _rows(csv_text: str) -> int:
    return max(0, len(list(csv.reader(io.StringIO(csv_text)))) - 1)


def _child(engine: str, loaded, text: str, repeat: int, budget: float, out_fd: int) -> None:
    with os.fdopen(out_fd, "w") as out:
        started = time.perf_counter()
        for _ in range(repeat):
            t0 = time.perf_counter()
            try:
                answer = _run_once(engine, loaded, text)
            except MemoryError:
                out.write(json.dumps({"error": "MemoryError"}) + "\n")
                return
            except Exception as exc:  # report, do not crash the benchmark
                out.write(json.dumps({"error": f"{type(exc).__name__}: {str(exc)[:200]}"}) + "\n")
                return
            seconds = time.perf_counter() - t0
            out.write(json.dumps({"seconds": seconds, "rows": _rows(answer)}) + "\n")
            out.flush()
            if time.perf_counter() - started >= budget:
                return


def worker(engine: str, data: str, timeout: float, repeat: int, budget: float, mem_limit_mib: float) -> None:
    from kgraph.query import canned_queries

    queries = canned_queries()
    before = rss_mib()
    t0 = time.perf_counter()
    loaded, size = _load(engine, data)
    load_s = time.perf_counter() - t0
    after = rss_mib()
    print(json.dumps({"ready": True, "load_s": load_s, "rss_before": before, "rss_after": after,
                      "triples": size}), flush=True)
    base_rss = after
    for line in sys.stdin:
        name = line.strip()
        if not name:
            continue
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            try:
                _child(engine, loaded, queries[name].text, repeat, budget, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        runs: list[dict] = []
        status, peak, buffer = "ok", 0.0, b""
        deadline = time.perf_counter() + timeout
        with os.fdopen(read_fd, "rb", buffering=0) as pipe:
            while True:
                ready, _, _ = select.select([pipe], [], [], 0.1)
                if ready:
                    chunk = pipe.read(65536)
                    if not chunk:
                        break  # the child is done
                    buffer += chunk
                    while b"\n" in buffer:
                        record, buffer = buffer.split(b"\n", 1)
                        item = json.loads(record)
                        if "error" in item:
                            status = item["error"]
                        else:
                            runs.append(item)
                            deadline = time.perf_counter() + timeout
                peak = max(peak, rss_mib(pid))
                if peak - base_rss > mem_limit_mib:
                    status = f"memory > {mem_limit_mib / 1024:.0f} GiB"
                elif time.perf_counter() > deadline:
                    status = "timeout"
                else:
                    continue
                os.kill(pid, signal.SIGKILL)
                break
        _, code = os.waitpid(pid, 0)
        if status == "ok" and not runs:
            status = f"child died ({code})"
        print(json.dumps({"name": name, "runs": runs, "status": status,
                          "child_peak_rss": peak, "base_rss": base_rss}), flush=True)


class Worker:
    """The parent's handle on a worker process."""

    def __init__(self, engine: str, data: Path, args: argparse.Namespace) -> None:
        self.engine = engine
        timeout = args.timeout if engine == "rdflib" else args.store_timeout
        command = [sys.executable, __file__, "--worker", engine, "--data", str(data),
                   "--timeout", str(timeout), "--repeat", str(args.repeat),
                   "--repeat-budget", str(args.repeat_budget), "--mem-limit-gb", str(args.mem_limit_gb)]
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     cwd=REPO)
        self.ready = json.loads(self.proc.stdout.readline())

    def run(self, name: str) -> dict:
        self.proc.stdin.write(name + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=60)


def bench_queries(folder: Path, tmp: Path, args: argparse.Namespace) -> dict:
    from kgraph.export import export_rdf
    from kgraph.graphsource import open_source
    from kgraph.query import canned_queries, run_query

    ttl = tmp / "dump.ttl"
    log("dumping the store to Turtle (kgraph.export.export_rdf, as `kgraph export --format turtle`)")
    t0 = time.perf_counter()
    export_rdf(str(folder), ttl, "turtle")
    info: dict = {"dump_s": time.perf_counter() - t0, "dump_mib": ttl.stat().st_size / 2**20}
    t0 = time.perf_counter()
    with open_source(folder) as graph:
        info["open_s"] = time.perf_counter() - t0
        # How the store's default graph (the union of the article graphs) counts triples that
        # several graphs share, such as an actor's label: each copy is a solution of its own.
        for key, text in (("union_all", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                          ("union_label", "SELECT (COUNT(*) AS ?n) WHERE { country:CHN rdfs:label ?l }")):
            result = run_query(graph, text)
            info[key] = int(result.rows[0][0].value)
    names = list(canned_queries())
    info["names"] = names
    info["descriptions"] = {n: q.description for n, q in canned_queries().items()}
    results: dict[str, dict[str, dict]] = {n: {} for n in names}
    for engine, data in (("oxstore", folder), ("oxmem", ttl), ("rdflib", ttl)):
        log(f"{engine}: loading")
        w = Worker(engine, data, args)
        info[engine] = w.ready
        if w.ready.get("triples") is not None:
            log(f"{engine}: loaded {w.ready['triples']:,} triples in {w.ready['load_s']:.1f} s, "
                f"RSS {w.ready['rss_before']:.0f} -> {w.ready['rss_after']:.0f} MiB")
        try:
            for name in names:
                r = w.run(name)
                results[name][engine] = r
                best = min((x["seconds"] for x in r["runs"]), default=None)
                log(f"{engine} {name}: {r['status']}, runs "
                    + ", ".join(f"{x['seconds']:.3f}" for x in r["runs"])
                    + (f" s, {r['runs'][0]['rows']} rows" if r["runs"] else "")
                    + (f" (best {best:.3f} s)" if best is not None else ""))
        finally:
            w.close()
    info["results"] = results
    return info


# --------------------------------------------------------------------------- c. incremental add

def bench_add(folder: Path, tmp: Path, repeat: int) -> dict:
    from kgraph.pipeline import build
    from kgraph.store import LocalStore

    info: dict = {"runs": []}
    news = tmp / "news"
    news.mkdir()
    files = []
    for i in range(1, repeat + 1):
        path = news / f"new-{i}.txt"
        path.write_text(NEW_ARTICLE, encoding="utf-8")
        files.append(path)
    for path in files:
        t0 = time.perf_counter()
        summary = build([str(path)], store=str(folder))
        wall = time.perf_counter() - t0
        info["runs"].append({"wall": wall, "events": summary.events,
                             "articles": summary.articles, "unchanged": summary.unchanged})
        log(f"in-process add {path.name}: {wall:.3f} s, {summary.events} events")
    t0 = time.perf_counter()
    again = build([str(files[0])], store=str(folder))
    info["again"] = {"wall": time.perf_counter() - t0, "unchanged": again.unchanged}
    log(f"in-process re-add {files[0].name}: {info['again']['wall']:.3f} s, unchanged {again.unchanged}")

    # what a build does around the article itself, each on its own
    local = LocalStore(folder)
    try:
        t0 = time.perf_counter()
        actors = local.known_actors()
        info["known_actors_s"], info["known_actors"] = time.perf_counter() - t0, len(actors)
        t0 = time.perf_counter()
        local.refresh_stats()
        info["stats_s"] = time.perf_counter() - t0
    finally:
        t0 = time.perf_counter()
        local.close()
        info["close_s"] = time.perf_counter() - t0

    cli_file = news / "new-cli.txt"
    cli_file.write_text(NEW_ARTICLE, encoding="utf-8")
    for key, path in (("cli", cli_file), ("cli_again", cli_file)):
        t0 = time.perf_counter()
        done = subprocess.run([str(KGRAPH_BIN), "build", str(path), "--store", str(folder), "-q"],
                              capture_output=True, text=True)
        info[key] = time.perf_counter() - t0
        if done.returncode != 0:
            info[key + "_error"] = done.stderr.strip()[-300:]
        log(f"CLI {key}: {info[key]:.2f} s" + (f" (failed: {done.stderr.strip()[-200:]})" if done.returncode else ""))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import kgraph.cli, kgraph.pipeline, spacy"], check=True)
    info["cli_imports"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from kgraph.nlp import load_pipeline; load_pipeline()"], check=True)
    info["cli_model"] = time.perf_counter() - t0
    return info


# --------------------------------------------------------------------------- report

def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def cell(r: dict | None, timeout: float) -> tuple[str, float | None]:
    if not r:
        return "-", None
    best = min((x["seconds"] for x in r["runs"]), default=None)
    if best is None:
        if r["status"] == "timeout":
            return f"> {timeout:.0f} s", None
        return r["status"], None
    text = fmt_s(best)
    if r["status"] != "ok":
        text += f" ({r['status']} after {len(r['runs'])} run(s))"
    return text, best


def ratio(slow: tuple[str, float | None], fast: tuple[str, float | None],
          slow_timeout: float, fast_timeout: float) -> str:
    """slow ÷ fast, as a bound when one side ran out of time."""
    (slow_text, s), (fast_text, f) = slow, fast

    def show(x: float) -> str:
        return f"{x:,.0f}x" if x >= 10 else f"{x:.2g}x"

    if s is not None and f is not None:
        return show(s / f)
    if s is None and f is not None and slow_text.startswith(">"):
        return "> " + show(slow_timeout / f)
    if f is None and s is not None and fast_text.startswith(">"):
        return "< " + show(s / fast_timeout)
    return "-"


def report(store: dict, queries: dict, add: dict, args: argparse.Namespace, header: str) -> str:
    t, st = args.timeout, args.store_timeout
    lines = [header, "", "## a. The store", "",
             "| | value |", "|---|---:|",
             f"| examples built into the store (`pipeline.build(store=...)`, model load included) | {fmt_s(store['build_examples_s'])} |",
             f"| quads per copy of the examples (6 articles, without the stats graph) | {store['per_copy']:,} |",
             f"| copies (the built one + replicas) | {store['copies']:,} |",
             f"| articles / events | {store['articles']:,} / {store['events']:,} |",
             f"| `bulk_extend` of the replicas | {fmt_s(store['bulk_extend_s'])} |",
             f"| `stats_update()` (mention counts over all graphs) | {fmt_s(store['stats_s'])} |",
             f"| `Store.optimize()` (RocksDB compaction of the bulk-loaded files; queries are ~15-25% slower without it) | {fmt_s(store['optimize_s'])} |",
             f"| distinct triples (the default graph: the union kgraph keeps) | {store['triples']:,} |",
             f"| quads in the store (article graphs + the union copy) / named graphs | {store['quads']:,} / {store['graphs']:,} |",
             f"| store folder on disk | {store['disk_mib']:.0f} MiB |"]
    q = queries
    mem, rdf = q["oxmem"], q["rdflib"]
    lines += ["", "## b. Canned queries: Oxigraph vs rdflib", "",
              "| | value |", "|---|---:|",
              f"| Turtle dump (`kgraph.export.export_rdf`, union of the article graphs) | {fmt_s(q['dump_s'])}, {q['dump_mib']:.0f} MiB |",
              f"| opening the store read-only (`open_source(folder)`, part of every store query below) | {fmt_s(q['open_s'])} |",
              f"| rdflib: parse the Turtle dump into `Graph()` | {fmt_s(rdf['load_s'])} ({rdf['triples']:,} distinct triples) |",
              f"| rdflib: RSS before / after the parse | {rdf['rss_before']:,.0f} / {rdf['rss_after']:,.0f} MiB (+{rdf['rss_after'] - rdf['rss_before']:,.0f} MiB) |",
              f"| Oxigraph in memory: `bulk_load` the same dump | {fmt_s(mem['load_s'])} ({mem['triples']:,} triples), RSS +{mem['rss_after'] - mem['rss_before']:,.0f} MiB |",
              f"| store: solutions of `SELECT * {{ ?s ?p ?o }}` (its default graph is the union of the article graphs) | {q['union_all']:,} |",
              f"| store: solutions of `SELECT * {{ country:CHN rdfs:label ?l }}` (one triple; 1 solution in memory and in rdflib) | {q['union_label']:,} |",
              "",
              f"Best of up to {args.repeat} runs (fewer once a query has used {args.repeat_budget:.0f} s); "
              f"a run that takes longer than {t:.0f} s (rdflib) or {st:.0f} s (Oxigraph) is killed and "
              "shown as `> N s`. Rows are CSV data rows of the answer; **bold**: not the number of rows "
              "rdflib gives.", "",
              "| query | Oxigraph store (kgraph query FOLDER) | rows | rdflib Graph | rows | rdflib / store | "
              "Oxigraph in memory (same triples as rdflib) | rows | rdflib / Oxigraph in memory |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in q["names"]:
        res = q["results"][name]
        s, m, r = cell(res.get("oxstore"), st), cell(res.get("oxmem"), st), cell(res.get("rdflib"), t)

        def rows(engine: str) -> str:
            runs = (res.get(engine) or {}).get("runs") or []
            if not runs:
                return "-"
            reference = ((res.get("rdflib") or {}).get("runs") or [{}])[0].get("rows")
            n = runs[0]["rows"]
            return f"**{n:,}**" if reference is not None and n != reference else f"{n:,}"

        lines.append(f"| {name} | {s[0]} | {rows('oxstore')} | {r[0]} | {rows('rdflib')} | {ratio(r, s, t, st)} "
                     f"| {m[0]} | {rows('oxmem')} | {ratio(r, m, t, st)} |")
    runs = add["runs"]
    best = min(x["wall"] for x in runs)
    lines += ["", "## c. Adding one article to the store", "",
              f"The article: {len(NEW_ARTICLE.split())} words, {runs[0]['events']} events; the store "
              f"held {store['quads']:,} quads before.", "",
              "| | time |", "|---|---:|",
              f"| in-process `pipeline.build([file], store=folder)`, model loaded, best of {len(runs)} distinct files | "
              f"{fmt_s(best)} (runs: {', '.join(fmt_s(x['wall']) for x in runs)}) |",
              f"| in-process, the same article again (no-op: {add['again']['unchanged']} unchanged) | {fmt_s(add['again']['wall'])} |",
              f"| of which (timed alone): `known_actors()` ({add['known_actors']:,} people and organisations) | {fmt_s(add['known_actors_s'])} |",
              f"| of which (timed alone): `refresh_stats()` | {fmt_s(add['stats_s'])} |",
              f"| of which (timed alone): closing the store (flush) | {fmt_s(add['close_s'])} |",
              f"| CLI `kgraph build new.txt --store FOLDER -q` (wall, incl. start-up and model load) | {fmt_s(add['cli'])} |",
              f"| CLI, the same article again | {fmt_s(add['cli_again'])} |",
              f"| for scale: `python -c 'import kgraph.cli, kgraph.pipeline, spacy'` | {fmt_s(add['cli_imports'])} |",
              f"| for scale: `python -c 'load_pipeline()'` (imports + model load) | {fmt_s(add['cli_model'])} |"]
    for key in ("cli_error", "cli_again_error"):
        if key in add:
            lines.append(f"\n- {key}: {add[key]}")
    lines += ["", "Notes:", "",
              "- Store column: a fresh `kgraph.graphsource.open_source(folder)` (read-only, shared lock) + "
              "`run_query(..., keep='csv')` + `format_result(..., 'csv')` per run, i.e. `kgraph query FOLDER NAME "
              "--format csv` without the interpreter start-up. It reads the store's default graph, "
              "where kgraph keeps the union of the article graphs.",
              "- rdflib column: `rdflib.Graph().parse(dump.ttl)` once, then per run "
              "`graph.query(text, initNs=kgraph prefixes).serialize(format='csv')`.",
              "- Oxigraph in-memory column: `pyoxigraph.Store().bulk_load(dump.ttl)` once, then the "
              "same kgraph functions as the store column. It holds exactly the triples rdflib holds.",
              "- Each query runs in a forked child of a worker that loaded the data once; a run over "
              f"the timeout ({t:.0f} s rdflib, {st:.0f} s Oxigraph) or over {args.mem_limit_gb:g} GiB "
              "of extra RSS is killed.",
              ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="See bench/README.md for what each number means.")
    parser.add_argument("--triples", type=int, default=1_000_000, help="quads in the store, at least (default 1000000)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "store_results.md")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds per rdflib query run before it is killed (default 120)")
    parser.add_argument("--store-timeout", type=float, default=30.0,
                        help="the same for the two Oxigraph columns (default 30)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query, best kept (default 3)")
    parser.add_argument("--repeat-budget", type=float, default=20.0,
                        help="no further run of a query once its runs took this many seconds (default 20)")
    parser.add_argument("--mem-limit-gb", type=float, default=6.0,
                        help="kill a query run whose process grows by more than this (default 6)")
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it (must not exist)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.data, args.timeout, args.repeat, args.repeat_budget, args.mem_limit_gb * 1024)
        return 0

    started = time.perf_counter()
    import pyoxigraph
    import rdflib
    import spacy

    from kgraph.nlp import default_model, load_pipeline

    log("loading the pipeline")
    nlp = load_pipeline()
    tmp = Path(tempfile.mkdtemp(prefix="kgraph-bench-store-"))
    folder = args.keep or tmp / "store"
    try:
        store = make_store(folder, args.triples)
        queries = bench_queries(folder, tmp, args)
        log("incremental add")
        add = bench_add(folder, tmp, args.repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    header = (f"# kgraph store benchmark\n\n"
              f"{datetime.datetime.now():%Y-%m-%d %H:%M}, Python {platform.python_version()}, "
              f"pyoxigraph {pyoxigraph.__version__ if hasattr(pyoxigraph, '__version__') else '?'}, "
              f"rdflib {rdflib.__version__}, spaCy {spacy.__version__}, model {default_model()} "
              f"{nlp.meta.get('version', '')}; {os.cpu_count()} CPUs visible; "
              f"bench took {time.perf_counter() - started:.0f} s.")
    text = report(store, queries, add, args, header)
    sys.stdout.write(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
