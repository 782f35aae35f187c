"""Controlled vocabularies: every allowed value with the label readers see and its meaning.

The schemas check membership, the codebook prints the meanings and the report shows the
labels; keeping all three in one mapping means a value cannot be allowed without being
explained and named.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    label: str
    meaning: str


Vocabulary = dict[str, Term]


def vocabulary(terms: dict[str, tuple[str, str]]) -> Vocabulary:
    return {code: Term(label, meaning) for code, (label, meaning) in terms.items()}


def labels(vocab: Vocabulary) -> dict[str, str]:
    return {code: term.label for code, term in vocab.items()}


DIRECTION = vocabulary(
    {
        "dprk_to_russia": (
            "DPRK to Russia",
            "From the DPRK to Russia (munitions, weapons, personnel).",
        ),
        "russia_to_dprk": ("Russia to DPRK", "From Russia to the DPRK (what flows back)."),
    }
)

DATE_PRECISION = vocabulary(
    {
        "day": ("Day", "The exact day is known."),
        "month": ("Month", "Only the month is known: the date is its first day."),
        "quarter": ("Quarter", "Only the quarter is known: the date is its first day."),
        "year": ("Year", "Only the year is known: the date is 1 January."),
    }
)

CATEGORY_DPRK_TO_RUSSIA = vocabulary(
    {
        "munitions": (
            "Munitions",
            "Artillery shells, rockets, small-arms ammunition, or containers of them.",
        ),
        "ballistic_missiles": (
            "Ballistic missiles",
            "KN-23/KN-24 (Hwasong-11 family) and other ballistic missiles.",
        ),
        "artillery_systems": (
            "Artillery systems",
            "Guns and howitzers, e.g. M1989 Koksan 170 mm self-propelled guns.",
        ),
        "rocket_launchers": ("Rocket launchers", "Multiple rocket launchers, e.g. 240 mm MRLs."),
        "troops": ("Troops", "Soldiers deployed to fight or train for Russia."),
        "casualties": (
            "Casualties",
            "DPRK soldiers killed, wounded or captured (a consequence of deployment).",
        ),
        "workers": ("Workers", "Labourers, engineers, deminers and builders sent to Russia."),
        "other_military": ("Other military", "Other military goods or services."),
    }
)

CATEGORY_RUSSIA_TO_DPRK = vocabulary(
    {
        "petroleum": ("Oil", "Crude oil and refined petroleum products."),
        "food": ("Food", "Food and agricultural goods."),
        "air_defence": ("Air defence", "Air-defence systems and components."),
        "military_technology": (
            "Military technology",
            "Military, missile, space or satellite technology and know-how.",
        ),
        "cash": ("Cash", "Payments, cash and financial arrangements."),
        "other_goods": ("Other goods", "Other civilian goods."),
        "other_military": ("Other military", "Other military goods or services."),
    }
)

CATEGORY = {**CATEGORY_DPRK_TO_RUSSIA, **CATEGORY_RUSSIA_TO_DPRK}

QUANTITY_UNIT = vocabulary(
    {
        "shells": ("shells", "Artillery shells."),
        "rounds": ("rounds", "Rounds of ammunition of any calibre."),
        "containers": ("containers", "Standard shipping containers."),
        "missiles": ("missiles", "Missiles."),
        "systems": ("systems", "Weapon systems (guns, vehicles)."),
        "launchers": ("launchers", "Rocket or missile launchers."),
        "persons": ("people", "People."),
        "barrels": ("barrels", "Barrels of oil (159 litres)."),
        "tonnes": ("tonnes", "Metric tonnes."),
        "railcars": ("railcars", "Railway wagons."),
        "usd": ("US dollars", "US dollars."),
        "voyages": ("voyages", "Ship voyages."),
        "port_calls": ("port calls", "Port calls by ships."),
        "other": ("other units", "Another unit, named in the item."),
    }
)

QUANTITY_SCOPE = vocabulary(
    {
        "total": (
            "Running total",
            "A running total from the start of the flow to the date of the claim.",
        ),
        "partial": (
            "Partial total",
            "A running total for part of the flow only (one ship, one route).",
        ),
        "period": ("Period", "A flow within the stated period only (a month, a year, a week)."),
        "event": ("Single event", "One shipment, strike, tranche or incident."),
        "planned": ("Planned", "A plan, decision or expectation, not yet a delivery."),
    }
)

ROUTE_MODE = vocabulary(
    {
        "sea": ("Sea", "By ship."),
        "rail": ("Rail", "By rail, e.g. across the Tumangang-Khasan bridge."),
        "road": ("Road", "By road."),
        "air": ("Air", "By air."),
        "unknown": ("Not stated", "The route is not stated."),
    }
)

METHOD = vocabulary(
    {
        "satellite_imagery": ("Satellite imagery", "Commercial or government satellite images."),
        "intelligence_estimate": ("Intelligence estimate", "A government intelligence assessment."),
        "battlefield_debris": ("Battlefield debris", "Weapons or debris recovered and examined."),
        "official_admission": ("Official admission", "Admitted by Russia or the DPRK."),
        "official_statement": (
            "Official statement",
            "A government's public statement without stated method.",
        ),
        "ship_tracking": ("Ship tracking", "AIS data or tracking of vessels."),
        "prisoner_interrogation": ("Prisoner interrogation", "Statements of captured soldiers."),
        "open_source_analysis": (
            "Open-source analysis",
            "Think-tank or OSINT analysis of public material.",
        ),
        "media_investigation": ("Media investigation", "A news organisation's own reporting."),
    }
)

CONFIDENCE = vocabulary(
    {
        "high": (
            "High",
            "Admitted by Russia or the DPRK, or physical evidence (debris, imagery) "
            "corroborated by at least one independent government.",
        ),
        "medium": (
            "Medium",
            "A single government's intelligence estimate, or a detailed "
            "think-tank/OSINT analysis with imagery or tracking data.",
        ),
        "low": (
            "Low",
            "Unattributed or anonymous-source claims, or a claim its source calls unverified.",
        ),
    }
)

PUBLISHER_TYPE = vocabulary(
    {
        "government": ("Government", "A government, ministry or agency."),
        "international_organisation": (
            "International organisation",
            "The UN or another intergovernmental body.",
        ),
        "think_tank": ("Think tank", "A research institute or OSINT group."),
        "news": ("News", "A news organisation."),
        "court_or_registry": ("Court or registry", "A court, or an official register or list."),
    }
)

AUTHORITY = vocabulary(
    {
        "UN": ("United Nations", "United Nations Security Council and its bodies."),
        "US": ("United States", "United States."),
        "EU": ("European Union", "European Union."),
        "GB": ("United Kingdom", "United Kingdom."),
        "JP": ("Japan", "Japan."),
        "KR": ("South Korea", "Republic of Korea."),
        "AU": ("Australia", "Australia."),
        "CA": ("Canada", "Canada."),
        "NZ": ("New Zealand", "New Zealand."),
        "MSMT": ("MSMT", "Multilateral Sanctions Monitoring Team (11 states, from October 2024)."),
    }
)

SANCTION_ACTION = vocabulary(
    {
        "resolution": ("Resolution", "A UN Security Council resolution."),
        "designation": ("Designation", "A target put under sanctions."),
        "delisting": ("Delisting", "A target taken off a sanctions list."),
        "veto": ("Veto", "A permanent member's veto of a draft resolution."),
        "mandate_end": ("Mandate ended", "A monitoring body's mandate ended."),
        "establishment": ("Established", "A monitoring body was set up."),
        "report": ("Report", "A monitoring report was published."),
        "statement_of_measures": (
            "Package announced",
            "A government announced a package of measures.",
        ),
    }
)

TARGET_TYPE = vocabulary(
    {
        "vessel": ("Vessel", "A ship."),
        "entity": ("Entity", "A company or organisation."),
        "individual": ("Individual", "A person."),
        "state": ("State", "A country as a whole."),
        "body": ("Body", "A UN or multilateral body."),
        "none": ("No single target", "No single target."),
    }
)

STANCE = vocabulary(
    {
        "allegation": ("Allegation", "Accuses a party of a transfer or deployment."),
        "denial": ("Denial", "Denies that a transfer or deployment happens."),
        "confirmation": ("Confirmation", "A party confirms its own involvement."),
        "condemnation": ("Condemnation", "Condemns the cooperation."),
        "warning": ("Warning", "Warns of consequences or risks."),
        "justification": ("Justification", "Defends the cooperation as lawful or legitimate."),
        "call_to_action": ("Call to action", "Calls on others to act."),
        "neutral": ("Neutral", "States a position without taking sides."),
    }
)

TOPIC = vocabulary(
    {
        "arms_transfers": ("Arms transfers", "Munitions and weapons transfers."),
        "troop_deployment": ("Troop deployment", "DPRK soldiers in Russia or Ukraine."),
        "casualties": ("Casualties", "Losses of DPRK soldiers."),
        "technology_transfer": ("Technology transfer", "Russian technology for the DPRK."),
        "sanctions": ("Sanctions", "Sanctions, their breach or their monitoring."),
        "treaty": ("Treaty", "The June 2024 Comprehensive Strategic Partnership treaty."),
        "diplomacy": ("Diplomacy", "Visits, summits and relations in general."),
    }
)
