from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ramme.web.accounts"
    label = "accounts"
    verbose_name = "Brugere og log"

    def ready(self) -> None:
        from ramme.web.accounts import signals  # noqa: F401  (connects the audit receivers)
