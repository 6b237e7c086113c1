from django.urls import path

from ramme.web.plans import views, views_followup, whatif_views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("ny/", views.plan_form, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/rediger/", views.plan_form, name="edit"),
    path("<int:plan_pk>/handling/ny/", views.action_form, name="action_create"),
    path("<int:plan_pk>/handling/<int:pk>/", views.action_form, name="action_edit"),
    path("handling/<int:pk>/sager/", views.action_cases, name="action_cases"),
    path("pejlemaerker/", views_followup.indicator_list, name="indicators"),
    path("pejlemaerker/nyt/", views_followup.indicator_form, name="indicator_create"),
    path("pejlemaerker/<int:pk>/", views_followup.indicator_detail, name="indicator"),
    path("pejlemaerker/<int:pk>/rediger/", views_followup.indicator_form, name="indicator_edit"),
    path("opfoelgning/", views_followup.review_list, name="reviews"),
    path("hvad-nu-hvis/", whatif_views.whatif_page, name="whatif"),
    path("hvad-nu-hvis/gem/", whatif_views.whatif_save, name="whatif_save"),
]
