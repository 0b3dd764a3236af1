"""What a SPARQL text asks for, read lexically: which operation it starts with, and whether
it reaches out to other servers (`SERVICE`).

No SPARQL parser in our dependencies exposes the algebra pyoxigraph and Oxigraph's server
execute, so these checks read tokens the way the SPARQL grammar cuts them (IRIs, strings,
comments, names) and err on the side of refusing: a query they misread is refused, never run.
"""
from __future__ import annotations

import re
from functools import lru_cache

# IRIs first so that the '#' in <...ontology#> is not read as a comment; a comment ends at
# either line break (SPARQL 1.1 §19.4), or a '\r' could hide the next line from the checks.
_LEXEME = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r'''|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r"""|"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')"""
    r"""|(?P<comment>\#[^\r\n]*)""",
    re.S,
)
# \uXXXX and \UXXXXXXXX may stand for any character anywhere in a query (SPARQL 1.1 §19.2)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Variables, blank node labels and the local part of prefixed names hold no keyword. The
# prefix before ':' stays (an engine might read `SERVICE:x` as SERVICE and `:x`), and no name
# runs over a '.', which may end a triple (`ex:a.SERVICE`).
_NAME = re.compile(r"[?$]\w+|_:[\w-]*|:[\w%\\-]*")


UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)", re.I)


def update_keyword(text: str) -> str | None:
    """The SPARQL Update operation `text` starts with (INSERT, DROP, ...), or None for a query."""
    body = strip_lexemes(text)
    while match := _PROLOGUE.match(body):
        body = body[match.end():]
    word = re.match(r"\s*([A-Za-z]+)", body)
    keyword = word.group(1).upper() if word else ""
    return keyword if keyword in UPDATE_FORMS else None


def strip_lexemes(text: str, *, keep_iris: bool = True) -> str:
    """Blank out comments and string literals (and IRIs unless `keep_iris`), so keywords
    can be found."""

    def blank(match: re.Match[str]) -> str:
        if match.lastgroup == "iri":
            return match.group() if keep_iris else "<>"
        return '""' if match.lastgroup == "string" else " "

    return _LEXEME.sub(blank, text)


def _unescape(text: str) -> str:
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else " "

    return _CODEPOINT.sub(char, text)


def uses_service(text: str) -> bool:
    """Whether a query may contain a `SERVICE` clause (a federated query: the engine would
    send a request to another server).

    The text is read twice, as written and with its \\u escapes decoded, since an engine may
    do either; after strings, comments, IRIs and names are taken out, any `service` left
    (case-insensitive, even glued to another token as in `1SERVICE`) counts.
    """
    return any("service" in code.lower() for code in _code(text))


@lru_cache(maxsize=4)
def _code(text: str) -> tuple[str, ...]:
    """What the lexical checks read: the query as written and with its \\u escapes decoded (an
    engine may read either), its strings, comments, IRIs and names blanked. Kept for the last
    few texts: a query is read by three checks on its way to the engine."""
    return tuple(_NAME.sub(" ", strip_lexemes(variant, keep_iris=False)).replace("<>", " ")
                 for variant in (text, _unescape(text)))


#: deeper brackets are refused before any engine parses them: Oxigraph's parser recurses once
#: per level, and 2,500 nested groups overflowed the stack of the server's responding thread
#: (`kgraph serve` stopped for everyone) and 5,000 that of `kgraph query`'s process. Written
#: queries nest a handful of levels; generated ones a few dozen.
MAX_NESTING = 256
_OPENERS, _CLOSERS = frozenset("{(["), frozenset("})]")


def nesting_depth(text: str) -> int:
    """How deeply a query nests its brackets ({ }, ( ), [ ]) outside strings, comments and IRIs,
    as written or with its \\u escapes decoded (an engine may read either)."""
    deepest = 0
    for code in _code(text):
        depth = 0
        for char in code:
            if char in _OPENERS:
                depth += 1
                deepest = max(deepest, depth)
            elif char in _CLOSERS and depth:
                depth -= 1
    return deepest


#: longer chains of operators are refused too: Oxigraph evaluates "1+1+...+1" recursively, and
#: 2,000 terms overflowed its stack where 1,000 did not (8,000 UNIONs did, 4,000 did not)
MAX_OPERATORS = 1000
_OPERATOR = re.compile(r"&&|\|\||[-+*/=<>!|^]|\b(?:union|minus|optional)\b", re.I)


def operator_count(text: str) -> int:
    """How many operators (arithmetic, logical, comparison, path) and UNION, MINUS or OPTIONAL
    keywords a query holds outside strings, comments, IRIs and names."""
    return max(len(_OPERATOR.findall(code)) for code in _code(text))


def too_complex(text: str) -> str | None:
    """Why a query is refused before any engine parses it (one line), or None: nesting or
    chains deep enough to overflow the engine's stack, which ended `kgraph serve`'s engine or
    `kgraph query`'s process."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        return f"the query nests its brackets {depth} levels deep; at most {MAX_NESTING} are accepted"
    operators = operator_count(text)
    if operators > MAX_OPERATORS:
        return f"the query chains {operators} operators; at most {MAX_OPERATORS} are accepted"
    return None


def without_character_classes(message: str) -> str:
    """An Oxigraph parse error on one line, its lists of character classes ("['A' ..= 'Z' | ...]",
    five lines of them for an unknown prefix) each shown as "…"."""
    short = re.sub(r"\[[^\[\]]*\]", "…", " ".join(message.split()))
    return re.sub(r"…(?:, …)+", "…", short)
