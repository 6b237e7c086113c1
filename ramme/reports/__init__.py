"""Committee reports (udvalgsrapporter): one document model, many formats.

A builder turns figures into a :class:`~ramme.reports.model.Report`; the renderers in
:data:`ramme.reports.renderers.RENDERERS` turn that one object into HTML, PDF, Word and
Excel. Charts are data (:mod:`ramme.reports.model`) drawn by :mod:`ramme.reports.charts`.
Pure Python: never imports Django.
"""
