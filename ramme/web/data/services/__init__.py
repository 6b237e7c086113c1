"""Services that write the contract data: the all-or-nothing importer and its helpers."""
