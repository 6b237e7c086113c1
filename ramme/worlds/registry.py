"""The named worlds: a textbook municipality, twelve tuning worlds, three held out.

Held-out worlds (``held_out=True``) take seeds from 9000 and duration shapes, billing mixes
and parameters no tuning world uses (tests/worlds/test_registry.py checks it); keep them out
of every tuning of the forecast and report them separately.
"""

from __future__ import annotations

from dataclasses import replace

from ramme.worlds.catalogue import (
    ACUTE,
    CONTACT,
    DAY_TREATMENT,
    FAMILY,
    FOSTER,
    GRANT,
    INSTITUTION,
    KINSHIP,
    OWN_ROOM,
    RESIDENTIAL,
    RESPITE,
    SECURE,
    TEXTBOOK,
    changed,
    with_durations,
)  # fmt: skip
from ramme.worlds.spec import Duration, FileStyle, OtherLine, TypeSpec, WorldSpec

W, LN, PA, GA, MIX, EX = "weibull", "lognormal", "pareto", "gamma", "mixture", "exponential"


def quarterly(types: tuple[TypeSpec, ...], *codes: str) -> tuple[TypeSpec, ...]:
    """The types, with foster care and residential care (or ``codes``) billed quarterly."""
    chosen = codes or ("PLF", "NPF", "OPH", "DGN")
    return tuple(replace(t, billing="quarterly") if t.code in chosen else t for t in types)


def _mix(*parts: tuple[float, Duration]) -> Duration:
    return Duration(MIX, parts=parts)


PPR = OtherLine("PPR og rådgivning", "forebyggende", "5.28.21", "PPR", 2_400_000, growth=0.03)
ADMIN = OtherLine("Øvrige udgifter", "oevrige", "5.28.21", "ADM", 1_200_000, december=2.5)

LAERESBOG = WorldSpec(
    "laerebog", "Lærebog Kommune (textbook)", 101, 50_000, TEXTBOOK,
    billing="arrears", refunds="supplementary", corrections=((6, 1, 0.3),),
)  # fmt: skip

AADAL = WorldSpec(
    "aadal", "Aadal Kommune", 102, 40_000,
    changed(
        with_durations(TEXTBOOK, PLF=Duration(W, 0.7, 800.0), OPH=Duration(W, 0.7, 500.0),
                       KOP=Duration(W, 0.8, 380.0), FAB=Duration(W, 0.75, 260.0)),
        "KOP", growth=0.12,
    ),
    billing="advance", end_registration_lag=30, credit_notes=0.03, refunds="quarterly",
    style=FileStyle(delimiter=";", danish_numbers=True, dates="dot", encoding="cp1252",
                    legal="long"),
)  # fmt: skip

BAKKEBY = WorldSpec(
    "bakkeby", "Bakkeby Kommune", 103, 80_000,
    changed(
        changed(
            with_durations(TEXTBOOK, PLF=Duration(W, 1.8, 1300.0), OPH=Duration(W, 1.6, 800.0),
                           DGN=Duration(W, 2.0, 450.0), EGV=Duration(W, 1.5, 500.0)),
            "OPH", billing="quarterly", growth=-0.06,
        ),
        "PLF", growth=-0.05,
    ),
    billing="arrears", internal_billing="", past_18="runs_on", refunds="lump",
    budget_error=0.05,
    corrections=((4, 15, 0.2), (8, 20, 0.4), (11, 1, 0.6)),
    style=FileStyle(cpr=True, legal="short", planned_end=False),
)  # fmt: skip

EGHOLM = WorldSpec(
    "egholm", "Egholm Kommune", 104, 120_000,
    changed(
        with_durations(
            (*TEXTBOOK, ACUTE),
            PLF=Duration(LN, 600.0, 1.0), OPH=Duration(LN, 450.0, 0.9),
            KOP=Duration(LN, 300.0, 0.7), FAB=Duration(LN, 220.0, 0.6),
        ),
        "OPH", price_shift=(2024, 1.12),
    ),
    billing="late", internal_billing="arrears", double_bills=0.01, registration_lag=21,
    refunds="quarterly",
    index=(1.4, 2.8, 5.2, 3.9, 2.6, 2.3),
    style=FileStyle(dates="dash", legal="long"),
)  # fmt: skip

FJORDLEV = WorldSpec(
    "fjordlev", "Fjordlev Kommune", 105, 30_000,
    changed(
        with_durations(
            (*TEXTBOOK, DAY_TREATMENT),
            PLF=_mix((0.55, Duration(EX, 60.0)), (0.45, Duration(W, 1.2, 1900.0))),
            OPH=_mix((0.6, Duration(EX, 45.0)), (0.4, Duration(W, 1.1, 1200.0))),
            KOP=_mix((0.5, Duration(EX, 90.0)), (0.5, Duration(LN, 500.0, 0.5))),
            EGV=_mix((0.3, Duration(EX, 80.0)), (0.7, Duration(W, 1.4, 700.0))),
        ),
        "EGV", stock=14, aftercare=0.85, renegotiation=0.3, supplements=0.3,
    ),
    billing="advance", past_18="aftercare", refunds="quarterly", refund_line="Statsrefusion",
    end_registration_lag=20, price_registration_lag=25,
    aftercare_duration=Duration(W, 0.9, 500.0),
    style=FileStyle(dates="slash", legal="mixed"),
)  # fmt: skip

GRANHOJ = WorldSpec(
    "granhoj", "Granhøj Kommune", 106, 150_000,
    changed(
        with_durations(TEXTBOOK, PLF=Duration(PA, 1.4, 300.0), OPH=Duration(PA, 1.5, 200.0),
                       DGN=Duration(PA, 1.6, 150.0)),
        "KOP", growth=0.15,
    ),
    billing="arrears", registration_lag=14, end_registration_lag=45, budget_error=0.07,
    other_lines=(PPR,), refunds="supplementary",
    style=FileStyle(legal="short"),
)  # fmt: skip

HEDEBY = WorldSpec(
    "hedeby", "Hedeby Kommune", 107, 60_000,
    changed(
        changed(
            with_durations(
                TEXTBOOK,
                PLF=_mix((0.5, Duration(W, 1.2, 700.0)), (0.5, Duration(LN, 1500.0, 0.4))),
                DGN=Duration(LN, 200.0, 1.1),
            ),
            "PLF", billing="advance",
        ),
        "OPH", billing="advance", renegotiation=0.25,
    ),
    billing="arrears", index=(1.5, 3.1, 7.0, 4.2, 2.5, 2.2), other_lines=(PPR, ADMIN),
    refunds="lump", style=FileStyle(delimiter=";", danish_numbers=True, trailing_minus=True,
                                    dates="dot", legal="long"),
)  # fmt: skip

# Added in session 4, for the classes of municipality the held-out worlds showed the forecast
# failing on (a price-level shift in the forecast year; late billing with ends registered
# late), with shapes and parameters of their own: tuning worlds, not copies of held-out ones.
SOLVANG = WorldSpec(
    "solvang", "Solvang Kommune", 108, 70_000,
    changed(
        changed(
            with_durations(
                (*TEXTBOOK, DAY_TREATMENT),
                PLF=Duration(W, 1.3, 1100.0), OPH=_mix((0.3, Duration(EX, 120.0)),
                                                       (0.7, Duration(W, 1.4, 700.0))),
                DGN=Duration(W, 1.1, 420.0),
            ),
            "DGN", price_shift=(2025, 1.10), stock=16,
        ),
        "EFS", stock=13,
    ),
    billing="advance", refunds="supplementary", supplementary_until=(1, 20),
    registration_lag=7, price_registration_lag=30, budget_error=0.05,
    index=(1.4, 2.5, 5.5, 3.2, 2.7, 2.4),
    style=FileStyle(dates="dot", legal="short"),
)  # fmt: skip

VESTMARK = WorldSpec(
    "vestmark", "Vestmark Kommune", 109, 90_000,
    changed(
        with_durations(
            (*TEXTBOOK, ACUTE),
            PLF=_mix((0.2, Duration(EX, 90.0)), (0.8, Duration(W, 1.1, 1400.0))),
            OPH=_mix((0.5, Duration(EX, 25.0)), (0.5, Duration(W, 0.9, 900.0))),
            KOP=Duration(W, 1.2, 450.0),
        ),
        "KOP", past_18="runs_on", growth=0.06,
    ),
    billing="late", credit_notes=0.04, double_bills=0.01, unlinked=0.04, refunds="quarterly",
    end_registration_lag=50,
    style=FileStyle(cpr=True, delimiter=";", legal="short"),
)  # fmt: skip

# Seeds from 9001: made as held-out worlds, with shapes and habits of their own. lundholm and
# mørup were examined line by line in session 5 (their failures named the replayed
# registration delays in the self-calibration), so they count as tuning worlds since; norrby
# and tornby were added then, unexamined, to take their place.
KAERBY = WorldSpec(
    "kaerby", "Kærby Kommune", 9001, 45_000,
    changed(
        quarterly(
            with_durations(
                (*TEXTBOOK, ACUTE),
                PLF=Duration(GA, 2.5, 420.0), OPH=Duration(GA, 1.7, 380.0),
                KOP=Duration(GA, 1.3, 330.0), FAB=Duration(GA, 2.2, 140.0),
                AFL=Duration(GA, 1.5, 350.0), AKU=Duration(GA, 1.2, 9.0),
            ),
            "OPH", "DGN",
        ),
        "KOP", growth=0.10, billing="late",
    ),
    billing="arrears", refunds="lump", registration_lag=28, end_registration_lag=35,
    aftercare_duration=Duration(GA, 2.0, 330.0), credit_notes=0.02,
    corrections=((3, 1, 0.15), (10, 1, 0.45)),
    style=FileStyle(encoding="utf-8-sig", legal="short"),
)  # fmt: skip

LUNDHOLM = WorldSpec(
    "lundholm", "Lundholm Kommune", 9002, 100_000,
    changed(
        with_durations(
            (FOSTER, KINSHIP, RESIDENTIAL, INSTITUTION, SECURE, OWN_ROOM, CONTACT, FAMILY,
             RESPITE, GRANT),
            PLF=Duration(PA, 1.3, 420.0), OPH=_mix((0.65, Duration(EX, 30.0)),
                                                   (0.35, Duration(PA, 1.25, 600.0))),
            KOP=_mix((0.4, Duration(EX, 40.0)), (0.6, Duration(W, 1.3, 650.0))),
            SIK=Duration(LN, 35.0, 1.1),
        ),
        "KOP", past_18="runs_on", growth=0.08,
    ),
    billing="late", credit_notes=0.05, double_bills=0.02,
    unlinked=0.05, refunds="quarterly",
    refund_line="Refusion særligt dyre enkeltsager", end_registration_lag=60,
    style=FileStyle(cpr=True, delimiter=";", legal="mixed"),
)  # fmt: skip

MORUP = WorldSpec(
    "morup", "Mørup Kommune", 9003, 25_000,
    changed(
        changed(
            with_durations(
                (*TEXTBOOK, DAY_TREATMENT),
                PLF=Duration(LN, 900.0, 1.25), OPH=Duration(LN, 260.0, 1.3),
                EFS=_mix((0.8, Duration("fixed", 318.0, 6.0)), (0.2, Duration(GA, 1.5, 60.0))),
                DAG=Duration(GA, 1.8, 260.0),
            ),
            "OPH", price_shift=(2025, 1.15), growth=-0.08,
        ),
        "EFS", stock=16,
    ),
    billing="advance", refunds="supplementary", supplementary_until=(1, 31),
    registration_lag=10, price_registration_lag=40, budget_error=0.06,
    index=(1.6, 2.4, 6.1, 3.0, 2.9, 2.5),
    style=FileStyle(delimiter=";", danish_numbers=True, dates="dot", legal="long"),
)  # fmt: skip

NORRBY = WorldSpec(
    "norrby", "Norrby Kommune", 9004, 60_000,
    changed(
        changed(
            with_durations(
                (*TEXTBOOK, DAY_TREATMENT),
                PLF=Duration(GA, 1.1, 950.0), OPH=Duration(W, 0.85, 640.0),
                FAB=Duration(LN, 180.0, 0.8), DAG=Duration(W, 1.7, 380.0),
            ),
            "FAB", growth=0.10, billing="quarterly",
        ),
        "PLF", growth=-0.04,
    ),
    billing="arrears", internal_billing="arrears", refunds="lump", registration_lag=20,
    end_registration_lag=25, price_registration_lag=15, budget_error=0.06,
    aftercare_duration=Duration(LN, 420.0, 0.8),
    corrections=((3, 15, 0.3), (9, 1, 0.35)),
    style=FileStyle(cpr=True, dates="dash", legal="short"), held_out=True,
)  # fmt: skip

TORNBY = WorldSpec(
    "tornby", "Tornby Kommune", 9005, 140_000,
    changed(
        changed(
            with_durations(
                (*TEXTBOOK, ACUTE),
                PLF=_mix((0.3, Duration(EX, 50.0)), (0.7, Duration(GA, 1.8, 1000.0))),
                OPH=Duration(LN, 350.0, 1.2), KOP=Duration(PA, 1.7, 250.0),
                AKU=Duration(GA, 1.4, 14.0),
            ),
            "PLF", price_shift=(2025, 1.06),
        ),
        "KOP", growth=0.07, past_18="runs_on",
    ),
    billing="late", credit_notes=0.03, unlinked=0.02, refunds="quarterly",
    end_registration_lag=40, index=(1.3, 2.2, 4.9, 3.6, 2.8, 2.1),
    style=FileStyle(delimiter=";", legal="mixed"), held_out=True,
)  # fmt: skip

# Added in session 8 as held-out worlds, never examined before their first harness run: habits
# no earlier world has (measures that stop at 18, no refunds, a school-year intake of contact
# persons, a price cut, a budget that assumes no growth). ulstrup failed on its first run and
# was examined line by line (its registration delay of starts), and kaerby with it, so both
# count as tuning worlds since; vindeby stays held out with norrby and tornby.
ULSTRUP = WorldSpec(
    "ulstrup", "Ulstrup Kommune", 9006, 35_000,
    changed(
        changed(
            changed(
                with_durations(
                    (*TEXTBOOK, DAY_TREATMENT),
                    PLF=Duration(W, 2.4, 1000.0), OPH=Duration(LN, 700.0, 0.6),
                    KOP=Duration(GA, 2.6, 170.0), DAG=Duration(LN, 300.0, 0.9),
                ),
                "KOP", intake="august", growth=-0.07,
            ),
            "FAB", growth=0.12,
        ),
        "OPH", renegotiation=0.35, supplements=0.3,
    ),
    billing="quarterly", internal_billing="late", past_18="stops", refunds="none",
    registration_lag=45, end_registration_lag=15, budget_error=0.05,
    index=(1.7, 2.9, 5.9, 3.7, 2.2, 2.0),
    style=FileStyle(cpr=True, dates="slash", encoding="cp1252", legal="mixed",
                    planned_end=False),
)  # fmt: skip

VINDEBY = WorldSpec(
    "vindeby", "Vindeby Kommune", 9007, 130_000,
    changed(
        changed(
            with_durations(
                (*TEXTBOOK, ACUTE),
                PLF=_mix((0.4, Duration(EX, 200.0)), (0.6, Duration(LN, 1600.0, 0.7))),
                OPH=Duration(GA, 1.4, 600.0), EGV=Duration(W, 1.7, 380.0),
                SIK=Duration(GA, 1.6, 30.0), AKU=Duration(W, 1.3, 16.0),
            ),
            "EGV", growth=0.2, stock=9,
        ),
        "DGN", price_shift=(2024, 0.92),
    ),
    billing="late", credit_notes=0.06, double_bills=0.015, unlinked=0.06,
    refunds="supplementary", supplementary_until=(3, 1), budget_error=0.08, budget_growth=0.0,
    aftercare_duration=Duration(W, 1.1, 560.0), index=(1.2, 3.0, 6.5, 3.1, 2.0, 1.8),
    corrections=((2, 1, 0.1), (6, 15, 0.3), (10, 15, 0.6)),
    style=FileStyle(delimiter=";", danish_numbers=True, dates="dash", legal="long"),
    held_out=True,
)  # fmt: skip

WORLDS: dict[str, WorldSpec] = {
    w.name: w
    for w in (LAERESBOG, AADAL, BAKKEBY, EGHOLM, FJORDLEV, GRANHOJ, HEDEBY, SOLVANG, VESTMARK,
              KAERBY, LUNDHOLM, MORUP, NORRBY, TORNBY, ULSTRUP, VINDEBY)
}  # fmt: skip


def get(name: str, scale: float | None = None) -> WorldSpec:
    """The named world, optionally at another scale (1.0: its stated size)."""
    try:
        spec = WORLDS[name]
    except KeyError:
        known = ", ".join(WORLDS)
        raise KeyError(f"ukendt verden «{name}» (kendte: {known})") from None
    return spec if scale is None else replace(spec, scale=scale)


def tuning() -> list[WorldSpec]:
    return [w for w in WORLDS.values() if not w.held_out]


def held_out() -> list[WorldSpec]:
    return [w for w in WORLDS.values() if w.held_out]
