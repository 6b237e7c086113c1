"""The monthly data load in the browser (import i browseren): upload, validate, confirm."""
