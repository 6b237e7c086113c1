"""Forecast snapshots, the monthly budget follow-up and the backtest."""
