"""The organisations and people the source documents name (the 2020 output paper, the 2022
Prague edition, the EU Clusters Talks of 5 October 2022). Titles are as the documents give them;
e-mail addresses are fake (speakers.example.org) and no speaker can log in except the demo
speaker account."""

from clustermeet.demo.spec import OrgSpec, PersonSpec

CLUSTER, SME, LARGE, PUBLIC, RESEARCH, NETWORK, OTHER = (
    "cluster",
    "sme",
    "large",
    "public",
    "research",
    "network",
    "other",
)

ORGANISATIONS: dict[str, OrgSpec] = {
    # European institutions and agencies
    "ec": OrgSpec("European Commission", PUBLIC, "BE"),
    "dg-grow": OrgSpec("European Commission – DG GROW", PUBLIC, "BE"),
    "dg-cnect": OrgSpec("European Commission – DG CNECT", PUBLIC, "BE", ("digital",)),
    "dg-clima": OrgSpec("European Commission – DG CLIMA", PUBLIC, "BE"),
    "dg-empl": OrgSpec("European Commission – DG EMPL", PUBLIC, "BE"),
    "dg-defis": OrgSpec("European Commission – DG DEFIS", PUBLIC, "BE", ("aerospace-defence",)),
    "dg-ener": OrgSpec("European Commission – DG ENER", PUBLIC, "BE", ("energy-renewables",)),
    "easme": OrgSpec(
        "European Agency for Small and Medium-sized Enterprises (EASME)", PUBLIC, "BE"
    ),
    "eib": OrgSpec("European Investment Bank", PUBLIC, "LU"),
    # National and regional authorities
    "bmwi": OrgSpec("Federal Ministry for Economic Affairs and Energy", PUBLIC, "DE"),
    "econ-lt": OrgSpec("Ministry of Economy", PUBLIC, "LT"),
    "econ-ro": OrgSpec("Ministry of Economy", PUBLIC, "RO"),
    "econ-pl": OrgSpec("Ministry of Economy", PUBLIC, "PL"),
    "vlaio": OrgSpec("Flanders Innovation & Entrepreneurship", PUBLIC, "BE"),
    "accio": OrgSpec("ACCIÓ – Government of Catalonia", PUBLIC, "ES"),
    "lapland": OrgSpec("Regional Council of Lapland", PUBLIC, "FI", ("tourism",)),
    # Networks and associations
    "businesseurope": OrgSpec("BusinessEurope", NETWORK, "BE"),
    "eca": OrgSpec("European Clusters Alliance", NETWORK, "BE"),
    "smeunited": OrgSpec("SMEunited", NETWORK, "BE"),
    "usc": OrgSpec("Union of Slovak Clusters", NETWORK, "SK"),
    "cluster-excellence-dk": OrgSpec("Cluster Excellence Denmark", NETWORK, "DK"),
    "bfa": OrgSpec("Bulgarian Fashion Association", NETWORK, "BG", ("textiles",)),
    "social-enterprise-nl": OrgSpec(
        "Social Enterprise Network", NETWORK, "NL", ("proximity-social-economy",)
    ),
    "textile-si": OrgSpec("Textile Association of Slovenia", NETWORK, "SI", ("textiles",)),
    "iot4industry": OrgSpec(
        "IOT4Industry", NETWORK, "", ("digital",), website="https://www.iot4industry.eu/"
    ),
    "swi": OrgSpec("Single Window Initiative", NETWORK, "EE", ("mobility-transport-automotive",)),
    "nca": OrgSpec("National Cluster Association", NETWORK, "CZ"),
    "cebr": OrgSpec("Council of European BioRegions", NETWORK, "BE", ("health",)),
    "eccp": OrgSpec("European Cluster Collaboration Platform", NETWORK, "BE"),
    # Cluster organisations
    "rei": OrgSpec("REI", CLUSTER, "IT"),
    "avaesen": OrgSpec("Avaesen", CLUSTER, "ES", ("energy-renewables",)),
    "transilvania-it": OrgSpec("Transilvania IT Cluster", CLUSTER, "RO", ("digital",)),
    "cosmetic-valley": OrgSpec("Cosmetic Valley", CLUSTER, "FR", ("health", "retail")),
    "aei-textils": OrgSpec("AEI Tèxtils", CLUSTER, "ES", ("textiles",)),
    "sports-tech": OrgSpec("Cluster Sports & Technology", CLUSTER, "NL", ("health",)),
    "silesian-aviation": OrgSpec(
        "Silesian Aviation Cluster", CLUSTER, "PL", ("aerospace-defence",)
    ),
    "turistec": OrgSpec("Turistec", CLUSTER, "ES", ("tourism",)),
    "ditecfer": OrgSpec(
        "DITECFER – District for Rail Technologies",
        CLUSTER,
        "IT",
        ("mobility-transport-automotive",),
    ),
    "habitat": OrgSpec("Cluster Habitat Sustentável", CLUSTER, "PT", ("construction",)),
    "foodvalley": OrgSpec("Food Valley", CLUSTER, "NL", ("agri-food",)),
    "plastipolis": OrgSpec("Plastipolis", CLUSTER, "FR", ("energy-intensive",)),
    "arctic-design": OrgSpec("Arctic Design Cluster", CLUSTER, "FI", ("cultural-creative",)),
    "tice": OrgSpec("TICE.PT", CLUSTER, "PT", ("digital",)),
    "cluster-energia": OrgSpec("Cluster de Energía", CLUSTER, "ES", ("energy-renewables",)),
    "alpha-rlh": OrgSpec(
        "ALPHA-RLH Route des Lasers et des Hyperfréquences", CLUSTER, "FR", ("electronics",)
    ),
    "packaging-cluster": OrgSpec("Packaging Cluster", CLUSTER, "ES", ("retail",)),
    "health-valley": OrgSpec("Health Valley", CLUSTER, "NL", ("health",)),
    "idia": OrgSpec("IDiA", CLUSTER, "ES"),
    "it-logistics": OrgSpec(
        "IT Logistics & E-Mobility Cluster Regensburg",
        CLUSTER,
        "DE",
        ("mobility-transport-automotive", "digital"),
    ),
    "techtera": OrgSpec("Techtera", CLUSTER, "FR", ("textiles",)),
    "minalogic": OrgSpec("Minalogic", CLUSTER, "FR", ("digital", "electronics")),
    "photonics-pl": OrgSpec(
        "Cluster for Photonics and Fibre Optics", CLUSTER, "PL", ("electronics",)
    ),
    "flanders-food": OrgSpec("Flanders' FOOD", CLUSTER, "BE", ("agri-food",)),
    "oslo-cancer": OrgSpec("Oslo Cancer Cluster", CLUSTER, "NO", ("health",)),
    "vojvodina-ict": OrgSpec("Vojvodina ICT Cluster", CLUSTER, "RS", ("digital",)),
    "green-home": OrgSpec("Green HoMe scarl", CLUSTER, "IT", ("construction",)),
    "agrifood-lt": OrgSpec("Agri-Food Lithuania DIH", CLUSTER, "LT", ("agri-food",)),
    # Czech clusters that opened their doors for the 2022 site visits
    "mechatronika": OrgSpec("MECHATRONIKA Cluster", CLUSTER, "CZ", ("electronics",)),
    "nanoprogress": OrgSpec("NANOPROGRESS", CLUSTER, "CZ", ("textiles", "health")),
    "clutex": OrgSpec("CLUTEX", CLUSTER, "CZ", ("textiles",)),
    "czechimplant": OrgSpec("CZECHIMPLANT", CLUSTER, "CZ", ("health",)),
    "czech-optical": OrgSpec("Czech Optical Cluster", CLUSTER, "CZ", ("electronics",)),
    # Companies, research and others
    "airbus": OrgSpec("Airbus", LARGE, "DE", ("aerospace-defence",)),
    "deepmentation": OrgSpec("Deepmentation UG", SME, "DE", ("health", "digital")),
    "messagelab": OrgSpec("MessageLab", SME, ""),
    "next-tecnotessile": OrgSpec("Next Technology Tecnotessile", RESEARCH, "IT", ("textiles",)),
    "dlr-transport": OrgSpec(
        "Institute for Transport Research", RESEARCH, "DE", ("mobility-transport-automotive",)
    ),
    "hbs": OrgSpec("Harvard Business School", RESEARCH, "US"),
    "polimi": OrgSpec("Politecnico di Milano", RESEARCH, "IT", ("energy-intensive",)),
    "lund": OrgSpec("Lund University", RESEARCH, "SE"),
    "strasbourg": OrgSpec("University of Strasbourg", RESEARCH, "FR"),
    "ismc": OrgSpec("ISMC", RESEARCH, "ES", ("energy-intensive",)),
    "nest": OrgSpec("NEST Tourism Innovation Center", OTHER, "PT", ("tourism",)),
    "eic-mt": OrgSpec("EIC", OTHER, "MT", ("digital",)),
    "c-voucher": OrgSpec("C-Voucher project", OTHER, "ES"),
}

# The Commission officials in the output paper work in Brussels: their country is Belgium.
P = PersonSpec
PEOPLE: dict[str, PersonSpec] = {
    # Studio hosts and the high-level opening
    "jilkova": P("Teodora", "Jilkova", "Master of Ceremonies", "", ""),
    "engelmann": P("Ulla", "Engelmann", "Head of Unit Social Economy, DG GROW", "dg-grow", "BE"),
    "schnorr": P(
        "Stefan",
        "Schnorr",
        "Head of the Digital and Innovation Policy Department",
        "bmwi",
        "DE",
    ),
    "breton": P("Thierry", "Breton", "European Commissioner for the Internal Market", "ec", "BE"),
    "altmaier": P(
        "Peter", "Altmaier", "Federal Minister for Economic Affairs and Energy", "bmwi", "DE"
    ),
    # High-level policy roundtable
    "tokarski": P(
        "Slawomir", "Tokarski", "Director Industrial Policy & Innovation, DG GROW", "dg-grow", "BE"
    ),
    "rojaka": P("Jekaterina", "Rojaka", "Vice Minister", "econ-lt", "LT"),
    "bulf": P("Catalin", "Bulf", "Secretary of State", "econ-ro", "RO"),
    "liedekerke": P("Therese", "de Liedekerke", "Deputy Director General", "businesseurope", "BE"),
    "novo": P(
        "Antonio",
        "Novo Guerrero",
        "President of the European Clusters Alliance; cluster manager at IDiA",
        "eca",
        "ES",
    ),
    "willems": P("Veronique", "Willems", "Secretary General", "smeunited", "BE"),
    # Panel on recovery and resilience
    "renders": P("Annie", "Renders", "Head of Cluster Policy", "vlaio", "BE"),
    "lubos": P("Beata", "Lubos", "Head of Innovation Policy", "econ-pl", "PL"),
    "acs": P("Daniel", "Ács", "President", "usc", "SK"),
    "massari": P("Ilaria", "Massari", "General Manager", "rei", "IT"),
    "lenz": P(
        "Barbara", "Lenz", "Head of the Institute for Transport Research", "dlr-transport", "DE"
    ),
    "errard": P("Nathalie", "Errard", "Senior Vice President", "airbus", "DE"),
    # Keynotes
    "ketels": P(
        "Christian",
        "Ketels",
        "Visiting Executive, Harvard Business School; Chair of the TCI Network Advisory Board",
        "hbs",
        "US",
    ),
    "nielsen": P(
        "Merete",
        "Daniel Nielsen",
        "Director, Cluster Excellence Denmark; President of TCI Network",
        "cluster-excellence-dk",
        "DK",
    ),
    # Europe's growth strategy: the four challenges
    "perelle": P(
        "Marion", "Perelle", "Policy officer, finance for innovation, DG CLIMA", "dg-clima", "BE"
    ),
    "dragomir": P("Bianca", "Dragomir", "Director", "avaesen", "ES"),
    "riedl": P(
        "Alexander",
        "Riedl",
        "Deputy Head of Unit Digital Economy and Skills, DG CNECT",
        "dg-cnect",
        "BE",
    ),
    "roja": P("Alexandru", "Roja", "Cluster manager", "transilvania-it", "RO"),
    "casini": P("Paolo", "Casini", "Deputy Director-General, DG GROW", "dg-grow", "BE"),
    "leloutre": P("Ségolène", "Leloutre", "Head of internationalisation", "cosmetic-valley", "FR"),
    "crabb": P(
        "Alison", "Crabb", "Head of Unit Skills and Qualifications, DG EMPL", "dg-empl", "BE"
    ),
    "seel": P("Lucia", "Seel", "European cluster expert", "", "AT"),
    # EU financing landscape
    "przeor": P(
        "Marek",
        "Przeor",
        "Team Leader, Industrial Forum, Alliances and Clusters (D.2), DG GROW",
        "dg-grow",
        "BE",
    ),
    "casamada": P("Josep", "Casamada", "GALACTICA project coordinator", "aei-textils", "ES"),
    "colledani": P("Marcello", "Colledani", "Professor", "polimi", "IT"),
    "sievers": P(
        "Kristian", "Sievers", "Project manager, Tourism of Tomorrow Lab", "lapland", "FI"
    ),
    "van-der-zande": P(
        "Marc", "van der Zande", "Smart Vital Urban Regions project lead", "sports-tech", "NL"
    ),
    "mawhinney": P("Mark", "Mawhinney", "Head of Digital and Business Transformation", "eib", "LU"),
    "gassmann": P("Daniel", "Gassmann", "Head of Sector Innovation Support", "easme", "BE"),
    "bejenke-walsh": P("Irene", "Bejenke Walsh", "Director", "messagelab", ""),
    # European Expert Group on Clusters (Krystowski is the demo speaker account)
    "krystowski": P(
        "Krzysztof",
        "Krystowski",
        "President",
        "silesian-aviation",
        "PL",
        email="speaker@example.org",
    ),
    "wise": P("Emily", "Wise", "Researcher, IEC AB and Lund University", "lund", "SE"),
    "pezzi": P(
        "Alberto", "Pezzi", "Director of Competitiveness and Clusters Strategy", "accio", "ES"
    ),
    # The 14 ecosystem workshops
    "momot": P(
        "Milosz",
        "Momot",
        "Deputy Head of Unit Tourism, Textiles and Creative Industries, DG GROW",
        "dg-grow",
        "BE",
    ),
    "lopez-del-avila": P(
        "Antonio", "López del Ávila", "President of Turisfera, Turistec cluster", "turistec", "ES"
    ),
    "guillou": P(
        "Morgan",
        "Guillou",
        "Legal officer, Automotive and Mobility Industries, DG GROW",
        "dg-grow",
        "BE",
    ),
    "bocci": P("Veronica Elena", "Bocci", "Coordinator", "ditecfer", "IT"),
    "zegers": P("Tanja", "Zegers", "Inter-institutional coordinator, DG DEFIS", "dg-defis", "BE"),
    "paparella": P(
        "Antonio", "Paparella", "Senior Expert Sustainable Construction, DG GROW", "dg-grow", "BE"
    ),
    "ferreira": P("Victor", "Ferreira", "Cluster manager", "habitat", "PT"),
    "popova": P(
        "Blaga",
        "Popova Valentinova",
        "Trade Affairs Officer, Food Industry, DG GROW",
        "dg-grow",
        "BE",
    ),
    "brasz": P("Marjolein", "Brasz", "Managing Director", "foodvalley", "NL"),
    "valle": P(
        "Antti",
        "Valle",
        "Policy officer, Energy Intensive Industries and Raw Materials, DG GROW",
        "dg-grow",
        "BE",
    ),
    "vuillermoz": P("Patrick", "Vuillermoz", "General Manager", "plastipolis", "FR"),
    "garellick": P(
        "Mikael",
        "Garellick",
        "Trade affairs officer, Tourism, Textiles and Creative Industries, DG GROW",
        "dg-grow",
        "BE",
    ),
    "kabaivanova": P("Silvia", "Kabaivanova", "Chairman", "bfa", "BG"),
    "recalde": P(
        "Lucia",
        "Recalde Langarica",
        "Head of Unit Audiovisual Industry and Media Support Programmes, DG CNECT",
        "dg-cnect",
        "BE",
    ),
    "miettinen": P("Satu", "Miettinen", "Arctic Design Cluster", "arctic-design", "FI"),
    "lagarto": P("Vasco", "Lagarto", "Cluster manager", "tice", "PT"),
    "walschebauer": P(
        "Julia",
        "Walschebauer",
        "Policy officer, Innovation, Clean Technologies and Competitiveness, DG ENER",
        "dg-ener",
        "BE",
    ),
    "hormaeche": P("José Ignacio", "Hormaeche", "Director General", "cluster-energia", "ES"),
    "ibanez": P(
        "Francisco",
        "Ibanez Gallardo",
        "Deputy Head of Unit Competitive Electronics Industry, DG CNECT",
        "dg-cnect",
        "BE",
    ),
    "floch": P("Hervé", "Floch", "Director General", "alpha-rlh", "FR"),
    "gbur": P(
        "Paulina", "Gbur", "Policy officer, Retail and Online Services, DG GROW", "dg-grow", "BE"
    ),
    "riera": P("Monica", "Riera", "Project manager", "packaging-cluster", "ES"),
    "vanderpoorten": P(
        "Karel", "Vanderpoorten", "Policy officer Social Economy, DG GROW", "dg-grow", "BE"
    ),
    "panhuijsen": P("Stefan", "Panhuijsen", "Director", "social-enterprise-nl", "NL"),
    "ablazevica": P(
        "Anna",
        "Ablazevica",
        "Legal & policy officer, Chemicals & Plastics Industries, DG GROW",
        "dg-grow",
        "BE",
    ),
    "haze": P("Victor", "Haze", "Innovation manager", "health-valley", "NL"),
    # Quiz and awards
    "tubiana": P(
        "Alain",
        "Tubiana",
        "Head of the Master programme in Cluster Management",
        "strasbourg",
        "FR",
    ),
    "campanella": P("Marielle", "Campanella", "Coordinator of IOT4Industry", "iot4industry", ""),
    "pfeil": P("Uwe", "Pfeil", "Cluster manager", "it-logistics", "DE"),
    "farace": P("Corinne", "Farace", "Cluster manager", "techtera", "FR"),
    # Pitching for contacts: new ideas
    "cuesta-lopez": P("Santiago", "Cuesta-Lopez", "Director", "ismc", "ES"),
    "rossi": P("Giuseppe", "Rossi", "Project lead", "green-home", "IT"),
    "quintin": P("Laure", "Quintin", "Digital transformation manager", "minalogic", "FR"),
    "seidel": P("Roman", "Seidel", "Founder", "deepmentation", "DE"),
    "serewko": P("Alicja", "Serewko", "Cluster coordinator", "photonics-pl", "PL"),
    "hurt": P("Ulrika", "Hurt", "Project manager", "swi", "EE"),
    "zavec": P("Daniela", "Zavec", "Project manager", "textile-si", "SI"),
    "gendvilas": P("Donatas", "Gendvilas", "Project initiator", "", "LT"),
    "ogden": P("Bryan", "Ogden", "Project lead", "eic-mt", "MT"),
    "antunes": P("Roberto", "Antunes", "Project manager", "nest", "PT"),
    # Pitching for contacts: European Cluster Partnerships
    "verhaeghe": P("Gus", "Verhaeghe", "S3Food partnership", "flanders-food", "BE"),
    "sanchez-escrich": P("Almudena", "Sanchez Escrich", "Project manager", "c-voucher", "ES"),
    "venturini": P("Enrico", "Venturini", "EXTRATEX partnership", "next-tecnotessile", "IT"),
    "udatha": P("Gupta", "Udatha", "DIGI-B-CUBE partnership", "oslo-cancer", "NO"),
    "pavlica": P("Danijel", "Pavlica", "Block.IS project", "vojvodina-ict", "RS"),
    # 2022: Prague and the EU Clusters Talks
    "herinek": P("Jiří", "Herinek", "President", "nca", "CZ"),
    "sermuksnyte": P(
        "Kristina",
        "Sermuksnyte-Alesiuniene",
        "General Manager; European Cluster Manager of the Year 2022",
        "agrifood-lt",
        "LT",
    ),
    "de-graef": P("Veerle", "de Graef", "Programme Manager", "flanders-food", "BE"),
    "le-corvec": P("Anais", "Le Corvec", "Network Manager", "cebr", "BE"),
}
