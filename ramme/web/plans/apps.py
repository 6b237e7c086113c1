from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ramme.web.plans"
    label = "plans"
    verbose_name = "Handleplaner og pejlemærker"

    def ready(self) -> None:
        from ramme.web.forecasts import also_stored

        # the review lists are stored by the forecasts' after-import task, beside them
        also_stored.register("ramme.web.plans.stored_lists.stored_or_built")
