"""Providers (leverandører): the municipality's own units and bought places.

External names come from OS2bos' public provider list (data/providers.csv); foster families
are numbered, not named (they are private persons). A few providers take most placements.
"""

from __future__ import annotations

import csv
import math
from importlib import resources

import numpy as np

from ramme.demo.model import Providers
from ramme.demo.parameters import InternalUnit, MeasureTypeSpec
from ramme.demo.simulate import Draft

SECURE_INSTITUTIONS = (
    "Sikret institution Bakkegården",
    "Sikret institution Kompasset",
    "Sikret institution Sølager",
    "Sikret institution Grenen",
    "Sikret institution Stevnsfortet",
    "Sikret institution Koglen",
)
FOSTER_FAMILIES = {"PLF": ("Plejefamilie", 2.5), "NPL": ("Netværksplejefamilie", 2.5)}


def _names_by_family() -> dict[str, list[str]]:
    text = resources.files("ramme.demo").joinpath("data/providers.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    families: dict[str, list[str]] = {"SIK": list(SECURE_INSTITUTIONS)}
    for row in rows:
        families.setdefault(row["category"], []).append(row["name"])
    families["KP"] = families.get("KP", []) + families["ANDET"][:40]
    return families


def build_providers(
    units: tuple[InternalUnit, ...], types: tuple[MeasureTypeSpec, ...], scale: float
) -> Providers:
    """Internal units first (I01…), then external providers P00001… by family."""
    ids = [u.provider_id for u in units]
    names = [u.name for u in units]
    kinds = ["intern"] * len(units)
    families = [""] * len(units)
    external = _names_by_family()
    for code, (label, per_place) in FOSTER_FAMILIES.items():
        stock = next(t.stock for t in types if t.code == code)
        count = max(3, math.ceil(stock * scale * per_place))
        external[code] = [f"{label} nr. {i:05d}" for i in range(1, count + 1)]
    for family in sorted(external):
        for name in external[family]:
            ids.append(f"P{len(ids) - len(units) + 1:05d}")
            names.append(name)
            kinds.append("ekstern")
            families.append(family)
    return Providers(ids, names, kinds, families)


def assign_providers(
    rng: np.random.Generator,
    draft: Draft,
    types: tuple[MeasureTypeSpec, ...],
    providers: Providers,
) -> None:
    """A provider per measure: the internal unit, or a popular-first pick in its family."""
    m = draft.measures
    family_of = np.array(providers.family)
    for ti, spec in enumerate(types):
        rows = np.flatnonzero((m.mtype == ti) & (m.aftercare == 0))
        if spec.internal_unit:
            m.provider[rows] = providers.provider_id.index(spec.internal_unit)
            continue
        family = spec.code if spec.code in FOSTER_FAMILIES else spec.provider_family
        if not family:
            continue
        pool = np.flatnonzero(family_of == family)
        weights = 1 / np.arange(1, len(pool) + 1) ** 0.8
        if spec.code in FOSTER_FAMILIES:
            weights = np.ones(len(pool))
        order = rng.permutation(len(pool))
        m.provider[rows] = pool[order][rng.choice(len(pool), len(rows), p=weights / weights.sum())]
    cont = np.flatnonzero(m.aftercare == 1)
    m.provider[cont] = m.provider[m.parent[cont]]


def provider_factors(rng: np.random.Generator, providers: Providers) -> np.ndarray:
    """Each provider's price level relative to its family's median (lognormal)."""
    return np.exp(0.12 * rng.standard_normal(len(providers.provider_id)))
