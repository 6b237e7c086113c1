from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ramme.web.plans"
    label = "plans"
    verbose_name = "Handleplaner og pejlemærker"
