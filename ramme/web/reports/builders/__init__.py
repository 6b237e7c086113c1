"""The registry of report builders: ``ramme report KIND`` and the web pages use the same entries.

A builder declares its options once (``add_arguments`` on an argparse parser) and builds a
:class:`ramme.reports.model.Report` from the parsed options (a dict; ``today`` is always
given). The web page turns its query string into the same options with
:func:`parse_options`, so page, download and CLI call one builder with one set of options.

To add a report: write ``build`` and ``add_arguments`` and add one entry to ``BUILDERS``
(or call :func:`register` from your app's ``AppConfig.ready``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from ramme.reports.model import Report
from ramme.web.forecasts.services.cache import one_version
from ramme.web.front.danish_input import AS_OF_PARAMETER
from ramme.web.reports.builders import actionplan, annual, monthly, portfolio

Options = dict[str, Any]


class ReportBuilder(NamedTuple):
    title: str  # Danish, for pages and help
    add_arguments: Callable[[argparse.ArgumentParser], None]
    make: Callable[[Options], Report]

    def build(self, options: Options) -> Report:
        """The report; the data version is read once, however many forecasts it asks for."""
        with one_version():
            return self.make(options)


BUILDERS: dict[str, ReportBuilder] = {
    "annual": ReportBuilder(
        "Regnskab (årsregnskab for rammen)", annual.add_arguments, annual.build
    ),
    "portfolio": ReportBuilder("Initiativportefølje", portfolio.add_arguments, portfolio.build),
    "monthly": ReportBuilder("Månedsrapport", monthly.add_arguments, monthly.build),
    "actionplan": ReportBuilder("Handleplan", actionplan.add_arguments, actionplan.build),
}


def register(kind: str, builder: ReportBuilder) -> None:
    """Add a report kind (e.g. ``monthly``, ``actionplan``) from another app."""
    BUILDERS[kind] = builder


class OptionError(ValueError):
    """Options that do not parse; the message is Danish and fit for the user."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise OptionError(f"Ugyldige valg: {message}")


# ``?dato=31.03.2024`` is the as-of date's one name on every page, so reports take it too
ALIASES = {AS_OF_PARAMETER: "as_of"}


def parse_options(kind: str, params: Mapping[str, str]) -> Options:
    """The builder's options from a web query (``{"year": "2017"}`` → ``--year 2017``)."""
    parser = _Parser(prog=kind, add_help=False)
    BUILDERS[kind].add_arguments(parser)
    argv: list[str] = []
    actions = {action.dest: action for action in parser._actions}
    for name, value in params.items():
        key = ALIASES.get(name, name)
        action = actions.get(key)
        if action is None or value == "":
            continue
        flag = f"--{key.replace('_', '-')}"
        if action.nargs == 0:  # a switch such as --restricted: on for 1/ja/on/true
            argv += [flag] if value.lower() in {"1", "ja", "on", "true"} else []
        else:
            argv += [flag, value]
    return vars(parser.parse_args(argv))
