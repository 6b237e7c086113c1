from django.urls import path

from ramme.web.benchmark import views

app_name = "benchmark"
urlpatterns = [
    path("", views.comparison, name="comparison"),
    path("interne-tilbud/", views.offers, name="offers"),
    path("underretninger/", views.casework, name="casework"),
]
