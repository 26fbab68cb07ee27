"""The texts of the demo's awards: categories, criteria and the nominees' statements, written
for the demo (short and neutral). The facts — who was a finalist, who won — come from the
source documents; nominees the documents do not name are invented, and say so nowhere but
here: the 2020 partnership finalists besides IOT4Industry, the 2020 manager nominations that
were not shortlisted, and the 2022 nominees besides the two winners."""

# ---------------------------------------------------------------- 2020
PARTNERSHIP_2020 = (
    "European Cluster Partnership of the Year 2020",
    "For a European Cluster Partnership whose communication made its work visible: to its "
    "members, to companies across borders and to policy makers. Decided by the jury, "
    "without a public vote.",
    "European Strategic Cluster Partnerships and ESCP-4i partnerships active in 2020.",
)
MANAGER_2020 = (
    "European Cluster Manager of the Year 2020",
    "For a cluster manager whose communication work stood out this year. The jury "
    "shortlisted three finalists; each gave a short pitch in the awards session, then the "
    "conference's participants voted live.",
    "Managers of a cluster organisation in an EU Member State or a COSME country.",
)
SPECIAL_2020 = (
    "Special Award for EU Cluster Mobilisation 2020",
    "An award of the European Commission for mobilising the cluster community during the "
    "COVID-19 pandemic. Decided by the Commission, without a vote.",
    "Proposed by the European Commission.",
)

PARTNERSHIP_CRITERIA = (
    ("Reach", "How many members, companies and partners the communication reached."),
    ("Cooperation", "How well the partners communicate and work together across borders."),
    ("Results", "What the communication achieved for the partnership's companies."),
)
MANAGER_CRITERIA = (
    ("Impact on members", "What the cluster's companies gained from the manager's work."),
    ("Cooperation", "Links built with other clusters, regions and countries."),
    ("Excellence of management", "How the cluster organisation is run and financed."),
    ("Communication", "How clearly and widely the cluster's work is communicated."),
)

STATEMENTS_2020 = {
    "iot4industry": (
        "A partnership of clusters helping manufacturing companies take up the Internet of "
        "Things, with vouchers for cross-border pilots and a steady flow of news, webinars and "
        "success stories."
    ),
    "medtex": (
        "Textile clusters from the Mediterranean working on circular fibres: a shared "
        "newsletter, open factory days and a matchmaking tool for recycled materials."
    ),
    "biodanube": (
        "Health clusters along the Danube connecting hospitals and start-ups, with a joint "
        "podcast and a calendar of procurement days."
    ),
    "novo": (
        "Runs IDiA, a cluster for industrial research and innovation in Andalusia, and chairs "
        "the European Clusters Alliance."
    ),
    "pfeil": (
        "Manages two clusters in Regensburg, on IT logistics and on electric mobility, and "
        "keeps their members informed through events, newsletters and social media."
    ),
    "farace": (
        "Manages Techtera, the textile cluster of Auvergne-Rhône-Alpes, and speaks for "
        "technical textiles at regional, national and European level."
    ),
    "manager-4": (
        "Built a small food cluster into a regional reference, with a members' magazine "
        "published in three languages."
    ),
    "manager-5": (
        "Leads a maritime cluster whose yearly blue-economy forum brings members and "
        "researchers together."
    ),
    "manager-6": (
        "Manages an ICT cluster that reports its members' projects in a monthly video series."
    ),
    "manager-7": (
        "Runs an energy cluster that started an open data portal on renewable projects in "
        "its region."
    ),
    "manager-8": (
        "Coordinates a wood and furniture cluster and its campaign for sustainable design."
    ),
    "special": (
        "Within days of the first lockdown he brought Europe's clusters together in the "
        "European Alliance against Coronavirus, with daily webinars matching supply and demand "
        "for protective equipment."
    ),
}

# ---------------------------------------------------------------- 2022
PARTNERSHIP_2022 = (
    "European Cluster Partnership of the Year 2022",
    "For a European Cluster Partnership that helped its companies through the green and "
    "digital transitions. Three nominees, chosen by a jury; the cluster community voted "
    "online, then the participants in Prague voted on site.",
    "European Strategic Cluster Partnerships running in 2022.",
)
MANAGER_2022 = (
    "European Cluster Manager of the Year 2022",
    "For a cluster manager who led their cluster's members through the year's changes. Three "
    "nominees, chosen by a jury; the cluster community voted online, then the participants "
    "in Prague voted on site.",
    "Managers of a cluster organisation in a country of the Single Market Programme.",
)

STATEMENTS_2022 = {
    "s3food": (
        "S3Food helps food companies adopt digital solutions — sensors, data platforms, "
        "automation — with vouchers and coaching from food clusters in several regions."
    ),
    "retex": (
        "Textile clusters from four countries helping companies sort, recycle and reuse "
        "textile waste, from pilot lines to buyers of recycled fibres."
    ),
    "h2link": (
        "Energy and mobility clusters linking hydrogen valleys, so that small suppliers find "
        "their first industrial customers abroad."
    ),
    "sermuksnyte": (
        "Leads a digital innovation hub for agriculture and food in Lithuania that brings "
        "farmers, processors and technology companies together."
    ),
    "ribeiro": (
        "Manages a maritime cluster in Portugal and its programme for ports' energy transition."
    ),
    "lindqvist": (
        "Runs a forest bioeconomy cluster in northern Sweden that trains companies in wood "
        "construction and bio-based materials."
    ),
}

# The 2022 categories in the host country's language and in German, for readers who chose them
# (`awards.texts.text_in`); the nominees' statements stay in English, as they were sent.
TRANSLATIONS_2022 = {
    "partnership-of-the-year": {
        "cs": {
            "name": "Evropské klastrové partnerství roku 2022",
            "description": "Pro evropské klastrové partnerství, které pomohlo svým firmám se "
            "zelenou a digitální transformací. Tři nominovaní vybraní porotou; klastrová "
            "komunita hlasovala online, poté účastníci v Praze na místě.",
            "eligibility": "Evropská strategická klastrová partnerství působící v roce 2022.",
        },
        "de": {
            "name": "Europäische Clusterpartnerschaft des Jahres 2022",
            "description": "Für eine europäische Clusterpartnerschaft, die ihre Unternehmen "
            "durch den grünen und digitalen Wandel begleitet hat. Drei von einer Jury "
            "ausgewählte Nominierte; die Cluster-Community stimmte online ab, danach die "
            "Teilnehmenden in Prag vor Ort.",
            "eligibility": "Europäische strategische Clusterpartnerschaften, die 2022 liefen.",
        },
    },
    "cluster-manager-of-the-year": {
        "cs": {
            "name": "Evropský manažer klastru roku 2022",
            "description": "Pro manažera nebo manažerku klastru, kteří letos provedli členy "
            "klastru změnami. Tři nominovaní vybraní porotou; klastrová komunita hlasovala "
            "online, poté účastníci v Praze na místě.",
            "eligibility": "Manažeři klastrových organizací v zemích Programu pro jednotný trh.",
        },
        "de": {
            "name": "Europäisches Clustermanagement des Jahres 2022",
            "description": "Für eine Clustermanagerin oder einen Clustermanager, die die "
            "Mitglieder ihres Clusters durch die Veränderungen des Jahres geführt haben. Drei "
            "von einer Jury ausgewählte Nominierte; die Cluster-Community stimmte online ab, "
            "danach die Teilnehmenden in Prag vor Ort.",
            "eligibility": "Das Management einer Clusterorganisation in einem Land des "
            "Binnenmarktprogramms.",
        },
    },
}
