from django.urls import path

from ramme.web.budgets import views

app_name = "budgets"
urlpatterns = [path("", views.budget_page, name="page")]
