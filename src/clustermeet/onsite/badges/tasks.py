"""Background tasks of badges (filled in below)."""
