"""Action plans (handleplaner): trigger, case-traced effects, what-if, indicators, reviews.

Pure functions over ``ramme.core.records``; see docs/action-plans.md for the method.
"""
