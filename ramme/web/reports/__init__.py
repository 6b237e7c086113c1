"""The committee reports and the initiative portfolio (initiativportefølje)."""
