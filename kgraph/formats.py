"""RDF syntaxes by file extension: the one table by which kgraph reads graph files
(`query`, `export`) and writes them (`build --output`, `export --format`)."""
from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

import pyoxigraph as ox

from .errors import OutputError

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG, ".n3": ox.RdfFormat.N3, ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
}
#: names accepted by `kgraph export --format`, and the extension of each
EXPORT_RDF_FORMATS = {"turtle": ".ttl", "nt": ".nt", "nq": ".nq", "trig": ".trig", "n3": ".n3",
                      "jsonld": ".jsonld", "rdfxml": ".rdf"}
#: the `kgraph export` format a file's extension names: every RDF extension of `RDF_FORMATS`,
#: as for `build --output` (".rdf", ".xml" and ".owl" are RDF/XML, not GraphML)
_EXPORT_FORMAT_BY_SUFFIX = {".graphml": "graphml", ".gexf": "gexf", ".html": "html", ".htm": "html",
                            **{suffix: name for name, suffix in EXPORT_RDF_FORMATS.items()},
                            ".xml": "rdfxml", ".owl": "rdfxml"}


def export_format_for(path: Path) -> str | None:
    """The export format `path`'s extension names ("g.nq" -> "nq"), None for one it names none of."""
    return _EXPORT_FORMAT_BY_SUFFIX.get(path.suffix.lower())


def rdf_format_for(path: Path) -> ox.RdfFormat:
    """The syntax of a file by its extension (Turtle for one kgraph does not know: callers
    refuse those first, see `targets.check_rdf_suffix`)."""
    return RDF_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)


def check_written(path: Path, fmt: ox.RdfFormat) -> None:
    """Refuse RDF/XML that XML parsers reject. Oxigraph writes a literal's control characters
    as they are (XML 1.0 has no way to hold them) and a predicate IRI that ends in "/" as an
    element named "oxprefix:": the file read as written, with exit status 0, and no reader
    could open it."""
    if fmt != ox.RdfFormat.RDF_XML:
        return
    parser = expat.ParserCreate(namespace_separator=" ")  # RDF/XML is XML with namespaces
    try:
        with open(path, "rb") as written:
            parser.ParseFile(written)
    except expat.ExpatError as exc:
        raise OutputError(f"the graph cannot be written as RDF/XML, whose XML cannot hold some of its text "
                          f"or IRIs ({expat.errors.messages[exc.code]} at line {exc.lineno}); write Turtle (.ttl) "
                          "or N-Triples (.nt) instead") from None
