import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads of these tests land in a folder of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
