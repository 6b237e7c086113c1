"""The ledger step (posteringer): stream postings into the database by posting_id.

Rows are validated one at a time (``posting_rows``) and written in batches
(``ledger_writers``): straight into an empty ledger table, or through a staging table that
is merged at the end. The file is never held in memory as Python objects, only the set of
keys seen (for duplicates).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from ramme.importing.validate import Converter
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.ledger_writers import ledger_writer
from ramme.web.data.services.posting_rows import Cells, posting_batches
from ramme.web.data.services.upsert import Counts

BATCH = 20_000


def import_postings(ctx: ImportContext, converter: Converter) -> Counts:
    """Validate and write every posting of one file; returns the counts."""
    counts = Counts()
    writer = ledger_writer(ctx.import_number)
    numbered = _progress(ctx, converter.numbered_cells())
    try:
        for batch in posting_batches(ctx, converter, numbered, BATCH):
            counts.read += len(batch)
            ctx.advance(len(batch))
            if not ctx.errors and not converter.errors:  # a rejected file is only validated
                # the batch's new children first: SQLite would otherwise look for the rows
                # naming each of them in a ledger whose indexes are dropped
                ctx.new_children.flush(ctx.import_number)
                writer.write(batch)
        ctx.new_children.flush(ctx.import_number)
        if not ctx.errors and not converter.errors:
            writer.finish(counts)
    except BaseException:
        writer.abandon()  # the transaction is rolled back, the staging table with it
        raise
    writer.close()
    return counts


def _progress(ctx: ImportContext, rows: Iterator[Cells]) -> Iterable[Cells]:
    if not ctx.progress:
        return rows
    from tqdm import tqdm

    bar: Iterable[Cells] = tqdm(
        rows, desc="Posteringer", unit=" rækker", file=sys.stderr, unit_scale=True
    )
    return bar
