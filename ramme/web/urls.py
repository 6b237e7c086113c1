"""URL configuration: each app brings its own urls module."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ramme.web.api.api import api

admin.site.site_header = "ramme – administration"
admin.site.site_title = "ramme"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("prognose/", include("ramme.web.forecasts.urls")),
    path("handleplaner/", include("ramme.web.plans.urls")),
    path("rapporter/", include("ramme.web.reports.urls")),
    path("sammenligning/", include("ramme.web.benchmark.urls")),
    path("", include("ramme.web.front.urls")),
]
