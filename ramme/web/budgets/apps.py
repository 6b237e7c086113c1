from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "ramme.web.budgets"
    label = "budgets"
    verbose_name = "Budgetter"
