"""The demo municipality on the web side (``ramme demo``, ``./scripts/demo``): the generated
data imported, the demo logins, the planted action plan and indicators, the initiative
portfolio and the approved month ends. Each step calls the real services, as a user would.

``setup.prepare_demo`` runs them in order; ``plans``, ``portfolio`` and ``portfolio_data``
hold what each step writes. The generator of the data files is ``ramme.demo`` (pure).
"""
