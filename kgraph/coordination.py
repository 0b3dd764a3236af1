"""Mend lists of names the parser broke: "officials from the United States, Australia, India,
and Japan met" parses with Japan as a second subject of "met", and "The United States,
Republic of Korea, and Japan condemn" with Korea as an apposition; every later reading
(conjuncts as co-agents, "the officials" as the four states' officials) then loses a member.

A list is two or more named entities with nothing between them but commas, then "and" or "or"
before the last ("Paris, France" is no list); in a headline, different states opening the
sentence before its verb need no "and" ("US, UK strike Houthi targets"). Each later member that is not already a conjunct
of an earlier one becomes one, as the parser writes a list it reads right: a conjunct of the
member before it, with its "and" as that member's coordinator. A member is only moved when its
current head also governs the list's first member (it is a stray part of the same phrase, not
the subject of a clause of its own: "Russia attacked Ukraine, and Japan condemned it").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .countries import country_code, demonym_code
from .doccache import children, document_answer, document_text
from .lexicon import APPEAL_VERBS, NOUN_TRIGGERS
from .names import (
    LIST_CLOSERS, LISTED_MEMBER_NOUNS, NAME_TITLES, PARTITIVES, PERSON_TITLES, PORTFOLIO_WORDS, TITLE_MODIFIERS,
)

#: the pipeline component's name (kgraph/nlp.py adds it after the recogniser)
COMPONENT = "kgraph_coordination"
#: entity labels whose lists are mended
LIST_LABELS = frozenset({"GPE", "ORG", "PERSON", "NORP"})
_COORDINATORS = frozenset({"and", "or", "&"})
#: what joins two states in one name ("U.S.-Japan", "India–Pakistan")
HYPHENS = ("-", "\u2013")


@Language.component(COMPONENT)
def mend_lists(doc: Doc) -> Doc:
    """Make every later member of each list of names a conjunct of the member before it, and a
    list right after a collective noun its apposition; first part the states a hyphen joins into
    one name ("North Korea-Russia cooperation"), join a state's name that holds "and"
    ("Trinidad and Tobago"), part titled people the parser ran together, and make a named person
    read as another's apposition a conjunct (`_part_people_in_apposition`)."""
    split_hyphenated_states(doc)
    join_states_named_with_and(doc)
    for first, cc, second in titled_pairs(doc):
        _part_titled_pair(first, cc, second)
    _part_people_in_apposition(doc)
    for members, coordinators in name_lists(doc):
        for earlier, later, cc in zip(members, members[1:], coordinators):
            _attach(earlier.root, later.root, cc)
        _hang_on_group_noun(members[0])
        _subject_of_next_verb(members)
    return doc


def _part_people_in_apposition(doc: Doc) -> None:
    """"Minister Lee Jong-sup, US Secretary of Defense Lloyd J. Austin III, and Japan's Minister
    of Defense Yasukazu Hamada held a meeting": the parser may make the second named person an
    apposition of the first, but one person's name never renames another's: it is a conjunct."""
    people = {t.i: e for e in doc.ents if e.label_ == "PERSON" for t in e}
    for token in doc:
        if token.dep_ != "appos" or token.pos_ != "PROPN" or token.i not in people:
            continue
        head = token.head
        if head.pos_ == "PROPN" and head.i in people and people[head.i] != people[token.i] \
                and people[head.i].text.split()[-1] != people[token.i].text.split()[-1]:
            token.dep_ = "conj"


def _subject_of_next_verb(members: list[Span]) -> None:
    """"US, UK strike Houthi targets": a list right before a verb with no subject of its own,
    whose first member the parser left hanging on that verb, is its subject."""
    first, after = members[0].root, members[-1].end
    doc = first.doc
    if after >= len(doc) or first.head.i != after or doc[after].pos_ != "VERB":
        return
    if first.dep_ in ("dep", "npadvmod", "nmod", "appos") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in doc[after].children):
        first.dep_ = "nsubj"


def _hang_on_group_noun(first: Span) -> None:
    """"in coordination with our international partners, the United Kingdom, Canada, and the
    European Union": a list right after a collective noun and a comma names its members, but the
    parser may hang the first member on some noun far before; it stands in apposition."""
    doc = first.doc
    before = first.start - 1
    if before > 0 and doc[before].lower_ == "the":  # the recogniser left the article out
        before -= 1
    if before < 1 or doc[before].text != "," or doc[before - 1].lower_ not in LISTED_MEMBER_NOUNS:
        return
    noun, root = doc[before - 1], first.root
    if root.head != noun and not governs(root, noun):
        root.head = noun
        root.dep_ = "appos"


def titled_pairs(doc: Doc) -> list[tuple[Span, Token, Span]]:
    """Two people each named with a title, the second after "and" with a nationality before its
    title: "Indian Foreign Minister Subrahmanyam Jaishankar and Pakistani Prime Minister Shehbaz
    Sharif" (first person, "and", second person)."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    pairs = []
    for first, second in zip(people, people[1:]):
        words = [t for t in doc[first.end:second.start] if t.text != ","]
        if (len(words) >= 2 and words[0].lower_ == "and" and words[1].ent_type_ == "NORP"
                and all(_title_word(t) for t in words[1:])):
            pairs.append((first, words[0], second))
    return pairs


def _title_word(token: Token) -> bool:
    """A word of a person's title: a nationality, a title, a portfolio or a title's modifier
    ("Pakistani Prime Minister", "Japanese Minister of Defense")."""
    return token.ent_type_ == "NORP" or token.lower_ in _TITLE_WORDS


_TITLE_WORDS = frozenset(NAME_TITLES | PERSON_TITLES | PORTFOLIO_WORDS | TITLE_MODIFIERS)


def _part_titled_pair(first: Span, cc: Token, second: Span) -> None:
    """The parser hangs the first titled person inside the second one's phrase ("Jaishankar" a
    modifier of "Minister Sharif"): give the first the phrase's place, the second as its
    conjunct, and each title back to its own person. Every move that would put a word under one
    of its own dependents is left out, and if the tree still holds a cycle, all are undone."""
    one, two = first.root, second.root
    doc = first.doc
    start = first.start
    while start > first.sent.start and _title_word(doc[start - 1]):
        start -= 1  # "Indian Foreign Minister" before "Subrahmanyam Jaishankar"
    if two.head == one and two.dep_ == "conj" and one.dep_ == "appos" and start <= one.head.i < first.start:
        two.head = one.head  # "met Japanese Prime Minister Kishida and ... President Yoon": the
        cc.head = one.head  # first is its title's apposition, the second a conjunct of the title
        return
    if not governs(two, one) or two.head == two:
        return  # parsed as two people already, or the pair is the clause's root: left as it is
    if start <= two.head.i < second.end:
        return  # the phrase hangs from a word of its own
    moves = [(one, two.head, two.dep_), (two, one, "conj"), (cc, one, "cc")]
    moves += [(t, one, t.dep_) for t in doc[start:first.end] if t != one and not start <= t.head.i < first.end]
    moves += [(t, two, "amod" if t.ent_type_ == "NORP" else "compound")
              for t in doc[cc.i + 1:second.end] if t != two and not cc.i < t.head.i < second.end]
    undo = []
    for token, head, dep in moves:
        if governs(token, head):
            continue  # the word would hang under its own dependent
        undo.append((token, token.head, token.dep_))
        token.head, token.dep_ = head, dep
    if any(_in_cycle(t) for t in doc[first.sent.start:first.sent.end]):
        for token, head, dep in reversed(undo):
            token.head, token.dep_ = head, dep


def _in_cycle(token: Token) -> bool:
    """Whether following heads up from `token` comes back to a word seen before the root."""
    seen = {token.i}
    while token.head.i != token.i:
        token = token.head
        if token.i in seen:
            return True
        seen.add(token.i)
    return False


def split_hyphenated_states(doc: Doc) -> None:
    """The recogniser reads "North Korea-Russia" or "The United States-Japan" as one place: make
    each state its own name, so each resolves to its state."""
    ents: list[Span] = []
    changed = False
    for ent in doc.ents:
        parts = _hyphenated_parts(ent)
        ents += parts or [ent]
        changed = changed or bool(parts)
    if changed:
        doc.ents = ents


def join_states_named_with_and(doc: Doc) -> None:
    """The recogniser reads "Antigua and Barbuda" or "Trinidad and Tobago" as two places, and the
    list readings then make two unknown members of one state: make each such name one place."""
    joined = [name for token in doc if token.lower_ == "and" and 0 < token.i < len(doc) - 1
              and doc[token.i - 1].is_title and (name := _state_named_around(token)) is not None]
    if joined:
        doc.ents = filter_spans([*joined, *(e for e in doc.ents if not any(
            e.start < j.end and j.start < e.end for j in joined))])


def _state_named_around(conjunction: Token) -> Span | None:
    """The longest state's name of capitalised words around "and" that starts nearest before it
    ("Saint Vincent and the Grenadines"), as a place, or None."""
    doc, at = conjunction.doc, conjunction.i
    for start in range(max(0, at - 2), at):
        for end in range(min(len(doc), at + 5), at + 1, -1):
            if doc[end - 1].is_title and country_code(doc[start:end].text):
                return Span(doc, start, end, label="GPE")
    return None


def _hyphenated_parts(ent: Span) -> list[Span]:
    """The states of a name that is states joined by hyphens ("North Korea-Russia"), or one state
    and the hyphen after it ("North Korea-" before "Russia"), else []."""
    doc = ent.doc
    start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    bounds, begin = [], start
    for token in doc[start:ent.end]:
        if token.text in HYPHENS and not token.whitespace_ and token.i > begin and not doc[token.i - 1].whitespace_:
            bounds.append((begin, token.i))
            begin = token.i + 1
    if not bounds:
        return []
    if begin < ent.end:
        bounds.append((begin, ent.end))
        last = _state_before_event_noun(doc[begin:ent.end])  # "the U.S.-Philippine Alliance"
        if last is not None:
            bounds[-1] = (begin, last)
    labels = []
    for first, last in bounds:
        text = doc[first:last].text
        labels.append("GPE" if country_code(text) else "NORP" if demonym_code(text) else None)
    if None in labels:
        return []
    return [Span(doc, first, last, label=label) for (first, last), label in zip(bounds, labels)]


def _state_before_event_noun(part: Span) -> int | None:
    """Where the state's name ends in the last part of a hyphenated name that goes on with an
    event noun ("Philippine Alliance" in "the U.S.-Philippine Alliance"): the states are the
    parties, the noun names what they do together and is no organisation's name."""
    if len(part) < 2 or part[-1].lemma_.lower() not in NOUN_TRIGGERS:
        return None
    for end in range(part.end - 1, part.start, -1):
        text = part.doc[part.start:end].text
        if country_code(text) or demonym_code(text):
            return end
    return None


#: labels the recogniser gives a list's first member by mistake ("the Foreign Ministers of Estonia" as a
#: LAW); not places, whose last word may be a state's name ("the Gulf of Oman")
_TEXT_LABELS = frozenset({"LAW", "EVENT", "WORK_OF_ART"})


def name_lists(doc: Doc) -> list[tuple[list[Span], list[Token | None]]]:
    """Each list of names in the document: its members and, per later member, the coordinator
    before it ("and"), or None after a comma."""
    lists: list[tuple[list[Span], list[Token | None]]] = []
    members: list[Span] = []
    coordinators: list[Token | None] = []
    for ent in doc.ents:
        if ent.label_ in _TEXT_LABELS and country_code(ent[-1].text) and ent[-1].pos_ == "PROPN":
            ent = Span(doc, ent.start, ent.end, label="GPE")  # "the Foreign Ministers of Estonia" taken for a LAW
        gap = _gap(doc[members[-1].end:ent.start]) if members and ent.label_ in LIST_LABELS else None
        if gap == ",":
            members.append(ent)
            coordinators.append(None)
        elif isinstance(gap, Token):  # "and" ends the list
            lists.append(([*members, ent], [*coordinators, gap]))
            members, coordinators = [], []
        else:
            if len(members) > 1 and (_list_goes_on(doc, members[-1].end) or _states_acting(members)):
                lists.append((members, coordinators))
            members, coordinators = ([ent] if ent.label_ in LIST_LABELS else []), []
    if len(members) > 1 and (_list_goes_on(doc, members[-1].end) or _states_acting(members)):
        lists.append((members, coordinators))
    return lists


def _states_acting(members: list[Span]) -> bool:
    """"US, UK strike Houthi targets", "Australia, Japan sign defence pact": in a headline, two or
    more different states with only commas between them, opening the sentence and followed by
    its verb, act together ("Moscow, Russia" is one state, and "Paris, France" a place in one)."""
    doc = members[0].doc
    after = members[-1].end
    codes = [country_code(m.text) for m in members]
    return (members[0].start == members[0].sent.start and after < len(doc) and doc[after].pos_ == "VERB"
            and all(codes) and len(set(codes)) == len(codes))


def document_name_lists(doc: Doc) -> list[tuple[list[Span], list[Token | None]]]:
    """`name_lists`, read once per document (the readers of many words ask for it)."""
    return document_answer(doc, "name_lists", lambda: name_lists(doc))


def _list_goes_on(doc: Doc, end: int) -> bool:
    """Whether ", and" and a member the recogniser did not name follow `end`: a proper noun it
    missed ("the African Union, IGAD, the League of Arab States, and UNITAMS") or the others
    (data: `list_closers`; "NATO, the G7, the European Union, OSCE, and other key allies"). The
    names before are a list all the same."""
    words = doc[end:end + 4]
    i = 1 if len(words) and words[0].text == "," else 0
    if i >= len(words) or words[i].lower_ not in _COORDINATORS or words[i].is_sent_start:
        return False
    i += 1
    if i < len(words) and words[i].lower_ in LIST_CLOSERS:
        return True
    if i < len(words) and words[i].lower_ == "the":
        i += 1
    # the tagger may not see a proper noun in an acronym it does not know ("UNITAMS" as ADP)
    return (i < len(words) and not words[i].ent_type_
            and (words[i].pos_ == "PROPN" or (words[i].is_alpha and words[i].text[:1].isupper())))


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
    if not relabel and (not governs(later.head, earlier) or governs(later, earlier)):
        return
    later.head = earlier
    later.dep_ = "conj"
    if cc is not None and not governs(cc, earlier):
        cc.head = earlier
        cc.dep_ = "cc"


def headline_infinitive(verb: Token) -> bool:
    """Whether a verb is a headline's "to" verb, its main verb: "Germany to supply Patriots to Ukraine"."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and to_infinitive(verb)


def outer_verb_after_infinitive(verb: Token) -> bool:
    """"calls on Rwanda to end its support and urges Council members to act", "We call on the DPRK
    to cease transfers and urge it to take steps": the parser hangs the finite "urges", or a second
    appeal, on the infinitive before it, but it is the outer clause's (neither under the call nor
    done by the one called on)."""
    if verb.dep_ != "conj" or not to_infinitive(verb.head):
        return False
    return verb.tag_ in ("VBZ", "VBP", "VBD") or (  # not "allowed Kyiv to strike ... and press allies"
        verb.tag_ == "VB" and verb.lemma_.lower() in APPEAL_VERBS and verb.head.head.lemma_.lower() in APPEAL_VERBS)


def partitive_of(token: Token) -> Token | None:
    """The noun of "each of the leaders", "thousands of UK troops" (data partitives): the actors are its."""
    if token.lower_ not in PARTITIVES:
        return None
    return next((g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children(c) if g.dep_ == "pobj"), None)


def to_infinitive(clause: Token) -> bool:
    """A verb with its "to" ("to cease"), however the parser hangs it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(clause))


def governs(head: Token, token: Token) -> bool:
    """Whether `head` is `token` or one of its ancestors."""
    return head == token or head in token.ancestors


def hyphen_joined(token: Token, hyphens: tuple[str, ...] = HYPHENS) -> Token | None:
    """The word a hyphen joins `token` to, with no space on either side ("Iran" of "Iran-backed",
    "life" of "life-threatening", "pro" of "pro-Iran"), or None."""
    if token.i < 2 or document_text(token.doc)[token.idx - 1:token.idx] not in hyphens:
        return None  # the character before the word is no hyphen: most words, told without making two Tokens
    hyphen, before = token.doc[token.i - 1], token.doc[token.i - 2]
    return before if hyphen.text in hyphens and not hyphen.whitespace_ and not before.whitespace_ else None


def hyphened_agent(token: Token) -> list[Token]:
    """'Iranian-backed Houthi rebels', 'Russia-backed separatists': a participle joined by a
    hyphen to the word before it, which names who did it to the noun it qualifies."""
    if token.dep_ not in ("amod", "acl") or token.tag_ not in ("VBN", "VBD"):
        return []
    named = hyphen_joined(token, ("-",))
    return [named] if named is not None and named.head.i == token.i else []


def hyphenated_states(token: Token) -> list[Token]:
    """The states of 'U.S.-Vietnam security cooperation', 'the North Korea-Russia partnership' or
    'U.S.-Japan-Australia trilateral cooperation': country or nationality names joined by hyphens
    before the noun, in its noun phrase (each named by its last word)."""
    top = token
    while top.dep_ == "compound" and top.head.i > top.i:
        top = top.head
    doc = token.doc
    states: list[Token] = []
    for dash in doc[top.left_edge.i + 1:token.i - 1]:
        if dash.text not in HYPHENS or dash.whitespace_ or doc[dash.i - 1].whitespace_:
            continue
        left = _state_name(doc, range(dash.i - 1, max(dash.i - 4, top.left_edge.i - 1), -1), ending=True)
        right = _state_name(doc, range(dash.i + 1, min(dash.i + 4, token.i)), ending=False)
        if left is not None and right is not None:
            states += [t for t in (left, right) if t not in states]
    return states if len(states) >= 2 else []


def _state_name(doc, positions: range, *, ending: bool) -> Token | None:
    """The last word of the longest country or nationality name (up to three words) that ends
    (`ending`) or starts at the first of `positions`, read outward from the hyphen."""
    found = None
    words: list[Token] = []
    for i in positions:
        if words and (doc[i].whitespace_ == "" if ending else words[-1].whitespace_ == ""):
            break  # a name's words are apart; "Korea-Russia" is two names
        words.append(doc[i])
        text = " ".join(w.text for w in (reversed(words) if ending else words))
        if country_code(text) or demonym_code(text):
            found = words[0] if ending else words[-1]
    return found
