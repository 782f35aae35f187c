"""Controlled vocabularies: every allowed value with its meaning.

The schemas check membership; the codebook prints the meanings. Keeping both in one
mapping means a value cannot be allowed without being explained.
"""

DIRECTION = {
    "dprk_to_russia": "From the DPRK to Russia (munitions, weapons, personnel).",
    "russia_to_dprk": "From Russia to the DPRK (what flows back).",
}

DATE_PRECISION = {
    "day": "The exact day is known.",
    "month": "Only the month is known: date_start is its first day, date_end its last.",
    "quarter": "Only the quarter is known.",
    "year": "Only the year is known.",
}

CATEGORY_DPRK_TO_RUSSIA = {
    "munitions": "Artillery shells, rockets, small-arms ammunition, or containers of them.",
    "ballistic_missiles": "KN-23/KN-24 (Hwasong-11 family) and other ballistic missiles.",
    "artillery_systems": "Guns and howitzers, e.g. M1989 Koksan 170 mm self-propelled guns.",
    "rocket_launchers": "Multiple rocket launchers, e.g. 240 mm MRLs.",
    "troops": "Soldiers deployed to fight or train for Russia.",
    "casualties": "DPRK soldiers killed, wounded or captured (a consequence of deployment).",
    "workers": "Labourers, engineers, deminers and builders sent to Russia.",
    "other_military": "Other military goods or services.",
}

CATEGORY_RUSSIA_TO_DPRK = {
    "petroleum": "Crude oil and refined petroleum products.",
    "food": "Food and agricultural goods.",
    "air_defence": "Air-defence systems and components.",
    "military_technology": "Military, missile, space or satellite technology and know-how.",
    "cash": "Payments, cash and financial arrangements.",
    "other_goods": "Other civilian goods.",
    "other_military": "Other military goods or services.",
}

CATEGORY = {**CATEGORY_DPRK_TO_RUSSIA, **CATEGORY_RUSSIA_TO_DPRK}

QUANTITY_UNIT = {
    "shells": "Artillery shells.",
    "rounds": "Rounds of ammunition of any calibre.",
    "containers": "Standard shipping containers.",
    "missiles": "Missiles.",
    "systems": "Weapon systems (guns, vehicles).",
    "launchers": "Rocket or missile launchers.",
    "persons": "People.",
    "barrels": "Barrels of oil (159 litres).",
    "tonnes": "Metric tonnes.",
    "railcars": "Railway wagons.",
    "usd": "US dollars.",
    "voyages": "Ship voyages.",
    "port_calls": "Port calls by ships.",
    "other": "Another unit, named in the item.",
}

QUANTITY_SCOPE = {
    "total": "A running total from the start of the flow to the date of the claim.",
    "partial": "A running total for part of the flow only (one ship, one route).",
    "period": "A flow within the stated period only (a month, a year, a week).",
    "event": "One shipment, strike, tranche or incident.",
    "planned": "A plan, decision or expectation, not yet a delivery.",
}

ROUTE_MODE = {
    "sea": "By ship.",
    "rail": "By rail, e.g. across the Tumangang-Khasan bridge.",
    "road": "By road.",
    "air": "By air.",
    "unknown": "The route is not stated.",
}

METHOD = {
    "satellite_imagery": "Commercial or government satellite images.",
    "intelligence_estimate": "A government intelligence assessment.",
    "battlefield_debris": "Weapons or debris recovered and examined.",
    "official_admission": "Admitted by Russia or the DPRK.",
    "official_statement": "A government's public statement without stated method.",
    "ship_tracking": "AIS data or tracking of vessels.",
    "prisoner_interrogation": "Statements of captured soldiers.",
    "open_source_analysis": "Think-tank or OSINT analysis of public material.",
    "media_investigation": "A news organisation's own reporting.",
}

CONFIDENCE = {
    "high": (
        "Admitted by Russia or the DPRK, or physical evidence (debris, imagery) "
        "corroborated by at least one independent government."
    ),
    "medium": (
        "A single government's intelligence estimate, or a detailed think-tank/OSINT "
        "analysis with imagery or tracking data."
    ),
    "low": "Unattributed or anonymous-source claims, or a claim its source calls unverified.",
}

PUBLISHER_TYPE = {
    "government": "A government, ministry or agency.",
    "international_organisation": "The UN or another intergovernmental body.",
    "think_tank": "A research institute or OSINT group.",
    "news": "A news organisation.",
    "court_or_registry": "A court, or an official register or list.",
}

AUTHORITY = {
    "UN": "United Nations Security Council and its bodies.",
    "US": "United States.",
    "EU": "European Union.",
    "GB": "United Kingdom.",
    "JP": "Japan.",
    "KR": "Republic of Korea.",
    "AU": "Australia.",
    "CA": "Canada.",
    "NZ": "New Zealand.",
    "MSMT": "Multilateral Sanctions Monitoring Team (11 states, from October 2024).",
}

SANCTION_ACTION = {
    "resolution": "A UN Security Council resolution.",
    "designation": "A target put under sanctions.",
    "delisting": "A target taken off a sanctions list.",
    "veto": "A permanent member's veto of a draft resolution.",
    "mandate_end": "A monitoring body's mandate ended.",
    "establishment": "A monitoring body was set up.",
    "report": "A monitoring report was published.",
    "statement_of_measures": "A government announced a package of measures.",
}

TARGET_TYPE = {
    "vessel": "A ship.",
    "entity": "A company or organisation.",
    "individual": "A person.",
    "state": "A country as a whole.",
    "body": "A UN or multilateral body.",
    "none": "No single target.",
}

STANCE = {
    "allegation": "Accuses a party of a transfer or deployment.",
    "denial": "Denies that a transfer or deployment happens.",
    "confirmation": "A party confirms its own involvement.",
    "condemnation": "Condemns the cooperation.",
    "warning": "Warns of consequences or risks.",
    "justification": "Defends the cooperation as lawful or legitimate.",
    "call_to_action": "Calls on others to act.",
    "neutral": "States a position without taking sides.",
}

TOPIC = {
    "arms_transfers": "Munitions and weapons transfers.",
    "troop_deployment": "DPRK soldiers in Russia or Ukraine.",
    "casualties": "Losses of DPRK soldiers.",
    "technology_transfer": "Russian technology for the DPRK.",
    "sanctions": "Sanctions, their breach or their monitoring.",
    "treaty": "The June 2024 Comprehensive Strategic Partnership treaty.",
    "diplomacy": "Visits, summits and relations in general.",
}
