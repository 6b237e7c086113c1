from django.urls import path

from ramme.web.forecasts import views, views_accuracy

app_name = "forecasts"
urlpatterns = [
    path("", views.follow_up, name="follow_up"),
    path("godkend/", views.approve, name="approve"),
    path("status/", views.progress, name="progress"),
    path("linje/<int:pk>/", views.line_detail, name="line"),
    path("traefsikkerhed/", views_accuracy.accuracy_page, name="accuracy"),
    path("traefsikkerhed/beregn/", views_accuracy.accuracy_compute, name="accuracy_compute"),
    path("indsats/<str:measure_id>/", views.measure_detail, name="measure"),
]
