import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """The tests read the commands' messages in English, whatever the catalogue says."""
    with translation.override("en"):
        yield
