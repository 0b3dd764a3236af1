"""What a build may write to: never one of its own inputs, never its other output, and only a
file in a syntax it can write, so that a slip in `-o` cannot replace an article or a graph."""
from __future__ import annotations

import os
from pathlib import Path

from .atomic import check_writable
from .errors import OutputError, UsageError
from .formats import RDF_FORMATS
from .store import check_location, is_remote
from .storefolder import check_store_folder

#: written by other options, not by --output
_NETWORK_SUFFIXES = {".graphml": "--graphml FILE", ".gexf": "kgraph export --format gexf"}


def check_targets(files: list[str], output: Path | None, graphml: Path | None = None,
                  store: str | None = None) -> None:
    """Refuse, before any work, outputs that would overwrite an input or each other, and an
    `--output` whose extension names no RDF syntax, or a store folder that is none."""
    if store is not None:
        check_location(store)
    if store and not is_remote(store):
        check_store_folder(Path(store), create=True, error=OutputError)
    named = [("--output", output), ("--graphml", graphml)]
    for option, target in named:
        if target is None:
            continue
        for name in files:
            if name != "-" and same_file(target, Path(name)):
                raise OutputError(f"{option} {target} is one of the input articles; it would be "
                                  "overwritten (choose another file)")
        if store and not is_remote(store) and same_file(target, Path(store)):
            raise OutputError(f"{option} {target} is the store folder; choose another file")
        check_writable(target)
    if output is not None and graphml is not None and same_file(output, graphml):
        raise OutputError(f"--graphml and --output are the same file ({output}); the GraphML "
                          "would replace the graph")
    if output is not None:
        check_rdf_suffix(output)


def check_rdf_suffix(output: Path) -> None:
    suffix = output.suffix.lower()
    if suffix in RDF_FORMATS:
        return
    known = ", ".join(RDF_FORMATS)
    if suffix in _NETWORK_SUFFIXES:
        raise UsageError(f"--output {output}: the graph is written as RDF ({known}); for "
                         f"{suffix[1:]} use {_NETWORK_SUFFIXES[suffix]}")
    raise UsageError(f"--output {output}: cannot tell the RDF syntax from the extension "
                     f"'{suffix or '(none)'}'; use one of {known}")


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or a hard link to it."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
