"""The back office of pitches."""
