"""Writing the data-contract files: CSV, UTF-8, comma, streamed in chunks."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ramme.demo.days import iso
from ramme.demo.ledger import TEXT_QUARTER, Ledger
from ramme.demo.model import NO_DAY, NOTES, UNITS, World
from ramme.demo.parameters import PRICE_LEVEL_YEAR, index_rate
from ramme.importing.specs import SPECS

Column = Callable[[slice], list[str]]
CHUNK = 200_000


def write_table(path: Path, header: Sequence[str], n: int, columns: Sequence[Column]) -> int:
    """Write ``n`` rows, each column formatting a slice at a time. Returns the row count."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for lo in range(0, n, CHUNK):
            part = slice(lo, min(n, lo + CHUNK))
            writer.writerows(zip(*(column(part) for column in columns), strict=True))
    return n


def contract_header(name: str) -> tuple[str, ...]:
    """The columns of a data-contract file in the contract's order, as the importer reads
    them; the demo names every child by CPR, so ``child_id`` (the alternative) is left out."""
    return tuple(c.name for c in SPECS[name].columns if c.name != "child_id")


def money(values: np.ndarray) -> Column:
    return lambda s: [f"{v:.2f}" for v in values[s].tolist()]


def dates(values: np.ndarray) -> Column:
    return lambda s: iso(values[s])


def lookup(table: Sequence[str], index: np.ndarray) -> Column:
    """Strings by index; -1 gives blank."""
    padded = np.array([*table, ""], dtype=object)
    return lambda s: padded[np.where(index[s] < 0, len(table), index[s])].tolist()


def write_measures(world: World, out: Path, ids: list[str]) -> int:
    m = world.measures
    bases = [t.legal_basis for t in world.types]
    aftercare = ("SEL § 76 stk. 2", "Barnets lov § 114")
    year = m.start.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    basis_table = [b[0] for b in bases] + [b[1] for b in bases] + list(aftercare)
    nt = len(bases)
    basis = np.where(year >= 2024, m.mtype + nt, m.mtype)
    basis = np.where(m.aftercare == 1, 2 * nt + (year >= 2024), basis)
    approver = np.where(m.approved_at == NO_DAY, -1, m.approver)
    cprs = world.children.cpr
    return write_table(
        out / "measures.csv",
        (
            "measure_id",
            "cpr",
            "measure_type",
            "provider_id",
            "start_date",
            "end_date",
            "planned_end_date",
            "legal_basis",
            "approved_by",
            "approved_at",
            "reviewed_at",
        ),
        len(m),
        [
            lambda s: ids[s],
            lookup(cprs, m.child),
            lookup([t.code for t in world.types], m.mtype),
            lookup(world.providers.provider_id, m.provider),
            dates(m.start),
            dates(m.end),
            dates(m.planned_end),
            lookup(basis_table, basis),
            lookup(world.approvers, approver),
            dates(m.approved_at),
            dates(m.reviewed_at),
        ],
    )


def write_prices(world: World, out: Path, ids: list[str]) -> int:
    p = world.prices
    hours = np.where(p.unit == UNITS.index("hour"), p.hours, np.nan)
    return write_table(
        out / "prices.csv",
        contract_header("prices"),
        len(p),
        [
            lookup(ids, p.measure),
            dates(p.valid_from),
            dates(p.valid_to),
            lookup(("base", "supplement"), p.kind),
            money(p.amount),
            lookup(UNITS, p.unit),
            lambda s: ["" if np.isnan(h) else f"{h:g}" for h in hours[s].tolist()],
            lookup(("nej", "ja"), p.negotiated),
            lookup(NOTES, p.note),
        ],
    )


def _texts(ledger: Ledger) -> Column:
    p = ledger.postings
    labels = ledger.labels

    def column(s: slice) -> list[str]:
        out = []
        for label, period, kind in zip(
            p.label[s].tolist(), p.period[s].tolist(), p.text_kind[s].tolist(), strict=True
        ):
            year, month = period // 12 + 1970, period % 12 + 1
            when = (
                f"{(month - 1) // 3 + 1}. kvt. {year}"
                if kind == TEXT_QUARTER
                else f"{month:02d}.{year}"
            )
            out.append(f"{labels[label]} {when}")
        return out

    return column


def write_postings(world: World, ledger: Ledger, out: Path, ids: list[str]) -> int:
    p = ledger.postings
    centers = [line.cost_center for line in world.params.lines]
    return write_table(
        out / "postings.csv",
        contract_header("postings"),
        len(p),
        [
            lambda s: [f"B{i:09d}" for i in range(s.start + 1, s.stop + 1)],
            dates(p.date),
            lookup(ledger.accounts, p.account),
            lambda s: [str(x) for x in p.dranst[s].tolist()],
            lookup(centers, p.line),
            money(p.amount),
            _texts(ledger),
            lookup(ids, p.measure),
            lookup(world.children.cpr, p.child),
            lookup(world.providers.provider_id, p.provider),
        ],
    )


def write_price_index(out: Path, first: int, last: int) -> int:
    years = list(range(first, last + 1))
    return write_table(
        out / "price_index.csv",
        contract_header("price_index"),
        len(years),
        [lambda s: [str(y) for y in years[s]], lambda s: [f"{index_rate(y):g}" for y in years[s]]],
    )


__all__ = ["PRICE_LEVEL_YEAR", "write_table"]
