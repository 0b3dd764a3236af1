"""Pronouns: what "we", "you", "he", "its" and "they" stand for inside one document.

"We" and "I" are their speaker (a transcript's speaker, a quotation's, the statement's author;
"we" as the speaker's state), "you" the one last addressed by name, "he" and "she" the person
named last, and "it", "its", "they" and "their" an actor of the pronoun's own clause (its
subject, the one a verb of control names, the subject a fronted phrase precedes) or the nearest
one named before. `actors.DocumentActors` asks, through the small `PronounContext`.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from spacy.tokens import Span, Token

from .coordination import outer_verb_after_infinitive, to_infinitive
from .countries import country_code, country_name
from .doccache import children
from .lexicon import HELPED_PREPOSITIONS, HELPING_VERBS, NOUN_TRIGGERS
from .memory import Memory
from .model import Actor
from .names import (
    ADDRESSEE_PRONOUNS, CLAUSE_OBJECT_PREPOSITIONS, OFFICIAL_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS,
    SPEAKER_PLURAL_PRONOUNS, SPEAKER_PRONOUNS, THING_PRONOUNS,
)
from .persons import PersonReader
from .phrases import PERSON_LABELS, clean_entity_text, entity_of, ents_in
from .roles import controlled_object, reproached_by, subject_of


class PronounContext(Protocol):
    """What resolving a pronoun needs of the document's resolver (`actors.DocumentActors`)."""

    memory: Memory
    document_speaker: Actor | None
    joint_authors: tuple[Actor, ...]

    def resolve(self, token: Token, *, expand: bool = True, remember: bool = True) -> list[Actor]: ...

    def speaker_of(self, token: Token) -> list[Actor]: ...

    def turn_speaker(self, token: Token) -> Actor | None: ...

    def in_quote(self, token: Token, *, carried: bool = False) -> bool: ...

    def sentence_of(self, token: Token) -> Span: ...


def _not_persons(actors: list[Actor], pronoun: Token) -> list[Actor]:
    """The antecedents "it", "its", "they" and "their" may have: no person, but for "they" and
    "their" a group of persons ("The two leaders affirmed their commitment")."""
    if pronoun.lower_ in PLURAL_PRONOUNS and len(actors) >= 2:
        return actors
    return [a for a in actors if a.kind != "PERSON"]


def _own_subjects(pronoun: Token) -> list[Token]:
    """The subjects of the verb whose object (or prepositional object) the pronoun is, which it
    cannot stand for ("Iran is supplying them": not Iran)."""
    verb = pronoun.head if pronoun.dep_ in ("dobj", "dative") else (
        pronoun.head.head if pronoun.dep_ == "pobj" else None)
    subjects = subject_of(verb) if verb is not None and verb.pos_ == "VERB" else []
    return [s for subject in subjects for s in (subject, *subject.conjuncts)]  # "Japan and South Korea condemned it"


def _enclosing_verbs(token: Token, *, through_participles: bool = False,
                     through_reports: bool = False) -> Iterator[Token]:
    """The verb of the nearest clause around `token`, then those whose subject it shares
    (`_shares_subject`), with `through_participles` those a participle hangs from ("The
    minister spoke, referring to ... his country"), and with `through_reports` the verb that
    reports the clause ("The minister said Iran attacked his country")."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("prep", "amod")), None)
    while verb is not None:
        yield verb
        climbs = (through_participles and verb.dep_ == "advcl" and verb.tag_ == "VBG") or (
            through_reports and verb.dep_ == "ccomp")
        if outer_verb_after_infinitive(verb) and verb.head.head.i != verb.head.i:
            verb = verb.head.head  # "urges Russia to stop the war and renews its support": the outer clause's
        elif _means_of(verb) and token.head.lemma_.lower() in NOUN_TRIGGERS:
            # "to protect civilians by stopping their assault": the protector's own deed; not "supports
            # Russia by supplying its army", whose army is the one helped
            verb = verb.head.head
        else:
            verb = verb.head if _shares_subject(verb) or climbs else None


def _addresses(we: Token, code: str) -> bool:
    """Whether the verb "we" is the subject of names the state `code` as its object or in its
    own phrases ("We call on the DPRK and Russia to cease ..."): the text's guessed author cannot
    be who the speaker addresses."""
    if we.dep_ != "nsubj":
        return False
    verb = we.head
    objects = [c for c in children(verb) if c.dep_ in ("dobj", "dative")] + [
        g for p in children(verb) if p.dep_ == "prep" for g in children(p) if g.dep_ == "pobj"]
    for word in objects:
        for member in (word, *word.conjuncts):
            ent = entity_of(member)
            if country_code(clean_entity_text(ent) if ent is not None else member.text) == code:
                return True
    return False


def _means_of(verb: Token) -> bool:
    """Whether a gerund says how its governor's doer acts ("by stopping", "through supplying",
    "without consulting"): it has that verb's subject."""
    prep = verb.head
    return (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.lower_ in ("by", "through", "without") and prep.head.pos_ in ("VERB", "AUX"))


def _shares_subject(verb: Token) -> bool:
    """Whether a verb with no subject of its own has its governor's: "continues to deepen",
    "transferred drones to use in its war" (an infinitive of purpose), "invaded and continues"."""
    if verb.dep_ in ("xcomp", "conj"):
        return True
    return verb.dep_ == "advcl" and to_infinitive(verb)


class PronounResolver:
    """The pronouns of one document, read against what its resolver remembers."""

    def __init__(self, context: PronounContext, persons: PersonReader) -> None:
        self._context = context
        self._persons = persons

    def resolve(self, token: Token) -> list[Actor]:
        """What a pronoun stands for: "we" and "I" their speaker (a transcript's, a quotation's, the
        statement's author, as their state for "we"), "you" the one addressed, "he" and "she" the
        person named last, "it", "its", "they" and "their" an actor of the clause or named before."""
        lower = token.lower_
        if lower in ADDRESSEE_PRONOUNS:
            return self._addressee(token)
        if lower in SPEAKER_PRONOUNS:
            return self._speaker(token)
        if lower in PERSON_PRONOUNS:
            return self._person(token)
        if lower in PLURAL_PRONOUNS | THING_PRONOUNS:
            return self._actor_or_thing(token)
        return []

    def _addressee(self, token: Token) -> list[Actor]:
        """"you": the one addressed by name, by the same speaker, outside quotations."""
        memory = self._context.memory
        addressed = memory.addressee is not None and memory.addressee_turn == self._context.turn_speaker(token)
        return [memory.addressee] if addressed and not (self._context.in_quote(token) or memory.in_quote) else []

    def _speaker(self, token: Token) -> list[Actor]:
        """"we" and "I": a transcript's speaker, a quotation's, the statement's author or authors;
        "we" is the speaker's state where the speaker has one."""
        plural = token.lower_ in SPEAKER_PLURAL_PRONOUNS
        quoted = self._context.in_quote(token) or self._context.memory.in_quote
        turn = self._context.turn_speaker(token)
        document_speaker = self._context.document_speaker
        if turn is not None and not quoted:  # a transcript: "MR. KIRBY: We condemn ..."
            speakers = [turn] if turn.name else []  # a reporter's question speaks for no one
        elif plural and self._context.joint_authors and not quoted:
            return list(self._context.joint_authors)
        else:
            speakers = self._context.speaker_of(token) if quoted else ([document_speaker] if document_speaker else [])
        if not speakers:
            return []
        speaker = speakers[0]
        if plural and not speaker.country and speaker is turn and document_speaker and document_speaker.country:
            speaker = document_speaker  # "MR PRICE: We urge ...": the briefing's state
        if plural and speaker.country:
            if speaker is document_speaker and _addresses(token, speaker.country):
                return []  # "We call on the DPRK and Russia": not the DPRK's voice, whatever the text's guess
            return [Actor(country_name(speaker.country), "COUNTRY", speaker.country)]
        return [speaker]

    def _person(self, token: Token) -> list[Actor]:
        """"he", "she", "his", "her": the person the sentence named last before the pronoun, an
        official whose possessive it is, else the person named last. Outside a quotation, no one
        named inside it ("“President Putin, stop your troops,” he urged": not Putin, whom the
        speaker addresses; the speaker was named before the sentence)."""
        outside = not self._context.in_quote(token, carried=True)
        sentence = self._context.sentence_of(token)
        before = token.doc.text[sentence.start_char:token.idx]
        after_quote = outside and (self._context.memory.in_quote or "“" in before or '"' in before)
        for ent in reversed([e for e in ents_in(sentence)
                             if e.label_ in PERSON_LABELS and e.end <= token.i]):
            if after_quote and self._context.in_quote(ent[0], carried=True):
                continue
            person = self._persons.person(ent, clean_entity_text(ent))  # "X said ..., and she called"
            if person:
                return [person]
        if token.dep_ == "poss":  # "The Israeli defence minister condemned the attack on his country"
            official = self._official_subject(token)
            if official:
                return official
        memory = self._context.memory
        last = memory.person_before_sentence if after_quote else memory.last_person
        return [last] if last else []

    def _actor_or_thing(self, token: Token) -> list[Actor]:
        """"it", "its", "they", "their": the owner a possessive's clause gives, an actor named
        before in the sentence or the one before, the group named last, else the thing named last."""
        lower = token.lower_
        subjects_only = token.dep_ in ("nsubj", "nsubjpass")
        if token.dep_ == "poss":  # "North Korea continues to deepen its cooperation"
            owner = (self._conjunct_owner(token) or self._reproached(token) or self._helped(token)
                     or self._clause_subject(token) or self._subject_after(token))
            if owner:
                return owner
            if lower in PLURAL_PRONOUNS and self._subject_of_no_one(token):
                return []  # "20 countries have expressed their support": theirs, whom the text does not name
        if lower in PLURAL_PRONOUNS and self._thing_subject_before(token):
            return []  # "These attacks pose grave implications ..., and they undermine ...": the attacks
        near = self._nearest_before(token, subjects_only=subjects_only)
        if not near and subjects_only:
            near = self._object_of_governing_clause(token)
        if near:
            return near
        memory = self._context.memory
        group = _not_persons(list(memory.last_group), token) if lower in PLURAL_PRONOUNS else []
        if group:  # "they": the group named last, not one person ("Biden underscored ... as they fight")
            return group
        return self._thing_named_before(token)

    def _thing_subject_before(self, pronoun: Token) -> bool:
        """Whether "they" is the subject of a clause joined to one whose subject is a plural
        thing, which it stands for ("These attacks pose ..., and they undermine ...")."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or verb.dep_ != "conj":
            return False
        first = [c for c in children(verb.head) if c.dep_ == "nsubj" and c.i < pronoun.i]
        return (len(first) == 1 and first[0].pos_ == "NOUN" and first[0].tag_ == "NNS"
                and first[0].lemma_.lower() in NOUN_TRIGGERS  # a deed: not "the soldiers", "the warships"
                and not self._context.resolve(first[0], remember=False))

    def _thing_named_before(self, pronoun: Token) -> list[Actor]:
        """The thing named last, but not the subject of the verb whose object the pronoun is
        ("North Korea fired a missile. Japan condemned it": not Japan, which this sentence named
        just before): then the thing named last before this sentence."""
        memory = self._context.memory
        own = {a.key for t in _own_subjects(pronoun) for a in self._context.resolve(t, remember=False)}
        for thing in (memory.last_thing, memory.thing_before_sentence):
            if thing is not None and thing.key not in own:
                return [thing]
        return []

    def _antecedent(self, head: Token, pronoun: Token) -> list[Actor]:
        """The actors of the phrase `head` heads, as `pronoun` may stand for them (`_not_persons`)."""
        return _not_persons(self._context.resolve(head, remember=False), pronoun)

    def _conjunct_owner(self, token: Token) -> list[Actor]:
        """"Iranian forces and their proxy groups", "Iran and its proxies": a possessive on the
        second of two joined nouns is the first one's."""
        noun = token.head
        first = noun.head
        if noun.dep_ != "conj" or first.i >= token.i:
            return []
        if first.pos_ in ("VERB", "AUX"):  # the parser hung the noun on the clause's verb
            return self._parallel_owner(token)
        return self._antecedent(first, token)

    def _parallel_owner(self, token: Token) -> list[Actor]:
        """"in response to Russia's continued brutality, and its continued strikes": a possessive
        after "and" is the owner named as possessor of the noun just before the "and"."""
        before = [t for t in token.doc[max(token.i - 3, token.sent.start):token.i] if not t.is_punct]
        if len(before) < 2 or before[-1].lower_ != "and" or before[-2].pos_ not in ("NOUN", "PROPN"):
            return []
        owners = [c for c in children(before[-2]) if c.dep_ == "poss" and c.pos_ != "PRON"]
        return self._antecedent(owners[0], token) if owners else []

    def _reproached(self, token: Token) -> list[Actor]:
        """"The United States condemned Russia for its attacks on Ukraine", "sanctioned three
        companies for their role": a possessive in what one is reproached or thanked for is that
        one's (`roles.reproached_by`)."""
        noun = token.head
        if noun.dep_ != "pobj":
            return []
        reproached = [t for t in reproached_by(noun.head) if t.i < token.i]
        if not reproached:
            return []
        if reproached[0].conjuncts:  # "our gratitude to SRSG Salvador and her team for their commitment":
            return self._context.resolve(reproached[0], remember=False)  # a group, persons too
        return self._antecedent(reproached[0], token)

    def _helped(self, token: Token) -> list[Actor]:
        """"We support Ukraine in its fight against Russia", "stand with Ukraine in its fight": a
        possessive in the in-phrase of a verb of helping is the helped one's (data helping_verbs)."""
        noun = token.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head.lemma_.lower() not in HELPING_VERBS:
            return []
        verb = noun.head.head
        helped = [c for c in children(verb) if c.dep_ == "dobj" and c.i < token.i] or [
            g for c in children(verb) if c.dep_ == "prep" and c.lower_ in HELPED_PREPOSITIONS
            for g in children(c) if g.dep_ == "pobj" and g.i < token.i]
        return self._antecedent(helped[-1], token) if helped else []

    def _clause_subject(self, token: Token) -> list[Actor]:
        """The subject of the nearest clause around a possessive pronoun, through infinitives
        ("X continues to deepen its ..."), when it comes before the pronoun; of an infinitive
        after a verb of control, the one controlled ("urged China to stop its ...")."""
        for verb in _enclosing_verbs(token):
            subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
                        and (c.pos_ != "PRON" or c.lower_ in THING_PRONOUNS | PLURAL_PRONOUNS)]
            if token.lower_ in THING_PRONOUNS and any(s.tag_ == "NNS" for s in subjects):
                continue  # "The foreign ministers agreed on a response to arms for Russia's war ... its war": not theirs
            if subjects:
                return self._antecedent(subjects[0], token)
            controlled = controlled_object(verb, verb.head)  # "calls on Iran to cease its support": Iran's
            if controlled and controlled[0].i < token.i:
                return self._antecedent(controlled[0], token)
        return []

    def _subject_of_no_one(self, token: Token) -> bool:
        """Whether the nearest clause around a possessive "their" has a plural noun subject before
        it that stands for no actor ("20 countries have expressed their support"): the pronoun is
        that subject's, not an actor named earlier."""
        for verb in _enclosing_verbs(token):
            subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
            if subjects:
                head = subjects[0]
                return head.tag_ == "NNS" and not self._context.resolve(head, remember=False)
        return False

    def _official_subject(self, token: Token) -> list[Actor]:
        """For "his" or "her" where the sentence names no person before it: the subject of the
        clause around it, or of the clause a participle hangs from ("The minister spoke,
        referring to Iran's attack on his country"), when that subject is a person or an
        official named by title."""
        for verb in _enclosing_verbs(token, through_participles=True, through_reports=True):
            subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
            if not subjects:
                continue
            if subjects[0].pos_ == "PRON":
                if subjects[0].lower_ in THING_PRONOUNS:
                    continue  # "..., it's not over yet, referring to ... his country": not his
                return []
            found = [a for a in self._context.resolve(subjects[0], remember=False)
                     if a.kind == "PERSON" or (a.country and subjects[0].lemma_.lower() in OFFICIAL_NOUNS)]
            if found or subjects[0].ent_type_ in PERSON_LABELS:
                return found
            # "The minister said Iran attacked his country": a state is no "his"; the reporter's clause
        return []

    def _subject_after(self, token: Token) -> list[Actor]:
        """A possessive in a phrase set before its clause's subject stands for that subject
        ("Facing sanctions over its invasion of Ukraine, Russia turned to Iran"; "In its
        statement, the ministry said")."""
        for phrase in token.ancestors:
            verb = phrase.head
            if phrase.dep_ not in ("advcl", "prep", "npadvmod") or verb.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue  # "Facing ... over its ...": a subjectless clause, read on upwards
            subject = subjects[0]
            if phrase.right_edge.i < subject.i < verb.i and subject.pos_ != "PRON":
                return self._antecedent(subject, token)
            return []
        return []

    def _object_of_governing_clause(self, pronoun: Token) -> list[Actor]:
        """The subject of a clause of time or reason that no earlier subject of its sentence can
        stand for is what the clause it hangs from acts on, named before it: "Netanyahu has been
        considering options to retaliate against Tehran after it launched missiles" (Tehran, not
        the person Netanyahu). Not a place or source ("Putin told reporters in Minsk that it
        would attack"): only a direct object or the object of `CLAUSE_OBJECT_PREPOSITIONS`."""
        clause = pronoun.head
        if clause.dep_ != "advcl":
            return []
        outer = clause.head
        objects = [c for c in children(outer) if c.dep_ == "dobj"]
        objects += [g for c in children(outer) if c.dep_ == "prep" and c.lower_ in CLAUSE_OBJECT_PREPOSITIONS
                    for g in children(c) if g.dep_ == "pobj"]
        for candidate in sorted((o for o in objects if o.i < pronoun.i), key=lambda t: -t.i):
            found = self._antecedent(candidate, pronoun)
            if found:
                return found
        return []

    def _nearest_before(self, token: Token, *, subjects_only: bool) -> list[Actor]:
        """The closest earlier actor in the same sentence ("Russia ... its war"), but not the
        subject of the verb the pronoun is the object of ("Iran is supplying them": not Iran)."""
        own_subjects = {t.i for t in _own_subjects(token)}
        for candidate in reversed(token.doc[self._context.sentence_of(token).start:token.i]):
            if candidate.pos_ not in ("NOUN", "PROPN") or candidate.dep_ in ("compound", "amod", "flat"):
                continue
            if candidate.i in own_subjects:
                continue
            if subjects_only and candidate.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.head.i == candidate.i:
                continue  # "its war": the pronoun's own noun is not its antecedent
            if token.lower_ in THING_PRONOUNS and candidate.tag_ == "NNS":
                continue  # "Russia's use of drones against Ukrainian cities in its war": "its" is one, not many
            found = self._antecedent(candidate, token)
            if found:
                return found
        return []
