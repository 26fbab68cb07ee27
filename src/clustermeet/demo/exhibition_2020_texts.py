"""The words of the 2020 exhibition: the halls, what the booths say about themselves (built from
templates per ecosystem, so 93 booths read differently without copying any source text), the
messages visitors left, and the short descriptions of the 18 pitches of the output paper (their
titles, pitchers and organisations are facts of the paper; the descriptions are the demo's)."""

# slug → (name, description, ecosystems shown there)
HALLS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "green-transition": (
        "Green transition",
        "Clusters of energy, construction, agri-food, textiles and the energy-intensive "
        "industries on their way to climate neutrality and a circular economy.",
        ("agri-food", "construction", "energy-intensive", "energy-renewables", "textiles"),
    ),
    "digital-transition": (
        "Digital transition",
        "Digital, electronics, aerospace and mobility clusters: data, artificial intelligence "
        "and the technologies that carry the twin transition.",
        ("aerospace-defence", "digital", "electronics", "mobility-transport-automotive"),
    ),
    "resilience-and-skills": (
        "Resilience and skills",
        "Health, tourism, retail, the creative industries and the social economy: recovering "
        "from the pandemic, and the skills that make value chains resilient.",
        ("cultural-creative", "health", "proximity-social-economy", "retail", "tourism"),
    ),
}

# ecosystem → (what the members do, what the cluster works on now)
FOCUS: dict[str, tuple[str, str]] = {
    "aerospace-defence": (
        "aircraft suppliers, space start-ups and test centres",
        "qualifying small suppliers for the large integrators",
    ),
    "agri-food": (
        "food processors, farmers' cooperatives and food research labs",
        "shorter supply chains and less food waste",
    ),
    "construction": (
        "builders, architects and producers of building materials",
        "renovation with low-carbon and bio-based materials",
    ),
    "cultural-creative": (
        "design studios, media producers and game developers",
        "bringing creative skills into traditional industries",
    ),
    "digital": (
        "software companies, data centres and AI start-ups",
        "trusted data spaces and AI that small companies can use",
    ),
    "electronics": (
        "chip designers, photonics labs and makers of embedded systems",
        "European supply of components and pilot lines",
    ),
    "energy-intensive": (
        "chemical, plastics, metal and ceramics producers",
        "industrial symbiosis and lower energy use per tonne",
    ),
    "energy-renewables": (
        "wind, solar and hydrogen companies and grid operators",
        "local energy communities and green hydrogen valleys",
    ),
    "health": (
        "medical device makers, biotech firms and hospitals",
        "faster routes from the lab to patients",
    ),
    "mobility-transport-automotive": (
        "automotive suppliers, logistics firms and rail operators",
        "electric drives, batteries and paperless freight",
    ),
    "proximity-social-economy": (
        "social enterprises, cooperatives and craft businesses",
        "local jobs and services in regions left behind",
    ),
    "retail": (
        "retailers, packaging makers and e-commerce platforms",
        "reusable packaging and small shops selling online",
    ),
    "textiles": (
        "fashion brands, technical textile makers and recyclers",
        "sorting and recycling textile waste into new fibre",
    ),
    "tourism": (
        "hotels, destinations and outdoor tourism providers",
        "sustainable tourism after the pandemic",
    ),
}

SUMMARIES = (
    "{members} from {country}, working on {work}.",
    "We bring together {members} in {country}; our focus this year: {work}.",
    "A cluster of {members} in {country}, looking for European partners on {work}.",
    "{members}, connected across {country}. Talk to us about {work}.",
)
DESCRIPTIONS = (
    "{name} brings together {members} from {country}. Our members work together on {work}, "
    "and we run joint projects, trainings and trade missions for them.\n\n"
    "At this booth: our services for members, the projects we are preparing and the partners "
    "we are looking for. Leave us a message or share your contact and we will get back to you.",
    "Founded to help {members} grow together, {name} now runs projects on {work}.\n\n"
    "We are looking for clusters in other countries for joint calls and for companies that "
    "want to test their solutions with our members. Our staff are online during the breaks.",
    "{name} is the meeting point of {members} in {country}. In the last two years our "
    "members have focused on {work}.\n\n"
    "Ask us about our matchmaking days, our internationalisation programme and the European "
    "projects we take part in.",
)

VISITOR_MESSAGES = (
    "Hello, we are preparing a joint project on {work} and would like to talk to you.",
    "Could you send me the contact of the person in charge of international projects?",
    "Interesting booth! Do your members also work with partners outside the EU?",
    "We run a similar programme for our members; shall we compare notes after the event?",
    "Is your matchmaking day next spring open to companies from other countries?",
    "Thank you for the talk in the video room. Please send me the presentation.",
)

# The pitch descriptions, in the order of the paper: (speakers.PEOPLE key, title, description)
PITCHES: tuple[tuple[str, str, str], ...] = (
    (
        "floch",
        "New Association EUCLES for cluster labelling system",
        "A European association to run the cluster labelling system; looking for cluster "
        "organisations and national associations to join as founding members.",
    ),
    (
        "cuesta-lopez",
        "Raw materials resilience and industrial symbiosis",
        "Mapping where one industry's waste can be another's raw material; looking for "
        "clusters of the process industries to pilot symbiosis in their regions.",
    ),
    (
        "rossi",
        "Green HoMe scarl",
        "A consortium for sustainable housing and energy-efficient renovation; looking for "
        "partners in construction and renewables for a joint project.",
    ),
    (
        "quintin",
        "Minalogic - Digitalisation",
        "How a digital cluster helps small manufacturers digitalise; looking for clusters "
        "that want to share methods and run joint support programmes.",
    ),
    (
        "seidel",
        "Multi-class serum classification for image-based clinical analytics",
        "Deep learning that classifies blood serum samples from images; looking for labs, "
        "hospitals and health clusters to validate it.",
    ),
    (
        "serewko",
        "Digital Innovation Hub",
        "A digital innovation hub for photonics and fibre optics; looking for hubs in other "
        "countries to share test facilities and training.",
    ),
    (
        "hurt",
        "Digital and paperless transport for Europe",
        "Electronic freight documents instead of paper ones along Europe's corridors; looking "
        "for logistics clusters and ports to join pilots.",
    ),
    (
        "zavec",
        "Textile sustainable business model",
        "A business model for circular textiles, from design to recycling; looking for "
        "textile clusters and recyclers for a joint European project.",
    ),
    (
        "gendvilas",
        "Pan-European disaster response capability",
        "Pooling equipment, data and people for disaster response across borders; looking for "
        "security and health clusters and civil protection agencies.",
    ),
    (
        "ogden",
        "AI assistants for remote education",
        "Virtual teaching assistants that answer students' questions in online courses; "
        "looking for schools, universities and education clusters to test them.",
    ),
    (
        "antunes",
        "Innovation in Tourism",
        "A test bed for new tourism services after the pandemic; looking for tourism clusters "
        "and start-ups for joint calls.",
    ),
    (
        "vuillermoz",
        "Digitalisation transformation",
        "Digital tools for plastics processors, from the factory floor to the supply chain; "
        "looking for clusters that support manufacturers' digital transformation.",
    ),
)
PARTNERSHIPS: tuple[tuple[str, str, str], ...] = (
    (
        "verhaeghe",
        "S3Food",
        "Vouchers and coaching for food companies adopting digital technologies; the results "
        "of the first calls and the next open call.",
    ),
    (
        "sanchez-escrich",
        "C-Voucher",
        "Support for small companies redesigning their value chains for the circular economy; "
        "what the vouchers achieved and the events coming up.",
    ),
    (
        "venturini",
        "EXTRATEX",
        "Technical textiles for new markets such as construction and health; the partnership's "
        "results and its support for small companies.",
    ),
    (
        "udatha",
        "DIGI-B-CUBE",
        "Digital, biotech and health clusters helping companies through the pandemic with "
        "vouchers; the partnership's projects and events.",
    ),
    (
        "pavlica",
        "Block.IS Project",
        "Blockchain for agri-food, logistics and finance; the open calls, the companies "
        "supported and what comes next.",
    ),
    (
        "pfeil",
        "HY2. ZERO",
        "Hydrogen and electric mobility clusters working towards zero emissions; the "
        "partnership's activities and the partners it is looking for.",
    ),
)
CONTACT_MESSAGES = (
    "We work on the same topic; let's talk about a joint proposal.",
    "Please send me more information about the partners you are looking for.",
    "Our members would be interested. Can we arrange a call?",
    "",
    "",
)
