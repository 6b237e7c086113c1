"""Services of the browser import: receive files, validate, import, report progress."""
