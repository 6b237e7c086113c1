"""Ledger rows (posteringer) as database tuples, with a fast path for the common row.

A ledger repeats a few hundred dates, two dranst values and a handful of accounts, and
almost every amount is a plain ``1234.50``. The fast path checks such a row with string
operations and small caches and yields its tuple directly. Any row it is not sure about
(an error, a Danish number it cannot read, an invalid CPR number, an unknown reference,
a duplicate key) goes through the general ``Converter.convert`` and reference checks, so
errors and values are exactly those of the general path.

Tuples hold dates as ISO text and amounts as plain decimal text: both databases read
those into their date and numeric columns, and no ``date``/``Decimal`` is built per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ramme.core.cpr import looks_like_cpr
from ramme.importing import parsing
from ramme.importing.errors import ParseError
from ramme.importing.validate import Converter, Row, cached_cpr
from ramme.web.data.models import Child, Measure, Provider
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.mapping import Mapper

# At most two decimals, so never a Danish ``1.000`` (a thousand); that takes parse_amount.
# At most 12 digits (below 10^12 kr., parsing.MAX_AMOUNT): larger amounts take the general
# path, which refuses them with row and column.
_PLAIN_AMOUNT = re.compile(r"-?\d{1,12}(?:\.\d{1,2})?")
# The common Danish form ``1.234,50`` / ``1.234,50-``, read without building a Decimal.
_DANISH_AMOUNT = re.compile(r"(-?)(\d{1,3}(?:\.\d{3}){0,3}|\d{1,12}),(\d{1,2})(-?)")
_CACHE_LIMIT = 50_000
_UNSEEN = -1  # not an activity id: the rules have not been asked about this key yet

Cells = tuple[int, list[str]]


def posting_batches(
    ctx: ImportContext, converter: Converter, numbered: Iterable[Cells], size: int
) -> Iterator[list[tuple]]:
    """The database tuples (``ledger_writers.COLUMNS``) of the valid postings, in batches."""
    rows = _PostingRows(ctx, converter)
    fast, slow = rows.fast_path(), rows.slow
    batch: list[tuple] = []
    append = batch.append
    for number, cells in numbered:
        found = fast(cells)
        if found is None:
            found = slow(number, cells)
            if found is None:
                continue
        append(found)
        if len(batch) >= size:
            yield batch
            batch = []
            append = batch.append
    if batch:
        yield batch


class _PostingRows:
    def __init__(self, ctx: ImportContext, converter: Converter) -> None:
        self.ctx, self.converter = ctx, converter
        self.measures = ctx.lookup(Measure, "measure_id")
        self.providers = ctx.lookup(Provider, "provider_id")
        self.mapper = Mapper()
        index = converter.index_of
        self.required = [index(name) for name in ("posting_id", "date", "account", "dranst")]
        self.optional = [index(name) for name in ("cost_center", "text", "amount")]
        self.refs = [index(name) for name in ("measure_id", "provider_id")]
        self.i_cpr, self.i_child_id = index("cpr"), index("child_id")
        self.child = [i for i in (self.i_cpr, self.i_child_id) if i is not None]
        self.cpr_children: dict[str, int] = {}  # a CPR spelling → its child's id
        known = self.required + self.optional + self.refs + self.child
        self.width = max((i for i in known if i is not None), default=0) + 1
        self.dates: dict[str, str] = {}
        self.dransts: dict[str, int] = {}
        self.plain_keys: set[tuple[str, str]] = set()  # (account, cost centre) not CPR-shaped

    def fast_path(self) -> Callable[[list[str]], tuple | None]:
        """The tuple of a plain row, or None when the general path must decide.

        Built per file so the hot loop reads its column indexes and caches as locals.
        """
        required = [i for i in self.required if i is not None]
        i_cc, i_text, i_amount = self.optional
        if len(required) < len(self.required) or i_amount is None:
            return lambda cells: None  # a required column is missing: the header error says so
        i_id, i_date, i_account, i_dranst = required
        width, child, has_refs = self.width, self.child, self.refs != [None, None]
        dates, dransts, new_date, new_dranst = self.dates, self.dransts, self._date, self._dranst
        seen, plain, slow_amount = self.converter.seen_set(), _PLAIN_AMOUNT.fullmatch, self._amount
        activity_of, refs_of, converter = self.mapper.activity, self._refs, self.converter
        by_rules, by_measure = self.mapper.by_rules, self.mapper.by_measure
        cpr_shaped, child_of = looks_like_cpr, self._child
        plain_keys, plain_key, scrubbed = self.plain_keys, self._plain_keys, converter.scrubbed_text
        scrubs, extra = (
            converter.scrub_cache(),
            converter.extra_scrub if converter.has_extra else None,
        )
        # the usual export: a cpr column and no child_id; a number seen before is one lookup
        i_cpr = self.i_cpr if self.i_child_id is None else None
        cpr_children = self.cpr_children

        def fast(cells: list[str]) -> tuple | None:
            if len(cells) < width:
                return None
            posting_id, account = cells[i_id].strip(), cells[i_account].strip()
            if not posting_id or len(posting_id) > 64 or not account or len(account) > 20:
                return None
            day = dates.get(cells[i_date]) or new_date(cells[i_date])
            dranst = dransts.get(cells[i_dranst]) or new_dranst(cells[i_dranst])
            raw = cells[i_amount]
            amount = raw if plain(raw) else slow_amount(raw)
            if day is None or dranst is None or amount is None or posting_id in seen:
                return None
            cost_center = cells[i_cc].strip() if i_cc is not None else ""
            text = cells[i_text].strip() if i_text is not None else ""
            if len(cost_center) > 50 or len(text) > 500:
                return None
            # An id in CPR form is refused; the general path says where and why. Accounts
            # and cost centres repeat, so each is checked once (plain_keys).
            if cpr_shaped(posting_id):
                return None
            if (account, cost_center) not in plain_keys and not plain_key(account, cost_center):
                return None
            measure = provider = None
            if has_refs:
                refs = refs_of(cells)
                if refs is None:
                    return None
                measure, provider = refs
            if i_cpr is not None:
                cpr = cells[i_cpr].strip()
                child_pk = (cpr_children.get(cpr) or child_of(cells)) if cpr else None
            else:
                child_pk = child_of(cells) if child else None
            if child_pk == _UNSEEN or (extra is not None and not extra(cells)):
                return None
            seen.add(posting_id)
            # texts repeat (one per measure type and month): most are one look-up
            text, count = scrubs.get(text) or scrubbed(text)
            if count:
                converter.scrubbed += count
            if measure is None:
                activity = by_rules.get((account, dranst, cost_center), _UNSEEN)
                if activity is _UNSEEN:
                    activity = activity_of(None, account, dranst, cost_center)
            else:
                activity = by_measure.get(measure)
            return (
                posting_id,
                day,
                account,
                dranst,
                cost_center,
                amount,
                text,
                measure,
                child_pk,
                provider,
                activity,
            )

        return fast

    def _child(self, cells: list[str]) -> int | None:
        """The child a row names (None: none), or ``_UNSEEN`` when the general path must
        decide (a bad CPR number, an unknown child_id, both columns filled).

        A CPR number's pseudonym is computed once per distinct spelling, and a child known
        only from the ledger is created on its first row, as ``ImportContext.child`` does.
        """
        cpr = cells[self.i_cpr].strip() if self.i_cpr is not None else ""
        key = cells[self.i_child_id].strip() if self.i_child_id is not None else ""
        if cpr:
            pk = self.cpr_children.get(cpr)
            return pk if pk is not None and not key else self._cpr_child(cpr, key)
        if not key:
            return None
        return self.ctx.lookup(Child, "key").get(key, _UNSEEN)

    def _cpr_child(self, cpr: str, key: str) -> int | None:
        if key:
            return _UNSEEN
        try:
            facts = cached_cpr(cpr, self.ctx.cpr_key, self.converter.cpr_cache)
        except ParseError:
            return _UNSEEN
        pk = self.ctx.child(self.converter.file, 0, {"cpr": facts})
        if pk is not None:
            self.cpr_children[cpr] = pk
        return pk

    def _date(self, text: str) -> str | None:
        try:
            value = parsing.parse_date(text)
        except ParseError:
            return None
        if value is None:
            return None
        if len(self.dates) < _CACHE_LIMIT:
            self.dates[text] = value.isoformat()
        return value.isoformat()

    def _dranst(self, text: str) -> int | None:
        value = text.strip().lower()
        if value not in ("1", "2"):  # the contract's dranst values (specs.DRANST)
            return None
        self.dransts[text] = int(value)
        return int(value)

    @staticmethod
    def _amount(text: str) -> str | None:
        value = text.strip()
        if _PLAIN_AMOUNT.fullmatch(value):
            return value
        danish = _DANISH_AMOUNT.fullmatch(value)
        if danish and not (danish[1] and danish[4]):
            sign = "-" if danish[1] or danish[4] else ""
            return f"{sign}{danish[2].replace('.', '')}.{danish[3]}"
        try:
            return str(parsing.parse_amount(text)) if value else None
        except ParseError:
            return None

    def _refs(self, cells: list[str]) -> tuple[int | None, int | None] | None:
        """The measure and provider a row names (None: none), or None when either is
        unknown or too long: the general path then says which."""
        i_measure, i_provider = self.refs
        measure = provider = None
        if i_measure is not None and (key := cells[i_measure].strip()):
            measure = self.measures.get(key) if len(key) <= 64 else None
            if measure is None:
                return None
        if i_provider is not None and (key := cells[i_provider].strip()):
            provider = self.providers.get(key) if len(key) <= 50 else None
            if provider is None:
                return None
        return measure, provider

    def _plain_keys(self, account: str, cost_center: str) -> bool:
        """Neither the account nor the cost centre is CPR-shaped; remembered when so."""
        if any(len(v) >= 10 and looks_like_cpr(v) for v in (account, cost_center)):
            return False
        if len(self.plain_keys) < _CACHE_LIMIT:
            self.plain_keys.add((account, cost_center))
        return True

    def slow(self, number: int, cells: list[str]) -> tuple | None:
        """The general path: full conversion, reference checks and errors."""
        row = self.converter.convert(number, cells)
        return None if row is None else self._from_row(row)

    def _from_row(self, row: Row) -> tuple | None:
        ctx, file, v, n = self.ctx, self.converter.file, row.values, row.number
        measure = provider = child = None
        if v.get("measure_id"):
            measure = self.measures.get(v["measure_id"])
            if measure is None:
                ctx.ref(file, n, "measure_id", v["measure_id"], Measure, "measure_id", "indsats")
                return None
        if v.get("provider_id"):
            provider = self.providers.get(v["provider_id"])
            if provider is None:
                ctx.ref(
                    file, n, "provider_id", v["provider_id"], Provider, "provider_id", "leverandør"
                )
                return None
        if v.get("cpr") is not None or v.get("child_id"):
            before = len(ctx.errors)
            child = ctx.child(file, n, v)
            if len(ctx.errors) > before:
                return None
        dranst, cost_center = int(v["dranst"]), v["cost_center"] or ""
        activity = self.mapper.activity(measure, v["account"], dranst, cost_center)
        values: tuple[Any, ...] = (
            v["posting_id"],
            v["date"].isoformat(),
            v["account"],
            dranst,
            cost_center,
            str(v["amount"]),
            v["text"] or "",
            measure,
            child,
            provider,
            activity,
        )
        return values
