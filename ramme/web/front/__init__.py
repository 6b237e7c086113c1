"""The pages users see: start page and, later, follow-up, plans and reports."""
