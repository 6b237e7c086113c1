from django.urls import path

from ramme.web.forecasts import views

app_name = "forecasts"
urlpatterns = [
    path("", views.follow_up, name="follow_up"),
    path("linje/<int:pk>/", views.line_detail, name="line"),
    path("indsats/<str:measure_id>/", views.measure_detail, name="measure"),
]
