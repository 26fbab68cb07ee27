"""Benchmark of the recommendation engine (issue 5): 10,000 synthetic profiles with planted
complementary pairs — a seeker looks for what a partner offers, worded differently — and the
recall@10 of the planted partner in the seeker's list, with the seconds for all 10,000 lists.

    .venv/bin/python bench/recommend.py [--engine default|no-concepts|words-only] [--seed N]
                                        [--planted N] [--details] [--write-input FILE]

prints one JSON line: {"profiles", "planted", "recall_at_10", "seconds"} (wall-clock seconds of
`recommend` for everyone); --details adds CPU seconds, the recall of mutual and one-way pairs, and
how much the planted need and offer phrases share word for word; --write-input saves the profiles
as input for `clustermeet recommend`. --demo-phrases measures instead how the engine pairs the
demo's mirrored offers and needs, which are mostly pure synonyms (see `demo_phrases`).

Generator (deterministic, seed 1). A concept is an action on an object for a setting — "recycling
of titanium handles for printers and publishers" — made of four parts: action (10), material (72)
and product (45) forming the object, and sector or setting (36). Every part has three paraphrases
and the object three forms ("{m} {p}", "{p} made of {m}", "{p} from {m}").

- 400 planted pairs. The partner's offer uses a different paraphrase of every one of the four
  parts from the seeker's need: "recycling of titanium handles and knobs for printers and
  publishers" / "titanium alloys handles recycling for printing houses". Half of the pairs are
  mutual: the partner also looks for what the seeker offers, again worded differently.
- Each pair has two objects (material × product) of its own — what the seeker looks for and what
  the seeker offers — named by nobody but the pair and its distractors, so that the planted
  partner is the one best complementary match; materials, products, actions and sectors on their
  own are shared with many others.
- Four distractors a pair: one looks for the same thing (a rival seeker, not a match), one offers
  what the seeker offers (a competitor, not a match), one offers the seeker's object in the
  seeker's very words for another sector, one does another action on it in the seeker's words.
- Everyone else offers and looks for one or two generic things ("market studies", "investors"),
  half of them for a broad sector ("in manufacturing"), and 5% of the items a concept that is not
  planted. Offerings carry 0–2 sentences of self-description ("Founded in 1998."); 2% of the
  background have empty texts. Organisations of 1–5 people (planted partners never colleagues),
  ecosystems from the materials named (plus a random one for 30%), countries and languages.

Bank. Written for this benchmark, not taken from the engine's concept list (CONCEPTS in
src/clustermeet/networking/matching/text.py); the two share only the ordinary vocabulary of the
field. The paraphrases of a part keep its key term in another form — inflection, word order,
companion words, spelling ("supply of" / "supplies" / "supplying"; "recycled aluminium" /
"secondary aluminium" / "aluminium scrap"); a few share only part of a multi-word term
("lithium iron phosphate" / "LFP lithium cells"). Pure synonyms ("GaN" / "gallium nitride") are
left out on purpose: a lexical engine cannot bridge them; --demo-phrases measures that case, and
docs/benchmarks.md gives the figures of the earlier versions of this bank that had them.
`--engine no-concepts` runs the engine without its concept list, `words-only` as plain word
TF-IDF (no character n-grams, no concepts)."""

import argparse
import importlib.util
import json
import random
import re
import runpy
import time
from pathlib import Path

from clustermeet.networking.matching.ranking import Profile, recommend
from clustermeet.networking.matching.text import TfidfEngine


def _bank(text: str) -> tuple:
    """Parse a bank: one entry a line (continued after a trailing '|'), "a | b | c", optionally
    prefixed with "ecosystem: "."""
    entries = []
    for line in re.sub(r"\|\s*\n\s*", "| ", text).strip().splitlines():
        head, _, rest = line.strip().partition(": ")
        if rest:
            entries.append((head, tuple(p.strip() for p in rest.split("|"))))
        else:
            entries.append(tuple(p.strip() for p in line.split("|")))
    return tuple(entries)


# what is done with an object; {o} is the object
ACTIONS = _bank(
    """
    supply of {o} | {o} supplies | supplying {o}
    testing of {o} | {o} testing services | tests of {o}
    design of {o} | {o} design services | designing {o}
    recycling of {o} | {o} recycling | recycling solutions for {o}
    maintenance of {o} | {o} maintenance and repair | maintaining {o}
    certification of {o} | {o} certification | certifying {o}
    training on {o} | {o} training courses | trainings about {o}
    monitoring of {o} | {o} monitoring with sensors | monitoring systems for {o}
    contract manufacturing of {o} | manufacturing {o} on demand | {o} manufactured to order
    research on {o} | {o} research projects | researching {o}
    """
)
# ecosystem: a material
MATERIALS = _bank(
    """
    textiles: recycled polyester | polyester recyclate | polyester from recycled PET bottles
    textiles: organic cotton | cotton grown organically | certified organic cotton
    textiles: wool | sheep wool | natural wool fibre
    construction: cross-laminated timber | CLT timber | laminated timber
    construction: hemp concrete | hempcrete | lime and hemp mixtures
    energy-intensive: recycled aluminium | secondary aluminium | aluminium scrap
    energy-intensive: stainless steel | inox steel | stainless steels
    energy-intensive: glass fibre composites | glass fibre | glass-fibre reinforced plastic
    energy-intensive: carbon fibre | carbon composites | carbon-fibre reinforced polymer
    energy-intensive: bioplastics | bio-based plastics | plastics from renewable sources
    energy-intensive: technical ceramics | advanced ceramics | ceramic materials
    electronics: silicon carbide | silicon carbide wafers | SiC silicon carbide
    electronics: graphene | graphene layers | graphene sheets
    agri-food: mycelium | fungal mycelium | mycelium-based material
    agri-food: seaweed | seaweed biomass | algae and seaweed
    agri-food: spent grain | brewers' spent grain | grain residues from brewing
    retail: moulded pulp | pulp fibre | moulded paper fibre
    retail: cardboard | corrugated cardboard | recycled cardboard
    health: medical-grade silicone | silicone for medical use | biocompatible silicone
    health: titanium alloys | titanium | alloys of titanium
    aerospace-defence: lightweight alloys | light metal alloys | lightweight metal alloys
    mobility-transport-automotive: natural rubber | rubber | latex rubber
    energy-renewables: lithium iron phosphate | LFP lithium cells |
        lithium-iron-phosphate chemistry
    construction: recycled glass | glass cullet | secondary glass
    textiles: linen | flax linen | linen from flax
    textiles: leather | tanned leather | vegetable-tanned leather
    construction: rammed earth | earth blocks | compressed earth
    construction: natural stone | stone slabs | quarried stone
    energy-intensive: copper | copper alloys | recycled copper
    energy-intensive: cast iron | grey cast iron | iron castings
    agri-food: cork | cork oak bark | natural cork
    agri-food: bamboo | bamboo fibre | bamboo canes
    electronics: gallium nitride | gallium nitride chips | GaN gallium nitride wafers
    health: collagen | marine collagen | collagen from fish skin
    energy-renewables: sodium-ion chemistry | sodium-ion cells | sodium batteries
    retail: beeswax | beeswax coating | natural beeswax
    textiles: nettle fibre | stinging nettle fibres | nettle yarn
    textiles: silk | mulberry silk | silk threads
    textiles: polyamide | polyamide nylon | nylon polyamide blends
    textiles: viscose | viscose rayon | lyocell viscose
    textiles: felt | pressed felt | felt sheets
    construction: straw bales | straw | compressed straw
    construction: clay plaster | clay | natural clay plaster
    construction: gypsum | gypsum plaster | gypsum boards
    construction: asphalt | recycled asphalt | asphalt mixtures
    construction: limestone | limestone blocks | crushed limestone
    construction: slate | roofing slate | split slate
    energy-intensive: magnesium | magnesium metal | pure magnesium
    energy-intensive: zinc | zinc metal | galvanising zinc
    energy-intensive: nickel | nickel superalloys | nickel-based superalloys
    energy-intensive: polypropylene | PP polypropylene | polypropylene granulate
    energy-intensive: polyethylene | HDPE polyethylene | high-density polyethylene
    energy-intensive: epoxy resin | epoxy resins | epoxy systems
    energy-intensive: porcelain | fine porcelain | porcelain stoneware
    energy-intensive: refractory materials | refractories | refractory linings
    energy-intensive: tungsten | tungsten carbide | tungsten powder
    electronics: indium phosphide | indium phosphide crystals | InP indium phosphide
    electronics: quartz | fused quartz | quartz crystal
    electronics: perovskite | perovskite layers | perovskite crystals
    electronics: rare earth magnets | rare-earth magnets | neodymium rare earth magnets
    agri-food: olive pomace | olive residues | pomace from olive oil
    agri-food: coffee grounds | spent coffee grounds | used coffee grounds
    agri-food: potato starch | starch from potatoes | potato-based starch
    agri-food: rice husks | rice husk ash | husks of rice
    agri-food: sugar beet | sugar beet residues | beet sugar by-products
    health: hydrogels | medical hydrogels | hydrogel materials
    health: chitosan | chitosan from shrimp shells | chitosan polymer
    health: PEEK polymer | PEEK | medical PEEK
    aerospace-defence: Inconel | Inconel alloy | Inconel superalloy
    mobility-transport-automotive: elastomers | thermoplastic elastomers | TPE elastomers
    energy-renewables: solid-state electrolytes | solid electrolytes |
        solid-state electrolyte materials
    retail: kraft paper | brown kraft paper | kraft paper sheets
    """
)
# a kind of product; an object is a product of a material
PRODUCTS = _bank(
    """
    fibres | fibre yarns | staple fibres
    panels | wall panels | panel elements
    housings | casings and housings | housing enclosures
    packaging | packaging solutions | packaging materials
    insulation | insulating materials | thermal insulation
    coatings | surface coatings | protective coatings
    3D-printed parts | parts made by 3D printing | 3D-printed components
    brackets | mounting brackets | support brackets
    filaments | printing filaments | 3D printer filament
    films | thin films | foils and films
    tubes | tubing | pipes and tubes
    seals | gaskets and seals | sealing rings
    fabrics | textile fabrics | woven fabrics
    furniture | furniture pieces | home and office furniture
    bricks | building bricks | masonry bricks
    cups | drinking cups | cups and beakers
    trays | food trays | serving trays
    sensors | sensor chips | sensing elements
    batteries | battery cells | cells for batteries
    implants | medical implants | implantable parts
    frames | structural frames | frame structures
    tiles | floor tiles | wall and floor tiles
    bags | carrier bags | shopping bags
    prototypes | prototype parts | first prototypes
    insoles | shoe insoles | insoles for footwear
    lampshades | lamp shades | shades for lamps
    handles | door handles | handles and knobs
    pallets | transport pallets | shipping pallets
    wraps | food wraps | wrapping sheets
    membranes | filter membranes | filtration membranes
    labels | product labels | adhesive labels
    straps | carrying straps | strap bands
    buckles | belt buckles | buckles and clasps
    valves | control valves | valve bodies
    gears | gear wheels | gears and sprockets
    springs | coil springs | spring elements
    hinges | door hinges | hinge parts
    bottles | drinking bottles | bottles and flasks
    lids | container lids | caps and lids
    boxes | storage boxes | boxes and crates
    mats | floor mats | mats and rugs
    helmets | safety helmets | protective helmets
    nozzles | spray nozzles | nozzle tips
    cables | cable sheaths | cables and wires
    blades | cutting blades | blades and knives
    """
)
OBJECT_FORMS = ("{m} {p}", "{p} made of {m}", "{p} from {m}")
# the sector or setting
SECTORS = _bank(
    """
    for car interiors | for interiors of cars | in automotive interiors
    in food processing plants | for food processors | in food processing
    for hospitals | in hospitals and clinics | for hospital wards
    for small shops | for small retail shops | in shops and local stores
    in the metal industry | for metalworking firms | in metal processing
    for ports | in port areas | for seaports and terminals
    for wine producers | in wine making | for wineries and vineyards
    for hotels | in hotels and resorts | for the hotel sector
    for municipalities | for municipal services | in cities and municipalities
    in the chemical industry | for chemical plants | for producers of chemicals
    for airports | at regional airports | in airport operations
    for furniture makers | in furniture manufacturing | for the furniture sector
    for logistics hubs | in logistics centres | for logistics operators
    for sports brands | for sportswear makers | in sports equipment
    in mining regions | for mining companies | in mines and quarries
    for schools | in vocational schools | for schools and training centres
    for fish farms | in aquaculture and fish farming | for fisheries
    for the paper industry | in paper mills | for paper and cardboard producers
    for greenhouses | in greenhouse horticulture | for greenhouse growers
    for public transport operators | in public transport | for bus and tram operators
    for the ceramics sector | for ceramic tile makers | in ceramics production
    for museums | in museums and galleries | for museum exhibitions
    for shipyards | in shipbuilding | for ship builders
    in rural areas | for rural communities | in rural regions
    for cosmetics producers | in cosmetics manufacturing | for cosmetic brands
    for pharmaceutical companies | in pharma manufacturing | for the pharmaceutical industry
    for energy cooperatives | for energy communities | in community energy projects
    for data centres | in data centers | for data centre operators
    for the glass industry | for glass makers | in glass production
    for printing houses | in the printing industry | for printers and publishers
    for the space sector | for space companies | in the space industry
    for breweries | in brewing | for craft breweries
    for the defence industry | for defence suppliers | in defence procurement
    for universities | at universities and campuses | for university labs
    for farmers | on farms | for livestock farming
    for the wood sector | for sawmills and wood processing | in wood processing
    """
)

# Generic offers and needs, said of a sector or alone; they share the stock vocabulary of cluster
# profiles with everyone.
GENERIC_OFFERS = (
    "market studies",
    "event organisation",
    "business coaching",
    "matchmaking with buyers",
    "communication campaigns",
    "project management",
    "training programmes",
    "testing facilities",
    "consulting on digitalisation",
    "access to pilot customers",
    "access to our member companies",
    "partner search across our network",
)
GENERIC_NEEDS = (
    "partners for a Horizon Europe proposal",
    "new customers",
    "pilot users",
    "distribution partners",
    "investors",
    "skilled staff",
    "peer exchange",
    "feedback on our prototype",
    "subcontractors",
    "a coordinator for an Interreg project",
    "new members for our cluster",
    "speakers for our annual conference",
)
# Broad sectors that generic offers and needs are said of.
BROAD_SECTORS = (
    "in manufacturing",
    "for SMEs",
    "in the food sector",
    "in healthcare",
    "in tourism",
    "in construction",
    "in the energy sector",
    "in mobility",
    "in the digital economy",
    "in agriculture",
    "in retail",
    "in the creative industries",
)
# Sentences without a topic to match.
NOISE = (
    "Based in {city}.",
    "We have {n} members.",
    "Founded in {year}.",
    "Happy to meet online or in person.",
    "Our team of {n} people works in several languages.",
    "We took part in {n} European projects so far.",
    "Feel free to contact us after the session.",
    "Available on both conference days.",
)
CITIES = (
    "Lyon", "Turin", "Aarhus", "Graz", "Tampere", "Porto", "Gdansk", "Brno", "Kaunas", "Ghent",
    "Valencia", "Eindhoven", "Cluj", "Ljubljana", "Bilbao", "Linz", "Tartu", "Pecs", "Patras",
    "Cork",
)  # fmt: skip
COUNTRIES = (
    ("FR", "fr"), ("IT", "it"), ("DK", "da"), ("AT", "de"), ("FI", "fi"), ("PT", "pt"),
    ("PL", "pl"), ("CZ", "cs"), ("LT", "lt"), ("BE", "nl"), ("ES", "es"), ("NL", "nl"),
    ("RO", "ro"), ("SI", "sl"), ("DE", "de"), ("EE", "et"), ("HU", "hu"), ("GR", "el"),
    ("IE", "en"), ("SE", "sv"),
)  # fmt: skip
NEED_FRAMES = ("We are looking for {x}.", "Seeking {x}.", "Interested in {x}.", "We need {x}.")
OFFER_FRAMES = ("We offer {x}.", "We provide {x}.", "Our strength: {x}.", "{X}.")
BANK_ITEM_SHARE = 0.05  # share of a background person's items that name a (free) concept
GENERIC_WITH_SECTOR_SHARE = 0.5  # of the others: a generic service or need for a broad sector
PARTS = (ACTIONS, MATERIALS, PRODUCTS, SECTORS)

Concept = tuple[int, int, int, int]  # (action, material, product, sector)
Words = tuple[int, int, int, int, int]  # a paraphrase number for each part, and an object form


class _Generator:
    def __init__(self, profiles: int, planted: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.profiles, self.planted, self.mutual = profiles, planted, planted // 2
        objects = [(m, p) for m in range(len(MATERIALS)) for p in range(len(PRODUCTS))]
        self.rng.shuffle(objects)
        if planted * 2 * 4 > len(objects) * 3:
            raise SystemExit("too many planted pairs for the phrase bank")
        # Each planted pair has two objects (material × product) of its own: what the seeker
        # looks for, and what the seeker offers (which the partner looks for when the pair is
        # mutual, and nobody else). Only the pair and its distractors name them; everyone else
        # draws from the free objects.
        self.free_objects = objects[2 * planted :]
        self.reserved = [
            (self.rng.randrange(len(ACTIONS)), m, p, self.rng.randrange(len(SECTORS)))
            for m, p in objects[: 2 * planted]
        ]

    def free_concept(self) -> Concept:
        material, product = self.rng.choice(self.free_objects)
        return (
            self.rng.randrange(len(ACTIONS)),
            material,
            product,
            self.rng.randrange(len(SECTORS)),
        )

    def variant(self, concept: Concept, part: int) -> Concept:
        """The concept with part 0 (action) or 3 (sector) changed."""
        changed = list(concept)
        while changed[part] == concept[part]:
            changed[part] = self.rng.randrange(len(PARTS[part]))
        return tuple(changed)  # type: ignore[return-value]

    def any_words(self) -> Words:
        return tuple(self.rng.randrange(3) for _ in range(5))  # type: ignore[return-value]

    def two_wordings(self) -> tuple[Words, Words]:
        """Two paraphrases of a concept that differ in every part."""
        first = self.any_words()
        second = [(w + self.rng.randrange(1, 3)) % 3 for w in first[:4]]
        return first, (*second, self.rng.randrange(3))  # type: ignore[return-value]

    def text(self, concept: Concept, words: Words) -> str:
        action, material, product, sector = concept
        thing = OBJECT_FORMS[words[4]].format(
            m=MATERIALS[material][1][words[1]], p=PRODUCTS[product][words[2]]
        )
        return f"{ACTIONS[action][words[0]].format(o=thing)} {SECTORS[sector][words[3]]}"

    def item(self, person: dict, generic: tuple[str, ...]) -> str:
        rng = self.rng
        if rng.random() < BANK_ITEM_SHARE:
            concept = self.free_concept()
            person["materials"].add(concept[1])
            return self.text(concept, self.any_words())
        if rng.random() < GENERIC_WITH_SECTOR_SHARE:
            return f"{rng.choice(generic)} {rng.choice(BROAD_SECTORS)}"
        return rng.choice(generic)

    def background(self) -> dict:
        """A person with random offers and needs (see the module docstring)."""
        rng = self.rng
        person: dict = {"offers": [], "needs": [], "materials": set()}
        if rng.random() < 0.02:  # nothing written at all
            person["empty"] = True
            return person
        person["offers"] = [self.item(person, GENERIC_OFFERS) for _ in range(rng.choice((1, 2)))]
        person["needs"] = [self.item(person, GENERIC_NEEDS) for _ in range(rng.choice((1, 2)))]
        return person

    def people(self) -> tuple[list[dict], list[tuple[int, int]], list[tuple[str, str]]]:
        """The people, the planted pairs (seeker, partner) as indices into them — the first half
        of them mutual — and the planted (need, offer) phrase pairs."""
        rng = self.rng
        people: list[dict] = []
        pairs: list[tuple[int, int]] = []
        phrases: list[tuple[str, str]] = []
        for k in range(self.planted):
            seeker, partner = self.background(), self.background()
            seeker.pop("empty", None)
            partner.pop("empty", None)
            concept = self.reserved[k]
            seeker_words, partner_words = self.two_wordings()
            need, offer = self.text(concept, seeker_words), self.text(concept, partner_words)
            phrases.append((need, offer))
            seeker["needs"] = [need] + (seeker["needs"][:1] if rng.random() < 0.3 else [])
            partner["offers"] = [offer] + (partner["offers"][:1] if rng.random() < 0.5 else [])
            other = self.reserved[self.planted + k]
            first, second = self.two_wordings()
            seeker["offers"] = [self.text(other, second)]
            if k < self.mutual:  # the partner also looks for what the seeker offers
                partner["needs"] = [self.text(other, first)]
            for person in (seeker, partner):
                person["materials"].update((concept[1], other[1]))
            same_need, competitor = self.background(), self.background()
            same_need["needs"] = [self.text(concept, self.any_words())]
            competitor["offers"] = [self.text(other, self.any_words())]
            near_sector, near_action = self.background(), self.background()
            near_sector["offers"] = [self.text(self.variant(concept, 3), seeker_words)]
            near_action["offers"] = [self.text(self.variant(concept, 0), seeker_words)]
            base = len(people)
            people += [seeker, partner, same_need, competitor, near_sector, near_action]
            pairs.append((base, base + 1))
        while len(people) < self.profiles:
            people.append(self.background())
        return self._finish(people, pairs), pairs, phrases

    def noise(self) -> str:
        rng = self.rng
        return rng.choice(NOISE).format(
            city=rng.choice(CITIES), n=rng.randrange(3, 400), year=rng.randrange(1980, 2020)
        )

    def say(self, items: list[str], frames: tuple[str, ...], noise: int) -> str:
        sentences = []
        for item in items:
            frame = self.rng.choice(frames)
            sentences.append(frame.format(x=item, X=item[:1].upper() + item[1:]))
        for sentence in dict.fromkeys(self.noise() for _ in range(noise)):
            sentences.insert(self.rng.randrange(len(sentences) + 1), sentence)
        return " ".join(sentences)

    def _finish(self, people: list[dict], pairs: list[tuple[int, int]]) -> list[dict]:
        """Texts, ecosystems, organisations of 1–5 people, countries, languages and ids."""
        rng = self.rng
        ecosystems = sorted({e for e, _ in MATERIALS})
        out = []
        for person in people:
            eco = {MATERIALS[m][0] for m in person["materials"]}
            if rng.random() < 0.3 or (not eco and rng.random() < 0.8):
                eco.add(rng.choice(ecosystems))
            country, language = rng.choice(COUNTRIES)
            languages = sorted({"en", language} | ({"fr"} if rng.random() < 0.1 else set()))
            empty = person.get("empty", False)
            offering = self.say(person["offers"], OFFER_FRAMES, rng.choice((0, 1, 2)))
            looking_for = self.say(person["needs"], NEED_FRAMES, 0)
            out.append(
                {
                    "offering": "" if empty else offering,
                    "looking_for": "" if empty else looking_for,
                    "ecosystems": sorted(eco),
                    "country": country,
                    "languages": languages,
                }
            )
        order = list(range(len(out)))
        rng.shuffle(order)
        org_of, start = {}, 0
        while start < len(order):  # organisations: runs of 1–5 people in a shuffled order
            size = rng.randint(1, 5)
            for index in order[start : start + size]:
                org_of[index] = f"o{start:05d}"
            start += size
        clash = True
        while clash:  # planted partners work for different organisations
            clash = False
            for seeker, partner in pairs:
                if org_of[seeker] == org_of[partner]:
                    clash = True
                    other = rng.randrange(len(out))
                    org_of[partner], org_of[other] = org_of[other], org_of[partner]
        ids = [f"p{n:05d}" for n in range(len(out))]
        rng.shuffle(ids)
        for index, person in enumerate(out):
            person["id"] = ids[index]
            person["organisation"] = org_of[index]
        return out


_COMMON = {"for", "and", "the", "from", "with", "made", "in", "of", "on", "at", "to", "by"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower())) - _COMMON


def overlap(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """How the planted need and offer phrases relate word for word (independent of the engine):
    identical phrases, the mean Jaccard index of their words, and the mean share of the need's
    words found as such in the offer."""
    identical = jaccard = covered = 0.0
    for need, offer in pairs:
        a, b = _words(need), _words(offer)
        identical += need.casefold() == offer.casefold()
        jaccard += len(a & b) / max(1, len(a | b))
        covered += len(a & b) / max(1, len(a))
    n = max(1, len(pairs))
    return {
        "identical": round(identical / n, 3),
        "word_jaccard": round(jaccard / n, 3),
        "need_words_in_offer": round(covered / n, 3),
    }


def generate(profiles: int = 10_000, planted: int = 400, seed: int = 1):
    """Deterministic profiles (JSON-ready dicts), planted pairs as (seeker id, partner id) — the
    first half of them mutual — and the planted (need, offer) phrase pairs."""
    people, pairs, phrases = _Generator(profiles, planted, seed).people()
    return people, [(people[a]["id"], people[b]["id"]) for a, b in pairs], phrases


def demo_phrases(engine: str) -> dict:
    """The demo's phrase bank (src/clustermeet/demo/phrases.py, written for the demo by
    someone else): each ecosystem's n-th need mirrors its n-th offer in other words, often pure
    synonyms ("circular textile materials" / "recycled fibre supply"). One person per need and
    one per offer, no ecosystems: how often is the mirrored offer first, or in the top 3?"""
    package = importlib.util.find_spec("clustermeet").submodule_search_locations[0]
    bank = runpy.run_path(str(Path(package) / "events" / "demo" / "phrases.py"))
    pairs = [
        (offer, need)
        for offers, needs in bank["OFFERS_AND_NEEDS"].values()
        for offer, need in zip(offers, needs, strict=True)
    ]
    people = [Profile(f"o{k:02d}", offering=offer) for k, (offer, _) in enumerate(pairs)]
    people += [Profile(f"n{k:02d}", looking_for=need) for k, (_, need) in enumerate(pairs)]
    result = recommend(people, 3, engine=ENGINES[engine]())
    found = [[r.id for r in result[f"n{k:02d}"]] for k in range(len(pairs))]
    return {
        "demo_pairs": len(pairs),
        "engine": engine,
        "first": round(sum(f[:1] == [f"o{k:02d}"] for k, f in enumerate(found)) / len(pairs), 3),
        "top_3": round(sum(f"o{k:02d}" in f for k, f in enumerate(found)) / len(pairs), 3),
    }


ENGINES = {
    "default": lambda: TfidfEngine(),
    "no-concepts": lambda: TfidfEngine(concepts=False),
    "words-only": lambda: TfidfEngine(word_weight=1.0, concepts=False),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--planted", type=int, default=400)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", choices=sorted(ENGINES), default="default")
    parser.add_argument("--details", action="store_true", help="add breakdowns to the line")
    parser.add_argument("--write-input", metavar="FILE", help="also write the CLI input JSON")
    parser.add_argument(
        "--demo-phrases", action="store_true", help="check the demo's mirrored phrases instead"
    )
    args = parser.parse_args(argv)
    if args.demo_phrases:
        print(json.dumps(demo_phrases(args.engine)))
        return

    people, pairs, phrases = generate(args.profiles, args.planted, args.seed)
    if args.write_input:
        with open(args.write_input, "w", encoding="utf-8") as f:
            json.dump({"top": args.top, "people": people}, f)
    profiles = [
        Profile(
            p["id"], p["offering"], p["looking_for"], tuple(p["ecosystems"]), p["country"],
            p["organisation"], tuple(p["languages"]),
        )
        for p in people
    ]  # fmt: skip
    started, cpu = time.perf_counter(), time.process_time()
    result = recommend(profiles, args.top, engine=ENGINES[args.engine]())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    hits = [partner in {r.id for r in result[seeker]} for seeker, partner in pairs]
    line: dict = {
        "profiles": len(profiles),
        "planted": len(pairs),
        f"recall_at_{args.top}": round(sum(hits) / max(1, len(hits)), 4),
        "seconds": round(seconds, 2),
    }
    if args.details:
        mutual = len(pairs) // 2
        line["engine"] = args.engine
        line["cpu_seconds"] = round(cpu, 2)
        line["recall_mutual"] = round(sum(hits[:mutual]) / max(1, mutual), 4)
        line["recall_one_way"] = round(sum(hits[mutual:]) / max(1, len(hits) - mutual), 4)
        line["phrase_overlap"] = overlap(phrases)
        line["empty_lists"] = sum(1 for v in result.values() if not v)
    print(json.dumps(line))


if __name__ == "__main__":
    main()
