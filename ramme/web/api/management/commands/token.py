"""``ramme token create USER | list [USER] | revoke NUMBER``: personal API tokens."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.periods import format_date
from ramme.web.api.services import tokens


class Command(BaseCommand):
    help = (
        "Personlige adgangstokens til API'et: create BRUGER viser et nyt token én gang, "
        "list viser dem, revoke NUMMER tilbagekalder et."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="HANDLING")
        create = actions.add_parser("create", help="lav et token til en bruger")
        create.add_argument("username", help="brugernavn")
        create.add_argument("--name", default="", help="hvad tokenet bruges til (fx 'Power BI')")
        listing = actions.add_parser("list", help="vis tokens (alle eller én brugers)")
        listing.add_argument("username", nargs="?", default="", help="brugernavn")
        revoke = actions.add_parser("revoke", help="tilbagekald et token")
        revoke.add_argument("number", type=int, help="tokenets nummer fra 'ramme token list'")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except tokens.TokenError as error:
            raise CommandError(str(error)) from error

    def _create(self, options: dict[str, Any]) -> None:
        token, raw = tokens.create_token(options["username"].strip(), options["name"].strip())
        self.stdout.write(f"Token nr. {token.pk} til {token.user}. Det vises kun denne ene gang:")
        self.stdout.write(raw)
        self.stdout.write("Brug det som 'Authorization: Bearer <token>'.")

    def _list(self, options: dict[str, Any]) -> None:
        rows = list(tokens.tokens(options["username"].strip()))
        if not rows:
            self.stdout.write("Ingen tokens.")
        for t in rows:
            used = format_date(t.last_used_at.date()) if t.last_used_at else "aldrig"
            state = f"tilbagekaldt {format_date(t.revoked_at.date())}" if t.revoked_at else "aktiv"
            self.stdout.write(
                f"{t.pk:>4}  {t.prefix}…  {t.user.username:<20} {t.name:<20} "
                f"oprettet {format_date(t.created_at.date())}  brugt {used}  {state}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        token = tokens.revoke_token(options["number"])
        self.stdout.write(
            f"Token nr. {token.pk} ({token.prefix}…) til {token.user} er tilbagekaldt."
        )
