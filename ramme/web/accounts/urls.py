"""Login and logout: the login page, single sign-on's two steps, and the admin's login."""

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from ramme.web.accounts import views
from ramme.web.accounts.oidc import views as oidc_views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("adgangslog/", views.audit_log, name="audit_log"),
    # One login page for everyone, so switching local login off also closes the admin's.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    # The names are the ones mozilla-django-oidc reverses.
    path("oidc/login/", oidc_views.OidcLoginView.as_view(), name="oidc_authentication_init"),
    path(
        "oidc/callback/",
        oidc_views.OidcCallbackView.as_view(),
        name="oidc_authentication_callback",
    ),
]
