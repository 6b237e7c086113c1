"""The pure domain core: money, periods, CPR, forecasting, effects, indicators.

Nothing in this package imports Django (tests/core/test_purity.py enforces it), so the same
functions serve the web pages, the CLI and every report.
"""
