"""Synthetic municipalities (worlds) for judging the forecast on data it was not built beside.

Pure Python + numpy (no Django): ``registry`` names the worlds, ``files.write_world`` writes
a world's data-contract files as exported on a day, ``world.outturn`` is the truth a forecast
is scored against. ``loader.load_world`` (Django) imports a world and caches its Dataset.
See docs/forecast-worlds.md.
"""
