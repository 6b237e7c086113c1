from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ramme.web.accounts"
    label = "accounts"
    verbose_name = "Brugere og log"
