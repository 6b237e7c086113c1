"""The municipality's data as the data contract defines it, and the services that load it."""
