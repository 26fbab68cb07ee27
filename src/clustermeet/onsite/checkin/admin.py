"""The back office of checkin."""
