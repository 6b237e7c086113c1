"""The ``ramme`` command: a thin adapter over the management commands of ramme's apps.

Each command lives as a Django management command in the app it belongs to
(``ramme/web/<app>/management/commands/<name>.py``), so the CLI, the web pages and the
tests call the same services. The database is created and migrated before any command.
"""

from __future__ import annotations

import os
import sys

INTERNAL = {"migrate", "check", "shell", "dbshell", "showmigrations", "makemigrations"}


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()


def ramme_commands() -> dict[str, str]:
    """Name → app of every command ramme's own apps define: the apps are those of
    ``INSTALLED_APPS`` under ``ramme.``, so a new app's commands need no second list."""
    from django.core.management import get_commands

    return {name: app for name, app in get_commands().items() if app.startswith("ramme.")}


def ensure_database() -> None:
    """Create and migrate the database if needed (quietly)."""
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def _print_help() -> None:
    from django.core.management import load_command_class

    print("Brug: ramme KOMMANDO [argumenter]   (ramme KOMMANDO --help for detaljer)\n")
    print("Kommandoer:")
    for name, app in sorted(ramme_commands().items()):
        command = load_command_class(app, name)
        summary = (command.help or "").strip().splitlines()[0] if command.help else ""
        print(f"  {name:<14} {summary}")


def _choose_mode(args: list[str]) -> None:
    """``serve --production`` must be known before the settings load (no generated keys)."""
    if args[:1] == ["serve"] and "--production" in args:
        os.environ["RAMME_PRODUCTION"] = "1"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _choose_mode(args)
    from django.core.exceptions import ImproperlyConfigured

    try:
        _setup()
    except ImproperlyConfigured as error:  # a setting is missing or wrong: say which
        print(f"ramme: {error}", file=sys.stderr)
        return 2
    if not args or args[0] in {"-h", "--help", "help"}:
        _print_help()
        return 0
    if args[0] not in ramme_commands() and args[0] not in INTERNAL:
        print(f"ramme: ukendt kommando '{args[0]}'. Se 'ramme --help'.", file=sys.stderr)
        return 2
    from django.core.management import ManagementUtility

    if args[0] not in INTERNAL:
        ensure_database()
    try:
        ManagementUtility(["ramme", *args]).execute()
    except KeyboardInterrupt:
        print("Afbrudt.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
