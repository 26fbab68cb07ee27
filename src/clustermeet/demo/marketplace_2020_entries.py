"""The 30 offers and requests of the ECC 2020 marketplace demo (written for the demo, in the
voice of cluster managers, companies, agencies and universities in 2020) and the follow-up lines
of the interests in them; `marketplace_2020` loads them."""

from dataclasses import dataclass

from clustermeet.networking.models import Offer

PARTICIPANT = "participant"  # author of the demo participant's own entry

ECO = {
    "aero": "aerospace-defence",
    "agri": "agri-food",
    "build": "construction",
    "creative": "cultural-creative",
    "digital": "digital",
    "electronics": "electronics",
    "intensive": "energy-intensive",
    "renewables": "energy-renewables",
    "health": "health",
    "mobility": "mobility-transport-automotive",
    "social": "proximity-social-economy",
    "retail": "retail",
    "textiles": "textiles",
    "tourism": "tourism",
}


@dataclass(frozen=True)
class Entry:
    kind: str
    category: str
    author_type: str  # organisation type of the author, or PARTICIPANT
    country: str  # preferred country of the author ("" for any)
    ecosystems: tuple[str, ...]  # keys of ECO; the author works in the first one
    title: str
    description: str
    withdrawn: bool = False
    participant_interest: bool = False  # the demo participant expressed interest in it


def _e(kind, category, author_type, country, ecosystems, title, description, **flags) -> Entry:
    return Entry(
        kind,
        category,
        author_type,
        country,
        tuple(ECO[e] for e in ecosystems.split()),
        title,
        " ".join(description.split()),
        **flags,
    )


OFFER, REQUEST = Offer.Kind.OFFER, Offer.Kind.REQUEST
C = Offer.Category
ENTRIES: tuple[Entry, ...] = (
    _e(
        OFFER,
        C.TECHNOLOGY,
        "cluster",
        "ES",
        "mobility aero",
        "Metal additive manufacturing test bed open to SMEs of other clusters",
        """Our cluster runs a shared advanced manufacturing test bed with two powder-bed fusion
        machines and a wire-arc (WAAM) cell. SMEs from other European clusters can book test runs
        for prototypes and small series in titanium and Inconel, with support from our process
        engineers. We are especially interested in automotive and aeronautics suppliers that want
        to qualify printed parts before investing in machines of their own.""",
    ),
    _e(
        REQUEST,
        C.CONSORTIUM,
        "sme",
        "FR",
        "mobility intensive",
        "Partners for a Horizon Europe consortium on EV battery recycling",
        """We are a French engineering SME that dismantles and tests used traction batteries. For
        the first Horizon Europe Cluster 5 calls we are building a consortium on the recovery of
        lithium, nickel and cobalt. We are looking for a hydrometallurgy research group, a carmaker
        or tier-1 supplier, and a cluster that can lead dissemination and exploitation.""",
    ),
    _e(
        REQUEST,
        C.EXPERTISE,
        "cluster",
        "PT",
        "tourism digital",
        "Digital booking expertise for small hotels after COVID-19",
        """Half of our members are family-run hotels and guesthouses in the Algarve and the Centro
        region that still take most bookings by phone and e-mail. After the spring lockdown they
        need direct online booking, flexible cancellation and a channel manager they can afford. We
        look for consultants or a digital cluster that has trained small accommodation providers,
        for three webinars and individual coaching in early 2021.""",
    ),
    _e(
        OFFER,
        C.INVESTMENT,
        "other",
        "NL",
        "textiles retail",
        "Seed funding for circular textile start-ups",
        """Our Amsterdam-based fund invests EUR 100,000 to 500,000 in early-stage companies that
        turn textile waste into new fibres, extend the life of garments or make resale and repair
        profitable. We co-invest with regional funds and business angels across the Benelux and the
        Nordic countries. Pitch decks are welcome until the end of January 2021; we will meet
        shortlisted teams online.""",
    ),
    _e(
        OFFER,
        C.PARTNERSHIP,
        PARTICIPANT,
        "HR",
        "textiles retail",
        "Pilot sites for automated textile waste sorting",
        """Our cluster tests a near-infrared sorting line that separates post-consumer textiles by
        fibre composition, together with member companies in Zagreb and Varaždin. We offer partner
        clusters and recyclers the chance to run their own textile waste through the pilot in
        spring 2021 and to share the results. We would also like to hear from collectors and brands
        that need sorted cotton and polyester for recycling.""",
    ),
    _e(
        OFFER,
        C.EXPERTISE,
        "research",
        "DE",
        "health electronics",
        "Clinical validation support for medical device SMEs under the new MDR",
        """Our university hospital's innovation office helps small manufacturers plan clinical
        evaluations under the Medical Device Regulation, which applies from May 2021. We offer
        study design, access to clinical partners in our region and a review of technical
        documentation before it goes to the notified body. We work in German and English.""",
    ),
    _e(
        REQUEST,
        C.PARTNERSHIP,
        "cluster",
        "IT",
        "agri",
        "Partners for blockchain traceability in the wine supply chain",
        """Our agri-food cluster wants, together with its wine producers, to prove origin and
        handling from the vineyard to export markets, starting with three pilot wineries in 2021.
        We are looking for a technology provider that has already traced food products on a shared
        ledger, and for wine or food clusters in other countries that want to run the same pilot.""",
    ),
    _e(
        OFFER,
        C.TECHNOLOGY,
        "research",
        "BE",
        "electronics digital",
        "Access to an integrated photonics pilot line for prototypes",
        """Our institute offers European SMEs multi-project wafer runs on its indium phosphide and
        silicon nitride pilot line, with design support and packaging of the first chips. Typical
        users build sensors, LiDAR components or optical transceivers. A run takes about six
        months; part of the cost can be covered by the EU-funded access programme we coordinate.""",
    ),
    _e(
        REQUEST,
        C.INVESTMENT,
        "sme",
        "GR",
        "digital",
        "Co-investor for a computer-vision start-up in quality inspection",
        """We are a Greek software company whose cameras and models spot defects on production
        lines in furniture and packaging plants. After a pre-seed round we need EUR 1.5 million to
        open sales in Germany and Scandinavia. We are looking for a lead or co-investor with
        experience in industrial B2B software.""",
        withdrawn=True,
    ),
    _e(
        OFFER,
        C.CONSORTIUM,
        "public",
        "IT",
        "creative tourism",
        "Interreg Europe project on creative industries in rural regions: partners wanted",
        """Our city's economic development department prepares an Interreg Europe proposal on how
        creative and cultural businesses can revive small towns and rural areas. We offer a partner
        place to two or three cities, regional authorities or agencies with a policy instrument
        they want to improve. The proposal will be submitted in the first call of the 2021-2027
        programme.""",
    ),
    _e(
        OFFER,
        C.PARTNERSHIP,
        "cluster",
        "FR",
        "aero",
        "Joint mission of aerospace clusters to Canada and Mexico",
        """As part of our European Strategic Cluster Partnership (ESCP-4i), five aerospace clusters
        are planning joint B2B missions to Montreal and Querétaro, online in 2021 and on site when
        travel is possible again. We have room for one or two more clusters whose SMEs supply
        composites, machining or MRO services. Costs are shared and the partnership already has
        contacts with local clusters there.""",
    ),
    _e(
        REQUEST,
        C.TECHNOLOGY,
        "sme",
        "BE",
        "build digital",
        "BIM-based production planning for timber construction",
        """We are a Belgian timber construction company that prefabricates wall and ceiling
        elements. We want to connect our BIM models directly with CNC joinery machines and
        production planning, and we look for a software provider or research group that has done
        this before. A first project could start in spring 2021.""",
    ),
    _e(
        OFFER,
        C.EXPERTISE,
        "other",
        "SE",
        "intensive renewables",
        "Industrial symbiosis mapping for chemical and metal parks",
        """Our consultancy maps waste heat, by-products and water flows between companies in
        industrial parks and finds exchanges that save cost and CO2. We have done this in four
        Swedish and Finnish parks since 2018. For clusters we offer a two-day scan with their
        members and a short report with the three most promising exchanges.""",
    ),
    _e(
        REQUEST,
        C.CONSORTIUM,
        "research",
        "BE",
        "renewables mobility",
        "Partners for a regional green hydrogen valley",
        """Our research centre coordinates a proposal for a regional hydrogen valley: production
        from solar power, refuelling for buses and trucks in the port, and use in a chemical plant.
        For the Clean Hydrogen Partnership call we still need an electrolyser manufacturer and a
        partner region in another EU country that wants to replicate the model.""",
    ),
    _e(
        OFFER,
        C.TECHNOLOGY,
        "sme",
        "DE",
        "renewables intensive",
        "Recycling process for wind turbine blades",
        """We have developed a process that separates glass fibre from the resin of decommissioned
        wind turbine blades, so that the fibre can go back into composites and cement. A pilot
        plant in northern Germany processes about 1,000 tonnes a year. We look for blade owners,
        composite manufacturers and cement plants that want to test the recovered material.""",
    ),
    _e(
        OFFER,
        C.PARTNERSHIP,
        "network",
        "FR",
        "agri tourism",
        "Agritourism partnerships with French food producers",
        """Our association brings together 60 farms, cheese makers and wineries in the south of
        France that welcome visitors for tastings and stays. We are looking for tourism clusters
        and tour operators in Northern and Central Europe who want to build small-group food trips
        with us for the 2021 and 2022 seasons.""",
    ),
    _e(
        REQUEST,
        C.EXPERTISE,
        "public",
        "AT",
        "social",
        "Experience with social enterprise incubators",
        """Our city is designing an incubator for social enterprises in the city and its region, to
        be funded from the next ERDF programme. We would like to learn from cities, agencies and
        clusters that run such programmes already: how they select enterprises, which services work
        and how they measure social impact. A study visit or a series of calls would both help.""",
    ),
    _e(
        OFFER,
        C.EXPERTISE,
        "cluster",
        "BG",
        "digital",
        "Cybersecurity health check for manufacturing SMEs",
        """Our ICT cluster has trained a pool of security experts who run a one-day health check in
        small manufacturing companies: remote access, backups, machine networks and staff
        awareness. With so many people working from home since March, demand has doubled. We offer
        the format, the checklist and train-the-trainer sessions to other clusters.""",
    ),
    _e(
        REQUEST,
        C.PARTNERSHIP,
        "large",
        "BA",
        "retail intensive",
        "Suppliers of compostable and recycled packaging",
        """We are a food retail group with 150 stores in Bosnia and Herzegovina and Croatia, and we
        will replace single-use plastic packaging in fruit, vegetables and ready meals by 2023. We
        are looking for manufacturers of compostable films, moulded fibre trays and recycled PET
        that can deliver at scale, and for packaging clusters that can introduce us to their
        members.""",
    ),
    _e(
        OFFER,
        C.TECHNOLOGY,
        "research",
        "IT",
        "health digital",
        "AI models for chest CT images, open to validation partners",
        """Our university's imaging lab trained deep-learning models that detect COVID-19 pneumonia
        and estimate lung involvement on chest CT scans. We offer hospitals and medtech companies
        access to the models for research use and are looking for partners with annotated images to
        validate them in other countries.""",
    ),
    _e(
        REQUEST,
        C.INVESTMENT,
        "sme",
        "LT",
        "health",
        "Investor for scaling up a rapid antigen test",
        """Our Vilnius biotech company has developed a rapid antigen test with results in 15
        minutes and is finishing its clinical performance study. To move from pilot to industrial
        production we need EUR 3 million in equity or venture debt. We would also talk to companies
        interested in contract manufacturing or distribution.""",
    ),
    _e(
        OFFER,
        C.CONSORTIUM,
        "cluster",
        "AT",
        "mobility renewables",
        "Interreg Central Europe project on hydrogen trucks: open partner places",
        """Our automotive cluster leads a proposal on hydrogen-powered heavy-duty trucks for
        regional logistics, with partners in Bavaria, Slovenia and Czechia. We have two open
        places: a logistics cluster or company that would run a pilot route, and a regional
        authority responsible for refuelling infrastructure.""",
        withdrawn=True,
    ),
    _e(
        OFFER,
        C.PARTNERSHIP,
        "cluster",
        "SE",
        "tourism creative",
        "Cross-border routes for Arctic nature and wellness tourism",
        """Our wellness tourism cluster works with spas, wilderness lodges and local guides in
        central and northern Sweden. We want to create joint nature, Sami culture and wellness
        routes with clusters in Norway and Finland, promoted under one brand. We can bring a
        network of 45 members and experience from two earlier cross-border projects.""",
    ),
    _e(
        OFFER,
        C.INVESTMENT,
        "public",
        "PL",
        "electronics digital",
        "Innovation vouchers for cross-border cooperation",
        """Our regional development agency will open a voucher scheme in January 2021: up to EUR
        20,000 for a company in our region that buys research or testing services from a provider
        in another EU country. We would like to meet research centres and clusters abroad whose
        services our SMEs can buy with the vouchers.""",
    ),
    _e(
        REQUEST,
        C.EXPERTISE,
        "sme",
        "FR",
        "retail digital",
        "E-commerce logistics for a small food brand",
        """We are a French family company making biscuits and spreads, and online sales have
        tripled since the lockdown. We need advice on outsourcing storage and shipping across the
        EU, from returns to temperature-sensitive products. Recommendations of fulfilment partners
        that work with small brands are very welcome.""",
        withdrawn=True,
    ),
    _e(
        OFFER,
        C.EXPERTISE,
        "research",
        "IT",
        "agri health",
        "Food safety and shelf-life testing for SMEs",
        """Our university's food technology laboratory tests microbiology, allergens and shelf life
        for small producers, and advises on reformulation with less salt and sugar. Results come
        with a report in English or Italian. We offer a reduced rate to members of agri-food
        clusters that sign a cooperation agreement with us in 2021.""",
    ),
    _e(
        REQUEST,
        C.CONSORTIUM,
        "network",
        "DE",
        "digital social",
        "Partners for an Erasmus+ alliance on cluster management skills",
        """Our association of software companies wants to propose an Erasmus+ alliance that trains
        cluster managers and SME staff in digital services and facilitation of online events, two
        skills the pandemic made urgent. We look for two or three cluster associations in other
        countries, a university with an adult learning programme, and a partner that can build an
        online course platform.""",
    ),
    _e(
        OFFER,
        C.TECHNOLOGY,
        "sme",
        "HR",
        "electronics mobility",
        "Wireless vibration sensors for predictive maintenance",
        """Our Croatian company designs battery-powered vibration and temperature sensors that
        retrofit older machines and send data over LoRaWAN. Pilots in two automotive supplier
        plants cut unplanned downtime by a third. We look for clusters whose members would test the
        sensors, and for system integrators to sell them abroad.""",
    ),
    _e(
        OFFER,
        C.PARTNERSHIP,
        "cluster",
        "ES",
        "textiles health",
        "Certified production capacity for community masks",
        """Since April our member companies have converted lines to make reusable hygienic masks
        that meet the Spanish UNE 0065 specification, up to 200,000 a week. We offer this capacity
        to distributors, public buyers and clusters looking for a reliable European supplier before
        the winter.""",
        withdrawn=True,
    ),
    _e(
        REQUEST,
        C.CONSORTIUM,
        "cluster",
        "BE",
        "textiles social",
        "Consortium for a European project on circular textiles",
        """Our textile cluster in Flanders is gathering partners for a project on collection,
        sorting and recycling of post-consumer textiles, to apply for Horizon Europe or the LIFE
        programme in 2021. We look for clusters in Southern and Eastern Europe with recyclers or
        sorting pilots among their members, and for social enterprises that collect used clothing.""",
        participant_interest=True,
    ),
)

OFFER_FOLLOW_UPS = (
    "Could we talk in one of the networking windows?",
    "We have a concrete use case and would like to hear about the conditions and timing.",
    "Several of our members have asked about exactly this; a short call would help us see "
    "whether it fits.",
    "We would like to know whether this is open to organisations from our region too.",
)
REQUEST_FOLLOW_UPS = (
    "We have done similar work and could share references.",
    "We could be the partner you are looking for; shall we meet during the conference?",
    "One of our member companies works on this, and I would be glad to introduce you.",
    "We are preparing something close to this and would like to compare notes.",
)
