"""Phrase banks for the synthetic participants: what organisations in each industrial ecosystem
are called, and what their people offer and look for. Offers and needs of one ecosystem mirror
each other (someone offers recycled fibre, someone else looks for circular textile materials), so
the directory, the recommendations and the café seating have real matches to find."""

# ecosystem → words used in cluster and company names
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "aerospace-defence": ("Aerospace", "Aviation", "Space", "Defence Technologies"),
    "agri-food": ("Agri-Food", "Food", "Wine & Vine", "Dairy"),
    "construction": ("Construction", "Smart Building", "Timber Construction", "Habitat"),
    "cultural-creative": ("Creative Industries", "Design", "Media", "Games"),
    "digital": ("ICT", "Software", "Artificial Intelligence", "Cybersecurity"),
    "electronics": ("Electronics", "Photonics", "Microelectronics", "Embedded Systems"),
    "energy-intensive": ("Chemicals", "Plastics", "Metals", "Ceramics"),
    "energy-renewables": ("Renewable Energy", "Wind Energy", "Solar", "Hydrogen"),
    "health": ("Health", "MedTech", "Life Sciences", "Biotech"),
    "mobility-transport-automotive": ("Automotive", "Mobility", "Rail", "Logistics", "Maritime"),
    "proximity-social-economy": ("Social Economy", "Social Innovation", "Crafts", "Cooperatives"),
    "retail": ("Retail", "Packaging", "E-Commerce", "Consumer Goods"),
    "textiles": ("Textile", "Fashion", "Technical Textiles", "Leather & Footwear"),
    "tourism": ("Tourism", "Hospitality", "Outdoor Tourism", "Wellness Tourism"),
}

# organisation type → name templates; {place} {sector} {surname} {country} {form} are filled in
NAME_TEMPLATES: dict[str, tuple[str, ...]] = {
    "cluster": (
        "{place} {sector} Cluster",
        "{sector} Cluster {place}",
        "{sector} Cluster of {country}",
        "{place} {sector} Valley",
    ),
    "sme": (
        "{surname} {sector} {form}",
        "{place} {sector} Solutions {form}",
        "{surname} & Partners {form}",
    ),
    "large": ("{place} {sector} Group", "{surname} Industries {form}", "{place} {sector} Holding"),
    "public": (
        "{place} Regional Development Agency",
        "{place} Innovation Agency",
        "Ministry of Economy of {country}",
        "City of {place}",
    ),
    "research": (
        "University of {place}",
        "{place} University of Technology",
        "{sector} Research Centre {place}",
        "{place} Institute for Applied Research",
    ),
    "network": (
        "Cluster Association of {country}",
        "{sector} Association of {country}",
        "{place} Chamber of Commerce",
    ),
    "other": (
        "{surname} Consulting",
        "{place} Innovation Partners",
        "{place} Business Support Centre",
    ),
}

# organisation type → share of new organisations (weights)
TYPE_WEIGHTS: dict[str, int] = {
    "cluster": 32,
    "sme": 24,
    "large": 7,
    "public": 14,
    "research": 13,
    "network": 6,
    "other": 4,
}

# organisation type → registration stakeholder type
STAKEHOLDER_OF_TYPE: dict[str, str] = {
    "cluster": "cluster",
    "sme": "business",
    "large": "business",
    "public": "public",
    "research": "research",
    "network": "network",
    "other": "intermediary",
}

JOB_TITLES: dict[str, tuple[str, ...]] = {
    "cluster": (
        "Cluster Manager",
        "Managing Director",
        "Project Manager",
        "Innovation Manager",
        "Internationalisation Manager",
        "Communication Officer",
        "Head of Business Development",
    ),
    "sme": ("CEO", "Founder", "Managing Director", "Business Development Manager", "CTO"),
    "large": (
        "Head of Open Innovation",
        "R&D Director",
        "Public Affairs Manager",
        "Supply Chain Manager",
        "Sustainability Manager",
    ),
    "public": (
        "Policy Officer",
        "Head of Unit",
        "Programme Manager",
        "Advisor for Industrial Policy",
        "Regional Development Officer",
    ),
    "research": (
        "Professor",
        "Senior Researcher",
        "Technology Transfer Officer",
        "Research Project Manager",
        "Head of Department",
    ),
    "network": ("Secretary General", "Network Coordinator", "Policy Advisor", "EU Affairs Manager"),
    "other": ("Consultant", "Business Support Advisor", "Senior Consultant", "Innovation Advisor"),
}

# ecosystem → (offers, needs); the n-th need is what someone looks for when another offers the n-th
OFFERS_AND_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "aerospace-defence": (
        (
            "certified machining for aircraft parts",
            "drone testing airspace and facilities",
            "satellite data processing services",
            "additive manufacturing of lightweight metal parts",
        ),
        (
            "qualified suppliers of aircraft components",
            "a test site for drone flights",
            "earth observation data for new services",
            "partners for 3D-printed lightweight parts",
        ),
    ),
    "agri-food": (
        (
            "precision farming sensors",
            "a food innovation living lab",
            "processing of food waste into ingredients",
            "short supply chain logistics for local producers",
        ),
        (
            "digital tools for precision agriculture",
            "facilities to test new food products with consumers",
            "upcycled food ingredients",
            "distribution partners for regional food",
        ),
    ),
    "construction": (
        (
            "prefabricated timber building systems",
            "BIM modelling services",
            "recycled aggregates from demolition waste",
            "energy renovation know-how for public buildings",
        ),
        (
            "low-carbon building materials",
            "digital design tools for construction SMEs",
            "circular construction materials",
            "partners for deep renovation projects",
        ),
    ),
    "cultural-creative": (
        (
            "service design for industrial companies",
            "immersive VR content production",
            "a network of independent designers",
            "game-based training applications",
        ),
        (
            "designers to rethink our products and services",
            "virtual reality content for exhibitions",
            "creative partners for cross-sector projects",
            "serious games for workforce training",
        ),
    ),
    "digital": (
        (
            "AI models for predictive maintenance",
            "cybersecurity audits for SMEs",
            "cloud and edge computing infrastructure",
            "data analytics training",
        ),
        (
            "machine learning expertise for our production data",
            "cybersecurity support for small companies",
            "a cloud platform for industrial data",
            "upskilling in data science for our staff",
        ),
    ),
    "electronics": (
        (
            "printed electronics prototyping",
            "photonics testing laboratory",
            "sensor design and integration",
            "a semiconductor pilot line",
        ),
        (
            "flexible electronics for smart products",
            "access to optical measurement equipment",
            "custom sensors for monitoring applications",
            "chip prototyping capacity",
        ),
    ),
    "energy-intensive": (
        (
            "industrial symbiosis matchmaking",
            "recycled plastics compounding",
            "waste heat recovery engineering",
            "low-carbon steel and metal products",
        ),
        (
            "partners to reuse our industrial by-products",
            "recycled polymers of stable quality",
            "solutions to cut energy use in our plant",
            "green materials for our supply chain",
        ),
    ),
    "energy-renewables": (
        (
            "offshore wind supply chain services",
            "green hydrogen electrolyser know-how",
            "solar PV installation for industrial roofs",
            "energy storage system integration",
        ),
        (
            "suppliers for wind farm projects",
            "partners for a hydrogen valley",
            "renewable power for our production site",
            "battery storage for a local energy community",
        ),
    ),
    "health": (
        (
            "clinical validation services for medical devices",
            "telemedicine platforms",
            "biobank and lab facilities",
            "regulatory advice on the Medical Device Regulation",
        ),
        (
            "hospitals to test our medical device",
            "digital health solutions for remote care",
            "access to patient samples for research",
            "help with CE marking under the MDR",
        ),
    ),
    "mobility-transport-automotive": (
        (
            "electric vehicle charging solutions",
            "rail component testing",
            "autonomous driving simulation",
            "digital freight documents",
        ),
        (
            "charging infrastructure for company fleets",
            "test benches for railway components",
            "partners for connected and automated mobility pilots",
            "paperless logistics solutions",
        ),
    ),
    "proximity-social-economy": (
        (
            "work integration for vulnerable groups",
            "community-based repair and reuse services",
            "social impact measurement",
            "cooperative business models",
        ),
        (
            "social enterprises as subcontractors",
            "local partners for a repair café network",
            "tools to measure our social impact",
            "advice on setting up a cooperative",
        ),
    ),
    "retail": (
        (
            "sustainable packaging design",
            "e-commerce platform integration",
            "retail analytics",
            "reusable packaging logistics",
        ),
        (
            "eco-friendly packaging solutions",
            "online sales channels for small shops",
            "customer data insights for retailers",
            "a return system for reusable containers",
        ),
    ),
    "textiles": (
        (
            "recycled fibre supply",
            "textile waste sorting technology",
            "smart textile prototyping",
            "traceability tools for the textile value chain",
        ),
        (
            "circular textile materials",
            "partners for a textile recycling pilot",
            "wearable electronics expertise",
            "digital product passports for garments",
        ),
    ),
    "tourism": (
        (
            "destination data analytics",
            "sustainable tourism certification",
            "booking technology for small accommodation providers",
            "outdoor and nature experiences",
        ),
        (
            "visitor flow data for destination management",
            "help to make our destination greener",
            "digital tools for family-run hotels",
            "local partners for nature-based tourism packages",
        ),
    ),
}

# organisation type → (offers, needs) that anyone of that type may add
TYPE_OFFERS_AND_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cluster": (
        ("access to our member companies for pilots", "partner search across our cluster network"),
        ("cluster partners for a joint European project", "peer exchange on cluster management"),
    ),
    "sme": (
        ("a flexible team for joint product development",),
        ("distribution partners in other EU markets", "investors for our next growth stage"),
    ),
    "large": (
        ("open innovation challenges for start-ups",),
        ("innovative SME suppliers",),
    ),
    "public": (
        ("regional co-funding for interregional projects",),
        ("good practice in cluster policy",),
    ),
    "research": (
        ("testing and demonstration facilities", "joint research projects"),
        ("industrial partners for Horizon Europe proposals", "companies for field trials"),
    ),
    "network": (
        ("policy monitoring and advocacy",),
        ("new member clusters",),
    ),
    "other": (
        ("advice on EU funding applications",),
        ("SMEs that want to internationalise",),
    ),
}
