"""Turn noun phrases into actors, resolving names, metonyms and pronouns inside one document.

A `DocumentActors` object is made per article and fed sentence by sentence, so that later
mentions ("Zelenskyy", "he", "the North", "the official") find the actor named earlier.
The rules are simple and explainable: each resolution can be read off the code below, and
off the modules it calls on: `phrases` (what a phrase's words say), `nationality` (which state
a phrase names), `persons` (the state a person's name acts for, and the persons named so far),
`speakers` (who speaks: header, transcript, "say" verbs, dateline) and `common_nouns` (one
named rule per kind of phrase: "the North", "Hezbollah fighters"...).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON, PROPN, VERB, conj, nsubj, nsubjpass, pobj
from spacy.tokens import Doc, Span, Token

from .common_nouns import RULE_WORDS, from_common_noun
from .coordination import hyphen_joined, partitive_of
from .countries import city_country, country_code, country_name, demonym_code, is_state_code, name_words
from .doccache import children, document_entities, document_text, in_text_order, kept_answer, span_text, span_tokens
from .lexicon import DEED_NOUNS, DOING_VERBS, MATERIEL_NOUNS, PLATFORM_NOUNS
from .memory import Memory
from .model import Actor, normalise_name
from .names import (
    ARMED_GROUP_NOUNS, ARMED_GROUPS, EU_BODIES, EU_TEXT, GATHERING_AND_SITE_NAMES, INSTRUMENT_NAMES, INTERNATIONAL_ORG_NAMES, INTERNATIONAL_ORGS, JOINT_TEXTS, NAME_TITLES, ORGANISATION_NAME_HEADS,
    NAME_PARTICLES, NAMES_ANOTHER_COUNCIL, NAMES_NATO, NAMES_THE_COUNCIL, NATO, NAMING_PARTICIPLES, ONE_PERSON_OFFICES, PARTITIVES, PERSON_PRONOUNS, LISTED_MEMBER_NOUNS, PERSON_TITLES,
    PLURAL_PRONOUNS, PORTFOLIO_WORDS, known_body, SECURITY_COUNCIL, SELF_REFERRING, SPEAKER_PRONOUNS,
    STANCE_PREFIXES, ORG_NOUNS, STATE_BODIES, STATE_BODY_NOUNS, STATE_ORGS, TITLES, TOWNS_NAMED_FOR_PEOPLE,
    body_state, organisation_of_people,
)
from .nationality import country_in_description, country_words, qualifying_states
from .people import is_name_word, is_office_holder, person_country
from .persons import PersonReader, posting_words
from .pronouns import PronounResolver
from .phrases import (
    PERSON_LABELS, PLACE_LABELS, bare_group_size, clean_entity_text, entity_of, ents_in,
    name_ending_in, noun_phrase_text, partners, says_when, unrecognised_name,
)
from .speakers import (
    dateline_country, document_speaker, joint_authors, sentence_speaker, transcript, vocative, with_voice,
)
from .voice import document_voice

_MAX_RESOLUTION_DEPTH = 16  # nested resolutions in flight; real chains are a few deep
_MAX_RESOLUTION_STEPS = 200  # resolutions one question may set off
#: the pronouns `_resolve_head` reads as pronouns even when tagged otherwise, joined once, not per word
_PERSONAL_PRONOUNS = SPEAKER_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS
#: names that describe rather than name ("the Government", "Allies"), joined once, not per mention
_DESCRIBING_NAMES = SELF_REFERRING | LISTED_MEMBER_NOUNS


def _conjuncts_of_its_name(token: Token) -> list[Token]:
    """"the Republic of Korea and Japan": the parser joins "Japan" to "Korea", the last word of
    the name whose head is "Republic"; the words joined to a name's inner words, after it."""
    ent = entity_of(token)
    names = ("GPE", "ORG")
    if ent is None or len(ent) < 3 or token.i != ent.root.i or token.i == ent.end - 1 or ent.label_ not in names:
        return []
    return [c for t in ent if t.i != token.i for c in t.conjuncts if c.i >= ent.end and c.ent_type_ in names]


def _joined_heads(token: Token) -> list[Token]:
    """The heads `resolve` reads along with `token`: its later conjuncts, those of its name's inner
    words and its partners ("together with"). A reading of the parse alone, kept per word: the
    rules, the model and the sentence's end resolve half the heads more than once."""
    later = [c for c in in_text_order(token.conjuncts) if c.i > token.i]
    return later + _conjuncts_of_its_name(token) + partners(token)


#: an initial with a space after its full stop, before another ("U. N. Security Council", as some
#: pages print "U.N.")
_SPACED_INITIALS = re.compile(r"\b([a-z])\. (?=[a-z]\.)")


class DocumentActors:
    """Resolves the actors of one document, remembering earlier mentions."""

    def __init__(self, doc: Doc, title: str | None = None) -> None:
        self.doc = doc
        self.memory = Memory()
        self.person_reader = PersonReader(doc, self)
        self.pronouns = PronounResolver(self, self.person_reader)
        self._sentence_names: dict[int, list[Actor]] = {}  # token index -> `_names_of`, for the current sentence
        self._names_generation = 0  # how often what `_names_of` reads has changed
        self.countries_named = {country_code(e.text) for e in document_entities(doc) if e.label_ in PLACE_LABELS}
        self.countries_named |= {demonym_code(e.text) for e in document_entities(doc) if e.label_ == "NORP"}
        header_speaker = document_speaker(doc)
        self.dateline_country = dateline_country(document_text(doc))
        turns = transcript(document_text(doc), None)
        # the header wins; then the state of a transcript's speakers ("MR PRICE:" at the podium);
        # then the state the voice model reads in the whole text
        self.document_speaker = header_speaker or with_voice(None, turns.podium_country() or document_voice(doc))
        self._author_named = header_speaker is not None or turns.podium_country() is not None
        self.joint_authors = joint_authors(doc)  # "we" of a joint statement: all its states
        self._transcript = turns.with_default(
            (self.document_speaker.country if self.document_speaker else None) or self.dateline_country)
        if self.document_speaker and self.document_speaker.kind == "PERSON":
            self.person_reader.register(self.document_speaker)
        self._sentence_actors: list[Actor] = []
        self._sentence: Span | None = None
        self._sentence_speaker_cache: dict[int, list[Actor]] = {}
        self._resolving: set[int] = set()  # tokens being resolved now, so cycles end
        self._steps = 0  # resolutions set off by the outermost one in flight
        self._truncated = 0  # resolutions cut short by the two limits above

    # ----- public -------------------------------------------------------------------------

    def resolve(self, token: Token, *, expand: bool = True, remember: bool = True) -> list[Actor]:
        """Actors that the noun phrase headed by `token` stands for ("A and B" gives two)."""
        heads = [token, *kept_answer(token, "joined_heads", _joined_heads)] if expand else [token]
        found: list[Actor] = []
        if not self._resolving:
            self._steps = 0
        for head in heads:
            # A noun's possessor may be a pronoun whose antecedent is found through the same noun
            # ("its ... X's"): a token already being resolved stands for nothing, so it ends;
            # and one question asks at most so many others, so token soup cannot blow it up.
            self._steps += 1
            if (head.i in self._resolving or len(self._resolving) > _MAX_RESOLUTION_DEPTH
                    or self._steps > _MAX_RESOLUTION_STEPS):
                self._truncated += 1
                continue
            self._resolving.add(head.i)
            try:
                for actor in self._resolve_head(head, remember):
                    if actor not in found:
                        found.append(actor)
            finally:
                self._resolving.discard(head.i)
        return found

    def speaker_of(self, token: Token) -> list[Actor]:
        """Who says the sentence of `token`: the subject of its 'say' verb, the speaker of the
        quotation it is in, the named speaker whose turn of a transcript it is in, or the author
        of a statement."""
        sent = self.sentence_of(token)
        if sent.start not in self._sentence_speaker_cache:
            speaker = sentence_speaker(sent, self._speaker_actors)
            self._sentence_speaker_cache[sent.start] = [speaker] if speaker else []
        found = self._sentence_speaker_cache[sent.start]
        if found:
            return found
        quoted_sentence = span_text(sent).lstrip()[:1] in ("“", '"')
        if (self.memory.in_quote or quoted_sentence) and self.memory.speaker:
            return [self.memory.speaker]  # a quotation going on after "..., he said."
        turn = self.turn_speaker(token)
        if turn is not None and turn.name:  # a transcript: whoever has the floor ("MR. KIRBY: ...")
            return [turn]
        if self.joint_authors:  # a joint statement speaks for all its states
            return list(self.joint_authors)
        return [self.document_speaker] if self.document_speaker else []

    def turn_speaker(self, token: Token) -> Actor | None:
        """In a transcript, who has the floor where `token` stands: the person of the last
        speaker label ("MR. KIRBY:"); an Actor without a name for a question ("Q:"); None
        outside transcripts."""
        return self._transcript.speaker_at(token.idx)

    def sentence_of(self, token: Token) -> Span:
        """The sentence of `token`; the current one without a scan (Token.sent walks the doc)."""
        current = self._sentence
        if current is not None and current.start <= token.i < current.end:
            return current
        return token.sent

    def in_quote(self, token: Token, *, carried: bool = False) -> bool:
        """Whether `token` stands inside a quotation opened earlier in its sentence, or, `carried`,
        one a sentence before opened and this one has not yet closed."""
        sent = self.sentence_of(token)
        before = span_text(sent)[:token.idx - sent.start_char]
        opened = before.count("“") + (carried and self.memory.in_quote)
        return opened > before.count("”") or before.count('"') % 2 == 1

    def start_sentence(self, sent: Span) -> None:
        """Find the sentence's speaker, so "we" and "I" inside a quotation find theirs."""
        self._sentence = sent
        self.memory.thing_before_sentence = self.memory.last_thing
        self.memory.person_before_sentence = self.memory.last_person
        self.memory.country_before_sentence = self.memory.last_country
        self.forget_names()
        speaker = sentence_speaker(sent, self._speaker_actors)
        self._sentence_speaker_cache[sent.start] = [speaker] if speaker else []
        if speaker is not None:
            self.memory.speaker = speaker
        elif not self.memory.in_quote and "“" not in span_text(sent):
            self.memory.speaker = None
        self._remember_addressee(sent)

    def _remember_addressee(self, sent: Span) -> None:
        """"Minister Trujillo, it's been a pleasure to meet you": the person a sentence addresses by
        name is whom "you" stands for, until another is addressed. A title alone ("Mr. President")
        addresses the holder of that title named before, else the one the same speaker addressed
        before; addressed by no one known, "you" stands for no one."""
        span = vocative(sent)
        if not span:
            return
        turn = self.turn_speaker(span[0])
        name = sent.doc[span[0].i:span[-1].i + 1]
        bare = TITLES.sub("", span_text(name)).strip()
        if bare and is_office_holder(bare):  # "President Ruto, welcome": the office holder, with their state
            persons = [p for p in [self.person_reader.person(name, bare)] if p is not None]
        else:
            persons = [a for a in self.resolve(span[-1], remember=False) if a.kind == "PERSON"]
        titled = self.memory.by_head.get(span[-1].lemma_.lower())
        same_turn = self.memory.addressee if self.memory.addressee_turn == turn else None
        person = persons[0] if persons else titled or same_turn
        self.memory.addressee = person if person is not None and person.kind == "PERSON" else None
        self.memory.addressee_turn = turn

    def end_sentence(self, sent: Span) -> None:
        """Remember whether a quotation stays open, this sentence's subjects for pronouns in
        the next ones, and the two parties it names for "the two countries" later."""
        self._remember_doers(sent)
        self.memory.meeting_age += 1
        self.memory.judged_age += 1
        text = span_text(sent)
        opens, closes = text.count("“"), text.count("”")
        if opens > closes:
            self.memory.in_quote = True
        elif closes > opens:
            self.memory.in_quote = False
        self._remember_parties(sent)
        self.forget_names()  # "the two ministers", the subject remembered next, reads the parties just named
        self._sentence_actors = []
        self._remember_subjects(sent)

    def forget_names(self) -> None:
        """Drop the names read so far: the memory they were read with has changed."""
        self._sentence_names = {}
        self._names_generation += 1

    def _remember_doers(self, sent: Span) -> None:
        """"North Korea launched a missile ... this launch": who did what each verb says; and
        each noun, by its possessor or by-phrase ("the DPRK's recent launches ... these launches")."""
        for word in span_tokens(sent):
            if word.pos != VERB and word.pos != NOUN:
                continue  # only verbs and nouns say who did them (the parser's numbers: no string per word)
            doers = _doers_named(word)
            found = self.resolve(doers[0], remember=False) if doers else []
            if found:
                for deed in _deeds_named(word):
                    self.memory.doers[deed] = found  # "fired two missiles ... the launches"

    def _remember_parties(self, sent: Span) -> None:
        """The two to five states or persons the sentence names, and the countries it lists
        together ("drafted by Britain, France and Germany"), for "the three powers" later."""
        parties: dict[str, Actor] = {}
        for actor in self._sentence_actors:
            if actor.kind in ("COUNTRY", "PERSON") or actor.country:
                parties.setdefault(actor.party, actor)
        persons = [ent for ent in ents_in(sent) if ent.label_ == "PERSON"] if not parties else []
        if len(persons) >= 2:  # "Austin told Hamada that ... The two men met": persons of a sentence with no event
            for ent in persons:
                for actor in self.resolve(ent.root, remember=False)[:1]:
                    if actor.kind == "PERSON":
                        parties.setdefault(actor.party, actor)
        if 2 <= len(parties) <= 5:
            self.memory.groups[len(parties)] = self.memory.last_parties = tuple(parties.values())
        for token in span_tokens(sent):
            dep = token.dep  # the parser's numbers, asked of every word: no string made per word
            if dep == pobj and token.head.lower_ == "between" and len(token.conjuncts) == 1:
                # "talks between the warring Sudanese army and the Rapid Support Forces": "both parties" later
                sides = [a for t in (token, *token.conjuncts) for a in self.resolve(t, remember=False)[:1]]
                if len(sides) == 2 and sides[0] != sides[1]:
                    self.memory.sides = tuple(sides)
            if dep != conj and token.pos == PROPN and len(token.conjuncts) >= 1:
                named = {a.party: a for a in self.resolve(token, remember=False)
                         if a.kind == "COUNTRY"}
                if 2 <= len(named) <= 5:
                    self.memory.groups[len(named)] = tuple(named.values())

    def _remember_subjects(self, sent: Span) -> None:
        """The sentence's first subject that names actors, for "they", "he" and "it" later;
        "The North's troop dispatch constitutes ...": its possessor acts."""
        for subj in (t for t in span_tokens(sent) if (t.dep == nsubj or t.dep == nsubjpass) and t.pos != PRON):
            group = self.resolve(subj, remember=False)
            if not group:
                group = [a for c in children(subj) if c.dep_ == "poss"
                         for a in self.resolve(c, remember=False)]
            if group:
                self.memory.last_group = group
                if group[0].kind == "ORG" and group[0].country is None and group[0].name in INTERNATIONAL_ORG_NAMES:
                    self.memory.last_organisation = group[0]  # "The Council stressed ... The body condemned"
                if group[0].kind == "PERSON" or _one_official(subj, group):
                    self.memory.last_person = group[0]  # "The representative of China said ... He added"
                else:
                    self.memory.last_thing = group[0]
                return
        # "Guterres, citing rumours, said he had not believed it. He admitted ...": a sentence whose
        # subjects are pronouns passes on the person its first "he" or "she" stands for
        subj = next((t for t in span_tokens(sent) if t.dep == nsubj and t.lower_ in PERSON_PRONOUNS), None)
        person = [a for a in self.resolve(subj, remember=False) if a.kind == "PERSON"] if subj is not None else []
        if person:
            self.memory.last_person = person[0]

    # ----- resolution -----------------------------------------------------------------------

    def _resolve_head(self, token: Token, remember: bool) -> list[Actor]:
        """The actors one head word stands for, by the first reading that finds some: a relative
        or personal pronoun, a titled name, a named entity, a person named before, a common
        noun, a name the recogniser missed, an apposition."""
        if names_no_one(token) or stance_named(token):
            return []
        lower = token.lower_
        if token.tag_ in ("WDT", "WP") and lower in ("which", "who", "whom", "that"):
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            return self.resolve(clause.head, remember=remember) if clause is not None else []
        partitive = partitive_of(token)
        if partitive is not None:
            return self.resolve(partitive, remember=remember)
        group = self._bare_group(token)
        if group:
            return group
        if token.pos_ == "PRON" or (lower in _PERSONAL_PRONOUNS and not (
                token.pos_ == "PROPN" and token.text.isupper() and len(token.text) > 1)):  # "the US strikes": a name
            return self.resolve_pronoun(token)
        person = self._titled_person(token, remember)
        if person:
            return person
        named = self._sentence_names.get(token.i)
        if named is None:
            before = (self._truncated, self._names_generation)
            named = self._names_of(token)
            # a cycle cut short gives a partial answer, and what was learnt meanwhile may change it
            if (self._truncated, self._names_generation) == before:
                self._sentence_names[token.i] = named
        if remember:
            self._remember(named)
        return list(named)

    def _names_of(self, token: Token) -> list[Actor]:
        """The actors a name or common noun stands for: a named entity, a person named before, a
        common noun, a name the recogniser missed, an apposition. The same within a sentence, so
        kept for it (the rules and the model ask about each mention several times)."""
        if says_when(token):
            return []  # "fired the missile at 11:42 p.m. GMT": when, no one
        ent = entity_of(token) or name_ending_in(token)
        if ent is not None and (span_text(ent).lower().removeprefix("the ") in _DESCRIBING_NAMES
                                or ent[-1].lower_ in ("of", "for")):
            ent = None  # a capitalised "the Government" or "Allies" is a description, not a name; nor
            # is "The Ministers of Foreign Affairs of", cut short before the states it names
        if ent is not None and ent.label_ in ("ORG", "FAC", "PERSON") and ent[-1].lower_ in GATHERING_AND_SITE_NAMES:
            return []  # "the Hanoi Summit", "Khobar Towers", "the Wat Sisakat Temple" (taken for a person): a
            # gathering or a site, no one nor any state's
        vessel = next((c for c in children(ent.root) if c.dep_ == "appos" and c.lower_ in PLATFORM_NOUNS), None) \
            if ent is not None else None
        if vessel is not None:  # "visited the Mikuma, a Mogami-class frigate": a vessel, no one; "the
            states = qualifying_states(vessel)  # Novocherkassk, a Russian landing ship": its state's
            return [Actor(country_name(states[0]), "COUNTRY", states[0])] if states else []
        actors = (self._named(ent, token) or self._known_person(token) or self._known_as(token)
                  or from_common_noun(token, self)
                  or _unrecognised_known_name(token, ent) or _unrecognised_place(token, ent)
                  or _unrecognised_organisation(token) or self._apposition(token))
        if ent is not None and token.pos_ == "PROPN":  # names, not "the government"
            actors = _as_written(actors, ent)
        if ent is not None and actors and actors[0].country and token.lemma_.lower() in SELF_REFERRING:
            self.memory.by_head[token.lemma_.lower()] = actors[0]  # "the Government of South Sudan ... the Government"
        if actors and token.lower_.endswith("s") and organisation_of_people(noun_phrase_text(token)):
            self.memory.organisation_people[token.lower_] = actors  # "G7 Ministers ... Ministers urged"
        return actors

    def _titled_person(self, token: Token, remember: bool) -> list[Actor]:
        """"Guyana's President Irfaan Ali": the person, with the title's country if the name
        alone gives none ("The Minister for Europe and Foreign Affairs, Jean-Noël Barrot")."""
        if token.lemma_.lower() not in NAME_TITLES:
            return []
        named = [c for c in children(token) if c.dep_ in ("appos", "compound", "flat") and c.ent_type_ == "PERSON"
                 and c.i > token.i]
        if not named:
            portfolio = [entity_of(g) for c in children(token) if c.dep_ == "prep" and c.lower_ in ("of", "for")
                         for g in children(c) if g.dep_ == "pobj" and g.ent_type_ == "ORG"]
            holder = (self.person_reader.portfolio_holder(portfolio[0])
                      if portfolio and portfolio[0] is not None else None)
            if holder is None and (name := _name_after_portfolio(token)) is not None:
                holder = self.person_reader.person(name, span_text(name))
                person = [holder] if holder is not None else []
                return self._with_titles_state(token, person)
            return [holder] if holder else []
        return self._with_titles_state(token, self._resolve_head(named[-1], remember))

    def _with_titles_state(self, token: Token, person: list[Actor]) -> list[Actor]:
        """A titled person with the title's state where the name gives none ("the Colombian
        Minister of Defense Diego Molano": Colombia's)."""
        if person and person[0].kind == "PERSON" and not person[0].country:
            title = [a.country for a in from_common_noun(token, self) if a.country]
            if title:
                person = [replace(person[0], country=title[0])]
                self.person_reader.register(person[0])
        return person

    def _named(self, ent: Span | None, token: Token) -> list[Actor]:
        """The actor a named entity stands for: a state, person, organisation or armed group."""
        actor = self._from_entity(ent, token) if ent is not None else None
        return [actor] if actor else []

    def _known_as(self, token: Token) -> list[Actor]:
        """"the Iranian-backed Shiite rebels, known as Houthis": a description of a group or body
        followed by the name its bearer is known by (data `naming_participles`) is the named
        group, where the name is one of a group, body or state ("a Greek tanker called Sounion"
        keeps its state; "dubbed 'the Wagner of Africa'" is a likeness, in quotes)."""
        if token.pos_ != "NOUN" or not (token.lemma_.lower() in _BODY_WORDS or token.lower_ in _BODY_WORDS):
            return []
        names = [g for c in children(token) if c.dep_ == "acl" and c.lower_ in NAMING_PARTICIPLES
                 for g in [*(o for p in children(c) if p.dep_ == "prep" and p.lower_ == "as" for o in children(p)
                             if o.dep_ == "pobj"),
                           *(o for o in children(c) if o.dep_ in ("oprd", "dobj", "attr"))]
                 if g.pos_ == "PROPN" and not any(t.is_quote for t in token.doc[g.left_edge.i - 1:g.i])]
        found = self._resolve_head(names[0], remember=False) if names else []
        return [a for a in found if a.kind != "PERSON"]

    def _known_person(self, token: Token) -> list[Actor]:
        """A capitalised word that is a person named before, or an office holder the
        dictionaries know: the recogniser missed "Zelenskyy", and "Trump" opening a sentence."""
        if token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper():
            known = self.memory.persons.get(normalise_name(token.text))
            if known:
                return [known]
            if token.pos_ == "PROPN" and not token.ent_type_:
                name = token.doc[min([token.i, *(c.i for c in children(token) if c.dep_ in ("compound", "flat")
                                                 and c.pos_ == "PROPN" and not c.ent_type_)]):token.i + 1]
                # one word only where a sentence opens with it, where the recogniser misses most names,
                # or after a title ("Minister of Defense Nakatani"): elsewhere a lone capitalised word
                # is as often a place or a thing as a minister
                titled = any(c.dep_ in ("compound", "nmod") and c.lower_ in PERSON_TITLES for c in children(token))
                if is_office_holder(name.text) and (len(TITLES.sub("", name.text).split()) > 1 or token.is_sent_start
                                                    or titled):
                    person = self.person_reader.person(name, name.text)
                    return [person] if person else []
        return []

    def _apposition(self, token: Token) -> list[Actor]:
        """"the national airline Iran Air": the named apposition says who."""
        for child in children(token):
            if child.dep_ == "appos" and child.ent_type_:
                return self._resolve_head(child, remember=False)
        return []

    def _remember(self, actors: list[Actor]) -> None:
        """Keep the sentence's actors, and the last person and thing, for later mentions."""
        self._sentence_actors.extend(actors)
        for actor in actors:
            if actor.kind == "PERSON":
                self.memory.last_person = actor
            else:
                self.memory.last_thing = actor
            if actor.kind == "COUNTRY":
                self.memory.last_country = actor

    def _bare_group(self, token: Token) -> list[Actor]:
        """"Both condemned ...", "All three agreed", "the two met": a number that stands alone as
        a subject names the parties who just met, or those last named together, of that size."""
        size = bare_group_size(token) if token.dep_ in ("nsubj", "nsubjpass") else 0
        if not size:
            return []
        meeting = self.memory.recent_meeting()
        return list(meeting) if len(meeting) == size else list(self.memory.groups.get(size, ()))

    @property
    def home_country(self) -> str | None:
        """The state whose unqualified ministries and officials a text names: its author's, or a
        wire story's dateline's ("MANILA, Aug 5 (Reuters) - The foreign ministry summoned ..."), which
        outweighs the state the voice model reads in the text (an AP story from Manila that quotes
        Washington is no American statement)."""
        speaker = self.document_speaker.country if self.document_speaker else None
        if self._author_named:
            return speaker or self.dateline_country
        return self.dateline_country or speaker

    def resolve_pronoun(self, token: Token) -> list[Actor]:
        """What a pronoun stands for (`pronouns.PronounResolver`)."""
        return self.pronouns.resolve(token)

    def _from_entity(self, ent: Span, token: Token) -> Actor | None:
        """The actor an entity names, read first by its words (an armed group, a weapon, a
        state, a body's people), then by the recogniser's label, which small models often get
        wrong ("Lavrov" as an organisation, "DoD" as a person, "the North Koreans" as a place)."""
        posting = posting_words(ent) if token.i >= ent.start + 2 else 0
        if posting:  # "Ambassador to [the UN] Kelly Craft": the recogniser ran the posting into the name
            ent = ent.doc[ent.start + posting:ent.end]
            return self.person_reader.person(ent, clean_entity_text(ent))
        text = clean_entity_text(ent)
        label = ent.label_
        group = _LEADING_THE.sub("", text.lower())
        armed = _longer_armed_group(ent) or _armed_group(text)
        if armed is not None:  # whatever label the recogniser gave "the Houthis"
            return armed
        if group in MATERIEL_NOUNS and label not in PERSON_LABELS:
            return None  # "UAV attacks", "sent Patriots": the recogniser takes a weapon's name for an actor
        code = country_code(text) or (demonym_code(text) if len(ent) == 1 and ent[0].pos_ == "ADJ" else None)
        if code and label in PLACE_LABELS | {"ORG", "NORP", "PERSON"}:  # "Azerbaijani" tagged a person
            return Actor(country_name(code), "COUNTRY", code)
        people_of = organisation_of_people(text)
        if people_of:  # "G7 Ministers", which the recogniser may take for a person
            return Actor(people_of, "ORG", None)
        if label == "ORG" and _titled_name(ent):  # "spokeswoman Morgan Ortagus", taken for an organisation
            return self.person_reader.person(ent, text)
        if label in PERSON_LABELS:
            return self._from_person_entity(ent, text, group)
        if label in PLACE_LABELS | {"ORG"}:
            if is_office_holder(text):  # the recogniser takes "Lavrov" for an organisation
                return self.person_reader.person(ent, text)
            found = self._from_place_entity(ent, token, text, group)
            if found is not None:
                return found
            if label != "ORG" and _body_of_own_tables(group, text):  # "The IRGC attacked", tagged as a place
                return self.organisation(ent, text)
        if label == "NORP":
            return self._from_people_entity(ent, token, text)
        if label == "ORG":
            if group.split()[-1] in INSTRUMENT_NAMES:
                return None  # "the United Nations Charter": a text, not its authors
            return self.person_reader.portfolio_holder(ent) or self.organisation(ent, text)
        return None

    def _from_person_entity(self, ent: Span, text: str, group: str) -> Actor | None:
        """A "person" of the recogniser: a body it took for one ("DoD", "NATO", not "Mr. West"),
        a city ("Kharkiv"), else the person; not a kind of text ("Readout of Secretary ...'s Call":
        the words of joint_authors' `texts`)."""
        if _body_of_own_tables(group, text):
            return self.organisation(ent, text)
        if len(ent) == 1 and ent[0].lower_ in JOINT_TEXTS:
            return None
        if len(ent) == 1:
            city = self._city_taken_for_person(ent[0], text)
            if city is not None:
                return city
        return self.person_reader.person(ent, text)

    def _from_place_entity(self, ent: Span, token: Token, text: str, group: str) -> Actor | None:
        """A place or organisation of the recogniser that is a person named before, a city's or a
        people's state, or a body named for a place; None where none of these."""
        known = self.memory.persons.get(normalise_name(text)) if len(ent) == 1 or (
            len(ent) == 2 and ent[0].lower_ in NAME_PARTICLES) else None  # "Langley", "De Riviere"
        if known is not None:  # "a trip by Langley" after "Gen. Michael E. Langley": him, not Langley, Canada
            return known
        # "warning the North Koreans": a people the recogniser took for a place
        code = city_country(text) or (demonym_code(group) if token.tag_ in ("NNPS", "NNS") else None)
        if code:
            return Actor(country_name(code), "COUNTRY", code)
        if ent.label_ in PLACE_LABELS and token.i == ent.end - 1 and group.split()[-1] in ORGANISATION_NAME_HEADS:
            # "the Indian Ocean Rim Association", which the recogniser took for a place: a body
            # of the tables, else one by its name, whose place words name no state ("Indian Ocean")
            return Actor(INTERNATIONAL_ORGS.get(group) or _ARTICLE.sub("", text), "ORG", None)
        return None

    def _from_people_entity(self, ent: Span, token: Token, text: str) -> Actor | None:
        """A nationality: "the Russians" their state; "Russian troops" read as the noun it qualifies."""
        code = demonym_code(text)
        if code is None:
            return None
        if token.i < ent.end - 1:
            found = from_common_noun(token, self)
            return found[0] if found else None
        return Actor(country_name(code), "COUNTRY", code)

    def _city_taken_for_person(self, token: Token, text: str) -> Actor | None:
        """"Russian drones struck Kharkiv": the small recogniser tags some cities as persons. A
        one-word "person" that is a city of the tables stands for its state where a place is
        likelier: not a subject (a person acts, a city is acted on), with no title or nationality
        before it ("Japanese Ambassador Kano"), no one of the text with a longer name ending in it
        ("Mehmet Kaya ... Kaya"), and no office holder or earlier person of that name; nor in a
        state whose towns are often named after people (data `towns_named_for_people`: Austin)."""
        code = city_country(text)
        if (code is None or code in TOWNS_NAMED_FOR_PEOPLE or is_name_word(text)
                or normalise_name(text) in self.memory.persons or token.dep_ == "nsubj"):
            return None
        before = token.doc[token.i - 1] if token.i else None
        if before is not None and (before.ent_type_ == "NORP" or TITLES.match(before.text + " ")
                                   or before.lower_.rstrip(".") in PERSON_TITLES):
            return None
        if any(ent.label_ in PERSON_LABELS and len(ent) > 1 and ent[-1].lower_ == token.lower_
               for ent in document_entities(token.doc)):
            return None
        return Actor(country_name(code), "COUNTRY", code)

    def organisation(self, ent: Span, text: str) -> Actor | None:
        key = _SPACED_INITIALS.sub(r"\1.", text.lower().removeprefix("the ").strip())  # "U. N." is "U.N."
        owner_ent = next((e for c in children(ent.root) if c.dep_ == "poss" and (e := entity_of(c)) is not None), None)
        # the owner the recogniser tagged apart ("the African Union's | Peace and Security Council"),
        # else the one the name holds ("the African Union's Peace and Security Council")
        owner, owned = ((_ARTICLE.sub("", clean_entity_text(owner_ent)), key) if owner_ent is not None
                        else _possessor(_ARTICLE.sub("", text)))
        joined = INTERNATIONAL_ORGS.get(f"{owner} {owned}".lower()) if owner else None
        if joined:  # the table's name of the owner's body
            return Actor(joined, "ORG", None)
        state = country_code(owner) if owner_ent is not None else None
        if state and is_state_code(state) and key in INTERNATIONAL_ORGS:
            # "Russia's | Security Council": the state's own council, not the organisation's of that name
            return Actor(f"{country_name(state)} {_ARTICLE.sub('', text)}", "ORG", state)
        longer = _name_going_on(ent)
        if longer:  # "Economic Community [of West African States]": the recogniser cut the name at 'of'
            return Actor(longer, "ORG", None)
        body = self.body_meant(key)
        if body:
            return Actor(body, "ORG", None)
        if key in INTERNATIONAL_ORGS:
            return Actor(INTERNATIONAL_ORGS[key], "ORG", None)
        armed = _armed_group(text)
        if armed is not None:
            return armed
        name = _ARTICLE.sub("", text)
        leaders = _leaders_government(name)
        if leaders is not None:
            return leaders
        if key in STATE_ORGS and STATE_ORGS[key]:  # the table's state, unless a possessor says another's
            other = country_words(ent)
            if other and other != STATE_ORGS[key]:  # "Pakistan's Foreign Office": its name says whose, so
                return Actor(f"{country_name(other)} {name}", "ORG", other)  # it is not Britain's node too
            return Actor(name, "ORG", STATE_ORGS[key])
        known = _state_organ_prefix(name)
        if known:
            return known
        country = country_words(ent) or country_in_description(ent, self.memory.persons)
        owner, owned = _possessor(name)
        if country is None and owner:  # "the Islamic Revolutionary Guard Corps' Quds Force"
            country = body_state(owner) or country_code(owner)
        if country is None:
            country = next((code for words, code in _STATE_ORG_ENDINGS if key.endswith(words)), None)
        if country is None and _MINISTRY_WORD.match(key):
            country = self.home_country  # the statement's own, or the wire story's
        return Actor(owned, "ORG", country)  # "South Korea's National Security Council": the Council

    def _speaker_actors(self, subject: Token) -> list[Actor]:
        """The actors a "say" verb's subject names, without changing what is remembered."""
        return self.resolve(subject, expand=False, remember=False)

    def focus_country(self) -> str | None:
        """The state the text is about: named at least three times, more often than any other,
        and not the author's own."""
        return self._focus

    @cached_property
    def _focus(self) -> str | None:
        own = {self.document_speaker.country if self.document_speaker else None, None}
        return _named_most((code for ent in document_entities(self.doc) if ent.label_ in PLACE_LABELS | {"NORP"}
                            for text in [span_text(ent)] for code in [country_code(text) or demonym_code(text)]
                            if code not in own), 3)

    def place_focus(self) -> str | None:
        """The state the text's events happen in: named after "in" at least twice, more often than
        any other ("attacks on civilians" in a statement on Syria that names Russia more often)."""
        return self._place_focus

    @cached_property
    def _place_focus(self) -> str | None:
        return _named_most((code for ent in document_entities(self.doc) if ent.label_ in PLACE_LABELS
                            and ent.start > 0 and self.doc[ent.start - 1].lower_ in ("in", "inside", "across")
                            for text in [span_text(ent)] for code in [country_code(text) or city_country(text)] if code), 2)

    def body_meant(self, word: str) -> str | None:
        """The body a text names by one word: "Parliament", "the Commission" and "the Council" of a
        European Union text are the Union's ("They insist on the Council to adopt restrictive
        measures" in a European Parliament resolution), where the text does not name the
        Security Council; elsewhere "the Council" is the Security Council. "The Alliance" of a
        text that names NATO is NATO."""
        word = word.lower()
        if word == "alliance":  # "The Alliance remains united" in a NATO text: NATO
            return NATO if self._names_nato else None
        if word not in EU_BODIES:
            return None
        eu_text, names_security_council, names_another_council = self._institutions_named
        if word == "council" and not names_security_council and len(self._councils_named) == 1:
            # "The European Council on Thursday agreed ... The Council reiterated its support": the
            # one council of the tables the text names, whether or not the text is the Union's
            return next(iter(self._councils_named))
        if eu_text and not (word == "council" and names_security_council):
            return EU_BODIES[word]
        # "North Atlantic Council statement ... We condemn": a council of the text's own, named as it is
        if word != "council" or names_another_council and not names_security_council:
            return None
        return SECURITY_COUNCIL

    @cached_property
    def _names_nato(self) -> bool:
        """Whether the text names NATO, whose "the Alliance" is NATO (read once per document)."""
        return bool(NAMES_NATO.search(document_text(self.doc)))

    @cached_property
    def _councils_named(self) -> set[str]:
        """The canonical names of the councils of the tables the text's organisations name."""
        return {INTERNATIONAL_ORGS[key] for ent in document_entities(self.doc) if ent.label_ == "ORG"
                for key in [clean_entity_text(ent).lower().removeprefix("the ")]
                if "council" in key.split() and key != "council" and key in INTERNATIONAL_ORGS
                and "Council" in INTERNATIONAL_ORGS[key].split()}

    @cached_property
    def _institutions_named(self) -> tuple[bool, bool, bool]:
        """Whether the text is the European Union's, whether it names the Security Council, and
        whether it names another council."""
        text = document_text(self.doc)
        return bool(EU_TEXT.search(text)), bool(NAMES_THE_COUNCIL.search(text)), bool(NAMES_ANOTHER_COUNCIL.search(text))

    def sentence_country(self, token: Token) -> str | None:
        """The one state the sentence of `token` names, by name, people or place, if only one."""
        codes = {country_code(e.text) or (demonym_code(e.text) if e.label_ == "NORP" else city_country(e.text))
                 for e in ents_in(self.sentence_of(token)) if e.label_ in PLACE_LABELS | {"NORP"}} - {None}
        return codes.pop() if len(codes) == 1 else None

    def nearby_country(self, token: Token) -> str | None:
        """The country of a person in the same sentence ("Kim said the government ..."), else of the
        person named last, unless he is the author's countryman (the ambassador who speaks)."""
        for ent in ents_in(self.sentence_of(token)):
            if ent.label_ in PERSON_LABELS:
                person = self.memory.persons.get(normalise_name(TITLES.sub("", ent.text)))
                if person and person.country:
                    return person.country
        last = self.memory.last_person
        speaker = self.document_speaker
        if last is None or speaker is not None and last.country == speaker.country:
            return None  # "The government must grant MINUSMA access" in a British statement on Mali: not Britain's
        return last.country


def _doers_named(word: Token) -> list[Token]:
    """Who a verb or noun says did it: a verb's subject other than a pronoun; a noun's by-phrase
    first ("Taiwan's blockade by the Chinese navy" is China's), else its possessor, else for a
    deed noun its nationality ("Chinese drills ... the exercises")."""
    # asked of every verb and noun of the text: the parser's numbers, not strings made per word
    if word.pos == VERB:
        return [c for c in children(word) if c.dep == nsubj and c.pos != PRON][:1]
    if word.pos != NOUN:
        return []
    doers = [g for c in children(word) if c.dep == _AGENT or (c.dep == _PREP and c.lower_ == "by")
             for g in children(c) if g.dep == pobj][:1]
    doers = doers or [c for c in children(word) if c.dep == _POSS and c.pos != PRON
                      and c.ent_type_ not in ("DATE", "TIME")][:1]
    if not doers and word.lemma_.lower() in DEED_NOUNS:
        doers = [c for c in children(word) if c.dep in _NATIONAL_MODIFIER_DEPS and c.ent_type_ == "NORP"][:1]
    return doers


#: dependency labels `_doers_named` reads, as the string store's numbers (`Token.dep`; "compound"
#: has no symbol of spaCy's, so all are looked up alike)
_AGENT, _PREP, _POSS = (get_string_id(label) for label in ("agent", "prep", "poss"))
_NATIONAL_MODIFIER_DEPS = frozenset(get_string_id(label) for label in ("amod", "compound"))


def _deeds_named(word: Token) -> list[str]:
    """The words a later mention of what `word` says may use: its lemma and the deed nouns for it,
    and for a verb of doing the things done ("launched military drills ... the drills")."""
    lemma = word.lemma_.lower()
    deeds = [lemma, *DEED_NOUNS.get(lemma, [])]
    if word.pos_ == "VERB" and lemma in DOING_VERBS:
        done = [c.lemma_.lower() for c in children(word) if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        deeds += [d for thing in done for d in (thing, *DEED_NOUNS.get(thing, []))]
    return deeds


def _named_most(codes: Iterable[str], at_least: int) -> str | None:
    """The state named at least `at_least` times and more often than any other, if one is."""
    ranked = Counter(codes).most_common(2)
    if ranked and ranked[0][1] >= at_least and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


_POSSESSOR = re.compile(r"^(.*?)(?:['’]s|(?<=s)['’])\s+(?=\S)")


def _possessor(name: str) -> tuple[str | None, str]:
    """"South Korea's National Security Council" -> ("South Korea", "National Security Council");
    "the IRGC’s Quds Force", "the Revolutionary Guards’ Quds Force" alike; a name with no
    possessive -> (None, name)."""
    found = _POSSESSOR.match(name)
    return (found.group(1), name[found.end():]) if found else (None, name)


#: the state bodies of kgraph's table as the last words of a longer name ("the U.S. Department
#: of State"), each with a space before it so that a word ends there
_STATE_ORG_ENDINGS = tuple((" " + words, code) for words, code in STATE_BODIES.items() if code)


#: the words by which `DocumentActors._resolve_head` reads a lower-case common noun
_ACTOR_NOUN_WORDS = RULE_WORDS | PARTITIVES | NAME_TITLES | SPEAKER_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS


def stance_named(token: Token) -> bool:
    """A name that says whom a group favours or opposes ("a pro-Iran armed group", "anti-American
    militias"): the word before its hyphen is a stance prefix (data: `stance_prefixes`)."""
    prefix = hyphen_joined(token)
    return prefix is not None and prefix.lower_ in STANCE_PREFIXES


def names_no_one(token: Token) -> bool:
    """A lower-case common noun that no reading takes for actors ("the strikes", "peace"): none
    of the words the rules read nouns by, no capitalised word or entity in its phrase, and
    neither it nor its phrase a country's name. Most nouns of a text are such (4,600 of 5,150
    in the training set), and the question is far cheaper than the readings it saves. Answered
    once per word: the rules and the model ask about most nouns more than once."""
    return kept_answer(token, "names_no_one", _names_no_one)


def _names_no_one(token: Token) -> bool:
    if token.pos_ != "NOUN" or token.lower_ in _ACTOR_NOUN_WORDS or token.lemma_.lower() in _ACTOR_NOUN_WORDS:
        return False
    if any(t.ent_type_ or any(ch.isupper() for ch in t.text) for t in token.subtree):  # the noun itself too
        return False
    if token.lower_.isalpha() and token.lower_ not in name_words():
        return True  # neither the word nor its phrase can be a country's name: the word is in none
    # "the central african republic": as `common_nouns.a_country_name` reads it
    return not (country_code(noun_phrase_text(token)) or country_code(token.text))


#: words of a body's name, which no person's name holds
_BODY_WORDS = frozenset(STATE_BODY_NOUNS | ORG_NOUNS | PORTFOLIO_WORDS)


def _body_of_own_tables(group: str, text: str) -> bool:
    """Whether a name the recogniser took for a person or a place is a body of kgraph's own
    tables ("DoD", "the IRGC"), or an international organisation written in capitals ("NATO");
    not any of Phoenix's aliases, which include "car" (an Ecuadorian group, not the Central
    African Republic)."""
    return group in STATE_BODIES or group in INTERNATIONAL_ORGS and text.isupper()


def _titled_name(ent: Span) -> bool:
    """Whether an entity right after a person's title is a name of two or three capitalised
    words that name no body ("spokeswoman Morgan Ortagus", not "Minister of Defence Forces")."""
    words = list(ent)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.lower_ in PERSON_TITLES and 2 <= len(words) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _BODY_WORDS for t in words)
            and (name := clean_entity_text(ent).lower()) not in INTERNATIONAL_ORGS and name not in STATE_ORGS)


def _state_organ_prefix(name: str) -> Actor | None:
    """The state organ whose name begins a longer one the recogniser ran on ("Royal Air Force
    Typhoons conducted strikes": the RAF, the United Kingdom's); only organs of a state, whose
    key is their state, so an international body's unlisted branch keeps its own name."""
    words = name.split()
    for size in range(len(words) - 1, 1, -1):
        country = STATE_ORGS.get(" ".join(words[:size]).lower())
        if country:
            return Actor(" ".join(words[:size]), "ORG", country)
    return None


def _unrecognised_place(token: Token, ent: Span | None) -> list[Actor]:
    """"Russia shelled Kharkiv", "a siege by the RSF on El Fasher": a city the recogniser left
    untagged stands for its state, as a tagged one does (`_from_entity`)."""
    if ent is not None or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.dep_ in ("compound", "flat"):
        return []
    parts = [c for c in children(token) if c.dep_ in ("compound", "flat")]
    if any(p.pos_ != "PROPN" or p.i > token.i for p in parts):
        return []
    # a longer name is a city only as a whole: "El Fasher" is; "Jackson Hole", "Mr Lincoln" are not
    name = span_text(token.doc[min(p.i for p in parts):token.i + 1]) if parts else token.text
    code = city_country(name)
    return [Actor(country_name(code), "COUNTRY", code)] if code else []


def _leaders_government(name: str) -> Actor | None:
    """"the Albanese Government", "the Sunak administration": a government named after its
    leader, whom the dictionaries know, is that leader's state (data `self_referring`)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in SELF_REFERRING:
        return None
    code = person_country(" ".join(words[:-1]))
    return Actor(country_name(code), "COUNTRY", code) if code else None


def _unrecognised_known_name(token: Token, ent: Span | None) -> list[Actor]:
    """"Iran plans to arm the Houthis", "Côte d'Ivoire condemned Mali": an armed group, an
    organisation or a country the tables know, which the recogniser left untagged (it tags the
    same name in "Iran arms the Houthis") and the parser may have split."""
    if ent is not None or token.pos_ != "PROPN":
        return []
    run = _proper_noun_run(token)
    armed = _armed_group(run.text)
    if armed is not None:
        return [armed]
    key = run.text.lower()
    if STATE_ORGS.get(key):
        return [Actor(run.text, "ORG", STATE_ORGS[key])]
    if key in INTERNATIONAL_ORGS and len(key) > 3:  # not a bare acronym the recogniser chose not to tag
        return [Actor(INTERNATIONAL_ORGS[key], "ORG", None)]
    code = country_code(run.text) if len(run) > 1 and run[0].text[:1].isupper() else None
    if code is None and len(run) == 1 and token.dep_ in ("compound", "amod") and token.text[:1].isupper():
        code = demonym_code(token.text)  # "the U.S.-Philippine alliance": a nation's word the recogniser left untagged
    return [Actor(country_name(code), "COUNTRY", code)] if code else []


#: the article before a name, taken off a label ("the Kremlin" -> "Kremlin"), and off a lower-case key
_ARTICLE = re.compile(r"^(the|The)\s+")
_LEADING_THE = re.compile(r"^the\s+")
_MINISTRY_WORD = re.compile(r"(department|ministry|secretary|office)\b")
_DIGIT = re.compile(r"\d")


def _armed_group(text: str) -> Actor | None:
    """"the Houthis", "Hezbollah", "the Houthi militia": an armed group of the tables, by its name as
    written (after it, a word for such a group: data armed_group_nouns), with the state it belongs to, if one."""
    key = _LEADING_THE.sub("", text.lower()).strip()
    name, _, last = key.rpartition(" ")
    if key not in ARMED_GROUPS and last in ARMED_GROUP_NOUNS and name in ARMED_GROUPS:
        key = name  # "the Houthi militia", "Houthi rebels", "the Islamic State group": the group's own
    return Actor(_ARTICLE.sub("", text), "GROUP", STATE_ORGS.get(key)) if key in ARMED_GROUPS else None


def _longer_armed_group(ent: Span) -> Actor | None:
    """"Kata'ib Hezbollah" where the recogniser tagged only "Hezbollah": an armed group of the tables
    whose name goes on before the entity, in the proper nouns just before it (the table decides)."""
    first = _proper_noun_run(ent.doc[ent.start]).start
    return next((group for start in range(ent.start - 1, first - 1, -1)
                 if (group := _armed_group(ent.doc[start:ent.end].text)) is not None), None)


def _proper_noun_run(token: Token) -> Span:
    """The proper nouns right before `token` (at most three), `token` last: a name the parser may have
    split ("Côte" hung on the verb, "d'Ivoire" its subject); callers accept it only as a whole name."""
    start = token.i
    while start > token.i - 3 and start > 0 and not token.doc[start].is_sent_start \
            and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start:token.i + 1]


def _name_going_on(ent: Span) -> str | None:
    """The international organisation whose name an entity begins and capitalised words after
    'of' go on with ("Economic Community" + "of West African States")."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    end = ent.end + 1
    while end < len(doc) and end - ent.end <= 6 and (doc[end].is_title or doc[end].lower_ in ("the", "and", "of")):
        end += 1
    start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
    for stop in range(end, ent.end + 1, -1):
        found = INTERNATIONAL_ORGS.get(doc[start:stop].text.lower())
        if found:
            return found
    return None


def _unrecognised_organisation(token: Token) -> list[Actor]:
    """"Human Rights Watch": a multi-word name the recogniser missed, as an organisation; a
    person's after a title ("SRSG Salvador")."""
    if not unrecognised_name(token):
        return []
    phrase = token.doc[token.left_edge.i:token.i + 1]
    words = [t for t in phrase if t.dep_ in ("compound", "flat") or t.i == token.i]
    titled = [i for i, t in enumerate(words[:-1]) if t.lower_ in PERSON_TITLES]
    if titled:  # "AU High Representative Olusegun Obasanjo": the person, by name
        return [Actor(" ".join(t.text for t in words[titled[-1] + 1:]), "PERSON", country_words(phrase))]
    return [Actor(" ".join(t.text for t in words), "ORG", country_words(phrase))]


def _as_written(actors: list[Actor], ent: Span) -> list[Actor]:
    """The actors with the name as the text writes it ("the Kremlin", "President Biden" ->
    "Kremlin", "Biden"), unless it holds a number."""
    surface = _ARTICLE.sub("", clean_entity_text(ent))
    surface = TITLES.sub("", surface) if ent.label_ in PERSON_LABELS else surface
    if _DIGIT.search(surface):
        return actors
    return [replace(a, surface=surface) for a in actors]


def _one_official(subject: Token, group: list[Actor]) -> bool:
    """Whether a subject is one official named by office, not by name ("The representative of
    China", "the Chinese ambassador"), whom "he" and "she" may stand for later as for a person."""
    return (len(group) == 1 and (subject.tag_ == "NN" or subject.tag_ == "NNP" and not subject.ent_type_)
            and subject.lemma_.lower() in ONE_PERSON_OFFICES  # "The French President": NNP, named by no one
            and not any(c.dep_ == "conj" for c in children(subject)))


def _a_name(text: str) -> bool:
    """Whether words left after a title look like a person's name ("Trujillo", "Kihara Minoru"):
    one to four capitalised words, not an acronym ("SRSG") nor a state's name."""
    words = text.split()
    return 1 <= len(words) <= 4 and country_code(text) is None and all(
        w[:1].isupper() and any(ch.islower() for ch in w) and re.sub(r"[-'’.]", "", w).isalpha() for w in words)


def _one_organisations_name(title: Token, word: Token) -> bool:
    """Whether a title and a word after it are in one organisation's name, as the recogniser
    reads it ("the Libyan Government of National Accord": no person "Accord")."""
    ent = entity_of(title)
    return ent is not None and ent.label_ == "ORG" and ent.start <= word.i < ent.end


def _name_after_portfolio(title: Token) -> Span | None:
    """'Minister of Defense Diego Molano', 'Secretary of State Blinken': the name after a title's
    portfolio (data portfolio_words), which the parser runs into the portfolio's phrase; None
    where the phrase holds no such name ('Minister of Foreign Affairs', 'Minister of Colombia')."""
    for prep in children(title):
        objects = [g for g in children(prep) if g.dep_ == "pobj" and g.pos_ == "PROPN"] \
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for") else []
        if not objects:
            continue
        words = list(title.doc[prep.i + 1:objects[0].i + 1])
        portfolio = next((i for i, t in enumerate(words) if t.lower_ not in PORTFOLIO_WORDS), len(words))
        rest = words[portfolio:]
        if portfolio and rest and all(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in rest) \
                and _a_name(" ".join(t.text for t in rest)) and not _one_organisations_name(title, rest[-1]) \
                and not known_body(" ".join(t.text for t in words)):  # "of the European Union": no person "Union"
            return title.doc[rest[0].i:objects[0].i + 1]
        return None
    return None
