from django.urls import path

from ramme.web.front import views

app_name = "front"
urlpatterns = [
    path("", views.start, name="start"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
]
