"""Single sign-on (OpenID Connect) through the municipality's identity provider."""
