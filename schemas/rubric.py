"""The confidence rubric, as data: which grades each method and kind of claimant allow,
and what corroboration by an independent government lifts a grade to.

A lower grade than the rubric allows is always possible (the source itself may call the
claim unverified); a higher one is not. `allowed_grades` is what the schemas check, and
the codebook prints RUBRIC as a table.
"""

from dataclasses import dataclass

ALL = ("high", "medium", "low")
MEDIUM = ("medium", "low")
LOW = ("low",)
PHYSICAL = ("satellite_imagery", "ship_tracking", "battlefield_debris")


@dataclass(frozen=True)
class Grade:
    methods: tuple[str, ...]
    claimants: tuple[str, ...]
    grades: tuple[str, ...]
    corroborated: tuple[str, ...]
    why: str


RUBRIC = (
    Grade(
        ("official_admission",),
        ("party_government",),
        ALL,
        ALL,
        "An admission by Russia or the DPRK about its own side.",
    ),
    Grade(
        ("un_notification",),
        ("party_government", "government"),
        ALL,
        ALL,
        "A figure a state notified to the UN 1718 Committee, as notified.",
    ),
    Grade(
        ("official_statement",),
        ("government", "international_organisation"),
        MEDIUM,
        MEDIUM,
        "A government's or body's public statement with no method stated.",
    ),
    Grade(
        ("intelligence_estimate",),
        ("government", "international_organisation"),
        MEDIUM,
        MEDIUM,
        "One government's or body's intelligence estimate.",
    ),
    Grade(
        ("intelligence_estimate",),
        ("anonymous_officials",),
        LOW,
        MEDIUM,
        "An estimate by unnamed officials; an independent government's confirmation "
        "makes it medium.",
    ),
    Grade(
        PHYSICAL,
        ("government", "international_organisation", "think_tank", "media"),
        MEDIUM,
        ALL,
        "Physical evidence; high only when an independent government corroborates it.",
    ),
    Grade(
        ("prisoner_interrogation",),
        ("government", "media"),
        MEDIUM,
        MEDIUM,
        "What captured soldiers said.",
    ),
    Grade(
        ("open_source_analysis",),
        ("think_tank", "media", "individual"),
        MEDIUM,
        MEDIUM,
        "An analysis of public material.",
    ),
    Grade(
        ("media_investigation",), ("media",), MEDIUM, MEDIUM, "A news organisation's own reporting."
    ),
    Grade(
        tuple(),
        ("anonymous_officials",),
        LOW,
        MEDIUM,
        "Any other claim by unnamed officials or sources.",
    ),
)


def allowed_grades(method: str, claimant_type: str, corroborated: bool) -> tuple[str, ...]:
    """The grades the rubric allows; empty when it has no line for this combination."""
    for grade in RUBRIC:
        if (not grade.methods or method in grade.methods) and claimant_type in grade.claimants:
            return grade.corroborated if corroborated else grade.grades
    return ()
