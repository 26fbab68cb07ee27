import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Badge prints and logos are written under the test's own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
