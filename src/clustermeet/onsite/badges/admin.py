"""The back office of badges."""
