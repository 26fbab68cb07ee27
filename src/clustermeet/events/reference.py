"""The reference data every installation has: the 14 industrial ecosystems of the EU
industrial strategy and the four challenges. Migrations create them; code looks them up by slug."""

ECOSYSTEMS = [
    ("aerospace-defence", "Aerospace & Defence"),
    ("agri-food", "Agri-food"),
    ("construction", "Construction"),
    ("cultural-creative", "Cultural & Creative Industries"),
    ("digital", "Digital"),
    ("electronics", "Electronics"),
    ("energy-intensive", "Energy-Intensive Industries"),
    ("energy-renewables", "Energy – Renewables"),
    ("health", "Health"),
    ("mobility-transport-automotive", "Mobility – Transport – Automotive"),
    ("proximity-social-economy", "Proximity & Social Economy"),
    ("retail", "Retail"),
    ("textiles", "Textiles"),
    ("tourism", "Tourism"),
]

CHALLENGES = [
    ("green", "Green"),
    ("digital", "Digital"),
    ("resilience", "Resilience"),
    ("skills", "Skills"),
]
