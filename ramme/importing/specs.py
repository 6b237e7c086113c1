"""Column specs of the data-contract files (../shared/data-contract.md, version 2)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ramme.core.ladder import LADDER_CODES

DRANST = frozenset({"1", "2"})
UNITS = frozenset({"day", "week", "month", "year", "hour", "once"})
UNIT_NAMES = "day, week, month, year, hour eller once"


@dataclass(frozen=True)
class Column:
    """A contract column. ``kind`` picks the parser: key, text, amount, decimal, int, date,
    bool, choice, cpr. ``free_text`` columns have CPR-shaped numbers scrubbed."""

    name: str
    kind: str = "text"
    required: bool = False
    choices: frozenset[str] = frozenset()
    max_length: int = 200
    free_text: bool = False


@dataclass(frozen=True)
class FileSpec:
    """One contract file: its columns, its key within the file, child reference rule."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    child: str = ""  # "required" or "optional": child_id or cpr identifies a child
    column_names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", frozenset(c.name for c in self.columns))


def _c(name: str, kind: str = "text", required: bool = False, **kw: object) -> Column:
    return Column(name, kind, required, **kw)  # type: ignore[arg-type]


_LADDER = frozenset(LADDER_CODES)
_CHILD = (_c("child_id", "key", max_length=64), _c("cpr", "cpr"))

SPECS: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec(
            "activities",
            (
                _c("activity", "key", True, max_length=100),
                _c("ladder_step", "choice", True, choices=_LADDER),
                _c("account", max_length=20),
                _c("dranst", "choice", choices=DRANST),
                _c("cost_center", max_length=50),
            ),
        ),
        FileSpec(
            "catalogue",
            (
                _c("measure_type", "key", True, max_length=30),
                _c("name", required=True, free_text=True),
                _c("ladder_step", "choice", True, choices=_LADDER),
                _c("activity", "key", True, max_length=100),
                _c("account", max_length=20),
                _c("duration_limit_days", "int"),
            ),
            key=("measure_type",),
        ),
        FileSpec(
            "providers",
            (
                _c("provider_id", "key", True, max_length=50),
                _c("name", required=True, free_text=True),
                _c("kind", "choice", True, choices=frozenset({"intern", "ekstern"})),
            ),
            key=("provider_id",),
        ),
        FileSpec(
            "children",
            (
                *_CHILD,
                _c("birth_date", "date"),
                _c("caseworker", max_length=150, free_text=True),
                _c("team", max_length=100, free_text=True),
                _c("household", max_length=64, free_text=True),
            ),
            key=("child",),
            child="required",
        ),
        FileSpec(
            "measures",
            (
                _c("measure_id", "key", True, max_length=64),
                *_CHILD,
                _c("measure_type", "key", True, max_length=30),
                _c("provider_id", "key", max_length=50),
                _c("start_date", "date", True),
                _c("end_date", "date"),
                _c("planned_end_date", "date"),
                _c("legal_basis", max_length=100, free_text=True),
                _c("approved_by", max_length=150, free_text=True),
                _c("approved_at", "date"),
            ),
            key=("measure_id",),
            child="required",
        ),
        FileSpec(
            "prices",
            (
                _c("measure_id", "key", True, max_length=64),
                _c("valid_from", "date", True),
                _c("valid_to", "date"),
                _c("kind", "choice", True, choices=frozenset({"base", "supplement"})),
                _c("amount", "amount", True),
                _c("unit", "choice", True, choices=UNITS),
                _c("hours_per_week", "decimal"),
                _c("negotiated", "bool"),
                _c("note", max_length=500, free_text=True),
            ),
        ),
        FileSpec(
            "price_index",
            (_c("year", "int", True), _c("rate", "decimal", True)),
            key=("year",),
        ),
        FileSpec(
            "postings",
            (
                _c("posting_id", "key", True, max_length=64),
                _c("date", "date", True),
                _c("account", "key", True, max_length=20),
                _c("dranst", "choice", True, choices=DRANST),
                _c("cost_center", max_length=50),
                _c("amount", "amount", True),
                _c("text", max_length=500, free_text=True),
                _c("measure_id", "key", max_length=64),
                *_CHILD,
                _c("provider_id", "key", max_length=50),
            ),
            key=("posting_id",),
            child="optional",
        ),
        FileSpec(
            "budget",
            (
                _c("year", "int", True),
                _c("activity", "key", True, max_length=100),
                _c(
                    "kind",
                    "choice",
                    True,
                    choices=frozenset({"vedtaget", "korrigeret"}),
                ),
                _c("date", "date"),
                _c("amount", "amount", True),
            ),
            key=("year", "activity", "kind", "date"),
        ),
        FileSpec(
            "events",
            (
                _c("event_id", "key", True, max_length=64),
                _c("date", "date", True),
                _c("kind", "key", True, max_length=30),
                *_CHILD,
                _c("end_date", "date"),  # v2: the day an investigation was finished
            ),
            key=("event_id",),
            child="optional",
        ),
        # Version 2's optional files: benchmark and internal offers (docs/benchmark.md).
        FileSpec(
            "population",
            (_c("year", "int", True), _c("age", "int", True), _c("count", "int", True)),
            key=("year", "age"),
        ),
        FileSpec(
            "benchmark",
            (
                _c("year", "int", True),
                _c("municipality", "key", True, max_length=100),
                _c("indicator", "key", True, max_length=60),
                _c("value", "amount", True),  # kroner per child as well as rates
                _c("source", max_length=200, free_text=True),
            ),
            key=("year", "municipality", "indicator"),
        ),
        FileSpec(
            "waiting",
            (
                *_CHILD,
                _c("offer", "key", True, max_length=50),
                _c("since", "date", True),
                _c("until", "date"),
            ),
            key=("child", "offer", "since"),
            child="required",
        ),
        FileSpec(
            "staff",
            (
                _c("provider_id", "key", True, max_length=50),
                _c("valid_from", "date", True),
                _c("valid_to", "date"),
                _c("places", "int"),
                _c("staff", "decimal"),
            ),
            key=("provider_id", "valid_from"),
        ),
    )
}

# The order files are imported in, so that every reference points backwards.
IMPORT_ORDER = (
    "activities",
    "catalogue",
    "providers",
    "children",
    "measures",
    "prices",
    "price_index",
    "postings",
    "budget",
    "events",
    "population",
    "benchmark",
    "waiting",
    "staff",
)
