"""The back office of leads."""
