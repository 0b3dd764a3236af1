"""Mend lists of names the parser broke: "officials from the United States, Australia, India,
and Japan met" parses with Japan as a second subject of "met", and "The United States,
Republic of Korea, and Japan condemn" with Korea as an apposition; every later reading
(conjuncts as co-agents, "the officials" as the four states' officials) then loses a member.

A list is two or more named entities with nothing between them but commas, then "and" or "or"
before the last ("Paris, France" is no list). Each later member that is not already a conjunct
of an earlier one becomes one, as the parser writes a list it reads right: a conjunct of the
member before it, with its "and" as that member's coordinator. A member is only moved when its
current head also governs the list's first member (it is a stray part of the same phrase, not
the subject of a clause of its own: "Russia attacked Ukraine, and Japan condemned it").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

#: the pipeline component's name (kgraph/nlp.py adds it after the recogniser)
COMPONENT = "kgraph_coordination"
#: entity labels whose lists are mended
LIST_LABELS = frozenset({"GPE", "ORG", "PERSON", "NORP"})
_COORDINATORS = frozenset({"and", "or", "&"})


@Language.component(COMPONENT)
def mend_lists(doc: Doc) -> Doc:
    """Make every later member of each list of names a conjunct of the member before it."""
    for members, coordinators in name_lists(doc):
        for earlier, later, cc in zip(members, members[1:], coordinators):
            _attach(earlier.root, later.root, cc)
    return doc


def name_lists(doc: Doc) -> list[tuple[list[Span], list[Token | None]]]:
    """Each list of names in the document: its members and, per later member, the coordinator
    before it ("and"), or None after a comma."""
    lists: list[tuple[list[Span], list[Token | None]]] = []
    members: list[Span] = []
    coordinators: list[Token | None] = []
    for ent in doc.ents:
        gap = _gap(doc[members[-1].end:ent.start]) if members and ent.label_ in LIST_LABELS else None
        if gap == ",":
            members.append(ent)
            coordinators.append(None)
        elif isinstance(gap, Token):  # "and" ends the list
            lists.append(([*members, ent], [*coordinators, gap]))
            members, coordinators = [], []
        else:
            members, coordinators = ([ent] if ent.label_ in LIST_LABELS else []), []
    return lists


def _gap(gap: Span) -> Token | str | None:
    """"," for a comma between two names, the coordinator for "and" or ", and", else None
    (also for a gap across a sentence start)."""
    doc = gap.doc
    if not len(gap) or any(doc[i].is_sent_start for i in range(gap.start, gap.end + 1)):
        return None
    words = [t.lower_ for t in gap]
    if len(words) > 1 and words[-1] == "the":  # "and the UK": the article the name left out
        words = words[:-1]
    if words == [","]:
        return ","
    if len(words) <= 2 and words[-1] in _COORDINATORS and words[:-1] in ([], [","]):
        return gap[len(words) - 1]
    return None


def _attach(earlier: Token, later: Token, cc: Token | None) -> None:
    """`later` as a conjunct of `earlier`, unless it is one already or moving it would take a
    clause's own subject or make a cycle."""
    if later.dep_ == "conj":
        return
    # a stray apposition of the member before is only relabelled; anything else is moved
    relabel = later.head == earlier and later.dep_ in ("appos", "compound", "npadvmod", "nmod")
    if not relabel and (not _governs(later.head, earlier) or _governs(later, earlier)):
        return
    later.head = earlier
    later.dep_ = "conj"
    if cc is not None and not _governs(cc, earlier):
        cc.head = earlier
        cc.dep_ = "cc"


def _governs(head: Token, token: Token) -> bool:
    """Whether `head` is `token` or one of its ancestors."""
    return head == token or head in token.ancestors
