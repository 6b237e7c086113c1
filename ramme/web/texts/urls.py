from django.urls import path

from ramme.web.texts import views

app_name = "texts"
urlpatterns = [path("<slug:slug>/", views.edit_texts, name="edit")]
