"""The Django project: web pages, auth, admin, models and the services that write them."""
