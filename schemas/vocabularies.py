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
        "dprk_to_russia": ("DPRK to Russia", "From the DPRK to Russia (arms, people)."),
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

CLAIM_DATE_PRECISION = vocabulary(
    {
        "day": ("Day", "The day the claim was made is known."),
        "month": ("Month", "Only the month is known: the date is its first day."),
        "year": ("Year", "Only the year is known: the date is 1 January."),
        "by_date": (
            "By this date",
            "Made on or before this date, the publication date of the "
            "earliest page reporting it; no page says when.",
        ),
    }
)

CATEGORY_DPRK_TO_RUSSIA = vocabulary(
    {
        "munitions": ("Munitions", "Shells, rockets, ammunition, or containers of them."),
        "ballistic_missiles": (
            "Ballistic missiles",
            "KN-23/KN-24 (Hwasong-11) and other missiles.",
        ),
        "artillery_systems": ("Artillery systems", "Guns and howitzers, e.g. Koksan 170 mm guns."),
        "rocket_launchers": ("Rocket launchers", "Multiple rocket launchers, e.g. 240 mm MRLs."),
        "drones": ("Drones", "Drones built in or sent from the DPRK, or DPRK drone crews."),
        "troops": ("Troops", "Combat soldiers deployed to fight or train for Russia."),
        "military_engineers": ("Engineers and builders", "Military engineers, deminers, builders."),
        "workers": ("Workers", "Civilian labourers sent to Russia."),
        "killed": ("Killed", "DPRK soldiers killed."),
        "wounded": ("Wounded", "DPRK soldiers wounded."),
        "casualties": ("Killed and wounded", "Killed and wounded together, or not separated."),
        "captured": ("Captured", "DPRK soldiers taken prisoner."),
        "other_military": ("Other military", "Other military goods or services."),
    }
)

CATEGORY_RUSSIA_TO_DPRK = vocabulary(
    {
        "petroleum": ("Oil", "Crude oil and refined petroleum products."),
        "food": ("Food", "Food and agricultural goods."),
        "air_defence": ("Air defence", "Air-defence systems and components."),
        "electronic_warfare": ("Electronic warfare", "Electronic-warfare systems and know-how."),
        "naval_technology": ("Naval technology", "Ships, submarines and naval know-how."),
        "missile_and_space_technology": (
            "Missile and space help",
            "Missile, satellite and space-launch technology and help.",
        ),
        "drones": ("Drones", "Drone technology, production help and training."),
        "combat_training": ("Combat training", "Training or combat experience for DPRK forces."),
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
        "drones": ("drones", "Drones."),
        "persons": ("people", "People."),
        "barrels": ("barrels", "Barrels of oil (159 litres)."),
        "tonnes": ("tonnes", "Metric tonnes."),
        "railcars": ("railcars", "Railway wagons."),
        "voyages": ("voyages", "Ship voyages."),
        "port_calls": ("port calls", "Port calls by ships."),
        "other": ("other units", "Another unit, named in the item."),
    }
)

QUANTITY_BOUND = vocabulary(
    {
        "single": ("", "One plain figure: low and high are equal."),
        "about": (
            "about",
            "One figure the source calls approximate (about, around, some, "
            "nearly): low and high are equal.",
        ),
        "range": ("", "A range the source gives: low below high."),
        "more_than": ("more than", "More than, over or at least the low figure: high is empty."),
        "up_to": ("up to", "Up to or as many as the high figure: low is empty."),
    }
)

QUANTITY_SCOPE = vocabulary(
    {
        "total": ("Running total", "A running total from the start of the flow to the claim date."),
        "partial": ("Partial total", "A running total for part of the flow (one ship, one route)."),
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

CLAIMANT_TYPE = vocabulary(
    {
        "party_government": (
            "Russia or the DPRK",
            "The government, military or state media of Russia or the DPRK.",
        ),
        "government": (
            "Government",
            "Another government, ministry, military, intelligence "
            "service, or a named official on the record.",
        ),
        "international_organisation": ("International body", "UN bodies, the MSMT, NATO, the EU."),
        "think_tank": ("Think tank", "A research institute or OSINT group."),
        "media": ("Media", "A news organisation's own reporting."),
        "anonymous_officials": ("Unnamed officials", "Unnamed officials or sources."),
        "individual": ("Individual", "A named expert, defector or witness speaking for no body."),
    }
)

METHOD = vocabulary(
    {
        "official_admission": ("Official admission", "Admitted by Russia or the DPRK."),
        "un_notification": (
            "Notification to the UN",
            "A state's notification to the UN 1718 Committee.",
        ),
        "official_statement": ("Official statement", "A public statement without stated method."),
        "intelligence_estimate": ("Intelligence estimate", "A government intelligence assessment."),
        "satellite_imagery": ("Satellite imagery", "Commercial or government satellite images."),
        "ship_tracking": ("Ship tracking", "AIS data or tracking of vessels."),
        "battlefield_debris": ("Battlefield debris", "Weapons or debris recovered and examined."),
        "prisoner_interrogation": ("Prisoner interrogation", "Statements of captured soldiers."),
        "open_source_analysis": ("Open-source analysis", "Analysis of public material."),
        "media_investigation": ("Media investigation", "A news organisation's own reporting."),
    }
)

CONFIDENCE = vocabulary(
    {
        "high": (
            "High",
            "Admitted by Russia or the DPRK, or physical evidence (imagery, tracking, "
            "debris) corroborated by an independent government.",
        ),
        "medium": (
            "Medium",
            "A government's or international body's estimate or statement, or a "
            "detailed analysis of imagery, tracking or debris, or of public material.",
        ),
        "low": ("Low", "Unnamed officials or sources, or a claim its source calls unverified."),
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
        "UA": ("Ukraine", "Ukraine."),
        "CH": ("Switzerland", "Switzerland."),
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
        "statement_of_measures": ("Package announced", "A package of measures was announced."),
    }
)
# Acts taken on one known day: their date must be that day.
DATED_ACTIONS = ("resolution", "veto", "mandate_end", "establishment", "report")

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

STATEMENT_KIND = vocabulary(
    {
        "statement": ("Statement", "Something said or written."),
        "summit": ("Summit", "Leaders meet."),
        "visit": ("Visit", "A minister or senior official visits the other country."),
        "ceremony": ("Ceremony", "An official ceremony: awards, memorials, troops welcomed home."),
        "treaty_action": ("Treaty action", "Signature, ratification or entry into force."),
    }
)

STATEMENT_DATE_PRECISION = vocabulary(
    {
        "day": ("Day", "The day it was said or done is known."),
        "month": ("Month", "Only the month is known: the date is its first day."),
        "by_date": (
            "By this date",
            "Said on or before this date, the publication date of the earliest page reporting it.",
        ),
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

VALUE_DIRECTION = vocabulary(
    {
        "dprk_to_russia": ("DPRK to Russia", "The value of what the DPRK supplies."),
        "russia_to_dprk": ("Russia to DPRK", "What Russia pays or gives."),
        "both": ("Both ways", "Bilateral trade."),
    }
)

VALUE_MEASURE = vocabulary(
    {
        "arms_value": ("Value of arms supplied", "What the arms the DPRK supplied are worth."),
        "dprk_earnings": ("DPRK earnings", "What the DPRK earns in all from the cooperation."),
        "troop_payment": ("Payment for troops", "What Russia pays for the deployment in total."),
        "soldier_pay": ("Pay per soldier", "Pay per DPRK soldier."),
        "worker_earnings": ("Workers' earnings", "Earnings from DPRK labourers in Russia."),
        "russian_aid_value": ("Value of Russian aid", "The value of what Russia gives in kind."),
        "official_trade": ("Official trade", "Official trade statistics."),
        "other": ("Other", "Another measure, named in what_counts."),
    }
)

VALUE_BASIS = vocabulary(
    {
        "total": ("in all", "A total over the period."),
        "per_year": ("a year", "Per year."),
        "per_month": ("a month", "Per month."),
        "per_person": ("per person", "A one-off amount per person."),
        "per_person_per_month": ("per person a month", "Per person per month."),
        "per_person_per_year": ("per person a year", "Per person per year."),
    }
)
