"""Trigger words: which tokens of a sentence name one of the twelve actions.

Word lists live in `lexicon.py` and phrase patterns in `data/trigger_phrases.json`; this
module holds the checks that keep false friends out
("is considered one of", courtesy thanks, "send" deploying people but supplying things).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.symbols import ADJ, ADV, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from .coordination import hyphen_joined, hyphenated_states
from .countries import demonym_code
from .doccache import children, span_tokens
from .lexicon import (
    ACCUSING_ADVERBS, ADDRESSEE_VERBS, ADJECTIVE_TRIGGERS, AGENT_NOUN_TRIGGERS, CLEAR_WARNINGS, ALLIED_DESIGNATIONS, ATTRIBUTIVE_ACCUSATIONS, CALLING_VERBS,
    CLAIMING_DEMAND_VERBS, CLAIM_NOUNS, THREATENED_RESPONSES, COMMITMENT_NOUNS, COMMITTED_DEFENCE, CONDEMNED_DEEDS, CONSEQUENCE_NOUNS,
    COURTESY_NOUNS, COURTESY_VERBS, DEMAND_NOUNS, DESCRIBING_NOUNS, DOING_VERBS, FIRE_NOUNS, FORCE_NOUNS,
    GIVING_VERBS, GUEST_NOUNS, HOSTING_VERBS, IDIOMS_NOT_EVENTS, IMPOSED_MEASURE_NOUNS, IMPOSING_VERBS,
    JOINT_ACTIVITY_NOUNS, JOINT_KINDS, JUDGEMENT_PREDICATES, LAUNCHED_WEAPONS, LAW_WORDS, LIE_ADVERBS, LIE_PREPOSITIONS,
    LIGHT_VERBS, MATERIAL_KINDS, MATERIAL_SUPPORT_NOUNS, MATERIEL_NOUNS, MEETING_HOLDING_VERBS, MEETING_NOUNS,
    MOBILISED_FORCES, MOBILISING_VERBS, MUTUAL_VERBS, NEGATING_PREFIXES, NOUN_TRIGGERS, OBJECT_DEPENDENT, OBLIGATION_MODALS, OPERATION_NOUNS, PACT_NOUNS, PACT_VERBS, PASSIVE_ONLY_VERBS, PLATFORM_NOUNS,
    PROCURING_WORDS, QUANTITY_WORDS, RECEIVED_GUESTS, SALE_NOUNS, SPEAKER_ACCUSES, STATIVE_PARTICIPLES, STRUCK_DEALS,
    STRUCK_THINGS, THREATENED_VALUES, TIE_KINDS, TIE_NOUNS, TIE_VERBS, TRAVEL_VERBS, VERBS_OF_PHRASES, VERB_TRIGGERS, WEAPON_MODIFIERS,
    WELCOMED_PRESENCE, word_list,
)
from .phrases import entity_of, international_title
from .sentences import sentence_numbers, sentences


@dataclass(frozen=True)
class Trigger:
    token: Token
    action: str
    rule: str


def find_triggers(sent: Span) -> Iterator[Trigger]:
    """Tokens that name one of the 12 actions here (with false friends filtered out): each word
    by its part of speech, then the judgements, obligations and phrases any word may carry."""
    phrases = _phrase_triggers(sent.doc)
    for token in span_tokens(sent):
        lemma = token.lemma_.lower()  # read once for the word's every check
        if lemma in IDIOMS_NOT_EVENTS and idiom_not_event(token):  # "look forward to", "called out ... for":
            continue  # no trigger, alone or in a phrase
        found = _word_triggers(token, phrases, lemma)
        if found and not prefix_negated(token):  # "de-escalate": no trigger
            yield from found


def _word_triggers(token: Token, phrases: dict[int, list[tuple[str, str]]], lemma: str) -> list[Trigger]:
    """The triggers one word carries (`lemma`: its lemma in lower case): by its part of speech,
    then the judgements, obligations and phrases any word may carry."""
    pos = token.pos  # the parser's number: asked of every word, where a string would be made each time
    if pos == VERB or pos == AUX or (pos == NOUN and token.tag_.startswith("VB")):
        found = _verb_triggers(token, lemma)
    else:
        one = (_noun_trigger(token, lemma) if pos == NOUN or pos == PROPN
               else _adjective_trigger(token, lemma) if pos == ADJ
               else _adverb_trigger(token, lemma) if pos == ADV else None)
        found = [one] if one is not None else []
    if (token.i in phrases or token.lower_ in OBLIGATION_MODALS
            or pos == NOUN and lemma in JUDGEMENT_PREDICATES):  # most words add nothing
        found = [*found, *_any_word_triggers(token, lemma, phrases.get(token.i, ()))]
    if (token.lower_ == "clear" or lemma in _SIGNALS) and warned_clause(token) is not None:
        found = [*found, Trigger(token, "warn", CLEAR_WARNING)]
    if (lemma in _THREAT_MEASURES or lemma in _THREAT_RESPONDING) and threat_frame(token) is not None:
        found = [*found, Trigger(token, "warn", CONDITIONAL_THREAT)]
    return found


#: the rule of a warning made clear ("sent a clear signal that ... will not tolerate ...": data clear_warnings)
CLEAR_WARNING = "clear-warning"
_SIGNALS = frozenset(CLEAR_WARNINGS["signals"])
_PUNISHING = frozenset(CLEAR_WARNINGS["punishing"])


def warned_clause(token: Token) -> Token | None:
    """The that-clause by which a statement makes clear, or signals, that its speaker will punish
    a deed ("sends a clear signal that the United States will not tolerate ...", "has made clear
    that there must be consequences for those attacks"; data clear_warnings); None for any other
    word, for a clause that punishes no one ("made clear that we are willing to meet"), and where
    the one warned is named in a to-phrase (the phrase rule make-clear-to reads that)."""
    if token.lower_ == "clear":
        frame = token.head
        if token.dep_ not in ("acomp", "ccomp", "oprd") or frame.lemma_.lower() not in CLEAR_WARNINGS["clear_verbs"]:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ == "it" for c in children(frame)):
            return None  # "It is clear that Russia will not tolerate dissent": plain to see, made clear by no one
        holders = [token, frame]
    else:
        frame = token.head
        if token.dep_ != "dobj" or frame.lemma_.lower() not in CLEAR_WARNINGS["frame_verbs"]:
            return None
        holders = [token]
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in children(frame)):
        return None
    clause = next((c for h in holders for c in children(h) if c.dep_ in ("acl", "ccomp", "csubj") and c.i > token.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(c))), None)
    if clause is None or not any(_punishes(t) for t in clause.subtree):
        return None
    return clause


#: the rule of a punishment threatened on a condition ("stands ready to pursue sanctions against X if ...")
CONDITIONAL_THREAT = "conditional-threat"
_THREAT_MEASURES = THREATENED_RESPONSES["measures"]
_THREAT_RESPONDING = THREATENED_RESPONSES["responding"]


def threat_frame(token: Token) -> Token | None:
    """The clause that threatens the measure `token` names, or None where it threatens no one
    (data threatened_responses): for "or face further actions", the verb of the call ("called on
    the military to reinstall the government or face further actions"); else the clause whose
    subject stands ready ("stands ready to pursue additional sanctions, including against X") or
    says it will respond, on a condition or against someone ("if the Russians cross into Ukraine,
    we will respond")."""
    if token.lemma_.lower() in _THREAT_RESPONDING:
        verb = token if token.pos == VERB else None
    else:
        verb = token.head if token.dep_ == "dobj" and token.head.lemma_.lower() in THREATENED_RESPONSES["dealing"] else None
    if verb is None:
        return _measures_to_come(token)
    if verb.lemma_.lower() == "face":  # "called on X to do Y or face further actions"
        done = verb.head
        if verb.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in children(done)):
            return _faced_consequences(verb)
        call = done.head
        return call if done.dep_ == "xcomp" and call.lemma_.lower() in THREATENED_RESPONSES["calling"] else None
    ready = verb.dep_ == "xcomp" and verb.head.lower_ in THREATENED_RESPONSES["readiness"]
    clause = verb.head.head if ready and verb.head.dep_ in ("acomp", "oprd") else verb
    if not ready and not _in_future(verb):
        return None
    if any(c.dep_ == "neg" for c in children(verb)):
        return None  # "we will not respond": no threat
    against = token is not verb and bool(measure_against(token))  # "sanctions against X"
    return clause if against or threat_condition(clause) is not None else None


def _measures_to_come(measure: Token) -> Token | None:
    """"There will be additional actions taken to hold the IRGC accountable", "there will be
    consequences for Russia": punishment said to be coming warns whom it is for (the frame is the
    existential "be"; annotated so in kj_08)."""
    verb = measure.head
    if measure.dep_ not in ("attr", "nsubj") or verb.lemma_ != "be" or not any(
            c.dep_ == "expl" for c in children(verb)):
        return None
    if not _in_future(verb) or any(c.dep_ == "neg" for c in children(verb)) or any(c.lower_ == "no" for c in children(measure)):
        return None
    return verb if measure_against(measure) or held_to_account(measure) else None


def held_to_account(measure: Token) -> list[Token]:
    """Whom a measure is for: "consequences for Russia", "actions taken to hold the IRGC accountable"."""
    named = [g for c in children(measure) if c.dep_ == "prep" and c.lower_ == "for" for g in pobjs(c)]
    for hold in (t for t in measure.subtree if t.lemma_ == "hold" and t.pos_ == "VERB"):
        named += [c for c in children(hold) if c.dep_ == "dobj"]
        named += [g for c in children(hold) if c.dep_ in ("ccomp", "oprd") for g in children(c) if g.dep_ == "nsubj"]
    return named


def _faced_consequences(verb: Token) -> Token | None:
    """"Iran would face serious consequences if it attacked Israel, he added": a punishment its
    subject will face, said by someone, warns that subject (the frame is "face" itself)."""
    subject = any(c.dep_ == "nsubj" for c in children(verb))
    if not _in_future(verb) or not subject or any(c.dep_ == "neg" for c in children(verb)):
        return None
    return verb


def _in_future(verb: Token) -> bool:
    """Whether a verb says what will be: "will respond", "would face", "there will be"."""
    return any(c.dep_ == "aux" and c.lower_ in THREATENED_RESPONSES["future"] for c in children(verb))


def measure_against(measure: Token) -> list[Token]:
    """Whom a threatened measure names: "sanctions against X", "sanctions, including against X",
    "impose costs on X" (the parser may hang the phrase on the verb)."""
    holders = [measure, *(c for c in children(measure) if c.dep_ == "prep" and c.lower_ == "including")]
    if measure.dep_ == "dobj":
        holders.append(measure.head)
    return [g for h in holders for c in children(h) if c.dep_ == "prep" and c.lower_ in THREATENED_RESPONSES["against"]
            for g in pobjs(c)]


def threat_condition(clause: Token) -> Token | None:
    """The if-clause a threat hangs on: "If the parties fail to make progress, we stand ready ..."."""
    return next((c for c in children(clause) if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in THREATENED_RESPONSES["conditions"] for m in children(c))), None)


def _punishes(token: Token) -> bool:
    """A word of punishment in a warned clause: "will not tolerate", "consequences", "impose costs"."""
    lemma = token.lemma_.lower()
    if lemma == "tolerate":
        return any(c.dep_ == "neg" for c in children(token))
    return lemma in _PUNISHING or token.lower_ in _PUNISHING


def prefix_negated(token: Token) -> bool:
    """'de-escalate', 'non-compliance', 'anti-war': a word a negating prefix turns into its
    opposite names no event of its own (data negating_prefixes)."""
    prefix = hyphen_joined(token, ("-",))
    return prefix is not None and prefix.lower_ in NEGATING_PREFIXES


def _verb_triggers(token: Token, lemma: str) -> list[Trigger]:
    """A verb's actions, less the claims, judgements and courtesies that only look like them."""
    return [Trigger(token, action, "verb") for action in _verb_actions(token, lemma)
            if not (action == "demand" and reports_a_claim(token))  # "Turkey did not send troops, the ministry insisted"
            and not _is_judgement_consider(token, action) and not _is_courtesy(token, action)]


def _noun_trigger(token: Token, lemma: str) -> Trigger | None:
    """A noun's action, where the noun names the event itself ("material support" is supply); or an
    attributive accusation the tagger took for a noun ("Russia's malign activity")."""
    if lemma in ATTRIBUTIVE_ACCUSATIONS and token.dep_ == "compound":
        return Trigger(token, "accuse", "attributive")
    if lemma in AGENT_NOUN_TRIGGERS and said_of_someone(token):
        return Trigger(token, AGENT_NOUN_TRIGGERS[lemma], AGENT_NOUN)
    action = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
    if action == "support" and material_support_given(token):
        action = "supply"
    if action and _noun_is_event(token, action) and not in_phrase_of(token, action):
        return Trigger(token, action, "noun")
    return None


#: the rule of a trigger that is a noun naming the doer ("donor", "ally": data actions.json agent_nouns)
AGENT_NOUN = "agent-noun"


def said_of_someone(token: Token) -> bool:
    """Whether a noun is said of someone: the predicate of a copula ("the United States is the
    leading donor", "to become the arms dealer of choice") or an apposition ("Iran, the main backer
    of the Houthis"); not "donors met in Paris", "our allies"."""
    return token.dep_ == "appos" or token.dep_ == "attr" and token.head.lemma_ in ("be", "remain", "become")


def _adjective_trigger(token: Token, lemma: str) -> Trigger | None:
    """An adjective of an action ("supportive"), a judgement said of something ("is unacceptable",
    "called it illegal") or an attributive accusation ("Russia's illegal invasion")."""
    if lemma in ADJECTIVE_TRIGGERS:
        return Trigger(token, ADJECTIVE_TRIGGERS[lemma], "adjective")
    if lemma in JUDGEMENT_PREDICATES and (token.dep_ == "acomp" or calling_verb(token) is not None):
        if lemma != "inconsistent" or any(g.lemma_.lower() in LAW_WORDS for g in token.subtree):
            return Trigger(token, JUDGEMENT_PREDICATES[lemma], "judgement")
        return None
    if lemma in ATTRIBUTIVE_ACCUSATIONS and token.dep_ == "amod":
        return Trigger(token, "accuse", "attributive")

    return None


def _adverb_trigger(token: Token, lemma: str) -> Trigger | None:
    """An attributive accusation by adverb ("the Iranian Navy attempted to illegally seize two
    merchant vessels"): read as "Russia's illegal invasion" is, its verb the deed."""
    if lemma in ACCUSING_ADVERBS and token.dep_ == "advmod" and token.head.pos_ == "VERB":
        return Trigger(token, "accuse", "attributive")
    return None


def _any_word_triggers(token: Token, lemma: str, phrase_actions) -> Iterator[Trigger]:
    """What any word may add: a noun a calling verb judges by ("called the strike an act of
    aggression"), a modal of obligation ("Russia must withdraw its forces"), and the phrase rules
    matched on it ("stand with", "call on", "open fire" ...)."""
    if token.pos_ == "NOUN" and lemma in JUDGEMENT_PREDICATES and calling_verb(token) is not None:
        yield Trigger(token, JUDGEMENT_PREDICATES[lemma], "judgement")
    if token.lower_ in OBLIGATION_MODALS and obliged_subject(token) is not None:
        yield Trigger(token, "demand", "obligation")
    for rule, action in phrase_actions:
        yield Trigger(token, action, rule)


def object_shows_the_action(token: Token, action: str) -> bool:
    """Whether a trigger's object shows its action beyond doubt, whether or not the sentence names
    the other party: a deed condemned ("condemned the coup", "denounced the attacks and the
    violations": its doer is condemned), materiel supplied ("to provide the military equipment"),
    an attack done ("Houthi rebels have launched attacks on 33 commercial vessels": the trigger is
    then the noun, its verb's object)."""
    if action == "fight" and token.pos_ == "NOUN":
        return _attack_done(token)
    if token.pos_ != "VERB":
        return False
    if action == "condemn":
        return _condemns_a_deed(token)
    return action == "supply" and "supply" in _object_kinds(token)


def _attack_done(noun: Token) -> bool:
    """A fight noun, not an operation (which fights only against someone), that a verb of doing
    takes as object with no negation, on a place, a body, forces, vessels or a military site
    ("launched attacks on commercial vessels", "carried out strikes against military sites"; not
    "launched attacks down the wing", nor "launched an attack on the media")."""
    verb = noun.head
    if noun.dep_ != "dobj" or noun.lower_ in OPERATION_NOUNS or verb.lemma_.lower() not in DOING_VERBS:
        return False
    if any(c.dep_ == "neg" for c in children(verb)) or any(c.lower_ == "no" for c in children(noun)):
        return False
    struck = [g for h in (noun, verb) for p in children(h) if p.dep_ == "prep" and p.lower_ in ("on", "against")
              for g in pobjs(p)]
    return any(g.ent_type_ in ("GPE", "ORG", "LOC", "FAC") or g.lower_ in FORCE_NOUNS
               or g.lemma_.lower() in STRUCK_THINGS
               or g.ent_type_ == "NORP" and demonym_code(g.text) is not None  # not "on Republicans"
               for g in struck)


def _condemns_a_deed(verb: Token) -> bool:
    return any(
        NOUN_TRIGGERS.get(o.lemma_.lower()) == "fight" or o.lemma_.lower() in CONDEMNED_DEEDS
        or o.lower_ in CONDEMNED_DEEDS or o.lower_ in SPEAKER_ACCUSES
        for c in children(verb) if c.dep_ == "dobj" for o in (c, *c.conjuncts))


def mandative(clause: Token) -> bool:
    """Whether a clause states what should be done ("demanded that Russia withdraw", "insists
    that Iran must stop", "urged them to leave"), not what was or will be done ("insisted that
    Turkey had not sent troops"): its verb is bare, with no tense of its own but a modal of
    obligation, or an infinitive."""
    auxes = [c for c in children(clause) if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("should", "must", "to") for a in auxes):
        return True
    if auxes and all(a.lower_ == "be" for a in auxes):
        return True  # "demands that Russia be held accountable"
    # the tagger gives a plural subject's bare verb as a present ("insisting that the Taliban live up
    # to their commitments"): only "is", "are" and a singular "-s" are surely a claim's present
    return not auxes and (clause.tag_ == "VB" or clause.tag_ == "VBP" and clause.lemma_ != "be")


def reports_a_claim(verb: Token) -> bool:
    """Whether a verb of demanding only reports what someone claims ("Turkey did not send
    troops, the ministry insisted", "insisted that the strikes had been lawful"): its clause is
    no demand and it asks nothing of anyone else (no object, infinitive or 'on' phrase)."""
    if verb.lemma_.lower() not in CLAIMING_DEMAND_VERBS:
        return False  # "demanded that Russia withdraws": a demand, whatever the verb's form
    clauses = [c for c in children(verb) if c.dep_ == "ccomp"]
    if not clauses or any(mandative(c) for c in clauses):
        return False
    return not any(_asks_of(c) for c in children(verb))


def _asks_of(child: Token) -> bool:
    """Whether a verb's child names someone asked or what is asked: an object, an infinitive, or
    an 'on' phrase that is no date ("insisted on Tuesday that ...")."""
    if child.dep_ in ("dobj", "xcomp", "dative"):
        return True
    return child.dep_ == "prep" and child.lower_ in ("on", "upon") and not any(
        g.ent_type_ in ("DATE", "TIME") for g in children(child))


def obliged_subject(modal: Token) -> Token | None:
    """The third party a modal of obligation says has to act: the active subject of the verb it
    helps, outside a condition ("if Russia must ..."), and not the speaker or the hearer."""
    verb = modal.head
    if modal.dep_ != "aux" or verb.pos_ != "VERB" or verb.dep_ == "relcl" or any(
            c.dep_ == "mark" or c.dep_ == "aux" and c.lower_ == "have" for c in children(verb)):
        return None  # "actions that Russia must take", "if ...", "must have known"
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or subject.i > modal.i:
        return None  # "we must", "it must mean", "Must Russia ...?"
    return subject


def material_support_given(token: Token) -> bool:
    """'providing sustained financial support', 'provide crucial military and financial support
    to the government', '$2.7 billion in support': support of a material kind that someone gives,
    or a sum of money, is a supply."""
    if token.lemma_.lower() not in MATERIAL_SUPPORT_NOUNS:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.ent_type_ == "MONEY":
        return True  # "provided them with close to $2.7 billion in support": money given
    given = token
    while given.dep_ == "conj" and given.head.pos_ == "NOUN":
        given = given.head  # "provided practical support, military support to Ukraine": both given
    if given.dep_ != "dobj" or given.head.lemma_.lower() not in GIVING_VERBS:
        return False
    kinds = [c for c in children(token) if c.dep_ == "amod"]
    kinds += [k for c in kinds for k in c.conjuncts]
    return any(k.lemma_.lower() in MATERIAL_KINDS for k in kinds)


def calling_verb(token: Token) -> Token | None:
    """The verb by which someone calls a thing what `token` says: "called the measures
    illegal", "called the strike an act of aggression", "described the attack as a violation";
    else None."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() == "act":
        token = token.head.head  # "an act of aggression": the act is what it is called
    head = token.head
    if token.dep_ in ("pobj", "amod") and head.lower_ == "as" and head.dep_ == "prep":
        head = head.head  # "described the attack as a violation", "denounced the sanctions as illegal"
    elif token.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in children(token)):
        # "We find these atrocities inexcusable": the parser makes the judged thing the subject of a clause
        return head if head.lemma_.lower() in CALLING_VERBS else None
    elif token.dep_ != "oprd":
        return None
    if head.lemma_.lower() in CALLING_VERBS and any(c.dep_ == "dobj" for c in children(head)):
        return head
    return None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, dict]:
    """Rule name -> its entry, in the data file's order."""
    text = resources.files("kgraph").joinpath("data/trigger_phrases.json").read_text(encoding="utf-8")
    entries = json.loads(text)["phrases"]
    for entry in entries:
        for node in entry["pattern"]:
            for value in node.get("RIGHT_ATTRS", {}).values():
                if isinstance(value, dict) and isinstance(value.get("IN"), str) and value["IN"].startswith("@"):
                    try:  # "@force_nouns": a word list of lexicon_words.json
                        value["IN"] = word_list(value["IN"][1:])
                    except KeyError:
                        raise ValueError(f"trigger_phrases.json, rule {entry['rule']!r}: no word list "
                                         f"{value['IN'][1:]!r} in lexicon_words.json") from None
    return {entry["rule"]: entry for entry in entries}


def phrase_rule(rule: str) -> dict:
    """The data file's entry of a phrase rule ({} for word rules such as "verb" or "noun")."""
    return _phrases().get(rule, {})


_matcher_cache: list = []  # [(vocab, {rule: matcher})]: one pipeline at a time
_matches_cache: list = []  # [(doc, (phrase triggers, their other words))]: one document at a time


@lru_cache(maxsize=1)
def _pattern_words() -> dict[str, list[tuple[int, frozenset[int]]]]:
    """For each phrase rule, the word constraints of its pattern's nodes: (column, hashes
    allowed), column 0 for LEMMA and 1 for LOWER (`_sentences_worth_matching` reads those)."""
    patterns = {}
    for rule, entry in _phrases().items():
        needs = []
        for node in entry["pattern"]:
            for column, attr in enumerate(("LEMMA", "LOWER")):
                value = node.get("RIGHT_ATTRS", {}).get(attr)
                if isinstance(value, str):
                    needs.append((column, frozenset([get_string_id(value)])))
                elif isinstance(value, dict) and set(value) == {"IN"}:
                    needs.append((column, frozenset(get_string_id(w) for w in value["IN"])))
        patterns[rule] = needs
    return patterns


@lru_cache(maxsize=1)
def _pattern_word_sets() -> tuple[frozenset[int], frozenset[int]]:
    """Every word the phrase patterns name, by column (LEMMA, LOWER), as the sets a document's
    words are looked up in: built once, not per document."""
    patterns = _pattern_words()
    return tuple(frozenset(word for needs in patterns.values() for c, words in needs if c == column for word in words)
                 for column in (0, 1))


def _sentences_worth_matching(doc: Doc) -> dict[str, list[Span]]:
    """For each phrase rule, the sentences that hold every word its pattern names: the only
    ones its dependency matcher, which costs about a millisecond a call, needs to see."""
    # the arrays' ints looked up in sets: `np.isin` cost more on a document's few hundred words
    values = doc.to_array(["LEMMA", "LOWER"]).tolist()
    sentence = sentence_numbers(doc).tolist()
    patterns = _pattern_words()
    where: dict[tuple[int, int], set[int]] = {}  # (column, word) -> the sentences it is in
    for column, wanted in enumerate(_pattern_word_sets()):
        for words, n in zip(values, sentence):
            if words[column] in wanted:
                where.setdefault((column, words[column]), set()).add(n)
    present = ({w for c, w in where if c == 0}, {w for c, w in where if c == 1})  # words the document has
    spans = sentences(doc)
    holding: dict[tuple[int, frozenset[int]], set[int]] = {}  # a node's words -> the sentences with one of them
    worth: dict[str, list[Span]] = {}
    for rule, needs in patterns.items():
        possible = set(range(len(spans))) if not needs else None
        for need in needs:
            if need not in holding:
                column, words = need
                holding[need] = set().union(*(where[column, w] for w in words & present[column]))
            possible = holding[need] if possible is None else possible & holding[need]
            if not possible:
                break
        worth[rule] = [spans[n] for n in sorted(possible)]
    return worth


def _matchers(vocab) -> dict[str, DependencyMatcher]:
    """One dependency matcher per phrase rule, built once per pipeline."""
    if not (_matcher_cache and _matcher_cache[0][0] is vocab):
        matchers = {}
        for rule, entry in _phrases().items():
            matchers[rule] = DependencyMatcher(vocab)
            matchers[rule].add(rule, [entry["pattern"]])
        _matcher_cache[:] = [(vocab, matchers)]
    return _matcher_cache[0][1]


def _phrase_triggers(doc: Doc) -> dict[int, list[tuple[str, str]]]:
    """Token index -> the (rule, action) of each phrase pattern anchored on it, in the data
    file's order (`data/trigger_phrases.json`); matched once per document."""
    return _phrase_matches(doc)[0]


def phrase_actions(token: Token) -> set[str]:
    """The actions of the phrase triggers anchored at `token` ("suspected" of "suspected Russia of
    orchestrating the attacks": accuse)."""
    return {action for _, action in _phrase_matches(token.doc)[0].get(token.i, ())}


def in_phrase_of(token: Token, action: str) -> bool:
    """Whether `token` is a word other than the anchor of a phrase trigger of `action`: the
    phrase names the event once ("hit Iran with sanctions": the sanctions are the hitting's)."""
    return (token.i, action) in _phrase_matches(token.doc)[1]


def _phrase_matches(doc: Doc) -> tuple[dict[int, list[tuple[str, str]]], set[tuple[int, str]]]:
    """The phrase triggers by anchor, and (token index, action) of their other words."""
    if _matches_cache and _matches_cache[0][0] is doc:
        return _matches_cache[0][1]
    matchers = _matchers(doc.vocab)
    found: dict[int, set[str]] = {}
    parts: set[tuple[int, str]] = set()
    for rule, worth in _sentences_worth_matching(doc).items():
        for sent in worth:
            for _, tokens in matchers[rule](sent):
                if _phrases()[rule].get("active_only") and _passive(sent[tokens[0]]):
                    continue
                if _phrases()[rule].get("own_options") and _taken_by_others(sent[tokens[1]]):
                    continue
                found.setdefault(sent.start + tokens[0], set()).add(rule)
                parts.update((sent.start + t, _phrases()[rule]["action"]) for t in tokens[1:])
    table = {i: [(rule, entry["action"]) for rule, entry in _phrases().items() if rule in rules]
             for i, rules in sorted(found.items())}
    parts -= {(i, action) for i, pairs in table.items() for _, action in pairs}
    _matches_cache[:] = [(doc, (table, parts))]
    return table, parts


def _taken_by_others(options: Token) -> bool:
    """"the steps allies are taking": options a relative clause says someone takes, not "the measures
    the bloc could impose" (still options, a modal's)."""
    return any(c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ not in RELATIVE_PRONOUNS for s in children(c))
               and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in children(c)) for c in children(options))


#: relative pronouns, which are no doer of their own in a relative clause
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _passive(verb: Token) -> bool:
    """"was called on Wednesday", "a briefing called by Russia": a passive verb."""
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in children(verb))


def idiom_not_event(token: Token) -> bool:
    """Whether a verb or noun is part of an idiom that names none of its actions ("look forward
    to", "deal with", "asked if", "take into consideration"), read from `idioms_not_events` in
    lexicon_words.json."""
    words = IDIOMS_NOT_EVENTS.get(token.lemma_.lower())
    if not words:
        return False
    if token.pos_ == "NOUN":  # "take into consideration the interests of ...": the noun's preposition,
        before = token.doc[token.i - 1] if token.i else None  # which the parser may make a particle
        return (token.dep_ == "pobj" and token.head.lower_ in words) or (
            before is not None and before.dep_ == "prt" and before.lower_ in words)
    if token.pos_ not in ("VERB", "AUX"):
        return False
    # "remind all States of the importance": the parser may hang the idiom's preposition on the object;
    # but reminding someone of the consequences is a warning ("reminded China of the consequences")
    held = [p for o in children(token) if o.dep_ == "dobj" for p in children(o) if p.dep_ == "prep"]
    held += [p for p in children(token) if p.dep_ == "prep"]
    if token.lemma_.lower() in ADDRESSEE_VERBS and any(
            g.lemma_.lower() in CONSEQUENCE_NOUNS for p in held if p.lower_ in words for g in pobjs(p)):
        return False
    return any(p.lower_ in words for p in held) or any(
        c.lower_ in words or (c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in words
                                                                   for m in children(c)))
        for c in children(token))


def _verb_actions(token: Token, lemma: str) -> list[str]:
    """Actions a verb names; "send arms and personnel" names both supply and deploy."""
    if lemma in ADDRESSEE_VERBS and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "that":
        return []  # "reminded that the anniversary falls on Monday": no one is warned
    if lemma in OBJECT_DEPENDENT:
        found = _object_dependent_actions(token, lemma)
        if found is not None:
            return found
    if lemma in VERBS_OF_PHRASES:
        return []
    action = VERB_TRIGGERS.get(lemma)
    if action is None:
        return []
    for rule in VERB_ACTION_RULES:
        found = rule(token, lemma, action)
        if found is not None:
            return found
    return [action]


def _object_dependent_actions(token: Token, lemma: str) -> list[str] | None:
    """A verb whose object says what it does ("send troops", "send arms"), or None where it is
    also a verb of its own ("Xi received Putin": not things got, a guest received)."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in NOUN_TRIGGERS for c in children(token)):
        return []  # "provides support to X": the noun names the action
    kinds = _object_kinds(token)
    if kinds:
        return kinds
    if OBJECT_DEPENDENT[lemma]:
        return [OBJECT_DEPENDENT[lemma]]
    return None if lemma in VERB_TRIGGERS else []


def light_verb_of_its_noun(token: Token, lemma: str, action: str) -> list[str] | None:
    """'waged war on X': the noun names the action, once."""
    if lemma in LIGHT_VERBS and any(c.dep_ == "dobj" and NOUN_TRIGGERS.get(c.lemma_.lower()) == action
                                    for c in children(token)):
        return []
    return None


def supply_of_its_objects(token: Token, lemma: str, action: str) -> list[str] | None:
    """'sent arms and personnel': the kinds of what is sent; 'arming the group': the group is armed."""
    if action == "supply" and lemma != "arm":
        return _object_kinds(token) or [action]
    return None


def forces_mobilised(token: Token, lemma: str, action: str) -> list[str] | None:
    """'Russia mobilised 300,000 reservists' deploys; 'mobilising aid', 'mobilized resources to
    help Haiti' gather other things (data mobilising_verbs)."""
    objects = [c for c in children(token) if c.dep_ == "dobj"]
    if lemma not in MOBILISING_VERBS or not objects:
        return None
    forces = any(o.lower_ in MOBILISED_FORCES or o.lemma_.lower() in MOBILISED_FORCES for o in objects)
    return ["deploy"] if forces or "deploy" in _object_kinds(token) else []


def a_lie_told(token: Token, lemma: str, action: str) -> list[str] | None:
    """'Iran and Russia continue to lie about it' accuses them; 'the answer lies in diplomacy',
    'the work that lies ahead' tell no lie (data lying)."""
    if lemma != "lie":
        return None
    told = all(c.lower_ in LIE_PREPOSITIONS for c in children(token) if c.dep_ == "prep") and all(
        c.lower_ in LIE_ADVERBS for c in children(token) if c.dep_ == "advmod")
    return None if told else []


def travel_to_someone(token: Token, lemma: str, action: str) -> list[str] | None:
    """'travelled to Kyiv' is a visit; 'travelled widely' is none."""
    return [] if action == "consult" and lemma in TRAVEL_VERBS and not has_prep(token, ("to",)) else None


def a_guest_received(token: Token, lemma: str, action: str) -> list[str] | None:
    """'Germany received Russian gas', 'Poland received Ukrainian refugees': no visit."""
    return [] if action == "consult" and lemma in PROCURING_WORDS and not _receives_a_guest(token) else None


def someone_hosted(token: Token, lemma: str, action: str) -> list[str] | None:
    """A host hosts someone ("hosted the Japanese minister"; "the US and Japan met": each other);
    'Poland will host American troops': the troops' state deploys them there."""
    if action != "consult" or lemma not in HOSTING_VERBS:
        return None
    heads = object_heads(token)
    if not heads and not (lemma == "meet" and _plural_subject(token)):
        return []
    if lemma != "meet" and any(h.lower_ in FORCE_NOUNS for h in heads):
        return ["deploy"]
    return None


def a_deal_struck(token: Token, lemma: str, action: str) -> list[str] | None:
    """'struck a deal': agreed, not attacked."""
    return [] if lemma == "strike" and any(c.lower_ in STRUCK_DEALS for c in children(token)) else None


def a_description(token: Token, lemma: str, action: str) -> list[str] | None:
    """'Iran-aligned militias', 'forces aligned with Burhan': a description, not an event."""
    return [] if lemma in STATIVE_PARTICIPLES and token.dep_ in ("amod", "acl") else None


def a_good_endangered(token: Token, lemma: str, action: str) -> list[str] | None:
    """'attacks that threaten maritime security and peace', 'threatening the integrity of the
    state': a deed said to endanger a good (data threatened_values) warns no one; the speaker
    accuses whoever does it, as of a violation."""
    return ["accuse"] if action == "warn" and endangers_a_good(token) else None


def endangers_a_good(token: Token) -> bool:
    """Whether a verb of threatening has only goods for its objects ("threaten the peace")."""
    if token.lemma_.lower() != "threaten":
        return False
    objects = [c for c in children(token) if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in THREATENED_VALUES for o in objects)


def an_ally_designated(token: Token, lemma: str, action: str) -> list[str] | None:
    """'designate Kenya as a major non-NATO ally': a state made an ally, not listed for sanctions."""
    if action != "sanction" or not any(g.lemma_.lower() in ALLIED_DESIGNATIONS for g in preps_objects(token, ("as",))):
        return None
    return ["cooperate"]


def a_hyphened_quality(token: Token, lemma: str, action: str) -> list[str] | None:
    """'life-threatening risks', 'peace-loving nations': a participle joined by a hyphen to the
    thing it would act on, describing a noun, names a quality, not an event. A name before the
    hyphen is a doer instead ("Iran-backed militias")."""
    if token.tag_ != "VBG" or token.dep_ not in ("amod", "compound"):
        return None
    before = hyphen_joined(token)
    return [] if before is not None and before.pos_ in ("NOUN", "ADJ", "ADV") and not before.ent_type_ else None


def active_of_a_passive_only_verb(token: Token, lemma: str, action: str) -> list[str] | None:
    """'refused to align with EU sanctions': the verb names its action only in the passive."""
    return [] if lemma in PASSIVE_ONLY_VERBS and not any(c.dep_ == "nsubjpass" for c in children(token)) else None


def struck_by_weapons(token: Token, lemma: str, action: str) -> list[str] | None:
    """'Kharkiv was slammed by Russian missiles': struck, not criticised."""
    return [] if action == "condemn" and _weapon_doer(token) else None


VerbRule = Callable[[Token, str, str], "list[str] | None"]

# Tried in order on a verb of VERB_TRIGGERS; the first that applies decides, else the verb names its action.
VERB_ACTION_RULES: tuple[VerbRule, ...] = (
    light_verb_of_its_noun, supply_of_its_objects, forces_mobilised, a_lie_told, travel_to_someone, a_guest_received, someone_hosted,
    a_deal_struck, a_description, a_hyphened_quality, an_ally_designated, active_of_a_passive_only_verb,
    struck_by_weapons, a_good_endangered,
)


def _weapon_doer(verb: Token) -> bool:
    """Whether a verb's subject or by-agent is a launched weapon ("missiles slammed into", "was
    blasted by drones")."""
    return any(c.dep_ == "nsubj" and c.lower_ in LAUNCHED_WEAPONS for c in children(verb)) or any(
        g.dep_ == "pobj" and g.lower_ in LAUNCHED_WEAPONS for a in children(verb) if a.dep_ == "agent" for g in children(a))


def _receives_a_guest(verb: Token) -> bool:
    """'Xi received Putin', 'received the Japanese foreign minister': a person or an official is
    received as a guest; goods and people in numbers are not."""
    objects = [h for c in children(verb) if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    return any(o.ent_type_ == "PERSON" or o.lower_ in RECEIVED_GUESTS or o.lemma_.lower() in RECEIVED_GUESTS for o in objects)


def _plural_subject(token: Token) -> bool:
    """Whether the verb's subject names several parties: "A and B", "the leaders"."""
    return any(c.dep_ == "nsubj" and (c.conjuncts or c.tag_ in ("NNS", "NNPS")) for c in children(token))


def object_heads(token: Token) -> list[Token]:
    """What a verb moves or acts on: the 'with' object ("supply X with weapons"), else the
    direct object or passive subject, with their conjuncts."""
    direct = [c for c in children(token) if c.dep_ in ("dobj", "nsubjpass")]
    heads = [g for holder in [token, *direct] for g in preps_objects(holder, ("with",))] or direct
    heads += [g for head in direct for g in preps_objects(head, ("alongside",))]  # "weapons alongside personnel"
    heads += [g for g in preps_objects(token, ("alongside",)) if g.lower_ in FORCE_NOUNS | MATERIEL_NOUNS]
    if not heads and token.dep_ in ("relcl", "acl"):
        heads = [token.head]
    heads = [h for head in heads for h in [head, *head.conjuncts]]
    # "provided large quantities of ammunition to Ukraine": the parser hangs the to-phrase on the
    # measured noun, which is what is moved
    return heads + [g for head in heads if head.lower_ in QUANTITY_WORDS for g in preps_objects(head, ("of",))]


def pobjs(token: Token) -> list[Token]:
    """The objects of a preposition, and of the same preposition joined to it ("visits to the
    DRC and to Rwanda")."""
    again = [c for c in children(token) if c.dep_ == "conj" and c.lower_ == token.lower_]
    return [g for p in (token, *again) for g in children(p) if g.dep_ == "pobj"]


def preps_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions in `preps` that hang from `token`."""
    return [g for p in children(token) if p.dep_ == "prep" and p.lower_ in preps for g in pobjs(p)]


def _object_kinds(token: Token) -> list[str]:
    """'deploy' for each object that is forces, 'supply' for each that is things. Ships and
    jets deploy when sent, but are supplied when supplied, sold, delivered or bought."""
    lemma = token.lemma_.lower()
    supplying = VERB_TRIGGERS.get(lemma) == "supply" or lemma in PROCURING_WORDS  # "bought Russian jets"
    heads = object_heads(token)
    direct = [h for c in children(token) if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    kinds = _kinds_of(heads, supplying)
    if not kinds and heads != direct:
        # "sent troops to Poland's border with Belarus", "with the approval of Kim Jong Un": what the
        # with-phrase names is not what is sent
        kinds = _kinds_of(direct, supplying)
    return kinds


def _kinds_of(heads: list[Token], supplying: bool) -> list[str]:
    kinds: list[str] = []
    for head in heads:
        words = [head.lower_]
        if head.lower_ in QUANTITY_WORDS:
            words += [g.lower_ for g in head.subtree if g.pos_ in ("NOUN", "PROPN")]
        for word in words:
            kind = ("supply" if word in MATERIEL_NOUNS or (supplying and word in PLATFORM_NOUNS)
                    else "deploy" if word in FORCE_NOUNS else None)
            if kind:
                if kind not in kinds:
                    kinds.append(kind)
                break
    return kinds


def _is_courtesy(token: Token, action: str) -> bool:
    """'I thank the briefers for their remarks', 'thank you' and 'I welcome the Representative
    of Mali to our meeting' are courtesy, not support."""
    if action == "support" and token.lemma_ == "welcome":  # a guest to a meeting, not a deed
        objects = [c for c in children(token) if c.dep_ == "dobj"]
        if any(c.lower_ in WELCOMED_PRESENCE for c in objects):  # "I welcome the participation of ..."
            return True
        guests = [c for c in objects if c.ent_type_ == "PERSON" or c.lower_ in GUEST_NOUNS]
        return bool(guests) and any(c.dep_ == "prep" and c.lower_ == "to" for c in children(token))
    if action != "support" or token.lemma_ not in COURTESY_VERBS:
        return False
    objects = [c for c in children(token) if c.dep_ == "dobj"]
    if any(o.lower_ == "you" for o in objects) or not objects:
        return True
    reasons = [g for c in children(token) if c.dep_ == "prep" and c.lower_ == "for"
               for g in children(c) if g.dep_ in ("pobj", "pcomp")]  # "for convening this debate": a gerund
    if not reasons and _said_by_the_speaker(token) and all(_international_official(o) for o in objects):
        return True  # "I join others in thanking Assistant Secretary-General Khiari": the briefer
    return any(r.lower_ in COURTESY_NOUNS for r in reasons)


def _said_by_the_speaker(verb: Token) -> bool:
    """Whether a verb's subject, or the subject of the verb it hangs from, is "I" or "we" (a
    speech's courtesy), not a third party ("Zelenskyy thanked Secretary-General Stoltenberg")."""
    for v in (verb, verb.head):
        subjects = [c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return all(s.lower_ in ("i", "we") for s in subjects)
    return True


def _international_official(word: Token) -> bool:
    """Whether a word is the name of a person titled by an international office (`phrases.international_title`)."""
    ent = entity_of(word)
    return ent is not None and ent.label_ == "PERSON" and international_title(ent)


def _is_judgement_consider(token: Token, action: str) -> bool:
    """'is considered one of the best' judges; it does not consider an option."""
    if action != "consider":
        return False
    if token.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in children(token)):
        return True
    if any(c.dep_ == "ccomp" and _finite_clause(c) for c in children(token)):
        return True  # "The Court considers that these constitute war crimes": a judgement
    return any(c.dep_ in ("oprd", "attr", "acomp") for c in children(token))


def _finite_clause(verb: Token) -> bool:
    """A stated clause with its own subject ("that these are crimes"), not an open question
    ("whether to send troops", "how this support runs afoul of sanctions")."""
    if any(c.lower_ in ("whether", "if") or c.tag_ in ("WRB", "WP", "WDT") for c in verb.subtree if c.i < verb.i):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children(verb))


def supply_as_modifier(token: Token, action: str) -> bool | None:
    """'supply routes', 'supplies depot': 'supply' modifying another noun names no supplying."""
    if action == "supply" and token.lower_ in ("supply", "supplies") and token.dep_ == "compound":
        return False
    return None


def agreement_made(token: Token, action: str) -> bool | None:
    """'signed an agreement', 'an accord with X', 'a pact between X and Y': an agreement someone made."""
    if action == "cooperate" and token.lower_ in PACT_NOUNS:
        return token.head.lemma_ in PACT_VERBS or has_prep(token, ("with", "between")) or _made_in_relative_clause(
            token, PACT_VERBS)
    return None


def _made_in_relative_clause(noun: Token, verbs: Collection[str]) -> bool:
    """'the agreement that Japan signed with Australia', 'the meeting that he had with Kishida': a
    relative clause on the noun whose verb makes it, or says with whom."""
    return any(c.dep_ == "relcl" and (c.lemma_.lower() in verbs or has_prep(c, ("with", "between")))
               for c in children(noun))


def claims_by(token: Token, action: str) -> bool | None:
    """'claims by Beijing that ...': a claim someone makes, with what it says."""
    if action == "accuse" and token.lower_ in CLAIM_NOUNS:
        return has_prep(token, ("by",)) and any(c.dep_ in ("acl", "ccomp") for c in children(token))
    return None


def operations_against(token: Token, action: str) -> bool | None:
    """'operations against X': operations aimed at someone; 'military operations in eastern
    Syria': armed operations in another's land (the place names whose, `roles.struck_place`)."""
    if action == "fight" and token.lower_ in OPERATION_NOUNS:
        return has_prep(token, ("against",)) or (
            any(c.dep_ == "amod" and c.lower_ == "military" for c in children(token)) and has_prep(token, ("in", "inside")))
    return None


def weapon_fire(token: Token, action: str) -> bool | None:
    """'rocket fire by Hezbollah', 'fire on X', not 'the fire': fire someone shoots."""
    if action == "fight" and token.lower_ in FIRE_NOUNS:
        if token.dep_ == "dobj" and token.head.lemma_.lower() in MUTUAL_VERBS:
            return True  # "exchanged fire"
        return has_prep(token, ("by", "on", "at", "from")) or any(
            c.lower_ in MATERIEL_NOUNS or c.lower_ in WEAPON_MODIFIERS
            for c in children(token) if c.dep_ == "compound")
    return None


def arms_sales(token: Token, action: str) -> bool | None:
    """'arms sales to X', 'weapons exports', 'the sale of fighter jets': sales of materiel, or of
    platforms, which sold are supplied."""
    if action == "supply" and token.lower_ in SALE_NOUNS:
        return any(c.lower_ in MATERIEL_NOUNS or c.lower_ in PLATFORM_NOUNS for c in token.subtree if c.i != token.i)
    return None


def describing_noun(token: Token, action: str) -> bool | None:
    """'a threat to peace' describes, it does not warn anyone."""
    if DESCRIBING_NOUNS.get(token.lower_) == action:
        return False
    return None


def commitment_to(token: Token, action: str) -> bool | None:
    """'commitment to X': a commitment to someone or something, or to defending someone."""
    if action == "support" and token.lower_ in COMMITMENT_NOUNS:
        return has_prep(token, ("to",)) or bool(committed_defence(token))
    return None


def committed_defence(noun: Token) -> list[Token]:
    """Whom a commitment is to defend or help: the named object of its 'to' verb of defending
    ("the ironclad U.S. commitment to defend the ROK", "commitment to defending South Korea")."""
    verbs = [c for c in children(noun) if c.dep_ == "acl" and any(a.lower_ == "to" for a in children(c))]
    verbs += [g for p in children(noun) if p.dep_ == "prep" and p.lower_ == "to"
              for g in children(p) if g.dep_ == "pcomp"]
    # someone named, not "to defend themselves" nor a thing ("to defending the Council resolutions")
    return [o for v in verbs if v.lemma_.lower() in COMMITTED_DEFENCE for o in children(v)
            if o.dep_ == "dobj" and not o.lower_.endswith(("self", "selves"))
            and (o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or o.pos_ in ("PROPN", "PRON"))]


def kind_of_ties(token: Token, action: str) -> bool | None:
    """'security ties', 'economic ties': ties of a kind that is cooperation; and any ties someone
    strengthens ('strengthened ties with the United States')."""
    if action == "cooperate" and token.lower_ in TIE_NOUNS:
        return any(c.lemma_ in TIE_KINDS for c in children(token)) or (
            token.dep_ == "dobj" and token.head.lemma_.lower() in TIE_VERBS)
    return None


def done_jointly(token: Token, action: str) -> bool | None:
    """'joint military exercises', 'combined patrols': an activity done together is cooperation."""
    if action == "cooperate" and token.lower_ in JOINT_ACTIVITY_NOUNS:
        return any(c.lemma_.lower() in JOINT_KINDS for c in children(token) if c.dep_ in ("amod", "compound"))
    return None


def imposed_measure(token: Token, action: str) -> bool | None:
    """'imposed a ban on Russian oil': a ban someone imposes; 'the ban on chemical weapons' is none."""
    if action == "sanction" and token.lower_ in IMPOSED_MEASURE_NOUNS:
        return token.dep_ == "dobj" and token.head.lemma_.lower() in IMPOSING_VERBS
    return None


def meeting_with(token: Token, action: str) -> bool | None:
    """'a meeting with X', 'meetings between X and Y', 'X, Y and Z convened a meeting', 'the
    Japan-Fiji Defense Ministerial Meeting': a meeting someone holds with someone, that its holders
    hold together, or named for the states that hold it ('the meeting was useful' is none)."""
    if action == "consult" and token.lower_ in MEETING_NOUNS:
        return has_prep(token, ("with", "between")) or bool(hyphenated_states(token)) or (
            token.dep_ == "dobj" and token.head.lemma_.lower() in MEETING_HOLDING_VERBS) or _made_in_relative_clause(
            token, MEETING_HOLDING_VERBS)
    return None


def call_for(token: Token, action: str) -> bool | None:
    """'calls for X', 'a request from Y', 'a demand on Z', 'at Russia's request': a demand made of
    or by someone."""
    if action == "demand" and token.lower_ in DEMAND_NOUNS:
        return has_prep(token, ("for", "on", "from")) or at_the_request(token)
    return None


def at_the_request(token: Token) -> bool:
    """'at Russia's request', 'at the request of France': done because someone asked."""
    return (token.lower_ == "request" and token.dep_ == "pobj" and token.head.lower_ == "at"
            and (any(c.dep_ == "poss" for c in children(token)) or has_prep(token, ("of",))))


NounRule = Callable[[Token, str], "bool | None"]

# Tried in order; the first that applies decides. Any other trigger noun ('aid', 'assistance', ...) is an event.
NOUN_EVENT_RULES: tuple[NounRule, ...] = (
    supply_as_modifier, agreement_made, claims_by, operations_against, weapon_fire, arms_sales, describing_noun,
    commitment_to, kind_of_ties, done_jointly, imposed_measure, meeting_with, call_for,
)


def _noun_is_event(token: Token, action: str) -> bool:
    """Whether a trigger noun names the event itself: the first of NOUN_EVENT_RULES that applies, else yes."""
    for rule in NOUN_EVENT_RULES:
        found = rule(token, action)
        if found is not None:
            return found
    return True


def has_prep(token: Token, words: Collection[str]) -> bool:
    return any(c.dep_ in ("prep", "agent") and c.lower_ in words for c in children(token))
