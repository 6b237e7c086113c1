"""Users with a role and team, and the audit log of access to case data."""
