"""URL configuration: each app brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

from ramme.web.api.api import api

admin.site.site_header = "ramme – administration"
admin.site.site_title = "ramme"

urlpatterns = [
    path("", include("ramme.web.accounts.urls")),  # before admin/: it takes admin/login/
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("prognose/", include("ramme.web.forecasts.urls")),
    path("handleplaner/", include("ramme.web.plans.urls")),
    path("rapporter/", include("ramme.web.reports.urls")),
    path("import/", include("ramme.web.uploads.urls")),
    path("datakvalitet/", include("ramme.web.quality.urls")),
    path("sammenligning/", include("ramme.web.benchmark.urls")),
    path("budget/", include("ramme.web.budgets.urls")),
    path("tekster/", include("ramme.web.texts.urls")),
    path("", include("ramme.web.front.urls")),
]

# Danish error pages, rendered with the request (header, navigation, the reason)
handler400 = "ramme.web.front.errors.bad_request"
handler403 = "ramme.web.front.errors.permission_denied"
handler404 = "ramme.web.front.errors.page_not_found"
handler500 = "ramme.web.front.errors.server_error"
