"""JSON-LD that reads as JSON: compacted against kgraph's prefixes, with an `@context`.

pyoxigraph writes expanded JSON-LD only (every key a full IRI, every value in a list), which
is correct but unreadable; rdflib's JSON-LD serializer compacts against a context, so an
event reads `{"@id": "event:…", "@type": ["kg:Condemn", "kg:Event"], "kg:agent": …}`.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from . import vocab

#: prefix -> namespace in every written `@context`; `kgid` is left out because `country:`,
#: `actor:`, `event:` and `doc:` already name its parts, more readably
CONTEXT: dict[str, str] = {prefix: iri for prefix, iri in vocab.PREFIXES.items() if prefix != "kgid"}


def jsonld_bytes(triples: Iterable[ox.Triple]) -> tuple[bytes, int]:
    """Compacted JSON-LD of `triples` (one graph: their union) and how many distinct triples
    it holds."""
    import rdflib  # imported here: only this export needs it

    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    data = graph.serialize(format="json-ld", context=CONTEXT, auto_compact=True, indent=1,
                           encoding="utf-8")
    return data + (b"" if data.endswith(b"\n") else b"\n"), len(graph)


def write_jsonld(triples: Iterable[ox.Triple], output: Path) -> int:
    """Write compacted JSON-LD to `output`; return the number of triples written."""
    data, count = jsonld_bytes(triples)
    output.write_bytes(data)
    return count
