"""The example municipality and fast forecasts, as for the follow-up tests."""

from tests.web.forecasts.conftest import _fast_forecast, example  # noqa: F401
