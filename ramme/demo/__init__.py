"""The demo municipality generator: realistic data-contract files for a fictitious municipality.

``generate(out_dir, population=48_000, years=(2021, 2024), seed=1, scenario="handleplan")``
writes catalogue.csv … events.csv and scenario.json. Parameters: ramme.demo.parameters;
method: docs/demo.md. Pure Python + numpy, no Django.
"""

from __future__ import annotations

from ramme.demo.run import GenerationSummary, generate

__all__ = ["GenerationSummary", "generate"]
