from django.urls import path

from ramme.web.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("vis/<slug:kind>/", views.show, name="show"),
    path("hent/<slug:kind>/<slug:fmt>/", views.download, name="download"),
    path("portefoelje/", views.portfolio, name="portfolio"),
    path("portefoelje/ny/", views.initiative_edit, name="initiative_new"),
    path("portefoelje/<int:pk>/", views.initiative_edit, name="initiative_edit"),
    path("portefoelje/import/", views.portfolio_import, name="portfolio_import"),
    path("overfoersler/<int:year>/", views.transfers, name="transfers"),
]
