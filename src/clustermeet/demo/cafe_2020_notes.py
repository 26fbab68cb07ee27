"""What the café tables of ECC 2020 wrote: the bullet points of the output paper (sections 6 and
9), per café session and question, lightly shortened. The demo loader draws each table's notes
from these, so the harvest regroups them into the paper's themes. No Django."""

QUESTIONS_BY_CHALLENGE: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "green": (
        (
            "Who are the key actors in the green transition?",
            (
                "All economic actors are key, large companies and SMEs alike",
                "Media, to raise awareness of green solutions",
                "Financial institutions and banks that finance the transition",
                "Public authorities at regional and national level",
            ),
        ),
        (
            "What does the green transition need?",
            (
                "Training of staff and managers",
                "Communication about green solutions",
                "Knowledge of resource flows",
                "Identify and assess the relevance of financing schemes",
                "Partnerships with other actors",
                "Measure what you do: indicators and data",
            ),
        ),
        (
            "How can policy help the green transition?",
            (
                "Promotion and providing leadership to clusters",
                "Market incentives for greener products",
                "Better funding, also for series project implementation",
                "New mechanisms to channel money to SMEs",
                "Longer-term local public-private partnerships",
                "Green public procurement",
            ),
        ),
    ),
    "digital": (
        (
            "Who are the key actors in digitalisation?",
            (
                "Companies of every size: large ones, SMEs and start-ups, with their employees",
                "Cluster managers and their networks",
                "Public stakeholders at EU, national, regional and local level, including smart cities",
                "Research and education",
                "Citizens",
            ),
        ),
        (
            "What does digitalisation need?",
            (
                "Digital skills: assess needs, access to training and digital tools for managers",
                "Collaboration across sectors to implement IT solutions: matchmaking, hackathons",
                "A vision and long-term plan with strong networks linked to EU policies",
                "Clusters as advisors in cascade funding mechanisms",
            ),
        ),
        (
            "Which policy instruments help digitalisation?",
            (
                "Funding programmes for digital projects and simplified access to loans",
                "Support collaboration between clusters and digital innovation hubs",
                "Support training access and upskilling of managers and employees",
                "Develop advanced infrastructures and foster major EU digital players",
                "More cluster cooperation projects with minimum bureaucracy for SMEs",
            ),
        ),
    ),
    "resilience": (
        (
            "Who are the key actors for resilience?",
            (
                "Public authorities: regional and national governments",
                "SMEs",
                "Research institutes",
                "Other clusters and industrial associations",
                "Digital innovation hubs",
            ),
        ),
        (
            "What role can clusters play to avoid disruptions in supply and value chains?",
            (
                "Coordinator or orchestrator: identify disruptions and possible substitutes",
                "Initiating and engaging in public-private partnerships",
                "Creating spaces where actors experiment and develop solutions together",
                "Tighter international partnerships embedded in supply-chain strategies",
                "Supply-chain risk management as a new role for the ECCP",
                "A task force to permanently monitor weaknesses in value chains",
            ),
        ),
        (
            "Which policy instruments help clusters with resilience?",
            (
                "Engage clusters in market intelligence and foresight",
                "Lifelong learning and multi-disciplinary skills development",
                "Open database connecting the supply-chain actors",
                "Business advisory service for the cluster's resilience building",
                "Communication campaign to inform business owners of cluster capabilities",
                "New funding programmes for the transition towards resiliency",
            ),
        ),
    ),
    "skills": (
        (
            "Who are the key actors for skills?",
            (
                "Local education and training structures",
                "Employers and the workforce of the sector",
                "Partners of the European Pact for Skills",
                "Research and universities",
            ),
        ),
        (
            "What do skills in the clusters' sectors need?",
            (
                "Skilling of the sector's workforce on the strategic agenda of each cluster",
                "Recognition of clusters as interlocutors",
                "Broader connections with actors of the skills domain",
                "Collective skilling intelligence built by the cluster community",
                "A lifelong learning approach",
            ),
        ),
        (
            "How can policy help clusters with skills?",
            (
                "Mobilise clusters in the European Pact for Skills",
                "Clusters as intermediaries connecting skills demand and supply",
                "Digital skills initiatives open to cluster services",
                "Reskilling and upskilling programmes for the workforce",
            ),
        ),
    ),
}

STRENGTHEN = "How can clusters strengthen the industrial ecosystem?"
POLICY = "What policy instruments do clusters need?"

# ecosystem slug → (bullets for STRENGTHEN, bullets for POLICY)
WORKSHOP_NOTES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "tourism": (
        (
            "Keep in touch with new trends and main objectives",
            "Clusters need to drive the change with hands-on actions",
            "Translate policies into activities",
            "Join forces with members, public agents, civic society and research",
            "Create a new tourism ecosystem with local residents",
            "Introduce technology to the ecosystem",
        ),
        (
            "A specific long-term plan among all actors, with financing",
            "Select the most innovative projects, not the cheapest",
            "Adapt procurement rules and local legislation",
            "Lobbying so that the region backs the clusters",
            "Involve authorities and decision makers in the work of clusters",
        ),
    ),
    "mobility-transport-automotive": (
        (
            "Railway, maritime and automotive working together on common roadmaps",
            "Information about reskilling and upskilling programmes",
            "Members lack knowledge of recovery plan opportunities and calls",
            "Clusters as interlocutor with public authorities",
        ),
        (
            "A visionary policy integrating the transport infrastructures",
            "Budget to turn the roadmap into concrete actions and investments",
            "INNOSUP calls as a good cascade funding model",
            "Clusters themselves as beneficiaries, beyond their members",
            "Standardisation of technologies: data protocols, charging infrastructure",
        ),
    ),
    "aerospace-defence": (
        (
            "Training, capacity building and exchange of expertise",
            "Standardisation across Europe",
            "A platform for SMEs to collaborate with companies at every level",
            "Relationship development is key in this industry",
        ),
        (
            "Politicians need to understand that clusters build bridges",
            "Large cluster associations treated equally with the OEMs",
            "Specific flagship and joint cluster initiatives",
            "Bring many organisations together in a few very large projects",
        ),
    ),
    "construction": (
        (
            "Transform the ecosystem towards green, circular and digital",
            "Rethink value chains",
            "Explore internationalisation of knowledge and services",
        ),
        (
            "Policy makers to take the construction ecosystem into account in circular economy plans",
            "Clusters inform policy makers about waste streams",
            "Funding instruments also available for clusters",
        ),
    ),
    "agri-food": (
        (
            "Tailor-made activities for companies",
            "Inter-cluster collaboration, structural and incidental",
            "Start-up and scale-up support",
            "Living labs to demonstrate and test solutions",
            "Programmes to attract and retain talent",
        ),
        (
            "Strategy building and industry support such as COSME and INNOSUP",
            "Interregional investment programmes for a network of infrastructures",
            "Take away legislative barriers such as food waste handling",
            "Extend public investment funds for the food sector",
        ),
    ),
    "energy-intensive": (
        (
            "Professionally managed open innovation structures",
            "Connect SMEs as suppliers with the biggest energy consumers",
            "Secure supply chains and re-localise materials production",
            "Anticipate market disruptions from global OEMs",
        ),
        (
            "Highlight the capabilities of clusters in official publications",
            "Transnational cooperation on circular economy and energy efficiency",
            "Incentives for relocating supply chains in Europe",
            "Market regulations that favour clean and green solutions",
        ),
    ),
    "textiles": (
        (
            "Leverage circular economy business models",
            "Reskilling and upskilling the workforce for the circular transition",
            "European projects for cross-sectoral and cross-border collaboration",
            "Connect SMEs to peers in the EU ecosystem",
            "Digital tools such as virtual trade fairs after COVID",
        ),
        (
            "Consider textiles beyond fashion: technical and home textiles",
            "Direct grants in cascade funding with easy applications",
            "Support traceability mechanisms",
            "A monitoring system for benchmarking companies",
        ),
    ),
    "cultural-creative": (
        (
            "Meet cluster members and discuss their needs",
            "Provide critical mass and give the stakeholders a face",
            "Link the stakeholders and policy",
            "Boost the capacity of the stakeholders",
        ),
        (
            "Include the creative industries in policy documents",
            "Leverage design knowledge to innovate in other sectors such as mining",
            "Help people diversify their economy",
        ),
    ),
    "digital": (
        (
            "Knowledge transfer and digital match-making",
            "Address cyber security and train employees and managers",
            "Show SMEs that digitalisation is doable",
            "Best practices on AI in production and manufacturing",
            "Participate in digital innovation hubs all over the EU",
        ),
        (
            "Networking events with the government side about digitalisation",
            "Innovation vouchers for digital transformation",
            "Cross-cluster dialogue with the digital tech community",
            "Standardisation processes focussing on industry",
        ),
    ),
    "energy-renewables": (
        (
            "Participate in interregional partnerships and projects",
            "B2B meetings through missions and events",
            "Help innovative SMEs find partners and customers",
        ),
        (
            "Incentivise big wind companies to open innovation with European suppliers",
            "Enable data sharing in renewable value chains",
            "Data owners make data accessible through digital platforms",
        ),
    ),
    "electronics": (
        (
            "Lobbying, visibility and representation for SMEs",
            "Connect SMEs and larger companies through EU meta-clusters",
            "Support for standards, certification and reliability",
        ),
        (
            "Let cluster organisations redistribute funding to SMEs",
            "Big EU funding for electronics to compete with Asia",
            "Funding for clusters in ECSEL",
        ),
    ),
    "retail": (
        (
            "Test circular economy solutions with companies",
            "Change consumer behaviour and producer responsibility",
            "Links with research and academia",
            "Connect knowledge providers, administration, companies and final users",
            "Communicate correctly to the final consumer",
        ),
        (
            "Transparency along the value chain",
            "Social funds projects for retailers' skills",
            "Pass messages to policy makers for the recovery plans",
        ),
    ),
    "proximity-social-economy": (
        (
            "Social economy actors stronger together",
            "Offer an alternative economic model",
            "Clusters as the meeting point of social enterprises",
        ),
        (
            "Recognition in industrial policy",
            "Dedicated funding programmes",
            "Public procurement with social clauses",
        ),
    ),
    "health": (
        (
            "Patient-centred care and collaboration",
            "Link actors in the whole system, also clinicians and patients",
            "Connect biotech and pharma with MedTech and healthcare",
        ),
        (
            "Horizon Europe is very important for clusters",
            "Help SMEs work in EU projects",
        ),
    ),
}
