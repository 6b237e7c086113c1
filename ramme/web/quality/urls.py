from django.urls import path

from ramme.web.quality import views

app_name = "quality"
urlpatterns = [
    path("", views.findings, name="findings"),
    path("forklar/", views.explain, name="explain"),
    path("afstemning/", views.reconcile, name="reconcile"),
]
