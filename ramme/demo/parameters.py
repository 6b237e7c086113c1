"""Every parameter of the demo municipality, in one documented place (docs/demo.md).

The default municipality has 48,000 inhabitants (Ballerup's size). Volumes are given as the
stock of active measures on 31 December of the reference year (what the annual accounts'
Table 4 reports); the generator derives the monthly inflow from stock / mean duration, so the
stock stays calibrated whatever the duration. Prices are in the 2023 price level and are
moved to other years with the price index below. Sources:
- seed 002 (annual accounts 2017, Tables 3 and 4): units and price per unit per ladder step;
- seed 001 (monthly follow-up September 2019): activity lines and their size, 3 hours a week
  per contact person, 34 child investigations a month, 618 → 925 notifications 2017-2018;
- seed 000 / 004 (action plans): supplements only negotiated and time-limited, renegotiation
  of the 20 most expensive placements, 4 fewer placements a month;
- domain.md: residential home 2,500-2,800 kr./day (2023-24), 1 vederlag = 4,694 kr./month
  (2023, verify), the state refund thresholds and tiers (verify).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BASE_POPULATION = 48_000
PRICE_LEVEL_YEAR = 2023  # the price level of every amount in this module
BURN_IN_YEARS = 8  # measures are simulated this many years before the first reported year
REVIEW_MONTHS = 6  # seed 004: measures older than 6 months are reviewed

# Rate (%) of the yearly regulation on 1 January (KL's price and wage index, rounded).
PRICE_INDEX: dict[int, float] = {
    2010: 1.8, 2011: 1.9, 2012: 2.0, 2013: 1.6, 2014: 1.5, 2015: 1.7, 2016: 1.6,
    2017: 1.8, 2018: 1.9, 2019: 1.7, 2020: 2.0, 2021: 2.1, 2022: 3.0, 2023: 3.4,
    2024: 2.8, 2025: 2.6, 2026: 2.4, 2027: 2.3, 2028: 2.2, 2029: 2.2, 2030: 2.2,
}  # fmt: skip
DEFAULT_INDEX_RATE = 2.2  # years outside the table

# New measures per month relative to the year's average: more in August-October when the
# school year starts, few in July (holiday).
SEASONALITY = (1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 0.55, 1.2, 1.25, 1.15, 1.0, 0.85)
SCHOOL_START = (0, 0, 0, 0, 0, 0, 0, 12.0, 0, 0, 0, 0)  # boarding schools start in August


@dataclass(frozen=True)
class PriceModel:
    """How the base price (basispris) of a measure type is drawn, in the 2023 level.

    ``median`` and ``sigma`` give a lognormal spread around the median; ``tail_share`` of the
    measures get a price uniformly in ``tail`` instead (the few very expensive places).
    ``vederlag`` > 0 prices foster care as n vederlag (n in ``vederlag_range``) plus a cost
    allowance drawn around ``median``. ``hours`` gives hours a week for hourly prices.
    """

    unit: str
    median: float
    sigma: float = 0.15
    tail_share: float = 0.0
    tail: tuple[float, float] = (0.0, 0.0)
    vederlag: float = 0.0
    vederlag_range: tuple[int, int] = (0, 0)
    hours: tuple[float, float, float] = (0.0, 0.0, 0.0)  # min, mode, max hours a week


@dataclass(frozen=True)
class MeasureTypeSpec:
    """A measure type of the catalogue and how it behaves in the simulation.

    stock: active measures on 31 December of the reference year at 48,000 inhabitants.
    duration_months / duration_sigma: lognormal duration (median, spread).
    ages: (min, mode, max) age in years at start (triangular).
    billing: advance | monthly | arrears | quarterly | once | salary (internal units).
    trend: yearly growth of the inflow. aftercare_share: share of the measures stopped by
    the 18th birthday that continue as efterværn (until at most the 23rd birthday).
    host_types / host_share: share attached to a child who already has one of those types
    (e.g. a contact person during a placement).
    """

    code: str
    name: str
    ladder_step: str
    activity: str
    account: str
    price: PriceModel
    stock: float
    duration_months: float
    duration_sigma: float
    ages: tuple[float, float, float]
    billing: str
    provider_family: str = ""  # category of external providers; "" = paid to a person
    internal_unit: str = ""  # provider id of the internal unit delivering it
    trend: float = 0.0
    aftercare_share: float = 0.0
    host_types: tuple[str, ...] = ()
    host_share: float = 0.0
    duration_limit_months: int | None = None
    supplement_share: float = 0.0
    renegotiation_share: float = 0.0
    school_year: bool = False
    legal_basis: tuple[str, str] = ("", "")  # (Serviceloven before 2024, Barnets lov)


VEDERLAG_2023 = 4_694.0  # kr. a month (domain.md, verify)

_SEL52 = "SEL § 52 stk. 3 nr. "
_BL46 = "Barnets lov § 46"
_PLACEMENT = (_SEL52 + "7", _BL46)
_AFTERCARE = ("SEL § 76 stk. 3", "Barnets lov § 114")
# Barnets lov keys the importer knows (BL §§ 20, 32, 46-47, 86-87, 114, 132) are used where
# the exact new paragraph (e.g. BL § 30 for counselling, § 35 for economic support) is not.
_ADVICE = ("SEL § 11 stk. 3", "Barnets lov § 32")
_CONTACT = (_SEL52 + "6", "Barnets lov § 32 stk. 1 nr. 4")
_EXTRA_COSTS = ("SEL § 41", "Barnets lov § 86")

CATALOGUE: tuple[MeasureTypeSpec, ...] = (
    # Forebyggende
    MeasureTypeSpec("FRI", "Støtte til fritidsaktiviteter", "forebyggende",
                    "Støtte til fritidstilbud", "5.28.21", PriceModel("once", 4_500, 0.35),
                    40, 12, 0.05, (6, 11, 16), "once", legal_basis=_ADVICE),
    MeasureTypeSpec("BHU", "Børnehuset, forebyggende forløb", "forebyggende", "Børnehuset",
                    "5.28.21", PriceModel("month", 8_500, 0.2), 35, 8, 0.5, (0, 3, 8),
                    "arrears", "ANDET", legal_basis=_ADVICE),
    MeasureTypeSpec("KCT", "Kommunikationscentret, rådgivningsforløb", "forebyggende",
                    "Kommunikationscentret", "5.28.21", PriceModel("month", 7_500, 0.2), 15,
                    9, 0.5, (2, 6, 17), "arrears", "ANDET", legal_basis=_ADVICE),
    MeasureTypeSpec("KON", "Konsulentbistand og rådgivning (§ 11)", "forebyggende",
                    "Konsulentbistand og rådgivning", "5.28.21",
                    PriceModel("hour", 850, 0.1, hours=(1, 2, 3)), 45, 6, 0.5, (0, 9, 17),
                    "arrears", "FBE", legal_basis=_ADVICE),
    # Foregribende
    MeasureTypeSpec("KP", "Kontaktperson", "foregribende", "Kontaktpersonordninger",
                    "5.28.21", PriceModel("hour", 550, 0.1, hours=(1, 2.5, 5)), 110, 11, 0.6,
                    (11, 15, 17.9), "arrears", "ANDET", trend=0.01, aftercare_share=0.5,
                    host_types=("OPH", "PLF", "EGV"), host_share=0.15,
                    duration_limit_months=12, legal_basis=_CONTACT),
    MeasureTypeSpec("DUT", "Kontaktperson, Det Udegående Team (DUT)", "foregribende",
                    "Ungdomspensionen DUT", "5.28.21",
                    PriceModel("hour", 420, 0.05, hours=(2, 3, 5)), 55, 12, 0.6,
                    (13, 16, 17.9), "salary", internal_unit="I03", aftercare_share=0.6,
                    duration_limit_months=12, legal_basis=_CONTACT),
    MeasureTypeSpec("UPT", "Eget værelse under Ungdomspensionen (UP-Turbo)", "foregribende",
                    "Ungdomspensionen UP-Turbo", "5.28.20", PriceModel("month", 12_500, 0.05),
                    5, 12, 0.5, (16, 17, 17.9), "salary", internal_unit="I02",
                    aftercare_share=0.5, legal_basis=_PLACEMENT),
    MeasureTypeSpec("DAG", "Dagbehandling (behandlingsskole)", "foregribende", "Dagbehandling",
                    "5.28.21", PriceModel("month", 25_000, 0.2), 30, 24, 0.6, (6, 11, 16.5),
                    "arrears", "ANDET", trend=0.01,
        host_types=("AFL",),
        host_share=0.2,
                    legal_basis=(_SEL52 + "2", "Barnets lov § 32 stk. 1 nr. 1")),
    MeasureTypeSpec("AFL", "Aflastning", "foregribende", "Aflastning", "5.28.21",
                    PriceModel("month", 6_000, 0.5, tail_share=0.05, tail=(40_000, 80_000)),
                    125, 36, 0.7, (3, 9, 17), "arrears",
                    "AFL", trend=0.0, legal_basis=(_SEL52 + "5", "Barnets lov § 32 stk. 1 nr. 3")),
    MeasureTypeSpec("FBE", "Familiebehandling, ekstern", "foregribende",
                    "Familiebehandling (ekstern)", "5.28.21",
                    PriceModel("hour", 900, 0.15, hours=(1.5, 3, 5)), 14, 7, 0.4, (0, 8, 17),
                    "quarterly", "FBE", trend=0.02, duration_limit_months=9,
                    legal_basis=(_SEL52 + "3", "Barnets lov § 32 stk. 1 nr. 2")),
    MeasureTypeSpec("FBI", "Familiebehandling, Familiehuset", "foregribende", "Familiehuset",
                    "5.28.21", PriceModel("month", 3_800, 0.1), 220, 7, 0.4, (0, 7, 17),
                    "salary", internal_unit="I01", duration_limit_months=9,
                    legal_basis=(_SEL52 + "3", "Barnets lov § 32 stk. 1 nr. 2")),
    MeasureTypeSpec("SFM", "Økonomisk støtte til forældremyndighedsindehaver", "foregribende",
                    "Støtte til forældremyndighedsindehaver", "5.28.21",
                    PriceModel("month", 3_800, 0.4), 45, 10, 0.6, (0, 8, 17), "monthly",
                    legal_basis=(_SEL52 + "9", "Barnets lov § 32")),
    MeasureTypeSpec("MER", "Merudgifter", "foregribende", "Merudgifter", "5.57.72",
                    PriceModel("month", 2_000, 0.5), 110, 40, 0.7, (0, 7, 17), "monthly",
                    host_types=("AFL",), host_share=0.45, legal_basis=_EXTRA_COSTS),
    MeasureTypeSpec("TAB", "Tabt arbejdsfortjeneste", "foregribende", "Tabt arbejdsfortjeneste",
                    "5.57.72", PriceModel("month", 18_000, 0.25), 32, 36, 0.7, (0, 6, 17),
                    "monthly", host_types=("AFL",), host_share=0.5,
                    legal_basis=("SEL § 42", "Barnets lov § 87")),
    MeasureTypeSpec("EFV", "Efterværn, støtte i egen bolig", "foregribende", "Efterværn",
                    "5.28.21", PriceModel("month", 9_000, 0.3), 12, 12, 0.6, (18, 18.5, 21.5),
                    "arrears", "ANDET", legal_basis=_AFTERCARE),
    # Indgribende
    MeasureTypeSpec("PLF", "Plejefamilie", "indgribende", "Familiepleje", "5.28.22",
                    PriceModel("month", 6_500, 0.3, vederlag=VEDERLAG_2023, vederlag_range=(4, 10)),
                    50, 40, 0.7, (0, 8, 16), "monthly", "", trend=0.0, aftercare_share=0.4,
                    renegotiation_share=0.05, legal_basis=_PLACEMENT),
    MeasureTypeSpec("NPL", "Netværksplejefamilie", "indgribende", "Netværksplejefamilie",
                    "5.28.22",
                    PriceModel("month", 2_500, 0.3, vederlag=VEDERLAG_2023, vederlag_range=(1, 2)),
                    7, 40, 0.7, (0, 8, 16), "monthly", "", aftercare_share=0.3,
                    legal_basis=_PLACEMENT),
    MeasureTypeSpec("EGV", "Eget værelse", "indgribende", "Eget Værelse", "5.28.20",
                    PriceModel("month", 19_000, 0.25), 12, 16, 0.6, (15, 16.5, 17.9), "advance",
                    "EGV", aftercare_share=0.5, legal_basis=_PLACEMENT),
    MeasureTypeSpec("KOST", "Kost- og efterskole", "indgribende", "Kost- og efterskole",
                    "5.28.20", PriceModel("month", 9_500, 0.2), 15, 10, 0.1, (14, 15.5, 17.5),
                    "advance", "KOST", school_year=True, legal_basis=_PLACEMENT),
    MeasureTypeSpec("OPH", "Socialpædagogisk opholdssted", "indgribende", "Opholdssted",
                    "5.28.20",
                    PriceModel("day", 2_650, 0.17, tail_share=0.04, tail=(4_000, 6_000)),
                    36, 24, 0.8, (8, 14, 17.5), "advance", "OPH", trend=-0.02,
                    aftercare_share=0.4, supplement_share=0.3, renegotiation_share=0.12,
                    legal_basis=_PLACEMENT),
    MeasureTypeSpec("DGN", "Døgninstitution", "indgribende", "Institution", "5.28.23",
                    PriceModel("day", 4_400, 0.18), 8, 30, 0.8, (4, 12, 17), "advance", "DGN",
                    aftercare_share=0.3, supplement_share=0.2, renegotiation_share=0.05,
                    legal_basis=_PLACEMENT),
    MeasureTypeSpec("SIK", "Sikret institution", "indgribende", "Sikrede institutioner",
                    "5.28.24", PriceModel("day", 9_000, 0.07), 1.0, 0.9, 0.8, (14, 16, 17.9),
                    "arrears", "SIK", legal_basis=(_SEL52 + "7", _BL46)),
    MeasureTypeSpec("UPD", "Døgnophold, Ungdomspensionen", "indgribende", "Ungdomspensionen",
                    "5.28.23", PriceModel("day", 3_500, 0.05), 9, 20, 0.6, (13, 16, 17.5),
                    "salary", internal_unit="I02", aftercare_share=0.4, legal_basis=_PLACEMENT),
)  # fmt: skip

PLACEMENT_TYPES = ("OPH", "PLF", "NPL", "EGV", "KOST", "DGN", "SIK", "UPD", "UPT")


@dataclass(frozen=True)
class ActivityLine:
    """A budget activity line; ``cost_center`` is its activity dimension in the ledger."""

    name: str
    ladder_step: str
    cost_center: str
    dranst: int = 1
    salary_2019: float = 0.0  # mio. kr. a year at 48,000 inhabitants, 2019 level (seed 001)


def _line(
    position: int, name: str, step: str, dranst: int = 1, salary: float = 0.0
) -> ActivityLine:
    return ActivityLine(name, step, f"3046{position:02d}", dranst, salary)


# In the order of the September 2019 follow-up (seed 001). Lines of internal units are paid
# by salary on their cost centre; PPR and Småbørnsstøtte have no measures in the catalogue.
ACTIVITY_LINES: tuple[ActivityLine, ...] = (
    _line(1, "Støtte til fritidstilbud", "forebyggende"),
    _line(2, "Børnehuset", "forebyggende"),
    _line(3, "Kommunikationscentret", "forebyggende"),
    _line(4, "Konsulentbistand og rådgivning", "forebyggende"),
    _line(5, "Kontaktpersonordninger", "foregribende"),
    _line(6, "Ungdomspensionen UP-Turbo", "foregribende"),
    _line(7, "Ungdomspensionen DUT", "foregribende"),
    _line(8, "Dagbehandling", "foregribende"),
    _line(9, "Aflastning", "foregribende"),
    _line(10, "Familiebehandling (ekstern)", "foregribende"),
    _line(11, "Familiehuset", "foregribende"),
    _line(12, "Støtte til forældremyndighedsindehaver", "foregribende"),
    _line(13, "Merudgifter", "foregribende"),
    _line(14, "Tabt arbejdsfortjeneste", "foregribende"),
    _line(15, "Efterværn", "foregribende"),
    _line(16, "Refusion vedrørende funktioner, foregribende", "foregribende", dranst=2),
    _line(17, "Familiepleje", "indgribende"),
    _line(18, "Eget Værelse", "indgribende"),
    _line(19, "Institution", "indgribende"),
    _line(20, "Kost- og efterskole", "indgribende"),
    _line(21, "Netværksplejefamilie", "indgribende"),
    _line(22, "Opholdssted", "indgribende"),
    _line(23, "Sikrede institutioner", "indgribende"),
    _line(24, "Ungdomspensionen", "indgribende"),
    _line(25, "Refusion vedrørende funktioner, indgribende", "indgribende", dranst=2),
    _line(26, "Småbørnsstøtte og Specialinstitutioner", "oevrige", salary=10.0),
    _line(27, "PPR Løn", "oevrige", salary=20.5),
)
# A refund is booked on the account of the child's costliest measure; preventive accounts go
# to the foregribende refund line, placement accounts to the indgribende one.
REFUND_LINES = (
    "Refusion vedrørende funktioner, foregribende",
    "Refusion vedrørende funktioner, indgribende",
)
PREVENTIVE_ACCOUNTS = ("5.28.21", "5.57.72")


def refund_line(account: str) -> str:
    return REFUND_LINES[0] if account in PREVENTIVE_ACCOUNTS else REFUND_LINES[1]


@dataclass(frozen=True)
class InternalUnit:
    """A unit of the municipality itself (intern leverandør), paid by salary."""

    provider_id: str
    name: str
    lines: tuple[str, ...]  # activity lines whose salary it books
    account: str


INTERNAL_UNITS: tuple[InternalUnit, ...] = (
    InternalUnit("I01", "Familiehuset", ("Familiehuset",), "5.28.21"),
    InternalUnit("I02", "Ungdomspensionen", ("Ungdomspensionen", "Ungdomspensionen UP-Turbo"),
                 "5.28.23"),
    InternalUnit("I03", "Ungdomspensionen, Det Udegående Team (DUT)", ("Ungdomspensionen DUT",),
                 "5.28.21"),
    InternalUnit("I04", "Pædagogisk Psykologisk Rådgivning (PPR)", ("PPR Løn",), "3.22.08"),
    InternalUnit("I05", "Småbørnsstøtte og specialinstitutioner",
                 ("Småbørnsstøtte og Specialinstitutioner",), "5.28.25"),
)  # fmt: skip
SALARY_MAY_FACTOR = 1.12  # holiday pay (ferietillæg) makes May's payroll a bit higher
SALARY_OVER_COST = (0.01, 0.02)  # salaries = internal measures' cost × (1 + N(mean, sd))


@dataclass(frozen=True)
class RefundRule:
    """State refund for especially expensive cases: tiers above yearly thresholds."""

    thresholds: tuple[float, ...]
    shares: tuple[float, ...]


# Serviceloven § 176 / Barnets lov § 198 (domain.md; verify the tiers). From 2023 the 2022
# thresholds are regulated with the price index.
REFUND_RULES: dict[int, RefundRule] = {
    2020: RefundRule((950_000, 1_770_000), (0.5, 0.75)),
    2021: RefundRule((850_000, 1_660_000, 2_090_000), (0.25, 0.5, 0.75)),
    2022: RefundRule((860_000, 1_680_000, 2_120_000), (0.25, 0.5, 0.75)),
}


@dataclass(frozen=True)
class Billing:
    """How invoices fall in the ledger."""

    late_share: float = 0.05  # invoices booked 1-4 months late
    late_months: tuple[int, int] = (1, 4)
    supplementary_months: int = 2  # January-February postings of last year's costs → 31.12


BILLING = Billing()


@dataclass(frozen=True)
class CaseworkParams:
    """Caseworkers (rådgivere), approval and planning behaviour."""

    caseload: int = 35
    teams: tuple[str, ...] = ("Team Nord", "Team Syd", "Team Unge", "Team Handicap")
    unapproved_share: float = 0.03  # grants without management approval
    planned_optimism: tuple[float, float] = (0.8, 0.35)  # planned/actual duration: median, sd
    unreviewed_share: float = 0.06  # active > 6 months without a review


CASEWORK = CaseworkParams()


@dataclass(frozen=True)
class EventParams:
    """Notifications (underretninger) and child investigations a year at 48,000."""

    notifications_first_year: float = 1_000.0  # 2017: 618, 2018: 925 (seed 001)
    notification_growth: float = 0.07
    investigations_per_month: float = 34.0  # seed 001
    notified_with_measure_share: float = 0.5


EVENTS = EventParams()


@dataclass(frozen=True)
class BudgetParams:
    """Adopted budget = last year's spending × (1 + N(mean, sd)); corrections after follow-ups."""

    adopted_change: tuple[float, float] = (-0.005, 0.02)
    corrections: tuple[tuple[int, int, float, float], ...] = (
        (6, 20, 0.01, 0.01),  # 2nd budget follow-up in June: month, day, mean, sd
        (11, 27, 0.005, 0.01),  # 3rd follow-up in November, only for some lines
    )
    second_correction_share: float = 0.3


BUDGET = BudgetParams()


@dataclass(frozen=True)
class Scenario:
    """An action plan (handleplan) planted in the data, from ``start_month`` of year 3."""

    name: str
    year_offset: int = 2  # third reported year
    start_month: int = 5
    fewer_residential_per_month: float = 0.0  # at 48,000 inhabitants
    renegotiate_top: int = 0
    renegotiation_cut: float = 0.0
    conversions_to_network: int = 0  # at 48,000 inhabitants
    description: str = ""


SCENARIOS: dict[str, Scenario] = {
    "handleplan": Scenario(
        "handleplan",
        fewer_residential_per_month=0.3,
        renegotiate_top=20,
        renegotiation_cut=0.10,
        conversions_to_network=4,
        description=(
            "Handleplan: 4 færre nyanbringelser på opholdssted om måneden, "
            "genforhandling af de 20 dyreste anbringelser (-10 %), "
            "flere i netværkspleje (omplacering fra opholdssted)."
        ),
    ),
    "ingen": Scenario("ingen", description="Ingen handleplan."),
}


@dataclass(frozen=True)
class Parameters:
    """The complete parameter set the generator runs on."""

    catalogue: tuple[MeasureTypeSpec, ...] = CATALOGUE
    lines: tuple[ActivityLine, ...] = ACTIVITY_LINES
    units: tuple[InternalUnit, ...] = INTERNAL_UNITS
    billing: Billing = BILLING
    casework: CaseworkParams = CASEWORK
    events: EventParams = EVENTS
    budget: BudgetParams = BUDGET
    scenarios: dict[str, Scenario] = field(default_factory=lambda: dict(SCENARIOS))


def index_rate(year: int) -> float:
    """The regulation rate (%) of ``year``."""
    return PRICE_INDEX.get(year, DEFAULT_INDEX_RATE)


def level_factor(from_year: int, to_year: int) -> float:
    """Factor that moves an amount from one year's price level to another's."""
    factor = 1.0
    for y in range(min(from_year, to_year) + 1, max(from_year, to_year) + 1):
        factor *= 1 + index_rate(y) / 100
    return factor if to_year >= from_year else 1 / factor


def refund_rule(year: int) -> RefundRule:
    """The refund thresholds of ``year`` (2022's regulated by the index after 2022)."""
    if year in REFUND_RULES:
        return REFUND_RULES[year]
    if year < min(REFUND_RULES):
        return REFUND_RULES[min(REFUND_RULES)]
    base = REFUND_RULES[2022]
    factor = level_factor(2022, year)
    return RefundRule(tuple(round(t * factor, -3) for t in base.thresholds), base.shares)
