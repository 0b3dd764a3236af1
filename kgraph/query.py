"""Run read-only SPARQL over a graph (a file, a store folder or a server: see
`graphsource.py`) and format the answers.

pyoxigraph is the engine (fast, standard-conformant, syntax errors with line:column);
this module only adds kgraph's prefixes, refuses updates, names the canned queries in
`ontology/queries/*.rq` and turns results into table, CSV, TSV or JSON text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from . import vocab
from .errors import InputError, QueryError, UsageError
from .graphsource import GraphSource, open_source
from .sparql_text import strip_lexemes as _strip_lexemes
from .sparql_text import UPDATE_FORMS as _UPDATE_FORMS
from .sparql_text import too_complex, update_keyword, uses_service, without_character_classes

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_KEYWORD = re.compile(r"\b(?:%s|PREFIX|BASE)\b" % "|".join(_QUERY_FORMS + _UPDATE_FORMS), re.I)
_NAME = re.compile(r"[\w.-]+")  # what a canned query name looks like
_PREFIXED = re.compile(r"(?<![\w<?$:])([A-Za-z][\w.-]*)?:(?=[\w%\\])")
_TABLE_CELL_MAX = 80  # table is for reading; csv/tsv/json keep full values


@dataclass(frozen=True)
class CannedQuery:
    """A named query shipped in `ontology/queries/<name>.rq`."""

    name: str
    description: str
    text: str


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query, kept in a re-readable form so it can be formatted twice.

    SELECT and ASK answers are held as pyoxigraph serialized them (SPARQL results JSON unless
    the caller asked for CSV or TSV), so `rows` and the csv/tsv/json writers all read the same
    engine output, and printing in the format it was kept in costs no second pass.
    """

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    results: bytes = b""
    results_format: ox.QueryResultsFormat = ox.QueryResultsFormat.JSON

    @cached_property
    def rows(self) -> list[tuple[Term | None, ...]]:
        """SELECT rows as pyoxigraph terms (None where a variable is unbound)."""
        if self.kind != "select":
            return []
        return [tuple(row) for row in self.reparse()]  # type: ignore[union-attr]

    def reparse(self) -> ox.QuerySolutions | ox.QueryBoolean:
        """A fresh pyoxigraph result object (they are single-use iterators)."""
        if self.results_format == ox.QueryResultsFormat.CSV:
            raise ValueError("results kept as CSV cannot be read back (CSV loses term types)")
        return ox.parse_query_results(self.results, self.results_format)


def _queries_folder() -> Traversable | Path:
    """The installed `kgraph.ontology/queries`, else `ontology/queries` in a checkout."""
    try:
        folder = files("kgraph.ontology") / "queries"
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "ontology" / "queries"


def canned_queries() -> dict[str, CannedQuery]:
    """Every `*.rq` file by name (the file stem), sorted; its first `# ...` line describes it."""
    folder = _queries_folder()
    if not folder.is_dir():
        return {}
    found: dict[str, CannedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        first = text.lstrip().split("\n", 1)[0].strip()
        description = first.lstrip("#").strip() if first.startswith("#") else ""
        name = entry.name[: -len(".rq")]
        found[name] = CannedQuery(name=name, description=description, text=text)
    return found


#: the longest query file read: the longest real queries are a few kilobytes
MAX_QUERY_FILE_BYTES = 16 * 2**20


def resolve_query(query_or_name: str | None, file: Path | None) -> str:
    """The SPARQL text meant by a --file, a canned query name or a literal query."""
    if file is not None:
        if query_or_name:
            raise UsageError("give either a query or --file, not both")
        try:
            with open(file, "rb") as handle:  # at most a byte past the cap: `--file /dev/zero` never ends
                data = handle.read(MAX_QUERY_FILE_BYTES + 1)
            text = data.decode("utf-8-sig")  # a byte-order mark is no part of the query
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read query file {file}: {getattr(exc, 'strerror', None) or exc}") from None
        if len(data) > MAX_QUERY_FILE_BYTES:
            raise InputError(f"query file {file} is over {MAX_QUERY_FILE_BYTES // 2**20} MiB: no query is that long")
        if not _strip_lexemes(text).strip():
            raise QueryError(f"query file {file} holds no query (it is empty or all comments)")
        return text
    canned = canned_queries()
    known = ", ".join(canned) or "(none installed)"
    if not query_or_name or not query_or_name.strip():
        raise QueryError(f"no query given: pass SPARQL text, a canned query name or --file; known: {known}")
    if query_or_name in canned:
        return canned[query_or_name].text
    looks_like_sparql = _KEYWORD.search(query_or_name) or "{" in query_or_name
    if looks_like_sparql and not _NAME.fullmatch(query_or_name.strip()):
        return query_or_name
    raise QueryError(f"unknown query '{query_or_name}'; known: {known}")


def _syntax_message(text: str, exc: SyntaxError) -> str:
    """pyoxigraph's message (character-class lists elided), the offending line, a caret, hints."""
    detail = re.sub(r"^error at \d+:\d+:\s*", "", without_character_classes(str(exc.msg or exc)))
    message = "malformed SPARQL query"
    position = re.search(r"(\d+):(\d+)", str(exc.msg or exc))
    lines = text.splitlines()
    if position and 1 <= int(position.group(1)) <= len(lines):
        row, column = int(position.group(1)), int(position.group(2))
        message += f" at line {row}, column {column}" + _quote_before(lines[row - 1], column)
    message += f": {detail if len(detail) <= 160 else detail[:159] + '…'}"
    plain = _strip_lexemes(re.sub(r"<[^<>\s]*>", "<>", text))
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+([^\s:]*):", plain, re.I)}
    used = {m.group(1) or "" for m in _PREFIXED.finditer(plain)}
    unknown = sorted(used - declared - set(vocab.PREFIXES))
    if unknown:
        names = ", ".join(p + ":" for p in unknown)
        message += f"; unknown prefix {names} (pre-bound: {', '.join(vocab.PREFIXES)})"
    if re.search(r"(?<![\w?$])[A-Za-z][\w.-]*:[\w.-]+/", plain):
        message += "; a '/' in a prefixed name must be escaped (or write country:PRK, the full <IRI>)"
    return message


def _quote_before(line: str, column: int, room: int = 60) -> str:
    """What the query says up to the error (column is 1-based): from the line's start when
    it fits, else its last words, never cut inside a word ("SELECT", not "ELECT")."""
    before = line[:max(column - 1, 0)].rstrip()
    if not before.strip():
        return " (at the start of the line)"
    if len(before) > room:
        tail = before[-room:]
        cut = tail.find(" ")
        before = "… " + (tail[cut + 1:] if 0 <= cut < len(tail) - 1 else tail)
    return f" (after '{before.strip()}')"


_RESULTS_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                    "json": ox.QueryResultsFormat.JSON}


def run_query(store: GraphSource | ox.Store, text: str, *, keep: str = "json",
              allow_service: bool = False) -> QueryResult:
    """Run one read-only query with kgraph's prefixes pre-bound, over all graphs of the file.

    `keep` (json, csv or tsv) is the syntax the answer is held in: the one it will be printed
    in saves a pass over large answers; only json and tsv can give `rows` back.
    `Store.query` cannot execute updates anyway; the check only gives a clear refusal.
    A federated query (`SERVICE`) makes the engine send requests to the servers it names, so
    it runs only with `allow_service`.
    """
    keyword = update_keyword(text)
    if keyword:
        raise QueryError(f"kgraph query is read-only: SPARQL Update ({keyword}) is refused")
    if not allow_service and uses_service(text):
        raise QueryError("federated queries (SERVICE) are refused: they make the query engine "
                         "send requests to other servers; pass --allow-service to run one")
    refused = too_complex(text)
    if refused:
        raise QueryError(refused)
    try:
        result = store.query(text, prefixes=dict(vocab.PREFIXES), use_default_graph_as_union=True)
        if isinstance(result, (ox.QueryTriples, list)):
            return QueryResult(kind="graph", triples=tuple(result))
        if isinstance(result, ox.QueryBoolean):
            serialized = result.serialize(format=ox.QueryResultsFormat.JSON)
            return QueryResult(kind="ask", boolean=bool(result), results=serialized)
        syntax = _RESULTS_FORMATS[keep]
        variables = tuple(v.value for v in result.variables)
        return QueryResult(kind="select", variables=variables, results=result.serialize(format=syntax),
                           results_format=syntax)
    except SyntaxError as exc:
        raise QueryError(_syntax_message(text, exc)) from None
    except OSError as exc:  # evaluation errors (e.g. SERVICE) surface as OSError, while the
        raise QueryError(f"query failed: {exc}") from None  # lazy answer is read


def answer(graph: str | Path, text: str, fmt: str = "table", *, allow_service: bool = False) -> str:
    """`kgraph query` from start to end: open the graph, run the query, format the answer,
    which ends with its last line's break (CSV's records end with CRLF, its last one too)."""
    with open_source(graph) as source:
        result = run_query(source, text, keep=fmt if fmt != "table" else "json", allow_service=allow_service)
        return format_result(result, fmt) + ("\r\n" if fmt == "csv" and result.kind == "select" else "\n")


def shorten(term: Term | None) -> str:
    """How a term reads in a table: kg:Deploy, kgid:country/PRK, a literal's plain value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        best = max(
            ((p, ns) for p, ns in vocab.PREFIXES.items() if term.value.startswith(ns) and len(term.value) > len(ns)),
            key=lambda item: len(item[1]),
            default=None,
        )
        return f"{best[0]}:{term.value[len(best[1]):]}" if best else f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split()) if "\n" in term.value or "\t" in term.value else term.value
    return f"<< {shorten(term.subject)} {shorten(term.predicate)} {shorten(term.object)} >>"


def _table(variables: tuple[str, ...], rows: list[tuple[Term | None, ...]]) -> str:
    """Aligned columns: a header, a dashed rule, then one line per row."""
    cells = [[_clip(shorten(term)) for term in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(variables)]
    lines = [variables, tuple("-" * w for w in widths), *cells]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in lines)


#: control characters, which a terminal would obey (an article's ESC ] 0 ; ... BEL retitles the window)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clip(text: str) -> str:
    """A cell as it reads on a terminal: on one line, with no control characters, and clipped."""
    text = _CONTROLS.sub(" ", text)
    return text if len(text) <= _TABLE_CELL_MAX else text[: _TABLE_CELL_MAX - 1] + "…"


def _chomp(data: bytes) -> str:
    """Drop the one final line break, so that empty last rows survive."""
    return data.decode().removesuffix("\n").removesuffix("\r")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text for stdout, without a trailing newline.

    SELECT: table, or the SPARQL 1.1 CSV / TSV / JSON results formats.
    ASK: `true`/`false` (table, csv, tsv) or SPARQL results JSON.
    CONSTRUCT/DESCRIBE: Turtle with kgraph prefixes (table), N-Triples (csv, tsv) or
    expanded JSON-LD (json, so that `| jq` works for every query form).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format '{fmt}'; known: {', '.join(FORMATS)}")
    if result.kind == "ask" and fmt != "json":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        triples = list(result.triples)
        if fmt == "table":
            return _chomp(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(vocab.PREFIXES)))
        syntax = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.N_TRIPLES
        try:
            return _chomp(ox.serialize(triples, format=syntax))
        except (OSError, ValueError) as exc:  # a triple term (RDF 1.2), which JSON-LD cannot hold
            raise QueryError(f"the graph this query built cannot be written as {fmt}: {exc}; "
                             "try --format table") from None
    if fmt == "table":
        return _table(result.variables, result.rows)
    if _RESULTS_FORMATS[fmt] == result.results_format:
        return _chomp(result.results)
    return _chomp(result.reparse().serialize(format=_RESULTS_FORMATS[fmt]))
