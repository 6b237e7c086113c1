from django.urls import path

from ramme.web.uploads import views

app_name = "uploads"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("historik/", views.history, name="history"),
    path("<int:upload_id>/", views.detail, name="detail"),
    path("<int:upload_id>/status.json", views.status, name="status"),
    path("<int:upload_id>/bekraeft/", views.confirm, name="confirm"),
]
