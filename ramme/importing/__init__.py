"""Reading and validating the data-contract files (no database): readers, Danish parsing,
mapping profiles and validation that returns rows and errors."""
