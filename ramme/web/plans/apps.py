from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ramme.web.plans"
    label = "plans"
    verbose_name = "Handleplaner og pejlemærker"

    def ready(self) -> None:
        from ramme.web.forecasts.services import precompute
        from ramme.web.plans import stored_lists

        # the review lists are stored by the forecasts' after-import task, beside them
        if stored_lists.stored_or_built not in precompute.ALSO_STORED:
            precompute.ALSO_STORED.append(stored_lists.stored_or_built)
