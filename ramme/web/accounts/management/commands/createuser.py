"""``ramme createuser USERNAME --role ROLE``: create a user or update one."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.web.accounts.models import Role, User
from ramme.web.accounts.services import create_user


class Command(BaseCommand):
    help = (
        "Opret en bruger med rolle og team (eller opdatér en eksisterende). "
        "Adgangskoden gives med --password, i RAMME_PASSWORD eller ved forespørgsel."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="brugernavn (samme som rådgiver-kolonnen i data)")
        parser.add_argument(
            "--role",
            required=True,
            choices=Role.values,
            help="economist (økonomikonsulent), head (afdelingsleder), "
            "team_leader (teamleder) eller caseworker (rådgiver)",
        )
        parser.add_argument("--team", default="", help="teamets navn (som i data)")
        parser.add_argument("--password", help="adgangskode (ellers RAMME_PASSWORD eller prompt)")
        parser.add_argument(
            "--superuser", action="store_true", help="giv fuld adgang, også til administration"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        role = options["role"]
        if role == Role.TEAM_LEADER and not options["team"]:
            raise CommandError("En teamleder skal have et team: brug --team NAVN.")
        password = options["password"] or os.environ.get("RAMME_PASSWORD") or _prompt()
        try:  # Django's password rules (AUTH_PASSWORD_VALIDATORS); the demo's own users skip them
            validate_password(password, User(username=options["username"]))
        except ValidationError as error:
            raise CommandError("Adgangskoden afvises: " + " ".join(error.messages)) from None
        user = create_user(
            options["username"].strip(),
            role,
            password,
            team=options["team"].strip(),
            superuser=options["superuser"],
        )
        label = Role(role).label.lower()
        team = f" i team {user.team}" if user.team else ""
        self.stdout.write(f"Brugeren {user.username} er oprettet som {label}{team}.")


def _prompt() -> str:
    if not sys.stdin.isatty():
        raise CommandError("Angiv en adgangskode med --password eller RAMME_PASSWORD.")
    first = getpass.getpass("Adgangskode: ")
    if not first:
        raise CommandError("Adgangskoden må ikke være tom.")
    if getpass.getpass("Gentag adgangskode: ") != first:
        raise CommandError("De to adgangskoder er ikke ens.")
    return first
