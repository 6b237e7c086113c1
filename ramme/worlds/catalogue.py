"""Measure types a world's catalogue is made from, in a "textbook" form.

Each world takes the ones it has and changes what makes it itself (``dataclasses.replace``).
Prices are 2021 levels (domain.md: residential homes about 2,500-2,800 kr. a day; foster
care counted in "vederlag" of about 4,700 kr. a month); stocks are active measures per
50,000 inhabitants on 1 January of the first year.
"""

from __future__ import annotations

from dataclasses import replace

from ramme.worlds.spec import Duration, TypeSpec

EXP = Duration("exponential", 900.0)

FOSTER = TypeSpec(
    "PLF", "Plejefamilie", "indgribende", "Plejefamilie", "5.28.22", 45, EXP, "month", 28_000,
    ages=(0, 15), aftercare=0.5, billing="in_month",  # the carers' fees go through the payroll
)  # fmt: skip
KINSHIP = TypeSpec(
    "NPF", "Netværksplejefamilie", "indgribende", "Plejefamilie", "5.28.22", 10, EXP, "month",
    9_500, ages=(0, 15), aftercare=0.4, billing="in_month",
)  # fmt: skip
RESIDENTIAL = TypeSpec(
    "OPH", "Socialpædagogisk opholdssted", "indgribende", "Opholdssted", "5.28.20", 25,
    Duration("exponential", 700.0), "day", 2_600, ages=(10, 17), aftercare=0.4,
    supplements=0.15, renegotiation=0.1,
)  # fmt: skip
INSTITUTION = TypeSpec(
    "DGN", "Døgninstitution", "indgribende", "Døgninstitution", "5.28.23", 12,
    Duration("exponential", 500.0), "day", 3_900, ages=(6, 17), aftercare=0.3,
    supplements=0.2, provider_kind="intern",
)  # fmt: skip
SECURE = TypeSpec(
    "SIK", "Sikret døgninstitution", "indgribende", "Sikret institution", "5.28.24", 1.2,
    Duration("lognormal", 21.0, 0.9), "day", 8_200, ages=(14, 17), price_spread=0.08,
)  # fmt: skip
ACUTE = TypeSpec(
    "AKU", "Akutanbringelse", "indgribende", "Døgninstitution", "5.28.23", 1.0,
    Duration("lognormal", 12.0, 0.7), "day", 4_600, ages=(0, 17), provider_kind="intern",
)  # fmt: skip
BOARDING = TypeSpec(
    "EFS", "Kost- og efterskole", "indgribende", "Kost- og efterskole", "5.28.20", 8,
    Duration("mixture", parts=((0.88, Duration("fixed", 320.0, 4.0)),
                               (0.12, Duration("exponential", 120.0)))),
    "month", 14_500, ages=(14, 16), intake="august", price_spread=0.1,
)  # fmt: skip
OWN_ROOM = TypeSpec(
    "EGV", "Eget værelse", "indgribende", "Eget værelse", "5.28.20", 7,
    Duration("exponential", 600.0), "month", 13_000, ages=(16, 17), aftercare=0.75,
)  # fmt: skip
CONTACT = TypeSpec(
    "KOP", "Kontaktperson", "forebyggende", "Kontaktperson", "5.28.21", 60,
    Duration("exponential", 420.0), "hour", 450, hours=(2.0, 8.0), ages=(8, 17),
    aftercare=0.35, legal="preventive", provider_kind="intern", price_spread=0.05,
)  # fmt: skip
FAMILY = TypeSpec(
    "FAB", "Familiebehandling", "forebyggende", "Familiebehandling", "5.28.21", 50,
    Duration("exponential", 300.0), "month", 12_000, legal="preventive", provider_kind="intern",
)  # fmt: skip
RESPITE = TypeSpec(
    "AFL", "Aflastning", "foregribende", "Aflastning", "5.28.21", 20,
    Duration("exponential", 500.0), "month", 9_000, ages=(3, 17), legal="preventive",
)  # fmt: skip
DAY_TREATMENT = TypeSpec(
    "DAG", "Dagbehandling", "foregribende", "Dagbehandling", "5.28.21", 6,
    Duration("exponential", 450.0), "month", 26_000, ages=(6, 16), legal="preventive",
)  # fmt: skip
GRANT = TypeSpec(
    "ENK", "Enkeltydelse", "oevrige", "Enkeltydelser", "5.28.21", 0.25,
    Duration("fixed", 1.0), "once", 12_000, price_spread=0.8, legal="other",
)  # fmt: skip

TEXTBOOK = (
    FOSTER, KINSHIP, RESIDENTIAL, INSTITUTION, SECURE, BOARDING, OWN_ROOM, CONTACT, FAMILY,
    RESPITE, GRANT,
)  # fmt: skip


def with_durations(types: tuple[TypeSpec, ...], **by_code: Duration) -> tuple[TypeSpec, ...]:
    """The types with the durations given by code replaced."""
    return tuple(replace(t, duration=by_code.get(t.code, t.duration)) for t in types)


def changed(types: tuple[TypeSpec, ...], code: str, **fields: object) -> tuple[TypeSpec, ...]:
    """The types with one type's fields changed."""
    return tuple(replace(t, **fields) if t.code == code else t for t in types)  # type: ignore[arg-type]
