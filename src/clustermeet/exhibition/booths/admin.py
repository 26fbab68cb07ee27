"""The back office of booths."""
